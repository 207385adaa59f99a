/**
 * Recurrence of schema.org `Schedule` (the `eventSchedule` of an Event): repeatFrequency as an
 * ISO 8601 duration (`P1W`, `P2W`, `P1M`, `P1D`, `P1Y`) or a word (`Weekly`), byDay (schema.org
 * DayOfWeek, or iCal's `MO`, `2TU`, `-1FR`), byMonthWeek, byMonthDay, byMonth, startDate/endDate,
 * startTime/endTime or duration, scheduleTimezone, exceptDate, repeatCount.
 * Pure: no DOM; every expansion is bounded by a range and by a number of steps. Values of any
 * JSON type are read without a throw; lookups by feed text go through Maps only.
 */
import { addDays, compareDates, weekdayOf, type WallTime } from '@open-city/core';
import { wallToInstant as wallTimeToInstant } from './zone-offsets.js';
import { MAX_RECURRENCE_STEPS, type DateOnly, type TimeRange, type WorkBudget } from './model.js';

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

const dayNames: ReadonlyMap<string, number> = new Map([
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
  ['sunday', 7],
  ['mon', 1],
  ['tue', 2],
  ['wed', 3],
  ['thu', 4],
  ['fri', 5],
  ['sat', 6],
  ['sun', 7],
  ['mo', 1],
  ['tu', 2],
  ['we', 3],
  ['th', 4],
  ['fr', 5],
  ['sa', 6],
  ['su', 7],
]);

/** The text of a JSON-LD value: a string, or the `@id` / `name` of a node. Never throws. */
function tokenOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const node = value as Record<string, unknown>;
  const id = Object.hasOwn(node, '@id') ? node['@id'] : undefined;
  if (typeof id === 'string') return id;
  const name = Object.hasOwn(node, 'name') ? node.name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** `https://schema.org/Tuesday`, `schema:Tuesday`, `Tuesday`, `Tue`, `TU`, `2TU`, `-1FR`, `{"@id": …}`. */
