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

function validOn(period: OpeningPeriod, iso: string): boolean {
  return (!period.validFrom || period.validFrom <= iso) && (!period.validTo || iso <= period.validTo);
}

/** The wall-clock minutes of a day a period covers: [start, end) with end up to 1440. */
function spanOnDay(period: OpeningPeriod): [number, number] {
  if (period.closes === period.opens) return [0, 1440]; // the whole day (00:00–00:00)
  if (period.closes < period.opens) return [period.opens, 1440]; // runs past midnight
  return [period.opens, period.closes];
}

function weekdayPlus(weekday: number, days: number): number {
  return ((((weekday - 1 + days) % 7) + 7) % 7) + 1;
}

export type OpenState =
  | { open: true; /** When it closes; undefined when open round the clock. */ closesAt?: Date }
  | { open: false; /** The next opening within a week; undefined when none is known. */ opensAt?: Date };

/** Whether any period covers the clock's moment (including one that began yesterday and runs past midnight). */
export function isOpen(hours: readonly OpeningPeriod[], clock: Clock): boolean {
  if (hours.length === 0) return false;
  const { today, yesterday: yesterdayIso } = clock;
  const yesterday = weekdayPlus(clock.weekday, -1);
  for (const period of hours) {
    if (period.days.includes(clock.weekday) && validOn(period, today)) {
      const [start, end] = spanOnDay(period);
      if (clock.minutes >= start && clock.minutes < end) return true;
    }
    if (period.closes < period.opens && period.days.includes(yesterday) && validOn(period, yesterdayIso)) {
      if (clock.minutes < period.closes) return true;
    }
  }
  return false;
}

/**
 * Open now or not, with the next change: "closes at 15:30" or "opens Monday 08:00". Looks a week
 * ahead, across midnight and DST changes.
 */
export function openState(hours: readonly OpeningPeriod[], clock: Clock): OpenState {
  // Intervals in "minutes from today's midnight" for yesterday … a week ahead.
  const intervals: Array<[number, number]> = [];
  for (let offset = -1; offset <= 7; offset++) {
    const weekday = weekdayPlus(clock.weekday, offset);
    const iso = isoDate(addDays(clock.date, offset));
    for (const period of hours) {
      if (!period.days.includes(weekday) || !validOn(period, iso)) continue;
      const base = offset * 1440;
      if (period.closes === period.opens) intervals.push([base, base + 1440]);
      else if (period.closes < period.opens) intervals.push([base + period.opens, base + 1440 + period.closes]);
      else intervals.push([base + period.opens, base + period.closes]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  // Join touching intervals (Mon 00:00–24:00 and Tue 00:00–24:00 make one).
  const merged: Array<[number, number]> = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
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

/** Periods per ISO weekday (1…7), sorted by opening time, for an opening-hours table. */
export function weekTable(hours: readonly OpeningPeriod[]): Map<number, OpeningPeriod[]> {
  const table = new Map<number, OpeningPeriod[]>();
  for (let day = 1; day <= 7; day++) {
    table.set(
      day,
      hours.filter((period) => period.days.includes(day)).sort((a, b) => a.opens - b.opens),
    );
  }
  return table;
}
