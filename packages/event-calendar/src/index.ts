import './translations.js';

export { OcEventCalendar, type EventCalendarView, type EventSelectDetail } from './oc-event-calendar.js';
export { parseFeed, isICalendar } from './feeds.js';
export { parseJsonLd } from './jsonld.js';
export { expandSchedule, type ScheduleRule } from './schedule.js';
export { mergeFeeds, applyFilters, monthWeeks, type Filters } from './calendar.js';
export { occurrenceToIcs, foldLine, escapeText } from './export-ics.js';
export type { EventInfo, Occurrence, ParsedFeed, TimeRange, DateOnly } from './model.js';
