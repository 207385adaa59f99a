import { html, nothing } from 'lit';
import { stepShortName, text } from '../messages.js';
import { steps } from '../steps.js';

/** "Step 3 of 7" and the list of steps, the current one marked for screen readers. */
export function renderProgress(current: number) {
  return html`<div class="progress" part="progress">
    <p class="step-count">${text.stepOf(current + 1, steps.length)}</p>
    <ol class="steps" aria-label=${text.steps()}>
      ${steps.map(
        (step, index) =>
          html`<li
            class=${index < current ? 'done' : index === current ? 'current' : ''}
            aria-current=${index === current ? 'step' : nothing}
          >
            <span class="step-number" aria-hidden="true">${index + 1}</span>
            <span class="step-name">${stepShortName(step)}</span>
            ${index < current ? html`<span class="visually-hidden">(${text.done()})</span>` : nothing}
          </li>`,
      )}
    </ol>
  </div>`;
}
