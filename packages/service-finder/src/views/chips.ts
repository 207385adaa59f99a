import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg, str } from '@lit/localize';
import { headingTag, renderIcon } from '@open-city/core';
import type { FinderActions } from '../finder-state.js';
import { activeFilters, type Filters } from '../finder.js';
import type { Directory } from '../model.js';
import { filterLabel } from './filter-label.js';
import { icons } from './icons.js';

/**
 * The active filters as removable chips, with "Clear all" when there are several. Each label
 * takes its own direction (`dir="auto"`): a Latin query in an Arabic page reads right.
 */
export function renderChips(
  filters: Filters,
  actions: Pick<FinderActions, 'removeFilter' | 'clearFilters'>,
  directory: Directory,
  headingLevel = 2,
): TemplateResult | typeof nothing {
  const active = activeFilters(filters);
  if (active.length === 0) return nothing;
  const heading = headingTag(headingLevel);
  return html`<div class="chips" part="chips">
    ${staticHtml`<${heading} class="visually-hidden">${msg('Active filters')}</${heading}>`}
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
            <span dir="auto">${label}</span>${renderIcon(icons.close)}
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
