import { html } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '@open-city/core';
import { text } from '../messages.js';
import type { ReportConfig, ReportController } from '../report-state.js';
import { renderDeletionCode } from './sent.js';

/** Outcome: not sent yet. The report waits on this device; it can be sent now, or deleted. */
export function renderQueued(
  report: Pick<ReportController, 'retryNow' | 'discardQueued' | 'deletionCode'>,
  config: ReportConfig,
) {
  const level = config.get('headingLevel') ?? 2;
  return html`<section class="outcome queued" part="confirmation" aria-labelledby="outcome-title">
    ${staticHtml`<${headingTag(level)} id="outcome-title" tabindex="-1">${text.queuedTitle()}</${headingTag(level)}>`}
    <p>${text.queuedText()}</p>
    ${renderDeletionCode(report.deletionCode, text.queuedCode())}
    <div class="actions">
      <button type="button" class="button primary" part="button" @click=${() => report.retryNow()}>
        ${text.tryNow()}
      </button>
      <button type="button" class="button secondary" part="button" @click=${() => report.discardQueued()}>
        ${text.discard()}
      </button>
    </div>
  </section>`;
}
