import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FinderActions, FinderView } from '../finder-state.js';
import type { Found, Prepared } from '../finder.js';
import { clockAt } from '../hours.js';
import { renderChips } from './chips.js';
import { resultCountText } from './count-text.js';
import { renderEmpty } from './empty.js';
import { renderGeoMessage } from './geo-message.js';
import { renderResults } from './results.js';
import { renderSearch } from './search-form.js';

export interface ListData {
  prepared: Prepared;
  /** The results under the current filters. */
  found: Found;
  /** The clock for "open now", and the zone of the opening hours. */
  now: Date | number;
  zone: string;
}

/** The finder's main view: search form, "Near me" status, result count, chips, then results or the empty state. */
export function renderList(state: FinderView, actions: FinderActions, data: ListData): TemplateResult {
  const { prepared, found, now, zone } = data;
  const { directory } = prepared;
  const { filters } = state;
  const near = state.geoStatus === 'on' || state.geoStatus === 'locating';
  return html`${renderSearch(filters, near, actions, directory)} ${renderGeoMessage(state.geoStatus)}
    <p class="count" part="status" role="status">${resultCountText(found.services.length)}</p>
    ${renderChips(filters, actions, directory)}
    ${
      found.services.length === 0
        ? renderEmpty(filters, actions, prepared, now, zone)
        : renderResults(found, state.shown, actions, clockAt(now, zone))
    }
    ${
      directory.skipped > 0
        ? html`<p class="note">${msg('Some entries of this directory could not be read and are not shown.')}</p>`
        : nothing
    }`;
}
