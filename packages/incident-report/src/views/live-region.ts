import { html, nothing } from 'lit';
import { shellText } from '../shell-messages.js';

/**
 * Announced politely: what the outbox did while the person was elsewhere (an earlier report sent, a
 * saved one deleted), and "Sending…". Rendered by the element, like the top bar, before the form loads.
 */
export function renderLiveRegion(notice: string, sending: boolean) {
  return html`<div role="status" class="live">
    ${notice ? html`<p class="notice">${notice}</p>` : nothing}
    ${sending ? html`<p class="visually-hidden">${shellText.sendingStatus()}</p>` : nothing}
  </div>`;
}
