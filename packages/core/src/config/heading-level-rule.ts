import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

/**
 * `heading-level` (every widget, see the contract): the level of the widget's top headings, so the
 * host page keeps its outline. 1 to 6; default 2. Headings below the top ones use `headingTag`
 * with an offset. Its own small rule rather than `integerRule`: the report, which needs no other
 * number, then does not download the general one.
 */
export const headingLevelRule = (): AttributeRule<number> => ({
  expected: 'a whole number from 1 to 6',
  default: 2,
  read: (raw) => {
    const level = Number(asText(raw));
    return Number.isInteger(level) && level >= 1 && level <= 6 ? valid(level) : invalid();
  },
});
