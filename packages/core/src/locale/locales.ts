/**
 * The locales the library ships, and how a requested language tag maps onto them.
 * Kept free of state so that it can be used anywhere (tests, the switcher, the server).
 */

/** The language of the source strings. */
export const sourceLocale = 'en';

/** Every locale shipped, source first. Adding one: see docs/adding-a-language.md. */
export const supportedLocales = ['en', 'pl', 'uk', 'ru', 'ar'] as const;

export type Locale = (typeof supportedLocales)[number];

const rightToLeftLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/**
 * Map a BCP 47 tag (`uk-UA`, `PL`, `ar_EG`) to a supported locale, or `undefined`.
 * Only the primary language subtag decides: the library has no regional variants.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isSupportedLocale(language) ? language : undefined;
}

/** Writing direction of a locale or language tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return rightToLeftLanguages.has(language) ? 'rtl' : 'ltr';
}
