/** Names of languages in themselves, for the shipped locales (used where Intl.DisplayNames is missing). */
const knownEndonyms: Record<string, string> = {
  en: 'English',
  pl: 'Polski',
  uk: 'Українська',
  ru: 'Русский',
  ar: 'العربية',
};

/**
 * A language's own name, capitalised as a menu entry in that language ("Українська", "Polski").
 * Never a flag: a flag names a country, not a language.
 */
export function endonym(locale: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(locale);
  } catch {
    name = undefined;
  }
  name ??= knownEndonyms[locale] ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
