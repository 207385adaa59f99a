import { LitElement } from 'lit';
import { LocaleController } from './locale/locale-controller.js';
import { localeLoading } from './locale/page-locale.js';
import type { OcEventDetails } from './events.js';
import { baseStyles, themeTokens } from './styles/theme.styles.js';
import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

export type { OcEventDetails } from './events.js';

type CustomElementClass = CustomElementConstructor & { version?: string };

/**
 * The base of every Open City widget: page language on the host (`lang`, `dir`), re-rendering in
 * place on a change of language, no first render before the translations are in, a guarded
 * `define()`, and a typed `emit()`.
 */
export class OcElement extends LitElement {
  /** The library version, compared when two copies meet on one page. */
  static readonly version: string = VERSION;

  /** The element's default tag name; each widget sets its own. */
  static tagName = '';

  static override styles = [themeTokens, baseStyles];

  /**
   * Register the element. Never throws: when the name is taken (the same file loaded twice, or two
   * builds on one page), the first definition stays, with a console warning if versions differ.
   */
  static define(tagName: string = this.tagName, registry: CustomElementRegistry = customElements): void {
    if (!tagName) {
      warnOnce(this.name || 'OcElement', 'define() needs a tag name.');
      return;
    }
    const existing = registry.get(tagName) as CustomElementClass | undefined;
    if (existing) {
      if (existing !== this && existing.version !== this.version) {
        warnOnce(
          tagName,
          `already defined by version ${existing.version ?? 'unknown'}; version ${this.version} is not used. Load one version of Open City Widgets per page.`,
        );
      }
      return;
    }
    try {
      registry.define(tagName, this);
    } catch (error) {
      // The same class under another name, or a name the registry refuses.
      warnOnce(tagName, `could not be defined: ${(error as Error).message}`);
    }
  }

  protected readonly localeController = new LocaleController(this);

  /** Dispatch a bubbling, composed event with a typed detail. Returns false if it was cancelled. */
  emit<K extends keyof OcEventDetails & string>(
    type: K,
    detail: OcEventDetails[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /** Hold rendering while translations load, so a Ukrainian page never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = localeLoading();
    if (loading) return loading.then(() => super.scheduleUpdate());
    return super.scheduleUpdate();
  }
}
