import { integerRule } from './integer-rule.js';

/**
 * `heading-level` (every widget, see the contract): the level of the widget's top headings, so the
 * host page keeps its outline. 1 to 6; default 2. Headings below the top ones use `headingTag`
 * with an offset.
 */
export const headingLevelRule = () => integerRule(2, 1, 6);
