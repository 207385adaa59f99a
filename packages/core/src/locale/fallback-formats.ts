/**
 * What core needs to format a language whose `Intl` data the browser lacks (Belarusian and Georgian
 * in Chromium): our names (fallback-data.ts) and the formats that put them in (substituted-formats.ts).
 * A chunk of its own, about 4 KB gzip, loaded only for such a language (`loadFallbackFormats` in
 * intl-locale.ts): no other page fetches it.
 */
export { fallbackLocaleData, metazoneOf } from './fallback-data.js';
export {
  SubstitutedDateTimeFormat,
  SubstitutedDisplayNames,
  SubstitutedListFormat,
  SubstitutedNumberFormat,
} from './substituted-formats.js';
