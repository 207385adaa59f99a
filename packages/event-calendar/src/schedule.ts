/**
 * Recurrence of schema.org `Schedule` (the `eventSchedule` of an Event): repeatFrequency as an
 * ISO 8601 duration (`P1W`, `P2W`, `P1M`, `P1D`, `P1Y`) or a word (`Weekly`), byDay (schema.org
 * DayOfWeek, or iCal's `MO`, `2TU`, `-1FR`), byMonthWeek, byMonthDay, byMonth, startDate/endDate,
 * startTime/endTime or duration, scheduleTimezone, exceptDate, repeatCount.
 * Pure: no DOM; every expansion is bounded by a range and by a number of steps.
 */
import { addDays, compareDates, weekdayOf, wallTimeToInstant, type WallTime } from '@open-city/core';
import { MAX_RECURRENCE_STEPS, type DateOnly, type TimeRange } from './model.js';

export type Frequency = 'D' | 'W' | 'M' | 'Y';

export interface ByDay {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 2 = second of the month, -1 = last; undefined = every. */
  ordinal?: number;
}

export interface ScheduleRule {
  frequency: Frequency;
  interval: number;
  byDay: ByDay[];
  byMonthDay: number[];
  byMonth: number[];
  /** First date of the schedule. */
  startDate: DateOnly;
  /** Last date (inclusive), if any. */
  endDate?: DateOnly;
  /** Wall-clock start; undefined = all day. */
  startTime?: Pick<WallTime, 'hour' | 'minute' | 'second'>;
  /** Length of each occurrence in ms (all-day: whole days × 86,400,000). */
  durationMs: number;
  timeZone: string;
  count?: number;
  /** Dates to leave out (a whole day), and instants to leave out (one occurrence). */
  exceptDates: DateOnly[];
  exceptInstants: number[];
}

export interface ScheduledOccurrence {
  date: DateOnly;
  start: Date;
  end: Date;
  allDay: boolean;
}

const dayNames: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  mo: 1,
  tu: 2,
  we: 3,
  th: 4,
  fr: 5,
  sa: 6,
  su: 7,
};

/** `https://schema.org/Tuesday`, `Tuesday`, `TU`, `2TU`, `-1FR`. */
export function parseByDay(value: unknown): ByDay | undefined {
  const raw =
    typeof value === 'string'
      ? value
      : ((value as { '@id'?: string; name?: string } | null)?.['@id'] ?? (value as { name?: string } | null)?.name);
  if (typeof raw !== 'string') return undefined;
  const token = raw.trim().replace(/^.*[/#:]/, '');
  const match = /^([+-]?\d{1,2})?([a-z]+)$/i.exec(token);
  if (!match) return undefined;
  const weekday = dayNames[match[2].toLowerCase()];
  if (!weekday) return undefined;
  const ordinal = match[1] ? Number(match[1]) : undefined;
  return { weekday, ordinal: ordinal === 0 ? undefined : ordinal };
}

/** `P1W`, `P2D`, `P1M`, `P1Y`, or `Daily`/`Weekly`/`Monthly`/`Yearly`. */
export function parseFrequency(value: unknown): { frequency: Frequency; interval: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  const words: Record<string, Frequency> = { daily: 'D', weekly: 'W', monthly: 'M', yearly: 'Y', annually: 'Y' };
  if (words[word]) return { frequency: words[word], interval: 1 };
  const match = /^P(\d+)([DWMY])$/i.exec(value.trim());
  if (!match || Number(match[1]) < 1) return undefined;
  return { frequency: match[2].toUpperCase() as Frequency, interval: Number(match[1]) };
}

/** An ISO 8601 duration (`PT2H`, `P1DT30M`) in ms; months and years are not accepted. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(value.trim());
  if (!match || value.trim().length < 3) return undefined;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return ((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000;
}

/** `2026-11-24` (or the date part of a date-time). */
export function parseDate(value: unknown): DateOnly | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : undefined;
}

/** `18:00`, `18:00:00`, `18:00:00+01:00` (the offset is ignored: the schedule's zone rules). */
export function parseTime(value: unknown): Pick<WallTime, 'hour' | 'minute' | 'second'> | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:.*T)?(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!match) return undefined;
  const time = { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) };
  return time.hour < 24 && time.minute < 60 ? time : undefined;
}

