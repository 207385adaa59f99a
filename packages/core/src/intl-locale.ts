/**
 * The one way a widget hands a locale to `Intl`, and cached `Intl` objects made that way.
 *
 * Every locale gets the Gregorian calendar (Persian `fa` would otherwise get the Solar Hijri one)
 * and one digit system, the same in dates, numbers and plural messages:
 *
 * | locale | digits | why |
 * |---|---|---|
 * | `fa` | Persian (`arabext`, ۰۱۲۳) | CLDR's default; what readers in Iran and Afghanistan expect |
 * | `ar` | Latin (`latn`, 0123) | CLDR's default for `ar` without a region, as in the Maghreb and most of the web; and what Polish signs, phone numbers and addresses use |
 * | all others | Latin | CLDR's default |
 *
 * English is British English (`en-GB`): a 24-hour clock and day-month-year, as everything in
 * Kraków is written; US English would show "11/24/2026, 6:05 PM".
 *
 * Where the browser has no data for a language (Chromium has none for `be` and `ka` but plural
 * rules), the helpers here format through our own names on a related locale's patterns
 * (locale/fallback-data.ts) instead of falling back to English. Those formats are a chunk of
 * their own (locale/fallback-formats.ts), loaded only for such a language: the page locale's
 * loader waits for it (`loadFallbackFormats`), so a widget formats in it from its first render.
 */
import { warnOnce } from './warn.js';
import { languageOf } from './locale/locales.js';
import type { FallbackLocaleData } from './locale/fallback-data.js';
import {
  fallbackLanguages,
  freshFormats,
  hasIntlData,
  loadFallbackFormats,
  loadedFallbackFormats,
  type FallbackFormats,
  type IntlKind,
} from './locale/fallback-loader.js';

export { fallbackLanguages, hasIntlData, loadFallbackFormats };

interface IntlProfile {
  /** The digits of dates and numbers. */
  numberingSystem: string;
  /** The region whose conventions a bare language tag takes. */
  region?: string;
}

const profiles: Readonly<Record<string, IntlProfile>> = {
  en: { numberingSystem: 'latn', region: 'GB' },
  pl: { numberingSystem: 'latn' },
  uk: { numberingSystem: 'latn' },
  ru: { numberingSystem: 'latn' },
  ar: { numberingSystem: 'latn' },
  be: { numberingSystem: 'latn' },
  ka: { numberingSystem: 'latn' },
  es: { numberingSystem: 'latn' },
  hi: { numberingSystem: 'latn' },
  vi: { numberingSystem: 'latn' },
  tr: { numberingSystem: 'latn' },
  fa: { numberingSystem: 'arabext' },
};

/** The digit system of a locale ("latn", "arabext"), as `intlLocale` sets it. */
export function numberingSystemOf(locale: string): string {
  return profiles[languageOf(locale)]?.numberingSystem ?? 'latn';
}

const tags = new Map<string, string>();

/**
 * The tag to hand `Intl` for a page locale: `fa` → `fa-u-ca-gregory-nu-arabext`, `en` →
 * `en-GB-u-ca-gregory-nu-latn`. A region the caller gives is kept (`en-US` stays American);
 * the pseudo-locales' regions (`en-XA`, `ar-XB`) are dropped, so they format as their language.
 * Other Unicode extensions (`-u-nu-arab`, `-u-hc-h12`) are replaced: one system per locale.
 */
export function intlLocale(locale: string): string {
  let tag = tags.get(locale);
  if (tag) return tag;
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale.trim().replace(/_/gu, '-'));
  } catch {
    warnOnce('core', `"${locale}" is not a language tag; formatting in English`);
    parsed = new Intl.Locale('en');
  }
  const profile = profiles[parsed.language];
  const ownRegion = parsed.region && !/^X[A-Z]$/u.test(parsed.region) ? parsed.region : undefined;
  tag = new Intl.Locale(parsed.language, {
    script: parsed.script,
    region: ownRegion ?? profile?.region,
    calendar: 'gregory',
    numberingSystem: profile?.numberingSystem ?? parsed.numberingSystem,
  }).toString();
  tags.set(locale, tag);
  return tag;
}

/**
 * Our own data and formats for a locale when the browser lacks `kind` for it, else `undefined`.
 * A locale the browser lacks and we have no data for is formatted by the browser's fallback, with
 * a warning; one we have data for, before `loadFallbackFormats` is done, by the browser's fallback
 * too (and the load is started).
 * @internal
 */
