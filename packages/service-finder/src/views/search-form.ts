import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { getLocale, renderIcon } from '@open-city/core';
import type { FinderActions } from '../finder-state.js';
import { categoryTree, languageChoices, type Filters } from '../finder.js';
import type { Directory } from '../model.js';
import { icons } from './icons.js';

type SearchActions = Pick<FinderActions, 'setFilters' | 'toggleNear'>;

/** The search form: the query, then the filters. */
export function renderSearch(
  filters: Filters,
  near: boolean,
  actions: SearchActions,
  directory: Directory,
  /** Only the feed's first records are in: the category and language choices wait for the whole. */
  partial = false,
): TemplateResult {
  return html`<form
    class="search"
    part="search"
    role="search"
    aria-label=${msg('Search services')}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <div class="query">
      <label for="q">${msg('Search services')}</label>
      <div class="query-field">
        ${renderIcon(icons.search)}
        <input
          id="q"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          .value=${filters.query}
          placeholder=${msg('For example: residence permit, doctor, Polish course')}
          @input=${(e: Event) => actions.setFilters({ query: (e.target as HTMLInputElement).value })}
        />
      </div>
    </div>
    ${renderFilters(filters, near, actions, directory, partial)}
  </form>`;
}

/** Category (as a tree), language spoken, the three toggles and "Near me". */
function renderFilters(
  filters: Filters,
  near: boolean,
  actions: SearchActions,
  directory: Directory,
  partial: boolean,
) {
  const locale = getLocale();
  const languages = partial ? [] : languageChoices(directory, locale);
  const tree = partial ? [] : categoryTree(directory);
  const toggle = (name: 'free' | 'openNow' | 'accessible', label: string) =>
    html`<label class="toggle">
      <input
        type="checkbox"
        name=${name}
        .checked=${Boolean(filters[name])}
        @change=${(e: Event) => actions.setFilters({ [name]: (e.target as HTMLInputElement).checked || undefined })}
      />
      <span>${label}</span>
    </label>`;
  return html`<div class="filters" part="filters">
    <div class="field">
      <label for="category">${msg('Category')}</label>
      <select
        id="category"
        @change=${(e: Event) => actions.setFilters({ category: (e.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${!filters.category}>${msg('All categories')}</option>
        ${tree.map(
          ({ category, depth, count }) =>
            html`<option value=${category.id} ?selected=${filters.category === category.id}>
              ${'\u00a0\u00a0\u00a0'.repeat(depth)}${category.name} (${count})
            </option>`,
        )}
      </select>
    </div>
    <div class="field">
      <label for="language">${msg('Language spoken')}</label>
      <select
        id="language"
        @change=${(e: Event) => actions.setFilters({ language: (e.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${!filters.language}>${msg('Any language')}</option>
        ${languages.map(
          ({ code, label }) =>
            html`<option value=${code} lang=${code} ?selected=${filters.language === code}>${label}</option>`,
        )}
      </select>
    </div>
    <fieldset class="toggles">
      <legend class="visually-hidden">${msg('Show only')}</legend>
      ${toggle('free', msg('Free of charge'))} ${toggle('openNow', msg('Open now'))}
      ${toggle('accessible', msg('Accessible location'))}
    </fieldset>
    <button
      class="button near"
      type="button"
      aria-pressed=${near ? 'true' : 'false'}
      @click=${() => actions.toggleNear()}
    >
      ${renderIcon(icons.near)}<span>${msg('Near me')}</span>
    </button>
  </div>`;
}
