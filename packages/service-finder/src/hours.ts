import { addDays, isoDate, wallTimeToInstant, zonedParts, type WallTime } from '@open-city/core';
import type { OpeningPeriod } from './model.js';

/**
 * Opening hours against a clock in the widget's IANA time zone. Periods are wall-clock times, so
 * "open now" compares the zone's wall clock (from `zonedParts`, right on both sides of a DST change)
 * and turns the next opening or closing into an instant with `wallTimeToInstant`.
 */

export interface Clock {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after midnight on the zone's wall clock. */
  minutes: number;
  date: Pick<WallTime, 'year' | 'month' | 'day'>;
  timeZone: string;
  /** `YYYY-MM-DD` of today and yesterday in the zone, for `valid_from` / `valid_to`. */
  today: string;
  yesterday: string;
}

export function clockAt(now: Date | number, timeZone: string): Clock {
  const parts = zonedParts(now, timeZone);
  const date = { year: parts.year, month: parts.month, day: parts.day };
  return {
    weekday: parts.weekday,
    minutes: parts.hour * 60 + parts.minute,
    date,
    timeZone,
    today: isoDate(date),
    yesterday: isoDate(addDays(date, -1)),
  };
}

type CalendarDate = Pick<WallTime, 'year' | 'month' | 'day'>;

function validOn(period: OpeningPeriod, iso: string): boolean {
  return (!period.validFrom || period.validFrom <= iso) && (!period.validTo || iso <= period.validTo);
}

