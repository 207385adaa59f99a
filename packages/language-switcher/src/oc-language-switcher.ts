import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ConfigController, OcElement, directionOf, getLocale, oneOfRule, renderProblem } from '@open-city/core';
import { languageSwitcherStyles } from './oc-language-switcher.styles.js';
import { SwitcherController } from './switcher-state.js';
import { renderList } from './views/list-view.js';
import { renderSelect } from './views/select-view.js';

export type LanguageSwitcherVariant = 'select' | 'list';

/**
 * @tagname oc-language-switcher
 * @summary One choice of language that every Open City widget on the page follows.
 *
 * Each language is named in itself (Українська, Polski, العربية), never by a flag. The choice is
 * remembered in `localStorage` under `oc-locale` and applies to every widget on the page at once.
 *
 * In the `select` variant, arrow keys only pick a language; Enter, the "Change" button or a choice
 * made with a pointer applies it (WCAG 3.2.2), and a status message says that the language changed.
 *
 * @event oc-locale-change - The user chose another language. `detail: { locale }`. Bubbles and is
 *   composed, so it reaches `window` too.
 *
 * @csspart base - The wrapper of either variant.
 * @csspart label - The visible label of the `select` variant.
 * @csspart select - The native `<select>` of the `select` variant.
 * @csspart apply - The "Change" button of the `select` variant, which applies the language picked.
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

  private readonly config = new ConfigController(this, {
    variant: oneOfRule<LanguageSwitcherVariant>(['select', 'list'], 'select'),
  });

  private readonly switcher = new SwitcherController(this);

  protected override updated(): void {
    if (this.syncDocument) {
      const root = document.documentElement;
      const locale = getLocale();
      if (root.lang !== locale) root.lang = locale;
      const dir = directionOf(locale);
      if (root.dir !== dir) root.dir = dir;
    }
  }

  protected override render() {
    const { choices, current } = this.switcher;
    return html`${this.config.render()}
    ${
      this.switcher.noneUsable
        ? renderProblem(msg('None of the languages listed for this switcher is available, so all are offered.'))
        : nothing
    }
    ${
      this.config.get('variant') === 'list'
        ? renderList(choices, current, (locale) => this.switcher.choose(locale), this.switcher.changed)
        : renderSelect(this.switcher, this.switcher)
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oc-language-switcher': OcLanguageSwitcher;
  }
}
