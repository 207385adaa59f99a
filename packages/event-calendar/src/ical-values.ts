/**
 * iCalendar value types (RFC 5545 §3.3) decoded from the text and parameters of a content line
 * (`splitContentLine` in ics-lines.ts): DATE, DATE-TIME, DURATION, PERIOD, UTC-OFFSET, TEXT, and
 * comma lists of them. Times are wall clock: a TZID is returned by name, never converted.
 *
 * Tolerant as ical.js is of what exporters get wrong: a DATE written as a date-time is read as its
 * date, a DATE-TIME written as a bare date as a date; a `Z` on a date is ignored; lowercase `t`
 * and `z`; an hour 24 or second 60 rolls over; a DURATION mixing weeks with days, or hours
 * without `T`. What cannot be read (a 13th month, 30 February, letters) is undefined, never a
 * guess. Pure, no dependencies.
 */
import type { WallTime } from '@open-city/core';
import type { DateOnly } from './model.js';

/** A DATE value. */
export interface DateValue extends DateOnly {
  isDate: true;
}

/** A DATE-TIME value: wall clock, in UTC (`Z`), in the zone named by `tzid`, or floating (neither). */
export interface DateTimeValue extends WallTime {
  isDate: false;
  utc: boolean;
  tzid?: string;
}

export type TimeValue = DateValue | DateTimeValue;

