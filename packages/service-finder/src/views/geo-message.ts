import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { GeoStatus } from '../finder-state.js';

/** What "Near me" is doing, or why it could not. */
export function renderGeoMessage(status: GeoStatus): TemplateResult | typeof nothing {
  switch (status) {
    case 'locating':
      return html`<p class="geo" role="status">${msg('Finding your location…')}</p>`;
    case 'on':
      return html`<p class="geo" role="status">${msg('Sorted by distance from you.')}</p>`;
    case 'denied':
      return html`<p class="geo warning" role="alert">
        ${msg('Your location was not shared, so the results are in the usual order. You can allow it in the browser settings.')}
      </p>`;
    case 'unavailable':
      return html`<p class="geo warning" role="alert">
        ${msg('Your location could not be found, so the results are in the usual order.')}
      </p>`;
    default:
      return nothing;
  }
}
