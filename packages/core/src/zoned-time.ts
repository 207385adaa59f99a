/** The wall-clock reading of an instant in an IANA zone, and arithmetic on calendar dates. */
import { DEFAULT_TIME_ZONE } from './time-zone.js';

/** A calendar date and wall-clock time, with no zone. Months are 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface ZonedParts extends WallTime {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: Date | number, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    partsFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) parts[type] = value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1,
  };
}

/** A calendar date moved by whole days (months and years roll over). */
export function addDays<D extends Pick<WallTime, 'year' | 'month' | 'day'>>(date: D, days: number): D {
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const moved = new Date(0);
  moved.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { ...date, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: Pick<WallTime, 'year' | 'month' | 'day'>): number {
  const day = new Date(0);
  day.setUTCFullYear(date.year, date.month - 1, date.day);
  return ((day.getUTCDay() + 6) % 7) + 1;
}

/** Compare two calendar dates: negative, zero or positive. */
export function compareDates(
  a: Pick<WallTime, 'year' | 'month' | 'day'>,
  b: Pick<WallTime, 'year' | 'month' | 'day'>,
): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** A calendar date as ISO 8601 `YYYY-MM-DD` (years padded to four digits). */
export function isoDate(date: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
