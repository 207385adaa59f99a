import type { AttributeRule } from '@open-city/core';

/**
 * A phone number a person can call: digits, with an optional leading +, and the spaces, brackets,
 * dots, slashes and dashes people write them with. In the element's first chunk with its other rules.
 */
export const phoneRule = (): AttributeRule<string> => ({
  expected: 'a phone number such as "+48 12 616 12 34"',
  read: (raw) => {
    const phone = String(raw).trim();
    return /^\+?\d[\d ()./-]{1,30}$/.test(phone) ? { ok: true, value: phone } : { ok: false };
  },
});