/** A DURATION value (§3.3.6). Days and weeks are nominal (calendar days), the rest exact. */
export interface Duration {
  negative: boolean;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** A PERIOD value (§3.3.9): a start with an end or a (positive) duration. */
export interface Period {
  start: TimeValue;
  end?: TimeValue;
  duration?: Duration;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year, no `Date` two-digit-year quirk). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The date of a day number (the inverse of `dayNumber`). */
export function dateOfDay(days: number): DateOnly {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A wall time as seconds since 1970-01-01T00:00 of the same clock (not an instant). */
export function wallSeconds(time: DateOnly & Partial<WallTime>): number {
  return (
    dayNumber(time.year, time.month, time.day) * 86_400 +
    (time.hour ?? 0) * 3600 +
    (time.minute ?? 0) * 60 +
    (time.second ?? 0)
  );
}

/** The wall time of `wallSeconds`. */
export function wallOf(seconds: number): WallTime {
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const { year, month, day } = dateOfDay(days);
  return { year, month, day, hour: Math.floor(rest / 3600), minute: Math.floor(rest / 60) % 60, second: rest % 60 };
}

/**
 * A parameter's value from `splitContentLine`'s raw `NAME=value` list: the name matched without
 * case, the quotes taken off. Undefined when the line has no such parameter.
 */
export function paramOf(params: readonly string[], name: string): string | undefined {
  const wanted = name.toUpperCase() + '=';
  for (const param of params) {
    if (param.length >= wanted.length && param.slice(0, wanted.length).toUpperCase() === wanted) {
      return param.slice(wanted.length).replace(/"/g, '').trim();
    }
  }
  return undefined;
}

const dateText = /^(\d{4})(\d{2})(\d{2})$/;
const dateTimeText = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A DATE (`20261224`). A date-time written instead is read as its date (its time dropped), as
 * ical.js reads `VALUE=DATE:20261224T180000`; a `Z` after a date (Google) is ignored.
 */
export function decodeDate(text: string): DateValue | undefined {
  const value = text.trim().toUpperCase();
  const match = dateText.exec(
    value.length >= 15 && dateTimeText.test(value) ? value.slice(0, 8) : value.replace(/Z$/, ''),
  );
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return validDate(year, month, day) ? { isDate: true, year, month, day } : undefined;
}

/**
 * A DATE-TIME (`20261224T180000`, `…Z`); `tzid` is kept on a time that is not UTC. A bare date
 * given instead is read as a date. An hour 24 or a second 60 rolls over into what follows.
 */
export function decodeDateTime(text: string, tzid?: string): TimeValue | undefined {
  const value = text.trim().toUpperCase();
  if (value.length === 8) return decodeDate(value);
  const match = dateTimeText.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (!validDate(year, month, day) || hour > 24 || minute > 59 || second > 60) return undefined;
  const utc = match[7] === 'Z';
  const zone = utc || !tzid ? undefined : tzid;
  if (hour === 24 || second === 60)
    return timeOf(wallOf(wallSeconds({ year, month, day, hour, minute, second })), utc, zone);
  return timeOf({ year, month, day, hour, minute, second }, utc, zone);
}

/** A DATE-TIME of wall fields (built field by field: object spread is slow in V8 here). */
function timeOf(wall: WallTime, utc: boolean, tzid: string | undefined): DateTimeValue {
  const { year, month, day, hour, minute, second } = wall;
  return tzid
    ? { isDate: false, year, month, day, hour, minute, second, utc, tzid }
    : { isDate: false, year, month, day, hour, minute, second, utc };
}

/** A DATE or DATE-TIME as a line's `VALUE` and `TZID` parameters say (DATE-TIME by default). */
export function decodeTime(text: string, params: readonly string[] = []): TimeValue | undefined {
  const tzid = paramOf(params, 'TZID');
  return paramOf(params, 'VALUE')?.toUpperCase() === 'DATE' ? decodeDate(text) : decodeDateTime(text, tzid);
}

/**
 * The values of a list line (EXDATE, RDATE): dates, date-times, or with `VALUE=PERIOD` periods.
 * Values that cannot be read are left out (compare the length with the commas to count them).
 */
export function decodeTimes(text: string, params: readonly string[] = []): Array<TimeValue | Period> {
  const period = paramOf(params, 'VALUE')?.toUpperCase() === 'PERIOD';
  const tzid = paramOf(params, 'TZID');
  return decodeList(text, (item) =>
    period || item.includes('/') ? decodePeriod(item, tzid) : decodeTime(item, params),
  );
}

/** Each item of a comma list through `decode`; unreadable items are left out. */
export function decodeList<T>(text: string, decode: (item: string) => T | undefined): T[] {
  const out: T[] = [];
  for (const item of text.split(',')) {
    if (!item.trim()) continue;
    const value = decode(item);
    if (value !== undefined) out.push(value);
  }
  return out;
}

const durationText = /^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;

/**
 * A DURATION (`PT1H30M`, `-P1D`, `P2W`). Also, as ical.js reads them: weeks with days (`P1W2D`),
 * hours without `T` (`P1H`); `P1M` is a minute, as it is to ical.js (iCalendar has no months).
 */
export function decodeDuration(text: string): Duration | undefined {
  const value = text.trim().toUpperCase();
  const match = durationText.exec(value);
  if (!match || value.endsWith('T') || !match.slice(2).some((part) => part !== undefined)) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0));
  return { negative: match[1] === '-', weeks, days, hours, minutes, seconds };
}

/** A duration's length in seconds, days taken as 86,400 s (signed). */
export function durationSeconds(duration: Duration): number {
  const { weeks, days, hours, minutes, seconds } = duration;
  const total = (weeks * 7 + days) * 86_400 + hours * 3600 + minutes * 60 + seconds;
  return duration.negative ? -total : total;
}

/**
 * A time moved by a duration on its own clock, as ical.js's `addDuration` does it: days and
 * weeks by the calendar, the rest by the clock face (a DST change in between is the caller's).
 * A date stays a date when the duration is whole days, else it becomes a floating midnight.
 */
export function addDuration(time: TimeValue, duration: Duration): TimeValue {
  const moved = wallSeconds(time) + durationSeconds(duration);
  if (time.isDate && moved % 86_400 === 0) {
    const { year, month, day } = dateOfDay(moved / 86_400);
    return { isDate: true, year, month, day };
  }
  return time.isDate ? timeOf(wallOf(moved), false, undefined) : timeOf(wallOf(moved), time.utc, time.tzid);
}

/** A PERIOD (`start/end` or `start/duration`); `tzid` applies to both ends when they are not UTC. */
export function decodePeriod(text: string, tzid?: string): Period | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const start = decodeDateTime(text.slice(0, slash), tzid);
  const rest = text.slice(slash + 1).trim();
  if (!start) return undefined;
  if (/^[+-]?P/i.test(rest)) {
    const duration = decodeDuration(rest);
    return duration && !duration.negative ? { start, duration } : undefined;
  }
  const end = decodeDateTime(rest, tzid);
  return end ? { start, end } : undefined;
}

const offsetText = /^([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?$/;

/** A UTC-OFFSET (`+0100`, `-0530`, `+013045`) in seconds east of UTC. `+01:00` is read too. */
export function decodeUtcOffset(text: string): number | undefined {
  const match = offsetText.exec(text.trim());
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  return match[1] === '-' ? -total : total;
}

/**
 * TEXT (§3.3.11) unescaped: `\\` `\;` `\,` and `\n`/`\N` (a new line). Any other backslash is
 * kept as written, as ical.js keeps it.
 */
export function decodeText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A comma list of TEXT (CATEGORIES, RESOURCES): split at commas not escaped, each unescaped. */
export function decodeTextList(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ',') {
      out.push(decodeText(text.slice(start, i)));
      start = i + 1;
    }
  }
  out.push(decodeText(text.slice(start)));
  return out;
}
