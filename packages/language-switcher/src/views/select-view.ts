import { html, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { directionOf, endonym, type Locale } from '@open-city/core';

const globeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
  stroke="currentColor" stroke-width="1.8" stroke-linecap="round"><circle cx="12" cy="12" r="9"/>
  <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/></svg>`;

/** The compact variant: a labelled native `<select>`, each language named in itself. */
export function renderSelect(choices: Locale[], current: Locale, choose: (locale: string) => void): TemplateResult {
  return html`<div class="select-variant" part="base">
    <label part="label" for="language">${globeIcon}<span>${msg('Language')}</span></label>
    <select
      id="language"
      part="select"
      autocomplete="off"
      @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}
    >
      ${choices.map(
        (locale) =>
          html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${locale === current}>
            ${endonym(locale)}
          </option>`,
      )}
    </select>
  </div>`;
}
