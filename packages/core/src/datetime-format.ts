/** Cached Intl date formats through `intlLocale`, and the first day of the week of a locale. */
import { DEFAULT_TIME_ZONE } from './time-zone.js';
import { fallbackFor, intlLocale, numberingSystemOf } from './intl-locale.js';
import { freshFormats } from './locale/fallback-loader.js';
import { RepunctuatedDateTimeFormat, needsArabicComma } from './locale/arabic-commas.js';

export type DateTimeOptions = Intl.DateTimeFormatOptions & { timeZone?: string };

/**
 * The first day of the week (1 = Monday … 7 = Sunday) for a locale. A locale without a region
 * takes the `region` given (the city's), so `en` and `ar` in Kraków start weeks on Monday.
 */
export function firstDayOfWeek(locale: string, region = 'PL'): number {
  try {
    const own = new Intl.Locale(locale.replace(/_/gu, '-')).region;
    const intl = new Intl.Locale(intlLocale(locale), {
      region: own && !/^X[A-Z]$/u.test(own) ? own : region,
    });
    const withWeekInfo = intl as Intl.Locale & {
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
 * A cached date format for a page locale and a zone (default Europe/Warsaw), through
 * `intlLocale`: Gregorian, the locale's digits, and in a language the browser has no date data
 * for (`be`, `ka` in Chromium), our own month and weekday names on a related locale's patterns;
 * in Arabic and Persian, Arabic commas throughout.
 * Creating formats is slow; widgets that format hundreds of dates share them through here.
 * `calendar` and `numberingSystem` options are ignored: one calendar and digit system per locale.
 */
export function dateTimeFormat(locale: string, options: DateTimeOptions = {}): Intl.DateTimeFormat {
  const resolved: DateTimeOptions = { timeZone: DEFAULT_TIME_ZONE, ...options };
  delete resolved.calendar;
  delete resolved.numberingSystem;
  const key = `${locale}|${JSON.stringify(resolved)}`;
  let format = freshFormats(formats).get(key);
  if (!format) {
    const fallback = fallbackFor('DateTimeFormat', locale);
    if (fallback) {
      const { SubstitutedDateTimeFormat } = fallback.formats;
      format = new SubstitutedDateTimeFormat(intlLocale(locale), fallback.data, numberingSystemOf(locale), resolved);
    } else {
      format = new Intl.DateTimeFormat(intlLocale(locale), resolved);
      if (needsArabicComma(locale)) format = new RepunctuatedDateTimeFormat(format);
    }
    formats.set(key, format);
  }
  return format;
}

/** Format an instant in a locale and zone (default: medium date and short time). */
export function formatDateTime(
  instant: Date | number,
  locale: string,
  options: DateTimeOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(locale, options).format(instant);
}

/** Format the date of an instant in a locale and zone (default: long date, "24 listopada 2026"). */
export function formatDate(
  instant: Date | number,
  locale: string,
  options: DateTimeOptions = { dateStyle: 'long' },
): string {
  return dateTimeFormat(locale, options).format(instant);
}

/** Format a span between two instants ("24–26 listopada 2026", "10:00–12:00"). */
export function formatDateTimeRange(
  start: Date | number,
  end: Date | number,
  locale: string,
  options: DateTimeOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateTimeFormat(locale, options).formatRange(start, end);
}
