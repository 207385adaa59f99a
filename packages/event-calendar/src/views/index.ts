/**
 * The calendar's lazy chunk (see `loadViews` in oc-event-calendar.ts): the views, the feed parsers
 * with recurrence and export, and their styles. Loaded after the element, in parallel with the
 * feeds it needs anyway.
 */
import { parseFeed } from '../feeds.js';
import type { ParsedFeed } from '../model.js';
import { viewSpan, type ShownDays } from '../shown-events.js';

export { renderCalendar, announcementText } from './calendar-view.js';
export { parseFeed } from '../feeds.js';
export { eventCalendarStyles as styles } from '../oc-event-calendar.styles.js';

const MONTH_MS = 31 * 86_400_000;

/**
 * Read a feed in slices, and make ahead the recurrences of the days shown now and a month either
 * side, so that the first render and the next month are quick.
 */
export function readFeed(state: ShownDays, text: string, feed: number, url?: string): Promise<ParsedFeed> {
  const { range } = viewSpan(state);
  const ahead = { start: new Date(range.start.getTime() - MONTH_MS), end: new Date(range.end.getTime() + MONTH_MS) };
  return parseFeed(text, feed, url, { ahead });
}
