import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { getLocale } from '@open-city/core';
import { filterOptions, type Filters } from '../calendar.js';
import type { CalendarController } from '../calendar-state.js';
import type { Occurrence } from '../model.js';
import { clearFiltersFrom } from './keep-focus.js';
import { languageName } from './format.js';

type ChoiceFilter = 'category' | 'language' | 'audience';

/** Text search, and a choice for each kind of value the month's events have, with "Clear filters". */
export function renderFilters(state: CalendarController, all: Occurrence[]): TemplateResult {
  const options = filterOptions(all, getLocale());
  const { filters } = state;
  // A chosen value stays offered even in a month without it, so the choice is never lost.
  const withChosen = (values: string[], chosen?: string) =>
    chosen && !values.includes(chosen) ? [chosen, ...values] : values;
  const active = Boolean(filters.query || filters.category || filters.language || filters.audience || filters.free);
  const choice = (name: ChoiceFilter, label: string, anyLabel: string, values: string[], labelOf = (v: string) => v) =>
    renderSelect(state, name, label, anyLabel, withChosen(values, filters[name]), labelOf);
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${msg('Search and filter events')}
    @submit=${(event: Event) => event.preventDefault()}
  >
    <div class="field search">
      <label for="q">${msg('Search events')}</label>
      <input
        id="q"
        type="search"
        autocomplete="off"
        .value=${filters.query}
        @input=${(event: Event) => state.setFilters({ query: (event.target as HTMLInputElement).value })}
      />
    </div>
    ${choice('category', msg('Category'), msg('All categories'), options.categories)}
    ${choice('language', msg('Language of the event'), msg('Any language'), options.languages, languageName)}
    ${choice('audience', msg('For whom'), msg('Everyone'), options.audiences)}
    <div class="field check">
      <input
        id="free"
        type="checkbox"
        .checked=${Boolean(filters.free)}
        @change=${(event: Event) => state.setFilters({ free: (event.target as HTMLInputElement).checked || undefined })}
      />
      <label for="free">${msg('Free only')}</label>
    </div>
    ${
      active
        ? html`<button class="button clear" type="button" @click=${(click: Event) => clearFiltersFrom(state, click)}>
            ${msg('Clear filters')}
          </button>`
        : nothing
    }
  </form>`;
}

function renderSelect(
  state: CalendarController,
  name: ChoiceFilter,
  label: string,
  anyLabel: string,
  values: string[],
  labelOf: (value: string) => string,
): TemplateResult | typeof nothing {
  if (values.length === 0) return nothing;
  const chosen = state.filters[name] ?? '';
  const choose = (event: Event) => {
    const changes: Partial<Filters> = { [name]: (event.target as HTMLSelectElement).value || undefined };
    state.setFilters(changes);
  };
  return html`<div class="field">
    <label for=${`f-${name}`}>${label}</label>
    <select id=${`f-${name}`} @change=${choose}>
      <option value="" ?selected=${chosen === ''}>${anyLabel}</option>
      ${values.map((value) => html`<option value=${value} ?selected=${chosen === value}>${labelOf(value)}</option>`)}
    </select>
  </div>`;
}