function daysBetween(a: DateOnly, b: DateOnly): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function matchesByDay(date: DateOnly, rules: ByDay[], monthly: boolean): boolean {
  const weekday = weekdayOf(date);
  const last = daysInMonth(date.year, date.month);
  return rules.some((rule) => {
    if (rule.weekday !== weekday) return false;
    if (rule.ordinal === undefined || !monthly) return true;
    if (rule.ordinal > 0) return Math.ceil(date.day / 7) === rule.ordinal;
    return Math.ceil((last - date.day + 1) / 7) === -rule.ordinal;
  });
}

function matchesMonthDay(date: DateOnly, days: number[]): boolean {
  const last = daysInMonth(date.year, date.month);
  return days.some((day) => (day > 0 ? day === date.day : last + day + 1 === date.day));
}

/** Whether the rule has an occurrence on a date (not counting `count` or excepted dates). */
export function occursOn(rule: ScheduleRule, date: DateOnly): boolean {
  if (compareDates(date, rule.startDate) < 0) return false;
  if (rule.endDate && compareDates(date, rule.endDate) > 0) return false;
  if (rule.byMonth.length > 0 && !rule.byMonth.includes(date.month)) return false;
  const start = rule.startDate;
  switch (rule.frequency) {
    case 'D':
      return (
        daysBetween(start, date) % rule.interval === 0 &&
        (rule.byDay.length === 0 || matchesByDay(date, rule.byDay, false))
      );
    case 'W': {
      // Weeks counted from the Monday of the start's week (iCal's default WKST=MO).
      const weeks = Math.floor(daysBetween(addDays(start, 1 - weekdayOf(start)), date) / 7);
      if (weeks % rule.interval !== 0) return false;
      return rule.byDay.length > 0 ? matchesByDay(date, rule.byDay, false) : weekdayOf(date) === weekdayOf(start);
    }
    case 'M':
    case 'Y': {
      const months = (date.year - start.year) * 12 + date.month - start.month;
      if (rule.frequency === 'M' && months % rule.interval !== 0) return false;
      if (rule.frequency === 'Y') {
        if ((date.year - start.year) % rule.interval !== 0) return false;
        if (rule.byMonth.length === 0 && date.month !== start.month) return false;
      }
      if (rule.byMonthDay.length > 0) return matchesMonthDay(date, rule.byMonthDay);
      if (rule.byDay.length > 0) return matchesByDay(date, rule.byDay, true);
      return date.day === start.day;
    }
  }
}

/**
 * The occurrences of a schedule that overlap a range. Walks day by day from the later of the
 * schedule's start and shortly before the range (from the start when `count` needs counting),
 * never more than `MAX_RECURRENCE_STEPS` days, and returns at most `limit` occurrences.
 */
export function expandSchedule(rule: ScheduleRule, range: TimeRange, limit = 1000): ScheduledOccurrence[] {
  const out: ScheduledOccurrence[] = [];
  const lookBehindDays = Math.ceil(rule.durationMs / 86_400_000) + 1;
  const rangeStart = range.start.getTime();
  const rangeEnd = range.end.getTime();
  // The calendar date of the range start, approximated in UTC: the look-behind covers any zone.
  const approx = new Date(rangeStart);
  const rangeDate = { year: approx.getUTCFullYear(), month: approx.getUTCMonth() + 1, day: approx.getUTCDate() };
  let date = rule.startDate;
  if (rule.count === undefined) {
    const from = addDays(rangeDate, -lookBehindDays - 1);
    if (compareDates(from, date) > 0) date = from;
  }
  let counted = 0;
  for (let step = 0; step < MAX_RECURRENCE_STEPS && out.length < limit; step++, date = addDays(date, 1)) {
    if (rule.endDate && compareDates(date, rule.endDate) > 0) break;
    if (!occursOn(rule, date)) continue;
    const start = rule.startTime
      ? wallTimeToInstant({ ...date, ...rule.startTime }, rule.timeZone)
      : wallTimeToInstant({ ...date, hour: 0, minute: 0, second: 0 }, rule.timeZone);
    if (start.getTime() >= rangeEnd) break;
    counted++;
    if (rule.count !== undefined && counted > rule.count) break;
    if (rule.exceptDates.some((except) => compareDates(except, date) === 0)) continue;
    if (rule.exceptInstants.includes(start.getTime())) continue;
    const end = rule.startTime
      ? new Date(start.getTime() + rule.durationMs)
      : wallTimeToInstant(
          { ...addDays(date, Math.max(1, Math.round(rule.durationMs / 86_400_000))), hour: 0, minute: 0, second: 0 },
          rule.timeZone,
        );
    if (end.getTime() > rangeStart || (end.getTime() === start.getTime() && start.getTime() >= rangeStart)) {
      out.push({ date, start, end, allDay: !rule.startTime });
    }
  }
  return out;
}
