import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { loadingText } from '@open-city/core';
import type { FinderActions, FinderView } from '../finder-state.js';
import type { Found, Prepared } from '../finder.js';
import { clockAt } from '../hours.js';
import { renderChips } from './chips.js';
import { resultCountText } from './count-text.js';
import { renderEmpty } from './empty.js';
import { renderGeoMessage } from './geo-message.js';
import { renderMapResults } from './map.js';
import { renderResults } from './results.js';
import { renderSearch } from './search-form.js';
import { renderViewSwitch } from './view-switch.js';

export interface ListData {
  prepared: Prepared;
  /** The results under the current filters. */
  found: Found;
  /** The clock for "open now", and the zone of the opening hours. */
  now: Date | number;
  zone: string;
  /** The widget's `heading-level`: its own headings at this level, the cards' one below. */
  headingLevel?: number;
  /**
   * Only the feed's first records are in (the rest is being read): their results show, while the
   * count, the filters' choices and "Show more", which need the whole directory, wait for it.
   */
  partial?: boolean;
}

/**
 * The finder's main view: search form, "Near me" status, list or map, result count, chips, then
 * the results (as cards, or on the map) or the empty state. Both views share this template, so
 * switching keeps the form, the switch and focus where they are.
 */
export function renderList(state: FinderView, actions: FinderActions, data: ListData): TemplateResult {
  const { prepared, found, now, zone, headingLevel = 2, partial = false } = data;
  const { directory } = prepared;
  const { filters } = state;
  const near = state.geoStatus === 'on' || state.geoStatus === 'locating';
  const clock = clockAt(now, zone);
  return html`${renderSearch(filters, near, actions, directory, partial)} ${renderGeoMessage(state.geoStatus)}
    <div class="results-bar">
      <p class="count" part="status" role="status">
        ${partial ? loadingText() : resultCountText(found.services.length)}
      </p>
      ${renderViewSwitch(state.view, actions)}
    </div>
    ${renderChips(filters, actions, directory, headingLevel)}
    ${
      found.services.length === 0
        ? partial
          ? nothing // what the rest of the feed holds decides
          : renderEmpty(filters, actions, prepared, now, zone)
        : state.view === 'map'
          ? renderMapResults(state, actions, found, clock, headingLevel)
          : renderResults(found, state.shown, actions, clock, headingLevel, partial)
    }
    ${
      directory.skipped > 0
        ? html`<p class="note">${msg('Some entries of this directory could not be read and are not shown.')}</p>`
        : nothing
    }`;
}
