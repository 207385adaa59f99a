import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { renderIcon } from '@open-city/core';
import type { FinderActions } from '../finder-state.js';
import { activeFilters, type Filters } from '../finder.js';
import type { Directory } from '../model.js';
import { filterLabel } from './filter-label.js';
import { icons } from './icons.js';

/** The active filters as removable chips, with "Clear all" when there are several. */
export function renderChips(
  filters: Filters,
  actions: Pick<FinderActions, 'removeFilter' | 'clearFilters'>,
  directory: Directory,
): TemplateResult | typeof nothing {
  const active = activeFilters(filters);
  if (active.length === 0) return nothing;
  return html`<div class="chips" part="chips">
    <h2 class="visually-hidden">${msg('Active filters')}</h2>
    <ul role="list">
      ${active.map((name) => {
        const label = filterLabel(name, filters, directory);
        return html`<li>
          <button
            class="chip"
            type="button"
            aria-label=${msg(str`Remove filter: ${label}`)}
            @click=${() => actions.removeFilter(name)}
          >
            <span>${label}</span>${renderIcon(icons.close)}
          </button>
        </li>`;
      })}
      ${
        active.length > 1
          ? html`<li>
              <button class="chip clear" type="button" @click=${() => actions.clearFilters()}>
                ${msg('Clear all')}
              </button>
            </li>`
          : nothing
      }
    </ul>
  </div>`;
}
