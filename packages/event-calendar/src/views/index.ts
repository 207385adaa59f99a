/**
 * The calendar's lazy chunk (see `loadViews` in oc-event-calendar.ts): the views, the feed parsers
 * with recurrence and export, and their styles. Loaded after the element, in parallel with the
 * feeds it needs anyway.
 */
import { parseFeed } from '../feeds.js';
import type { CalendarController } from '../calendar-state.js';
import type { ParsedFeed } from '../model.js';
import { viewSpan, type ShownDays } from '../shown-events.js';

export { renderCalendar, announcementText } from './calendar-view.js';
export { parseFeed } from '../feeds.js';
export { eventCalendarStyles as styles } from '../oc-event-calendar.styles.js';

/**
 * Read a feed in slices, what the days shown now need first (their events read, their
 * recurrences made ahead), so that the first render is quick; the months either side are made
 * when the page is idle after it (see `eventsInView`), and the rest of an iCalendar feed is read
 * then too: the calendar is drawn again when that is done, for the note's final counts.
 */
export async function readFeed(
  state: ShownDays & Pick<CalendarController, 'refresh'>,
  text: string,
  feed: number,
  url?: string,
): Promise<ParsedFeed> {
  const { range } = viewSpan(state);
  const parsed = await parseFeed(text, feed, url, { ahead: range });
  void parsed.reading?.then(() => state.refresh());
  return parsed;
}
