/** Cached Intl formats, and the first day of the week of a locale. */
import { DEFAULT_TIME_ZONE } from './time-zone.js';

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