export function parseByDay(value: unknown): ByDay | undefined {
  const raw = tokenOf(value);
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  const token = raw.trim().replace(/^.*[/#:]/, '');
  const match = /^([+-]?\d{1,2})?([a-z]{2,9})$/i.exec(token);
  if (!match) return undefined;
  const weekday = dayNames.get(match[2].toLowerCase());
  if (!weekday) return undefined;
  const ordinal = match[1] ? Number(match[1]) : undefined;
  return { weekday, ordinal: ordinal === 0 || (ordinal !== undefined && Math.abs(ordinal) > 5) ? undefined : ordinal };
}

const frequencyWords: ReadonlyMap<string, { frequency: Frequency; interval: number }> = new Map([
  ['daily', { frequency: 'D', interval: 1 }],
  ['weekly', { frequency: 'W', interval: 1 }],
  ['fortnightly', { frequency: 'W', interval: 2 }],
  ['biweekly', { frequency: 'W', interval: 2 }],
  ['monthly', { frequency: 'M', interval: 1 }],
  ['quarterly', { frequency: 'M', interval: 3 }],
  ['yearly', { frequency: 'Y', interval: 1 }],
  ['annually', { frequency: 'Y', interval: 1 }],
  ['annual', { frequency: 'Y', interval: 1 }],
]);
const frequencyCodes: ReadonlyMap<string, Frequency> = new Map([
  ['DAILY', 'D'],
  ['WEEKLY', 'W'],
  ['MONTHLY', 'M'],
  ['YEARLY', 'Y'],
]);

/**
 * `P1W`, `P2D`, `P1M`, `P1Y`, `P14D` (whole weeks of days are weeks), a word (`Daily`, `Weekly`,
 * `Fortnightly`, `Monthly`, `Yearly`, also as a URL), or iCal's `FREQ=WEEKLY;INTERVAL=2`.
 */
export function parseFrequency(value: unknown): { frequency: Frequency; interval: number } | undefined {
  const raw = tokenOf(value);
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  const text = raw.trim();
  const word = frequencyWords.get(text.replace(/^.*[/#:]/, '').toLowerCase());
  if (word) return { ...word };
  const rule = /^(?:RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(?:;INTERVAL=(\d{1,4}))?$/i.exec(text);
  if (rule) {
    const interval = Number(rule[2] ?? 1);
    return interval >= 1 ? { frequency: frequencyCodes.get(rule[1].toUpperCase())!, interval } : undefined;
  }
  const match = /^P(\d{1,4})([DWMY])$/i.exec(text);
  if (!match || Number(match[1]) < 1) return undefined;
  const interval = Number(match[1]);
  const unit = match[2].toUpperCase() as Frequency;
  if (unit === 'D' && interval % 7 === 0) return { frequency: 'W', interval: interval / 7 };
  return { frequency: unit, interval };
}

/** An ISO 8601 duration (`PT2H`, `P1DT30M`) in ms; months and years are not accepted. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const match =
    /^P(?:(\d{1,5})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,5})H)?(?:(\d{1,6})M)?(?:(\d{1,7}(?:\.\d{1,3})?)S)?)?$/i.exec(
      value.trim(),
    );
  if (!match || value.trim().length < 3) return undefined;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return ((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000;
}

/** `2026-11-24` (or the date part of a date-time). */
export function parseDate(value: unknown): DateOnly | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 ? date : undefined;
}

/** `18:00`, `18:00:00`, `18:00:00+01:00` (the offset is ignored: the schedule's zone rules). */
export function parseTime(value: unknown): Pick<WallTime, 'hour' | 'minute' | 'second'> | undefined {
  if (typeof value !== 'string' || value.length > 100) return undefined;
  const text = value.trim();
  const at = text.indexOf('T');
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(at >= 0 && at < 20 ? text.slice(at + 1) : text);
  if (!match) return undefined;
  const time = { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) };
  return time.hour < 24 && time.minute < 60 && time.second < 61 ? time : undefined;
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
export function expandSchedule(
  rule: ScheduleRule,
  range: TimeRange,
  limit = 1000,
  budget?: WorkBudget,
  onCut?: () => void,
): ScheduledOccurrence[] {
  const out: ScheduledOccurrence[] = [];
  // Occurrences longer than two months that began before the range are not looked for.
  const lookBehindDays = Math.min(Math.ceil(rule.durationMs / 86_400_000), 62) + 1;
  const rangeStart = range.start.getTime();
  const rangeEnd = range.end.getTime();
  // The calendar date of the range start, approximated in UTC: the look-behind covers any zone.
  const approx = new Date(rangeStart);
  const rangeDate = { year: approx.getUTCFullYear(), month: approx.getUTCMonth() + 1, day: approx.getUTCDate() };
  let date = rule.startDate;
  // At most one occurrence a day: a count larger than the days up to the range's end never stops it.
  const rangeEndDate = new Date(rangeEnd);
  const daysToEnd = daysBetween(rule.startDate, {
    year: rangeEndDate.getUTCFullYear(),
    month: rangeEndDate.getUTCMonth() + 1,
    day: rangeEndDate.getUTCDate(),
  });
  const counting = rule.count !== undefined && rule.count <= daysToEnd + 1;
  if (!counting) {
    const from = addDays(rangeDate, -lookBehindDays - 1);
    if (compareDates(from, date) > 0) date = from;
  }
  let counted = 0;
  for (let step = 0; ; step++, date = addDays(date, 1)) {
    if (step >= MAX_RECURRENCE_STEPS || out.length >= limit || (budget && !budget.take(1))) {
      onCut?.();
      break;
    }
    if (rule.endDate && compareDates(date, rule.endDate) > 0) break;
    if (!occursOn(rule, date)) continue;
    const start = rule.startTime
      ? wallTimeToInstant({ ...date, ...rule.startTime }, rule.timeZone)
      : wallTimeToInstant({ ...date, hour: 0, minute: 0, second: 0 }, rule.timeZone);
    if (start.getTime() >= rangeEnd) break;
    counted++;
    if (counting && counted > rule.count!) break;
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

/**
 * The last date a counted schedule reaches (its `repeatCount`-th occurrence, excepted dates
 * counting as RFC 5545 counts them), found by walking from its start; undefined when that takes
 * more than `MAX_RECURRENCE_STEPS` days or the budget. With it, expanding a later range need not
 * walk from the start again.
 */
export function lastCountedDate(rule: ScheduleRule, budget?: WorkBudget): DateOnly | undefined {
  if (rule.count === undefined) return undefined;
  let counted = 0;
  let date = rule.startDate;
  for (let step = 0; step < MAX_RECURRENCE_STEPS; step++, date = addDays(date, 1)) {
    if (budget && !budget.take(1)) return undefined;
    if (rule.endDate && compareDates(date, rule.endDate) > 0) return rule.endDate;
    if (occursOn(rule, date) && ++counted === rule.count) return date;
  }
  return undefined;
}
