import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, matchLocale, readTokenList, setLocale, supportedLocales, type Locale } from '@open-city/core';

/**
 * The switcher's state and its one action: which languages it offers (from the `locales`
 * attribute) and switching the page to one of them.
 */
export class SwitcherController implements ReactiveController {
  /** The languages to offer, in the order given. */
  offered: Locale[] = [...supportedLocales];
  /** `locales` named no usable language, so every supported one is offered instead. */
  noneUsable = false;
  private readFrom: string | null | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { locales: string | null }) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.offer(this.host.locales);
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

  /** The locales to show: the offered ones, and the active one even when the page did not offer it. */
  get choices(): Locale[] {
    const current = getLocale();
    return this.offered.includes(current) ? this.offered : [current, ...this.offered];
  }

  /** Switch the page's language, remembered as the visitor's own choice. */
  choose(value: string): void {
    const locale = matchLocale(value);
    if (!locale || locale === getLocale()) return;
    setLocale(locale, { remember: true, eventSource: this.host }).catch((error: unknown) => {
      console.warn('[open-city] <oc-language-switcher>: could not switch language:', error);
      this.host.requestUpdate(); // show the language that is really active again
    });
  }
}
