import './translations.js';

export { OcEventCalendar, type EventCalendarView, type EventSelectDetail } from './oc-event-calendar.js';
export type { Filters } from './calendar.js';
export type { ScheduleRule } from './schedule.js';
export type { EventInfo, Occurrence, ParsedFeed, TimeRange, DateOnly } from './model.js';
