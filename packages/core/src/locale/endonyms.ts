import { languageOf } from './locales.js';

/**
 * Names of languages in themselves, as a menu entry in that language, for every supported and
 * planned locale. Used where `Intl.DisplayNames` has no data for the language: it then gives none,
 * or (Chromium, for Belarusian and Georgian) the English name.
 */
const knownEndonyms: Readonly<Record<string, string>> = {
  en: 'English',
  pl: 'Polski',
  uk: 'Українська',
  ru: 'Русский',
  ar: 'العربية',
  be: 'Беларуская',
  ka: 'ქართული',
  es: 'Español',
  hi: 'हिन्दी',
  vi: 'Tiếng Việt',
  tr: 'Türkçe',
  fa: 'فارسی',
};

/** Scripts whose letters have case forms that are not used to start a sentence or a menu entry. */
const uncasedAtStart = /^[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/u; // Georgian (Mkhedruli has Mtavruli capitals)

/** `name` with its first letter as a menu entry in `locale` starts it ("polski" → "Polski"). */
function capitalise(name: string, locale: string): string {
  if (!name || uncasedAtStart.test(name)) return name;
  const [first] = name;
  let upper: string;
  try {
    upper = first.toLocaleUpperCase(locale);
  } catch {
    upper = first.toUpperCase();
  }
  return upper + name.slice(first.length);
}

/**
 * A language's own name, capitalised as a menu entry in that language ("Українська", "Polski",
 * "ქართული"). Never a flag: a flag names a country, not a language. A tag nobody knows is
 * returned as it is.
 */
export function endonym(locale: string): string {
  const language = languageOf(locale);
  let name: string | undefined;
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    // A browser without data for the language answers in its default language: not an endonym.
    if (languageOf(names.resolvedOptions().locale) === language) name = names.of(locale);
  } catch {
    name = undefined;
  }
  // Own keys only: a tag from a feed such as "constructor" must not reach Object.prototype.
  const known = (tag: string) => (Object.hasOwn(knownEndonyms, tag) ? knownEndonyms[tag] : undefined);
  name ??= known(locale) ?? known(language);
  return name ? capitalise(name, locale) : locale;
}
