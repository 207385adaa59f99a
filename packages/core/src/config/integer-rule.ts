import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

/** A whole number from `min` to `max`. */
export const integerRule = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): AttributeRule<number> => ({
  expected:
    max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`,
  default: fallback,
  read: (raw) => {
    const number = typeof raw === 'number' ? raw : Number(asText(raw));
    return Number.isInteger(number) && number >= min && number <= max ? valid(number) : invalid();
  },
});
