import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf } from './locales.js';
import { getLocale, onLocaleChange } from './page-locale.js';
import type { Locale } from './locales.js';

/**
 * Keeps a host element in the page's language: sets `lang` and `dir` on it and asks it to render
 * again, in place, whenever the locale changes, so that its state (query, form input) is kept.
 */
export class LocaleController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange?: (locale: Locale) => void,
  ) {
    host.addController(this);
  }

  get locale(): Locale {
    return getLocale();
  }

  hostConnected(): void {
    // The locale may have changed while the element was out of the document.
    if (this.host.lang && this.host.lang !== getLocale()) this.host.requestUpdate();
    this.reflect();
    this.unsubscribe = onLocaleChange((locale) => {
      this.reflect();
      this.host.requestUpdate();
      this.onChange?.(locale);
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdate(): void {
    this.reflect();
  }

  private reflect(): void {
    const locale = getLocale();
    if (this.host.lang !== locale) this.host.lang = locale;
    const dir = directionOf(locale);
    if (this.host.dir !== dir) this.host.dir = dir;
  }
}
