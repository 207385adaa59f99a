/**
 * Whether the browser has `Intl` data for a language, and the loading of our own formats for the
 * languages it lacks (locale/fallback-formats.ts, a chunk of its own). Small, and apart from
 * intl-locale.ts, so that the page locale's loader (page-locale.ts, in every widget's first
 * download) can wait for those formats without bringing the formatting helpers along.
 */
import { languageOf } from './locales.js';

export type FallbackFormats = typeof import('./fallback-formats.js');

export type IntlKind = 'DateTimeFormat' | 'NumberFormat' | 'PluralRules' | 'ListFormat' | 'DisplayNames';

const coverage = new Map<string, boolean>();

/** Whether this browser has `Intl` data of a kind for a locale's language. */
export function hasIntlData(kind: IntlKind, locale: string): boolean {
  const language = languageOf(locale);
  const key = `${kind}|${language}`;
  let has = coverage.get(key);
  if (has === undefined) {
    try {
      const constructor = Intl[kind] as { supportedLocalesOf(locales: string[]): string[] };
      has = constructor.supportedLocalesOf([language]).length > 0;
    } catch {
      has = false;
    }
    coverage.set(key, has);
  }
  return has;
}

/** The languages locale/fallback-data.ts has names for (a test keeps the two alike). */
export const fallbackLanguages: ReadonlySet<string> = new Set(['be', 'ka']);

const substitutedKinds: readonly IntlKind[] = ['DateTimeFormat', 'NumberFormat', 'ListFormat', 'DisplayNames'];
let fallbackFormats: FallbackFormats | undefined;
let loadingFallback: Promise<void> | undefined;
/** Per cache of formats, whether it was last read with the fallback formats loaded. */
const readWithFallback = new WeakMap<Map<string, unknown>, boolean>();

/** The fallback formats, once loaded. */
export function loadedFallbackFormats(): FallbackFormats | undefined {
  return fallbackFormats;
}

/**
 * Load our own formats for `locale` when this browser lacks its `Intl` data (resolves at once
 * otherwise, and once loaded). The page locale's loader waits for it; code that formats a locale
 * other than the page's calls it first. Formats made before it loaded are dropped when it has.
 */
export function loadFallbackFormats(locale: string): Promise<void> {
  if (fallbackFormats || !fallbackLanguages.has(languageOf(locale))) return Promise.resolve();
  if (substitutedKinds.every((kind) => hasIntlData(kind, locale))) return Promise.resolve();
  loadingFallback ??= import('./fallback-formats.js').then(
    (module) => {
      fallbackFormats = module;
    },
    (error: unknown) => {
      loadingFallback = undefined;
      throw error;
    },
  );
  return loadingFallback;
}

/**
 * A cache of formats, emptied on its first read after the fallback formats arrived (its formats
 * for such a language were made without them). Read through this, not registered: a module-level
 * registration would be a side effect that keeps the formatting helpers in every first download.
 * @internal
 */
export function freshFormats<V>(cache: Map<string, V>): Map<string, V> {
  const loaded = fallbackFormats !== undefined;
  if (readWithFallback.get(cache) !== loaded) {
    if (loaded) cache.clear();
    readWithFallback.set(cache, loaded);
  }
  return cache;
}
