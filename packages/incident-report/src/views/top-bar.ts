/**
 * The emergency number and the quick exit: rendered by the element itself, before its other views
 * have loaded, so this file is in the element's first chunk.
 */
import { html } from 'lit';
import { shellText } from '../shell-messages.js';

export function renderTopBar(emergencyNumber: string, onQuickExit: () => void) {
  return html`<div class="top-bar" part="top-bar">
    <p class="emergency">
      ${shellText.emergency()}
      <a href="tel:${emergencyNumber.replace(/[^0-9+]/g, '')}" dir="ltr">${emergencyNumber}</a>
    </p>
    <button type="button" class="exit" part="exit" @click=${onQuickExit} aria-describedby="exit-hint">
      ${shellText.quickExit()}
    </button>
    <span id="exit-hint" class="visually-hidden">${shellText.quickExitHint()}</span>
  </div>`;
}
