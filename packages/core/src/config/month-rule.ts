import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

/** A calendar month, `YYYY-MM`. */
export const monthRule = (): AttributeRule<string> => ({
  expected: 'a month as YYYY-MM, such as "2026-05"',
  read: (raw) => {
    const month = asText(raw);
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? valid(month) : invalid();
  },
});
