/**
 * The one language of every widget on a page.
 *
 * Resolution order (CONTRACT.md): the user's choice remembered under `localStorage['oc-locale']`,
 * then `<html lang>`, then `navigator.languages`, then English. @lit/localize runs in runtime mode
 * and is configured here only: widget packages add their strings with `registerTranslations`, so
 * core never imports a widget, and a page that loads one widget fetches only that widget's strings.
 *
 * Several copies of this module can meet on one page (two builds, two versions). They agree through
 * `oc-locale-change` on `window` and a small record on `globalThis`, never through shared imports.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { VERSION } from '../version.js';
import { matchLocale, sourceLocale, supportedLocales, type Locale } from './locales.js';

export const LOCALE_STORAGE_KEY = 'oc-locale';
export const LOCALE_CHANGE_EVENT = 'oc-locale-change';

export interface LocaleChangeDetail {
  locale: Locale;
}

/** Loaders of one package's translations, one per target locale (the source locale needs none). */
export type TranslationLoaders = Partial<Record<Locale, () => Promise<LocaleModule>>>;

export interface SetLocaleOptions {
  /** Remember the choice in `localStorage`, as the user's own choice. Default: false. */
  remember?: boolean;
  /**
   * Dispatch `oc-locale-change` from this node (bubbling and composed, so it still reaches
   * `window`) instead of from `window`. Lets the switcher be the event's target.
   */
  eventSource?: EventTarget;
}

/** What every copy of the library on the page can see. */
interface SharedPageRecord {
  locale?: Locale;
  versions: Set<string>;
}

const sharedKey = Symbol.for('open-city-widgets');
const globals = globalThis as unknown as Record<symbol, SharedPageRecord | undefined>;
const shared: SharedPageRecord = (globals[sharedKey] ??= { versions: new Set() });
if (shared.versions.size > 0 && !shared.versions.has(VERSION)) {
  console.warn(
    `[open-city] Two versions of Open City Widgets are loaded on this page (${[...shared.versions].join(', ')} and ${VERSION}). ` +
      'Elements defined first are kept; load one version to avoid surprises.',
  );
}
shared.versions.add(VERSION);

// --- translations ----------------------------------------------------------------------------

const registeredLoaders: TranslationLoaders[] = [];
const catalogs = new Map<
  Locale,
  { templates: NonNullable<LocaleModule['templates']>; loaded: Set<TranslationLoaders> }
>();

/**
 * Merge every registered package's strings for `locale` into one template map. The same object is
 * kept per locale, so strings of a package registered later reach the already active catalogue.
 */
async function loadCatalog(locale: Locale): Promise<LocaleModule> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = { templates: {}, loaded: new Set() };
    catalogs.set(locale, catalog);
  }
  const missing = registeredLoaders.filter((loaders) => !catalog.loaded.has(loaders));
  const modules = await Promise.all(missing.map((loaders) => loaders[locale]?.() ?? { templates: {} }));
  missing.forEach((loaders, index) => {
    Object.assign(catalog.templates, modules[index].templates);
    catalog.loaded.add(loaders);
  });
  return { templates: catalog.templates };
}

const localization = configureLocalization({
  sourceLocale,
  targetLocales: supportedLocales.filter((locale) => locale !== sourceLocale),
  loadLocale: (locale) => loadCatalog(locale as Locale),
});

// --- state -----------------------------------------------------------------------------------

const listeners = new Set<(locale: Locale) => void>();
const loadsInFlight = new Set<Promise<unknown>>();
let requestedLocale: Locale = sourceLocale;

function track(load: Promise<unknown>): void {
  loadsInFlight.add(load);
  const settle = () => loadsInFlight.delete(load);
  load.then(settle, settle);
}

/** The active locale of the page. */
export function getLocale(): Locale {
  return localization.getLocale() as Locale;
}

/**
 * A promise while translations are loading, else `undefined`. Elements wait for it before their
 * first render, so that a page in Ukrainian never flashes English.
 */
export function localeLoading(): Promise<void> | undefined {
  if (loadsInFlight.size === 0) return undefined;
  return Promise.allSettled([...loadsInFlight]).then(() => undefined);
}

