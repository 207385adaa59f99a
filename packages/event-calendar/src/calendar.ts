/**
 * What the views show, computed without the DOM: merging feeds, filters and search, days of a
 * month grid, and occurrences grouped by day, all in an explicit time zone. Pure.
 */
import {
  addDays,
  compareDates,
  firstDayOfWeek,
  isoDate,
  matchesAtWordStarts,
  startOfDay,
  weekdayOf,
} from '@open-city/core';
import { addMonthsToDate, daysInMonth, type MonthRef } from './dates.js';
import type { DateOnly, Occurrence, ParsedFeed, TimeRange } from './model.js';
import { cachedOffset } from './zone-offsets.js';

export interface Filters {
  query: string;
  category?: string;
  language?: string;
  audience?: string;
  free?: boolean;
}

/**
 * The occurrences of every feed in a range, merged: one per UID and start (RECURRENCE-ID), the
 * first feed in `src` winning, sorted by start, then all-day first, then title.
 */
export function mergeFeeds(
  feeds: readonly (ParsedFeed | undefined)[],
  range: TimeRange,
  timeZone: string,
  limit?: number,
): Occurrence[] {
  const byKey = new Map<string, Occurrence>();
  for (const feed of feeds) {
    if (!feed) continue;
    for (const occurrence of feed.expand(range, timeZone, limit)) {
      if (!byKey.has(occurrence.key)) byKey.set(occurrence.key, occurrence);
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      Number(b.allDay) - Number(a.allDay) ||
      a.event.title.localeCompare(b.event.title),
  );
}

/** Every word of the query starts a word of the event (title, description, place, categories...). */
export function matchesQuery(occurrence: Occurrence, query: string): boolean {
  const { event } = occurrence;
  const text = [
    event.title,
    event.description,
    event.place?.name,
    event.place?.address,
    event.organizer?.name,
    ...event.categories,
    ...event.audiences,
  ]
    .filter(Boolean)
    .join(' ');
  return matchesAtWordStarts(text, query);
}

/** The language of a code without region: `uk-UA` → `uk`. */
export const baseLanguage = (code: string) => code.toLowerCase().split(/[-_]/)[0];

export function applyFilters(occurrences: readonly Occurrence[], filters: Filters): Occurrence[] {
  return occurrences.filter(({ event }, index) => {
    if (filters.category && !event.categories.includes(filters.category)) return false;
    if (filters.language && !event.languages.some((code) => baseLanguage(code) === filters.language)) return false;
    if (filters.audience && !event.audiences.includes(filters.audience)) return false;
    if (filters.free && event.free !== true) return false;
    return matchesQuery(occurrences[index], filters.query);
  });
}

/** The values the filters offer: those present in the events, sorted. */
export function filterOptions(occurrences: readonly Occurrence[], locale: string) {
  const categories = new Set<string>();
  const languages = new Set<string>();
  const audiences = new Set<string>();
  let anyFree = false;
  for (const { event } of occurrences) {
    event.categories.forEach((category) => categories.add(category));
    event.languages.forEach((code) => languages.add(baseLanguage(code)));
    event.audiences.forEach((audience) => audiences.add(audience));
    if (event.free) anyFree = true;
  }
  const sort = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, locale));
  return { categories: sort(categories), languages: sort(languages), audiences: sort(audiences), anyFree };
}

/** The calendar date of an instant in a zone (through the zone's offsets per day: no Intl call). */
export function dateOfInstant(instant: Date | number, timeZone: string): DateOnly {
  const ms = Number(instant);
  const local = new Date(ms + cachedOffset(ms, timeZone) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The calendar days an occurrence covers in a zone (a multi-day festival covers each), at most 62. */
export function daysOf(occurrence: Occurrence, timeZone: string): DateOnly[] {
  const first =
    occurrence.allDay && occurrence.startDate ? occurrence.startDate : dateOfInstant(occurrence.start, timeZone);
  let last: DateOnly;
  if (occurrence.allDay && occurrence.endDate) last = addDays(occurrence.endDate, -1);
  else if (occurrence.end.getTime() > occurrence.start.getTime())
    last = dateOfInstant(occurrence.end.getTime() - 1, timeZone);
  else last = first;
  const days: DateOnly[] = [];
  for (let day = first; compareDates(day, last) <= 0 && days.length < 62; day = addDays(day, 1)) days.push(day);
  return days.length > 0 ? days : [first];
}

/** Occurrences by day (`YYYY-MM-DD`), each day's list in the order given. */
export function groupByDay(occurrences: readonly Occurrence[], timeZone: string): Map<string, Occurrence[]> {
  const days = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    for (const day of daysOf(occurrence, timeZone)) {
      const key = isoDate(day);
      const list = days.get(key);
      if (list) list.push(occurrence);
      else days.set(key, [occurrence]);
    }
  }
  return days;
}

/**
 * The weeks of a month grid: whole weeks from the locale's first day of the week, covering the
 * month (4 to 6 rows). `firstDay` is an ISO weekday (1 = Monday).
 */
export function monthWeeks(month: MonthRef, firstDay: number): DateOnly[][] {
  const first = { ...month, day: 1 };
  const lead = (weekdayOf(first) - firstDay + 7) % 7;
  let day = addDays(first, -lead);
  const last = { ...month, day: daysInMonth(month) };
  const weeks: DateOnly[][] = [];
  while (compareDates(day, last) <= 0) {
    const week: DateOnly[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
    weeks.push(week);
  }
  return weeks;
}

/** First day of the week for the page locale, in Poland for a locale without region. */
export function weekStart(locale: string): number {
  return firstDayOfWeek(locale, 'PL');
}

/** First and last day of a week containing `date`, weeks starting on `firstDay`. */
export function weekBounds(date: DateOnly, firstDay: number): [DateOnly, DateOnly] {
  const start = addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
  return [start, addDays(start, 6)];
}

/** The instants a list of days spans in a zone, from the first day's start to the day after the last. */
export function rangeOfDays(first: DateOnly, last: DateOnly, timeZone: string): TimeRange {
  return { start: startOfDay(first, timeZone), end: startOfDay(addDays(last, 1), timeZone) };
}

/**
 * The day a key moves to from `current` in the month grid: arrows by day and week (left and right
 * mirrored right to left), Home/End to the ends of the week, Page Up/Down by month (Shift: year).
 * Undefined for any other key.
 */
export function dayAfterKey(
  current: DateOnly,
  key: string,
  options: { shiftKey: boolean; rtl: boolean; firstDay: number },
): DateOnly | undefined {
  const forward = options.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return addDays(current, forward);
    case 'ArrowLeft':
      return addDays(current, -forward);
    case 'ArrowDown':
      return addDays(current, 7);
    case 'ArrowUp':
      return addDays(current, -7);
    case 'Home':
      return weekBounds(current, options.firstDay)[0];
    case 'End':
      return weekBounds(current, options.firstDay)[1];
    case 'PageUp':
      return addMonthsToDate(current, options.shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonthsToDate(current, options.shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}
