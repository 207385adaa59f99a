import { html, nothing } from 'lit';
import { text } from '../messages.js';
import type { ReportController } from '../report-state.js';

/** Outcome: accepted. The reference, what happens next, where to get support. */
export function renderSent(
  report: Pick<ReportController, 'reference' | 'sentWithContact' | 'startAgain'>,
  emergencyNumber: string,
) {
  return html`<section class="outcome" part="confirmation" aria-labelledby="outcome-title">
    <h2 id="outcome-title" tabindex="-1">${text.sentTitle()}</h2>
    ${
      report.reference
        ? html`<div class="reference">
            <p>${text.reference()}</p>
            <p class="reference-value" dir="ltr">${report.reference}</p>
            <p class="hint">${text.referenceHint()}</p>
          </div>`
        : nothing
    }
    <h3>${text.nextTitle()}</h3>
    <p>${report.sentWithContact ? text.nextContact() : text.nextAnonymous()}</p>
    <h3>${text.supportTitle()}</h3>
    <ul>
      <li>${text.supportEmergency(emergencyNumber)}</li>
      <li>${text.supportPolice(emergencyNumber)}</li>
      <li>${text.supportHelp()}</li>
    </ul>
    <button type="button" class="button secondary" part="button" @click=${() => report.startAgain()}>
      ${text.another()}
    </button>
  </section>`;
}
