import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

/**
 * Static tags, so that a view can write `<${tag}>…</${tag}>` with lit/static-html's `html`. Each is
 * made on first use, not at module load: a call at the top level would count as a side effect,
 * and any bundle importing core's index would then carry this module and lit's static templates.
 */
const headingTags: StaticValue[] = [];
const tagFor = (level: number) => (headingTags[level] ??= unsafeStatic(`h${level}`));

/**
 * The heading tag for a widget whose top headings are at `level` (its `heading-level`), `offset`
 * levels further down (a card under the widget's heading: offset 1). Clamped to h1…h6, because a
 * deep host outline must still give a heading, never a missing one.
 */
export const headingTag = (level: number, offset = 0): StaticValue => {
  const wanted = Math.trunc(Number.isFinite(level) ? level : 2) + offset;
  // Only h1…h6 ever reach unsafeStatic: the level is a clamped whole number, never page input.
  return tagFor(Math.min(6, Math.max(1, wanted)));
};
