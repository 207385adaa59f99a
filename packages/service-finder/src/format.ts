import { dateTimeFormat } from '@open-city/core';

/**
 * Locale formatting for the finder through `Intl`: language names, times, weekdays, distances and
 * dates. Everything that depends on a zone takes the widget's `time-zone` explicitly.
 */

const displayNames = new Map<string, Intl.DisplayNames | null>();

function languageNames(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale)!;
}

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
 * Endonyms of the languages most spoken by migrants in Poland, for browsers whose `Intl` lacks
 * the data of a locale (Chromium ships a reduced set, and answers "Georgian" for `ka` in `ka`).
 */
const knownEndonyms: ReadonlyMap<string, string> = new Map(
  Object.entries({
    am: 'አማርኛ',
    ar: 'العربية',
    az: 'Azərbaycan',
    be: 'Беларуская',
    bn: 'বাংলা',
    cs: 'Čeština',
    de: 'Deutsch',
    en: 'English',
    es: 'Español',
    fa: 'فارسی',
    fr: 'Français',
    hi: 'हिन्दी',
    hy: 'Հայերեն',
    it: 'Italiano',
    ka: 'ქართული',
    kk: 'Қазақ тілі',
    ky: 'Кыргызча',
    lt: 'Lietuvių',
    ne: 'नेपाली',
    pl: 'Polski',
    ps: 'پښتو',
    pt: 'Português',
    ro: 'Română',
    ru: 'Русский',
    sk: 'Slovenčina',
    so: 'Soomaali',
    ta: 'தமிழ்',
    tg: 'Тоҷикӣ',
    ti: 'ትግርኛ',
    tk: 'Türkmen',
    tr: 'Türkçe',
    uk: 'Українська',
    ur: 'اردو',
    uz: 'Oʻzbek',
    vi: 'Tiếng Việt',
    zh: '中文',
  }),
);

/** A language in itself: "Українська", "Polski", "ქართული"; the code or given name when unknown. */
export function endonym(code: string, fallbackName?: string): string {
  let name: string | undefined;
  try {
    const names = languageNames(code);
    // Only trust Intl when it really has this locale's data, not a fallback to English.
    if (names && new Intl.Locale(names.resolvedOptions().locale).language === code) name = names.of(code);
  } catch {
    name = undefined;
  }
  name ??= knownEndonyms.get(code);
  return name ? capitalise(name, code) : (fallbackName ?? code);
}

/** A language in the reader's language ("Ukrainian" for an English reader). */
export function languageInLocale(code: string, locale: string, fallbackName?: string): string {
  let name: string | undefined;
  try {
    name = languageNames(locale)?.of(code);
  } catch {
    name = undefined;
  }
  return name ? capitalise(name, locale) : (fallbackName ?? code);
}

/**
 * How a language is labelled: its own name, and the reader's name for it when that differs and
 * the reader would not otherwise recognise it ("ქართული (Georgian)").
 */
export function languageLabel(code: string, locale: string, fallbackName?: string): string {
  const own = endonym(code, fallbackName);
  const local = languageInLocale(code, locale, fallbackName);
  return own === local ? own : `${own} (${local})`;
}

/** A span of wall-clock times ("09:00–17:00", "٩:٠٠ ص – ٥:٠٠ م"); a closing at or before the opening is the next day. */
export function formatClockRange(opens: number, closes: number, locale: string): string {
  const start = Date.UTC(2024, 0, 1, 0, opens);
  const end = Date.UTC(2024, 0, closes <= opens ? 2 : 1, 0, closes);
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).formatRange(start, end);
}

/** The name of an ISO weekday (1 = Monday), long or short. */
export function weekdayName(weekday: number, locale: string, width: 'long' | 'short' = 'long'): string {
  // 1 January 2024 was a Monday.
  const date = Date.UTC(2024, 0, weekday);
  const name = dateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
  return capitalise(name, locale);
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

/** "350 m", "2.4 km". */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000) {
    const rounded = Math.max(10, Math.round(metres / 10) * 10);
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'meter', unitDisplay: 'short' }).format(rounded);
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: metres < 10_000 ? 1 : 0,
  }).format(metres / 1000);
}
