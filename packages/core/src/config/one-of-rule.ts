import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

/** One of a fixed list of words (case and spaces around it do not matter). */
export const oneOfRule = <T extends string>(allowed: readonly T[], fallback?: T): AttributeRule<T> => ({
  expected: `one of ${allowed.map((value) => `"${value}"`).join(', ')}`,
  default: fallback,
  read: (raw) => {
    const word = asText(raw).toLowerCase() as T;
    return allowed.includes(word) ? valid(word) : invalid();
  },
});
