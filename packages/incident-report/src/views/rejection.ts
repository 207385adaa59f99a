import { html } from 'lit';
import type { RefusedError } from '@open-city/core';
import { text } from '../messages.js';

/** The receiver refused the report: its reason and details, as items of the error summary. */
export function renderRejection(refusal: RefusedError) {
  return html`<li>${text.rejected(refusal.reason)}</li>
    ${refusal.details.map((detail) => html`<li>${detail}</li>`)}`;
}
