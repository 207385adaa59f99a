import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { getLocale } from '@open-city/core';
import { formatCount } from '../format.js';
import type { FinderActions } from '../finder-state.js';
import { loosenings, type Filters, type Prepared } from '../finder.js';
import { filterLabel } from './filter-label.js';

/** Nothing matches: which one filter to remove, with the count it would give, or show everything. */
export function renderEmpty(
  filters: Filters,
  actions: Pick<FinderActions, 'removeFilter' | 'clearFilters'>,
  prepared: Prepared,
  now: Date | number,
  zone: string,
): TemplateResult {
  const { directory } = prepared;
  if (directory.services.length === 0) {
    return html`<div class="empty" part="empty"><p>${msg('There are no services in this directory yet.')}</p></div>`;
  }
  const options = loosenings(prepared, filters, now, zone);
  return html`<div class="empty" part="empty">
    <p><strong>${msg('No services match.')}</strong></p>
    ${
      options.length > 0
        ? html`<p>${msg('Try one of these:')}</p>
            <ul role="list">
              ${options.map(
                ({ filter, count }) =>
                  html`<li>
                    <button class="button" type="button" @click=${() => actions.removeFilter(filter)}>
                      ${msg(str`Remove “${filterLabel(filter, filters, directory)}”`)}
                      (${formatCount(count, getLocale())})
                    </button>
                  </li>`,
              )}
            </ul>`
        : html`<p>${msg('Try other words, or fewer filters.')}</p>`
    }
    <button class="button" type="button" @click=${() => actions.clearFilters()}>${msg('Show all services')}</button>
  </div>`;
}
