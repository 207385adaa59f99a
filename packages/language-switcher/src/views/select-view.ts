import { html, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { directionOf, endonym, type Locale } from '@open-city/core';

const globeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
  stroke="currentColor" stroke-width="1.8" stroke-linecap="round"><circle cx="12" cy="12" r="9"/>
  <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg>`;

/** What the select view reads of the switcher's state. */
export interface SelectView {
  choices: Locale[];
  /** The language the select shows (picked, else active). */
  shown: Locale;
  /** The page's language. */
  current: Locale;
  /** The page language has just been changed here: say so. */
  changed: boolean;
}

/** What the select view can do (SwitcherController). */
export interface SelectActions {
  pointerDown(): void;
  keyDown(key: string, opensList: boolean): boolean;
  pick(value: string): void;
  apply(): void;
  leave(): void;
}

/**
 * The compact variant: a labelled native `<select>`, each language named in itself, and a "Change"
 * button. Keys only pick a language; Enter, the button, or a choice in the opened list applies it.
 */
export function renderSelect(view: SelectView, actions: SelectActions): TemplateResult {
  const onKeyDown = (event: KeyboardEvent) => {
    const select = event.currentTarget as HTMLSelectElement;
    // Space, F4 and Alt+arrows open the list, where a choice is explicit.
    const opensList = event.key === ' ' || event.key === 'F4' || (event.altKey && event.key.startsWith('Arrow'));
    if (event.key === 'Escape') select.value = view.current;
    if (actions.keyDown(event.key, opensList)) event.preventDefault();
  };
  const onFocusOut = (event: FocusEvent) => {
    const base = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && base.contains(event.relatedTarget)) return;
    // Back on the page's language, also where the binding below would see no change to make.
    base.querySelector('select')!.value = view.current;
    actions.leave();
  };
  return html`<div class="select-variant" part="base" @focusout=${onFocusOut}>
    <label part="label" for="language">${globeIcon}<span>${msg('Language')}</span></label>
    <span class="controls">
      <select
        id="language"
        part="select"
        autocomplete="off"
        .value=${view.shown}
        @pointerdown=${() => actions.pointerDown()}
        @keydown=${onKeyDown}
        @change=${(event: Event) => actions.pick((event.target as HTMLSelectElement).value)}
      >
        ${view.choices.map(
          (locale) =>
            html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${locale === view.shown}>
              ${endonym(locale)}
            </option>`,
        )}
      </select>
      <button type="button" class="apply" part="apply" @click=${() => actions.apply()}>${msg('Change')}</button>
    </span>
    <span class="visually-hidden" role="status">${view.changed ? msg('Language changed.') : ''}</span>
  </div>`;
}
