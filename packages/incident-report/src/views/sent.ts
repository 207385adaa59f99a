import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '@open-city/core';
import { text } from '../messages.js';
import type { ReportConfig, ReportController } from '../report-state.js';

/** A phone number as a `tel:` link: digits and a leading + only. */
export const telLink = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/**
 * Outcome: accepted. The reference and the code that withdraws the report, what happens next,
 * where to get support (the site's `support-url` and `support-phone`, when set).
 */
export function renderSent(
  report: Pick<ReportController, 'reference' | 'deletionCode' | 'sentWithContact' | 'startAgain'>,
  emergencyNumber: string,
  config: ReportConfig,
) {
  const level = config.get('headingLevel') ?? 2;
  return html`<section class="outcome" part="confirmation" aria-labelledby="outcome-title">
    ${staticHtml`<${headingTag(level)} id="outcome-title" tabindex="-1">${text.sentTitle()}</${headingTag(level)}>`}
    ${
      report.reference
        ? html`<div class="reference">
            <p>${text.reference()}</p>
            <p class="reference-value" dir="ltr">${report.reference}</p>
            <p class="hint">${text.referenceHint()}</p>
          </div>`
        : nothing
    }
    ${renderDeletionCode(report.deletionCode, text.deletionCode())}
    ${report.deletionCode ? html`<p class="hint">${text.withdrawLater()}</p>` : nothing}
    ${staticHtml`<${headingTag(level, 1)}>${text.nextTitle()}</${headingTag(level, 1)}>`}
    <p>${report.sentWithContact ? text.nextContact() : text.nextAnonymous()}</p>
    ${staticHtml`<${headingTag(level, 1)}>${text.supportTitle()}</${headingTag(level, 1)}>`}
    <ul class="support">
      <li>${text.supportEmergency(emergencyNumber)}</li>
      <li>${text.supportPolice(emergencyNumber)}</li>
      ${renderSupport(config)}
    </ul>
    <button type="button" class="button secondary" part="button" @click=${() => report.startAgain()}>
      ${text.another()}
    </button>
  </section>`;
}

/** The code, in a box that stands out, with what it is for. */
export function renderDeletionCode(code: string, label: string) {
  return code
    ? html`<div class="deletion-code">
        <p>${label}</p>
        <p class="code-value" dir="ltr">${halves(code).map((half) => html`<span>${half}</span>`)}</p>
        <p class="hint">${text.deletionCodeHint()}</p>
      </div>`
    : nothing;
}

/** `7K3M-Q9XP-2HVD-8RTW` as `7K3M-Q9XP-` and `2HVD-8RTW`: the text stays the same when copied. */
function halves(code: string): string[] {
  const groups = code.split('-');
  const middle = Math.ceil(groups.length / 2);
  const first = groups.slice(0, middle).join('-');
  return middle < groups.length ? [`${first}-`, groups.slice(middle).join('-')] : [first];
}

function renderSupport(config: ReportConfig) {
  const url = config.get('supportUrl');
  const phone = config.get('supportPhone');
  if (!url && !phone) return html`<li>${text.supportHelp()}</li>`;
  return html`${
    url ? html`<li><a href=${url} target="_blank" rel="noopener noreferrer">${text.supportLink()}</a></li>` : nothing
  }
  ${phone ? html`<li>${text.supportCall()} <a href=${telLink(phone)} dir="ltr">${phone}</a></li>` : nothing}`;
}
