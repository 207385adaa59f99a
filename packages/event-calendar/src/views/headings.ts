import { headingTag } from '@open-city/core';
import type { StaticValue } from 'lit/static-html.js';

/**
 * The calendar's `heading-level` for the views of one render: set by `renderCalendar`, read by
 * the views that draw headings (the month's title and an event's title at that level, the days one
 * below), so that views called from other views need no extra parameter.
 */
const levels = new WeakMap<object, number>();

export function setHeadingLevel(state: object, level: number): void {
  levels.set(state, level);
}

/** The tag of a heading `offset` levels below the calendar's top headings. */
export function headingOf(state: object, offset = 0): StaticValue {
  return headingTag(levels.get(state) ?? 2, offset);
}