/** Be told after every change of locale has been applied. Returns the unsubscribe function. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(locale: Locale): void {
  for (const listener of [...listeners]) {
    try {
      listener(locale);
    } catch (error) {
      console.error('[open-city] A locale change listener failed:', error);
    }
  }
}

interface ApplyOptions {
  /** Fire `oc-locale-change`; false when following another copy's event, which already fired. */
  announce: boolean;
  eventSource?: EventTarget;
}

async function apply(locale: Locale, { announce, eventSource }: ApplyOptions): Promise<void> {
  const before = getLocale();
  requestedLocale = locale;
  const load = localization.setLocale(locale);
  track(load);
  try {
    await load;
  } catch (error) {
    if (requestedLocale === locale) requestedLocale = getLocale();
    throw error;
  }
  // A later request may have overtaken this one; it announces itself.
  if (getLocale() !== locale) return;
  shared.locale = locale;
  if (locale === before) return;
  notify(locale);
  if (announce) {
    const target = eventSource instanceof Node && eventSource.isConnected ? eventSource : window;
    target.dispatchEvent(
      new CustomEvent<LocaleChangeDetail>(LOCALE_CHANGE_EVENT, { detail: { locale }, bubbles: true, composed: true }),
    );
  }
}

/**
 * Change the language of every widget on the page. Settles once the translations are loaded and
 * every widget has been asked to re-render; rejects for a locale the library does not ship.
 */
export async function setLocale(requested: string, options: SetLocaleOptions = {}): Promise<Locale> {
  const locale = matchLocale(requested);
  if (!locale) {
    throw new RangeError(`Unsupported locale "${requested}". Use one of: ${supportedLocales.join(', ')}.`);
  }
  if (options.remember) writeStoredLocale(locale);
  await apply(locale, { announce: true, eventSource: options.eventSource });
  return locale;
}

/**
 * Add a package's translations. Called once by each widget package when it loads; the strings of
 * the active locale are fetched at once and the widgets re-render with them.
 */
export function registerTranslations(loaders: TranslationLoaders): void {
  if (registeredLoaders.includes(loaders)) return;
  registeredLoaders.push(loaders);
  // After any load in flight, which may have started before these loaders were known.
  const topUp = Promise.allSettled([...loadsInFlight]).then(async () => {
    const locale = getLocale();
    if (locale === sourceLocale) return;
    await loadCatalog(locale);
    notify(locale);
  });
  track(topUp);
  topUp.catch((error: unknown) => console.warn('[open-city] Could not load translations:', error));
}

// --- where the page's language comes from ----------------------------------------------------

export function readStoredLocale(): Locale | undefined {
  try {
    return matchLocale(globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed frame): fall through
  }
}

function writeStoredLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage blocked or full: the choice still holds for this page view.
  }
}

export interface LocaleSources {
  stored?: string | null;
  documentLang?: string | null;
  browserLanguages?: readonly string[];
}

/** The contract's resolution order, as a pure function. */
export function resolveLocale({ stored, documentLang, browserLanguages = [] }: LocaleSources): Locale {
  return (
    matchLocale(stored) ??
    matchLocale(documentLang) ??
    browserLanguages.map(matchLocale).find((locale) => locale !== undefined) ??
    sourceLocale
  );
}

function resolvePageLocale(): Locale {
  return resolveLocale({
    stored: readStoredLocale(),
    documentLang: document.documentElement.lang,
    browserLanguages: navigator.languages ?? [navigator.language],
  });
}

function follow(locale: Locale | undefined, announce: boolean): void {
  if (!locale || locale === requestedLocale) return;
  apply(locale, { announce }).catch((error: unknown) =>
    console.warn(`[open-city] Could not switch to "${locale}":`, error),
  );
}

function start(): void {
  // A copy loaded after another one joins the page's current language instead of resolving anew.
  const initial = shared.locale ?? resolvePageLocale();
  if (initial !== sourceLocale) follow(initial, false);
  shared.locale ??= initial;

  // Another copy of the library (or the page itself) changed the language.
  window.addEventListener(LOCALE_CHANGE_EVENT, (event) => follow(matchLocale(event.detail?.locale), false));
  // The choice was changed in another tab.
  window.addEventListener('storage', (event) => {
    if (event.key === LOCALE_STORAGE_KEY) follow(matchLocale(event.newValue), true);
  });
  // A single-page app changed <html lang>; the user's remembered choice still wins.
  new MutationObserver(() => {
    if (!readStoredLocale()) follow(matchLocale(document.documentElement.lang), true);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

start();
