/**
 * The languages of the sample content, and how a request names one: `?lang=xx` with a BCP 47 tag
 * (`uk`, `uk-UA`, `ar`). A text with no translation falls back to Polish, then English.
 */
import { HttpError } from '../http.mjs';

export const contentLanguages = ['en', 'pl', 'uk', 'ru', 'ar'];
export const defaultLanguage = 'en';

const languageTag = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** The language a request asks for: the primary subtag, lower case; a malformed tag is a 400. */
export function requestedLanguage(url) {
  const values = url.searchParams.getAll('lang');
  if (values.length === 0 || (values.length === 1 && values[0] === '')) return defaultLanguage;
  if (values.length > 1 || !languageTag.test(values[0])) {
    throw new HttpError(400, 'lang must be one language tag, such as en, pl, uk, ru or ar.', { code: 'bad-lang' });
  }
  return values[0].split('-')[0].toLowerCase();
}

/** Where a text is looked for, in order: the language asked for, then Polish, then English. */
export function fallbackChain(language) {
  return [...new Set([language, 'pl', 'en'])];
}

/** The `Content-Language` value for texts in these languages, the one asked for first. */
export function contentLanguageHeader(languagesUsed, requested) {
  const used = [...languagesUsed];
  return [...new Set([requested, ...used].filter((language) => used.includes(language)))].join(', ');
}