export function fallbackFor(
  kind: IntlKind,
  locale: string,
): { data: FallbackLocaleData; formats: FallbackFormats } | undefined {
  if (hasIntlData(kind, locale)) return undefined;
  const language = languageOf(locale);
  const fallbackFormats = loadedFallbackFormats();
  if (fallbackLanguages.has(language) && !fallbackFormats) {
    loadFallbackFormats(locale).catch(() => undefined);
    return undefined;
  }
  const data = fallbackFormats?.fallbackLocaleData[language];
  if (!data || !fallbackFormats) {
    warnOnce('core', `this browser has no ${kind} data for "${locale}"; it formats in its own default language`);
    return undefined;
  }
  return { data, formats: fallbackFormats };
}

function cached<T>(cache: Map<string, T>, locale: string, options: object | undefined, make: () => T): T {
  const key = `${locale}|${JSON.stringify(options ?? {})}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Options that would undo `intlLocale`'s calendar or digits. */
function withoutSystemOverrides<T extends { numberingSystem?: string; calendar?: string }>(options: T): T {
  if (options.numberingSystem === undefined && options.calendar === undefined) return options;
  const copy = { ...options };
  delete copy.numberingSystem;
  delete copy.calendar;
  return copy;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for a page locale, with the locale's digits. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(freshFormats(numberFormats), locale, options, () => {
    const own = withoutSystemOverrides(options);
    const fallback = fallbackFor('NumberFormat', locale);
    return fallback
      ? new fallback.formats.SubstitutedNumberFormat(intlLocale(locale), fallback.data, numberingSystemOf(locale), own)
      : new Intl.NumberFormat(intlLocale(locale), own);
  });
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();

/** Cached `Intl.PluralRules` for a page locale ("one", "few", "many", "other"…). */
export function pluralRules(locale: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached(pluralRulesCache, locale, options, () => {
    if (!hasIntlData('PluralRules', locale)) {
      warnOnce('core', `this browser has no plural rules for "${locale}"; every count takes the "other" form`);
    }
    return new Intl.PluralRules(intlLocale(locale), options);
  });
}

const listFormats = new Map<string, Intl.ListFormat>();

/** A cached `Intl.ListFormat` for a page locale ("a, b i c"). */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached(freshFormats(listFormats), locale, options, () => {
    const fallback = fallbackFor('ListFormat', locale);
    return fallback
      ? new fallback.formats.SubstitutedListFormat(intlLocale(locale), fallback.data, options)
      : new Intl.ListFormat(intlLocale(locale), options);
  });
}

const displayNamesCache = new Map<string, Intl.DisplayNames>();

/**
 * Cached `Intl.DisplayNames` for a page locale: `displayNames('pl', { type: 'language' }).of('uk')`
 * is "ukraiński". In a language the browser has no names for, languages are named by our table,
 * or else in themselves.
 */
export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return cached(freshFormats(displayNamesCache), locale, options, () => {
    const fallback = fallbackFor('DisplayNames', locale);
    return fallback
      ? (new fallback.formats.SubstitutedDisplayNames(
          intlLocale(locale),
          fallback.data,
          options,
        ) as unknown as Intl.DisplayNames)
      : new Intl.DisplayNames([intlLocale(locale)], options);
  });
}

const zoneNames = new Map<string, string>();

function zonePart(locale: string, zone: string, style: 'longGeneric' | 'longOffset', at: number): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
}

/**
 * A time zone by its name in a locale: `timeZoneName('Europe/Warsaw', 'pl')` is "czas
 * środkowoeuropejski", never "Europe/Warsaw". Where the language has no name for the zone, its
 * offset at `at` ("GMT+01:00"); an unknown zone is returned as given.
 */
export function timeZoneName(zone: string, locale: string, at: Date | number = Date.now()): string {
  const key = `${zone}|${locale}`;
  const known = freshFormats(zoneNames).get(key);
  if (known) return known;
  const fallback = fallbackFor('DateTimeFormat', locale);
  const data = fallback?.data;
  let name: string | undefined;
  try {
    if (fallback && data) {
      const canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
      const metazone = fallback.formats.metazoneOf(canonical);
      name = metazone && data.timeZones[metazone];
    } else {
      name = zonePart(intlLocale(locale), zone, 'longGeneric', Number(at));
    }
  } catch {
    return zone; // not a zone this browser knows
  }
  if (name && name !== zone) {
    zoneNames.set(key, name);
    return name;
  }
  // An offset changes with summer time: not cached.
  const offsetLocale = data
    ? new Intl.Locale(data.patternLocale, { numberingSystem: numberingSystemOf(locale) }).toString()
    : intlLocale(locale);
  return zonePart(offsetLocale, zone, 'longOffset', Number(at)) ?? zone;
}