function dateOf(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** Days since 1970-01-01 of a calendar date. */
const dayNumber = (date: CalendarDate) => Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function isoWeekday(iso: string): number {
  return ((((dayNumber(dateOf(iso)) + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

const daysInMonth = (date: CalendarDate) => new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();

/** Whether a period's rule has it on a date (its validity aside). */
export function occursOn(period: OpeningPeriod, date: CalendarDate, weekday = isoWeekday(isoDate(date))): boolean {
  const rule = period.rule;
  if (!rule) return period.days.includes(weekday);
  const anchor = rule.anchor ? dateOf(rule.anchor) : undefined;
  // Every n days, weeks or months needs the date they count from.
  if (rule.interval > 1 && !anchor) return false;
  const day = dayNumber(date);
  if (anchor && day < dayNumber(anchor)) return false; // nothing before the first occurrence
  switch (rule.freq) {
    case 'daily':
      return !anchor || (day - dayNumber(anchor)) % rule.interval === 0;
    case 'weekly': {
      if (!period.days.includes(weekday)) return false;
      if (!anchor || rule.interval === 1) return true;
      const weekOf = (n: number, wd: number) => n - ((wd - rule.weekStart + 7) % 7);
      const weeks = (weekOf(day, weekday) - weekOf(dayNumber(anchor), isoWeekday(rule.anchor!))) / 7;
      return weeks >= 0 && weeks % rule.interval === 0;
    }
    case 'monthly': {
      if (anchor && rule.interval > 1) {
        const months = (date.year - anchor.year) * 12 + (date.month - anchor.month);
        if (months < 0 || months % rule.interval !== 0) return false;
      }
      const length = daysInMonth(date);
      if (rule.byMonthDay.length > 0 && !rule.byMonthDay.some((n) => (n > 0 ? n : length + n + 1) === date.day)) {
        return false;
      }
      if (rule.byDay.length === 0) return true;
      return rule.byDay.some(
        ({ weekday: wanted, ordinal }) =>
          wanted === weekday &&
          (ordinal === undefined ||
            (ordinal > 0 ? Math.ceil(date.day / 7) === ordinal : Math.ceil((length - date.day + 1) / 7) === -ordinal)),
      );
    }
  }
}

/**
 * The date of the `count`th occurrence from `anchor` (for `count`), looking at most five years
 * ahead (a bound on what a hostile feed can cost; a later end is taken as none).
 */
export function lastOccurrence(period: OpeningPeriod, anchor: string, count: number): string | undefined {
  let date = dateOf(anchor);
  let seen = 0;
  for (let i = 0; i < 366 * 5; i++, date = addDays(date, 1)) {
    if (occursOn(period, date) && ++seen >= count) return isoDate(date);
  }
  return undefined;
}

/** Whether a period applies on a date: its rule, and `valid_from`…`valid_to`. */
function appliesOn(period: OpeningPeriod, date: CalendarDate, weekday: number): boolean {
  return validOn(period, isoDate(date)) && occursOn(period, date, weekday);
}

/** The periods of a list that are still in force or to come on the clock's day (expired ones dropped). */
export function notExpired(hours: readonly OpeningPeriod[], clock: Clock): OpeningPeriod[] {
  return hours.filter((period) => !period.validTo || period.validTo >= clock.today);
}

/** Whether a period only starts after the clock's day ("from 1 July"). */
export function isFuture(period: OpeningPeriod, clock: Clock): boolean {
  return period.validFrom !== undefined && period.validFrom > clock.today;
}

function weekdayPlus(weekday: number, days: number): number {
  return ((((weekday - 1 + days) % 7) + 7) % 7) + 1;
}

export type OpenState =
  | { open: true; /** When it closes; undefined when open round the clock. */ closesAt?: Date }
  | { open: false; /** The next opening within the rules' horizon; undefined when none is known. */ opensAt?: Date };

/**
 * Intervals in "minutes from today's midnight" from the day before the clock's to `ahead` days
 * after it, joined where they touch (Mon 00:00–24:00 and Tue 00:00–24:00 make one).
 */
function intervals(hours: readonly OpeningPeriod[], clock: Clock, ahead: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let offset = -1; offset <= ahead; offset++) {
    const weekday = weekdayPlus(clock.weekday, offset);
    const date = addDays(clock.date, offset);
    for (const period of hours) {
      if (!appliesOn(period, date, weekday)) continue;
      const base = offset * 1440;
      if (period.closes === period.opens) found.push([base, base + 1440]);
      else if (period.closes < period.opens) found.push([base + period.opens, base + 1440 + period.closes]);
      else found.push([base + period.opens, base + period.closes]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const interval of found) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

/** How many days ahead to look for the next opening: a week, or as far as the rules reach. */
function horizon(hours: readonly OpeningPeriod[]): number {
  let days = 7;
  for (const { rule } of hours) {
    if (!rule) continue;
    const unit = rule.freq === 'monthly' ? 31 : rule.freq === 'weekly' ? 7 : 1;
    days = Math.max(days, Math.min(unit * rule.interval + (rule.freq === 'monthly' ? 31 : 7), 400));
  }
  return days;
}

/**
 * Whether any period covers the clock's moment (including one that began yesterday and runs past
 * midnight), by weekly and RFC 5545 rules alike, within `valid_from`…`valid_to`.
 */
export function isOpen(hours: readonly OpeningPeriod[], clock: Clock): boolean {
  if (hours.length === 0) return false;
  const now = clock.minutes;
  return intervals(hours, clock, 0).some(([start, end]) => start <= now && now < end);
}

/**
 * Open now or not, with the next change: "closes at 15:30" or "opens Monday 08:00". Looks a week
 * ahead (further for monthly and every-n-weeks rules), across midnight and DST changes.
 */
export function openState(hours: readonly OpeningPeriod[], clock: Clock): OpenState {
  const merged = intervals(hours, clock, horizon(hours));
  const now = clock.minutes;
  const current = merged.find(([start, end]) => start <= now && now < end);
  if (current) {
    const [, end] = current;
    return { open: true, closesAt: end - now >= 7 * 1440 ? undefined : instantAt(clock, end) };
  }
  const next = merged.find(([start]) => start > now);
  return { open: false, opensAt: next ? instantAt(clock, next[0]) : undefined };
}

/** The instant of "minutes from today's midnight" on the zone's wall clock. */
function instantAt(clock: Clock, minutesFromToday: number): Date {
  const days = Math.floor(minutesFromToday / 1440);
  const minutes = minutesFromToday - days * 1440;
  const date = addDays(clock.date, days);
  return wallTimeToInstant(
    { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 },
    clock.timeZone,
  );
}

/** Whether an instant falls on the same calendar day as the clock, in the clock's zone. */
export function sameDay(instant: Date, clock: Clock): boolean {
  const parts = zonedParts(instant, clock.timeZone);
  return parts.year === clock.date.year && parts.month === clock.date.month && parts.day === clock.date.day;
}

/** Periods per ISO weekday (1…7), sorted by opening time, for an opening-hours table (plain weekly periods only). */
export function weekTable(hours: readonly OpeningPeriod[]): Map<number, OpeningPeriod[]> {
  const table = new Map<number, OpeningPeriod[]>();
  for (let day = 1; day <= 7; day++) {
    table.set(
      day,
      hours.filter((period) => !period.rule && period.days.includes(day)).sort((a, b) => a.opens - b.opens),
    );
  }
  return table;
}
