/**
 * The locales the library ships, and how a requested language tag maps onto them.
 * Kept free of state so that it can be used anywhere (tests, the switcher, the server).
 *
 * These two lists are the only list of languages in the project: scripts/localize.mjs reads them
 * (and sets every package's lit-localize `targetLocales` from them), the switcher offers
 * `supportedLocales`, and the docs point here. Adding a language: docs/adding-a-language.md.
 */

/** The language of the source strings. */
export const sourceLocale = 'en';

/**
 * Every locale shipped, source first. A locale here must be translated completely: the build's
 * translation check fails on any missing string.
 */
export const supportedLocales = ['en', 'pl', 'uk', 'ru', 'ar', 'be', 'ka', 'es', 'hi', 'vi', 'tr', 'fa'] as const;

/**
 * Locales being prepared: the build generates their translation files and the check counts their
 * missing strings, but they are not offered to users yet. Moving one into `supportedLocales` ships it.
 */
export const plannedLocales = [] as const;

/**
 * Pseudo-locales for testing, never shipped to users: `en-XA` is English made longer and accented
 * ("[Ŝéàŕçĥ ŝéŕvîçéŝ ·····]"), `ar-XB` is English mirrored right to left. Their strings are
 * generated from the source strings by `node scripts/localize.mjs build`. Only tests and Storybook
 * can select them, after `allowPseudoLocales()` (locale/page-locale.ts).
 */
export const pseudoLocales = ['en-XA', 'ar-XB'] as const;

export type Locale = (typeof supportedLocales)[number];
export type PlannedLocale = (typeof plannedLocales)[number];
export type PseudoLocale = (typeof pseudoLocales)[number];

const rightToLeftLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** The primary language subtag of a tag, lower case (`uk-UA` → `uk`, `AR_eg` → `ar`). */
export function languageOf(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/**
 * Map a BCP 47 tag (`uk-UA`, `PL`, `ar_EG`) to a supported locale, or `undefined`.
 * Only the primary language subtag decides: the library has no regional variants.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = languageOf(tag);
  return isSupportedLocale(language) ? language : undefined;
}

/** Writing direction of a locale or language tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return rightToLeftLanguages.has(languageOf(tag)) ? 'rtl' : 'ltr';
}
