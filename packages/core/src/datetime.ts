/**
 * Dates and times on `Intl`, always in an explicit IANA time zone, so that what a widget shows
 * does not depend on the visitor's own clock settings, and stays right across DST changes.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

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

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

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

function wallTimeAsUtc({ year, month, day, hour, minute, second }: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Minutes the zone is ahead of UTC at an instant (+60 for Warsaw in winter, +120 in summer). */
export function offsetMinutes(instant: Date | number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(time / 1000) * 1000;
  return Math.round((wallTimeAsUtc(zonedParts(whole, timeZone)) - whole) / 60_000);
}

/**
 * The instant at which a zone's clocks read a wall time. Like Temporal's `compatible`
 * disambiguation: a time skipped by a spring-forward gap moves later by the gap's length
 * (02:30 → 03:30 in Warsaw), and a time that occurs twice in autumn takes the earlier one.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const asUtc = wallTimeAsUtc(wall);
  // Offsets a day either side bracket any transition near this time.
  const before = offsetMinutes(asUtc - 86_400_000, timeZone);
  const after = offsetMinutes(asUtc + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallTimeAsUtc(zonedParts(instant, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // In a gap: use the offset from before the transition, which lands after it.
  return new Date(asUtc - before * 60_000);
}

/** The instant a calendar day begins in a zone (not always 00:00 where DST starts at midnight). */
export function startOfDay(date: Pick<WallTime, 'year' | 'month' | 'day'>, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return wallTimeToInstant({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
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

/**
 * The first day of the week (1 = Monday … 7 = Sunday) for a locale. A locale without a region
 * takes the `region` given (the city's), so `en` in Kraków starts weeks on Monday.
 */
export function firstDayOfWeek(locale: string, region = 'PL'): number {
  try {
    let intlLocale = new Intl.Locale(locale);
    if (!intlLocale.region) intlLocale = new Intl.Locale(intlLocale.language, { region });
    const withWeekInfo = intlLocale as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = withWeekInfo.getWeekInfo?.() ?? withWeekInfo.weekInfo;
    if (info?.firstDay) return info.firstDay;
  } catch {
    // fall through to the common European default
  }
  return 1;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A cached `Intl.DateTimeFormat` for a locale and zone. Creating formats is slow; widgets that
 * format hundreds of dates share them through here.
 */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions & { timeZone?: string } = {},
): Intl.DateTimeFormat {
  const resolved = { timeZone: DEFAULT_TIME_ZONE, ...options };
  const key = `${locale}|${JSON.stringify(resolved)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, resolved);
    formats.set(key, format);
  }
  return format;
}

/** Format an instant in a locale and zone. */
export function formatDateTime(
  instant: Date | number,
  locale: string,
  options: Intl.DateTimeFormatOptions & { timeZone?: string } = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(locale, options).format(instant);
}

/** Format a span between two instants ("24–26 listopada 2026", "10:00–12:00"). */
export function formatDateTimeRange(
  start: Date | number,
  end: Date | number,
  locale: string,
  options: Intl.DateTimeFormatOptions & { timeZone?: string } = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(locale, options).formatRange(start, end);
}
