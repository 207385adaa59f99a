import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, matchLocale, readTokenList, setLocale, supportedLocales, type Locale } from '@open-city/core';

/**
 * The switcher's state and its actions: which languages it offers (from the `locales` attribute),
 * the language picked in the `select` but not applied yet, and switching the page to one of them.
 *
 * Moving through the `select` with the keyboard (arrows, Home, End, letters) only picks a language
 * (WCAG 3.2.2: changing a setting must not change the page). The page changes on an explicit action:
 * Enter, the "Change" button, or a choice made in the opened list with a pointer or a touch. Escape,
 * or leaving the switcher, drops a language picked but not applied.
 */
export class SwitcherController implements ReactiveController {
  /** The languages to offer, in the order given. */
  offered: Locale[] = [...supportedLocales];
  /** `locales` named no usable language, so every supported one is offered instead. */
  noneUsable = false;
  /** Picked in the `select` and not applied yet. */
  picked: Locale | undefined;
  /** Keys moved the select's value since the last explicit action: its changes are only picks. */
  private browsingByKeys = false;
  /** The language this switcher last switched the page to, for the status message. */
  private changedTo: Locale | undefined;
  private readFrom: string | null | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { locales: string | null }) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.offer(this.host.locales);
    if (this.picked === getLocale()) this.picked = undefined;
  }

  /** Read the `locales` attribute (space-separated codes); unknown codes warn and are dropped. */
  private offer(locales: string | null): void {
    if (locales === this.readFrom) return;
    this.readFrom = locales;
    if (locales === null || locales.trim() === '') {
      this.offered = [...supportedLocales];
      this.noneUsable = false;
      return;
    }
    const { values } = readTokenList(
      this.host,
      'locales',
      locales,
      matchLocale,
      `codes among ${supportedLocales.join(' ')}`,
    );
    this.noneUsable = values.length === 0;
    this.offered = values.length > 0 ? values : [...supportedLocales];
  }

  get current(): Locale {
    return getLocale();
  }

  /**
   * This switcher has just changed the page's language: its status says so. Not after a change made
   * elsewhere (another switcher on the page announces its own), so a page never hears it twice.
   */
  get changed(): boolean {
    return this.changedTo !== undefined && this.changedTo === getLocale();
  }

  /** The language the `select` shows: the one picked, else the active one. */
  get shown(): Locale {
    return this.picked ?? getLocale();
  }

  /** The locales to show: the offered ones, and the active one even when the page did not offer it. */
  get choices(): Locale[] {
    const current = getLocale();
    return this.offered.includes(current) ? this.offered : [current, ...this.offered];
  }

  /** A pointer went down on the select: the next change of its value is a choice, not browsing. */
  pointerDown(): void {
    this.browsingByKeys = false;
  }

  /**
   * A key went down on the select. Enter applies the language picked, Escape drops it; keys that
   * move the value (arrows, Home, End, letters) make its changes picks until then; a key that opens
   * the list (`opensList`) does not, since a choice in the open list is explicit. Returns whether the
   * key was used.
   */
  keyDown(key: string, opensList = false): boolean {
    if (key === 'Enter') {
      this.apply();
      return true;
    }
    if (key === 'Escape') {
      const had = this.picked !== undefined;
      this.leave();
      return had;
    }
    if (opensList) this.browsingByKeys = false;
    else if (!['Tab', 'Shift', 'Control', 'Alt', 'Meta'].includes(key)) this.browsingByKeys = true;
    return false;
  }

  /**
   * The select's value changed: only picked while browsing with the keyboard; applied at once when
   * chosen with a pointer, a touch or the opened list's own keys, or set by a script.
   */
  pick(value: string): void {
    const locale = matchLocale(value);
    if (!locale) return;
    if (!this.browsingByKeys) {
      this.choose(locale);
      return;
    }
    this.picked = locale === getLocale() ? undefined : locale;
    this.changedTo = undefined;
    this.host.requestUpdate();
  }

  /** Apply the language picked in the select (Enter, the "Change" button). */
  apply(): void {
    this.browsingByKeys = false;
    if (this.picked) this.choose(this.picked);
  }

  /** Focus left the switcher, or Escape: a language picked and not applied is dropped. */
  leave(): void {
    this.browsingByKeys = false;
    if (!this.picked) return;
    this.picked = undefined;
    this.host.requestUpdate();
  }

  /** Switch the page's language, remembered as the visitor's own choice. */
  choose(value: string): void {
    const locale = matchLocale(value);
    this.picked = undefined;
    if (!locale || locale === getLocale()) {
      this.host.requestUpdate();
      return;
    }
    setLocale(locale, { remember: true, eventSource: this.host })
      .then((applied) => {
        this.changedTo = applied;
        this.host.requestUpdate();
      })
      .catch((error: unknown) => {
        console.warn('[open-city] <oc-language-switcher>: could not switch language:', error);
        this.host.requestUpdate(); // show the language that is really active again
      });
  }
}
