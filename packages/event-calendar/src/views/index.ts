/**
 * The calendar's lazy chunk (see `loadViews` in oc-event-calendar.ts): the views, the feed parsers
 * with recurrence and export, and their styles. Loaded after the element, in parallel with the
 * feeds it needs anyway.
 */
export { renderCalendar, announcementText } from './calendar-view.js';
export { parseFeed } from '../feeds.js';
export { eventCalendarStyles as styles } from '../oc-event-calendar.styles.js';
