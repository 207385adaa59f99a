import { literal, type StaticValue } from 'lit/static-html.js';

/** Static tags, so that a view can write `<${tag}>…</${tag}>` with lit/static-html's `html`. */
const headingTags: readonly StaticValue[] = [
  literal`h1`,
  literal`h2`,
  literal`h3`,
  literal`h4`,
  literal`h5`,
  literal`h6`,
];

/**
 * The heading tag for a widget whose top headings are at `level` (its `heading-level`), `offset`
 * levels further down (a card under the widget's heading: offset 1). Clamped to h1…h6, because a
 * deep host outline must still give a heading, never a missing one.
 */
export const headingTag = (level: number, offset = 0): StaticValue => {
  const wanted = Math.trunc(Number.isFinite(level) ? level : 2) + offset;
  return headingTags[Math.min(6, Math.max(1, wanted)) - 1];
};
