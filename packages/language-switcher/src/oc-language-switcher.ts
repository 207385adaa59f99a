import { html, nothing, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import {
  OcElement,
  directionOf,
  getLocale,
  matchLocale,
  readChoice,
  readTokenList,
  renderProblem,
  setLocale,
  supportedLocales,
  type Locale,
} from '@open-city/core';
import { endonym } from './endonyms.js';
import { languageSwitcherStyles } from './oc-language-switcher.styles.js';

export type LanguageSwitcherVariant = 'select' | 'list';

const variants: readonly LanguageSwitcherVariant[] = ['select', 'list'];

const globeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
  stroke="currentColor" stroke-width="1.8" stroke-linecap="round"><circle cx="12" cy="12" r="9"/>
  <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg>`;

/**
 * @tagname oc-language-switcher
 * @summary One choice of language that every Open City widget on the page follows.
 *
 * Each language is named in itself (Українська, Polski, العربية), never by a flag. The choice is
 * remembered in `localStorage` under `oc-locale` and applies to every widget on the page at once.
 *
 * @event oc-locale-change - The user chose another language. `detail: { locale }`. Bubbles and is
 *   composed, so it reaches `window` too.
 *
 * @csspart base - The wrapper of either variant.
 * @csspart label - The visible label of the `select` variant.
 * @csspart select - The native `<select>` of the `select` variant.
 * @csspart list - The list of the `list` variant.
 * @csspart option - Each language button of the `list` variant.
 * @csspart error - The message shown when the `locales` attribute names no usable language.
 *
 * @cssproperty --oc-color-accent - Links, the current language and focus rings.
 * @cssproperty --oc-color-on-accent - Text on the accent colour.
 * @cssproperty --oc-color-text - Body text.
 * @cssproperty --oc-color-border - Border of the select.
 * @cssproperty --oc-color-background - Background of the select.
 * @cssproperty --oc-color-surface - Hover background of the list options.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-font-size - Base font size (default 16px, independent of the page's root size).
 */
export class OcLanguageSwitcher extends OcElement {
  static override tagName = 'oc-language-switcher';

  static override styles = [...OcElement.styles, languageSwitcherStyles];

  /** Space-separated locales to offer, in this order (default: every supported locale). */
  @property() accessor locales: string | null = null;

  /** `select` (a compact drop-down, the default) or `list` (every language visible as a button). */
  @property() accessor variant: LanguageSwitcherVariant = 'select';

  /** Also set `lang` and `dir` on `<html>`, for pages whose own text follows the switcher. */
  @property({ type: Boolean, attribute: 'sync-document' }) accessor syncDocument = false;

  private offered: Locale[] = [...supportedLocales];
  private localesUnusable = false;
  private shownVariant: LanguageSwitcherVariant = 'select';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locales')) {
      if (this.locales === null || this.locales.trim() === '') {
        this.offered = [...supportedLocales];
        this.localesUnusable = false;
      } else {
        const { values } = readTokenList(
          this,
          'locales',
          this.locales,
          matchLocale,
          `codes among ${supportedLocales.join(' ')}`,
        );
        this.localesUnusable = values.length === 0;
        this.offered = values.length > 0 ? values : [...supportedLocales];
      }
    }
    if (changed.has('variant')) {
      this.shownVariant = readChoice(this, 'variant', this.variant, variants, 'select');
    }
  }

  protected override updated(): void {
    if (this.syncDocument) {
      const root = document.documentElement;
      const locale = getLocale();
      if (root.lang !== locale) root.lang = locale;
      const dir = directionOf(locale);
      if (root.dir !== dir) root.dir = dir;
    }
  }

  /** The locales to show: the offered ones, and the active one even when the page did not offer it. */
  private get choices(): Locale[] {
    const current = getLocale();
    return this.offered.includes(current) ? this.offered : [current, ...this.offered];
  }

  private choose(value: string): void {
    const locale = matchLocale(value);
    if (!locale || locale === getLocale()) return;
    setLocale(locale, { remember: true, eventSource: this }).catch((error: unknown) => {
      console.warn('[open-city] <oc-language-switcher>: could not switch language:', error);
      this.requestUpdate(); // show the language that is really active again
    });
  }

  protected override render() {
    return html`${
      this.localesUnusable
        ? renderProblem(msg('None of the languages listed for this switcher is available, so all are offered.'))
        : nothing
    }
    ${this.shownVariant === 'list' ? this.renderList() : this.renderSelect()}`;
  }

  private renderSelect() {
    const current = getLocale();
    return html`<div class="select-variant" part="base">
      <label part="label" for="language">${globeIcon}<span>${msg('Language')}</span></label>
      <select
        id="language"
        part="select"
        autocomplete="off"
        @change=${(event: Event) => this.choose((event.target as HTMLSelectElement).value)}
      >
        ${this.choices.map(
          (locale) =>
            html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${locale === current}>
              ${endonym(locale)}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderList() {
    const current = getLocale();
    return html`<nav part="base" aria-label=${msg('Language')}>
      <ul part="list" role="list" @keydown=${this.onListKeydown}>
        ${this.choices.map(
          (locale) =>
            html`<li>
              <button
                type="button"
                class="option"
                part="option"
                lang=${locale}
                dir=${directionOf(locale)}
                aria-current=${locale === current ? 'true' : nothing}
                @click=${() => this.choose(locale)}
              >
                ${endonym(locale)}
              </button>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** Arrow keys, Home and End move between the languages of the list, as in a toolbar. */
  private onListKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.option')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const forward = directionOf(getLocale()) === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    let next: number;
    switch (event.key) {
      case forward:
      case 'ArrowDown':
        next = (index + 1) % buttons.length;
        break;
      case backward:
      case 'ArrowUp':
        next = (index - 1 + buttons.length) % buttons.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = buttons.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    buttons[next].focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oc-language-switcher': OcLanguageSwitcher;
  }
}
