import {
  dateTimeFormat,
  displayNames,
  endonym as coreEndonym,
  languageOf,
  listFormat,
  numberFormat,
} from '@open-city/core';

/**
 * Locale formatting for the finder through core's `Intl` helpers (Gregorian calendar, one digit
 * system per locale, our own data where the browser has none): language names, times, weekdays,
 * distances, counts, lists and dates. Everything that depends on a zone takes the widget's
 * `time-zone` explicitly.
 */

/** Capitalise as a menu entry, in scripts that write capitals there (not Georgian, whose capitals shout). */
function capitalise(name: string, locale: string): string {
  if (typeof name !== 'string') return '';
  if (!/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u.test(name)) return name;
  try {
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
}

/**
 * A language in itself: "Українська", "Polski", "ქართული" (core's endonyms: `Intl` where it
 * really has the language, core's table where it does not). For a language neither knows: the
 * name the feed gives, else the reader's name for it when `locale` is given, else the code.
 */
export function endonym(code: string, fallbackName?: string, locale?: string): string {
  // Only a language tag goes to core (a feed may hold "__proto__" as a code).
  const own = /^[a-z]{2,3}$/iu.test(code) ? coreEndonym(code) : undefined;
  if (own && own !== code) return own;
  return fallbackName ?? (locale ? languageInLocale(code, locale) : code);
}

/** A language in the reader's language ("Ukrainian" for an English reader). */
export function languageInLocale(code: string, locale: string, fallbackName?: string): string {
  let name: string | undefined;
  try {
    if (!/^[a-z]{2,3}$/iu.test(code)) throw new RangeError(code);
    name = displayNames(locale, { type: 'language', fallback: 'none' }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? capitalise(name, locale) : (fallbackName ?? code);
}

/**
 * How a language is labelled: its own name, and the reader's name for it when that differs and
 * the reader would not otherwise recognise it ("ქართული (Georgian)").
 */
export function languageLabel(code: string, locale: string, fallbackName?: string): string {
  const own = endonym(code, fallbackName, locale);
  const local = languageInLocale(code, locale, fallbackName);
  return own === local || languageOf(locale) === languageOf(code) ? own : `${own} (${local})`;
}

/** A whole number in the locale's digits ("12", "۱۲" in Persian). */
export function formatCount(count: number, locale: string): string {
  return numberFormat(locale).format(count);
}

/** A list in the locale's words ("Monday, Tuesday and Friday"); `unit` for a plain list with commas. */
export function formatList(items: string[], locale: string, type: 'conjunction' | 'unit' = 'conjunction'): string {
  return listFormat(locale, { type, style: type === 'unit' ? 'narrow' : 'long' }).format(items);
}

/** The pieces of a list: each item, and the locale's separators between them (to isolate each item). */
export function listParts(items: string[], locale: string): Array<{ type: 'element' | 'literal'; value: string }> {
  return listFormat(locale, { type: 'unit', style: 'short' }).formatToParts(items);
}

/** A span of wall-clock times ("09:00–17:00", "٩:٠٠ ص – ٥:٠٠ م"); a closing at or before the opening is the next day. */
export function formatClockRange(opens: number, closes: number, locale: string): string {
  const start = Date.UTC(2024, 0, 1, 0, opens);
  const end = Date.UTC(2024, 0, closes <= opens ? 2 : 1, 0, closes);
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).formatRange(start, end);
}

/** The name of an ISO weekday (1 = Monday), long or short, capitalised as a table's row head. */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  return capitalise(weekdayWord(weekday, locale, width), locale);
}

/** The name of an ISO weekday as the locale writes it within a sentence ("poniedziałek", "Monday"). */
export function weekdayWord(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  // 1 January 2024 was a Monday.
  return dateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
}

/** A phrase with its first letter as the start of a line ("poniedziałek i czwartek" → "Poniedziałek i czwartek"). */
export function startOfLine(text: string, locale: string): string {
  return capitalise(text, locale);
}

/** An instant's time in the zone. */
export function formatTime(instant: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** An instant's weekday and time in the zone ("Mon 08:00"). */
export function formatDayTime(instant: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

/** A calendar date given as YYYY-MM-DD, in the reader's locale ("12 March 2025"). */
export function formatIsoDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** An instant's date, weekday and time in the zone ("Mon 3 Mar, 08:00"), for an opening more than a week away. */
export function formatDateTime(instant: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/** "350 m", "2.4 km". */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000) {
    const rounded = Math.max(10, Math.round(metres / 10) * 10);
    return numberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(rounded);
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: metres < 10_000 ? 1 : 0,
  }).format(metres / 1000);
}
