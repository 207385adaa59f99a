import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '@open-city/core';
import { stepTitle, text } from '../messages.js';
import type { FormController } from '../form-state.js';
import type { Step } from '../steps.js';
import { renderContactStep } from './contact-step.js';
import { renderDetailsStep } from './details-step.js';
import { renderErrorSummary } from './error-summary.js';
import { renderEvidenceStep } from './evidence-step.js';
import { renderProgress } from './progress.js';
import { renderReviewStep } from './review-step.js';
import { renderRoleStep } from './role-step.js';
import { renderWhatStep } from './what-step.js';
import { renderWhenStep } from './when-step.js';
import { renderWhereStep } from './where-step.js';
import { renderWithdraw } from './withdraw.js';

const stepViews: Record<Step, (form: FormController) => TemplateResult> = {
  role: renderRoleStep,
  what: renderWhatStep,
  where: renderWhereStep,
  when: renderWhenStep,
  details: renderDetailsStep,
  evidence: renderEvidenceStep,
  contact: renderContactStep,
  review: renderReviewStep,
};

/**
 * The form at its current step: progress, heading, problems, the step's fields, Back and Continue;
 * under the first step, the way to withdraw a report sent earlier.
 */
export function renderForm(form: FormController) {
  const last = form.step === 'review';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    form.next();
  };
  return html`<form novalidate @submit=${onSubmit} aria-labelledby="step-title">
      ${renderProgress(form.stepIndex)}
      ${staticHtml`<${headingTag(form.headingLevel)} id="step-title" tabindex="-1">${stepTitle(form.step)}</${headingTag(form.headingLevel)}>`}
      ${renderErrorSummary(form.errors, form.rejection, form.headingLevel)} ${stepViews[form.step](form)}
      <div class="trap" aria-hidden="true">
        <label for="website">${text.honeypot()}</label>
        <input
          id="website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          @input=${(event: Event) => form.fillHoneypot((event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        ${
          form.stepIndex > 0
            ? html`<button type="button" class="button secondary" part="button" @click=${() => form.back()}>
                ${text.back()}
              </button>`
            : nothing
        }
        <button type="submit" class="button primary" part="button" ?disabled=${form.sending}>
          ${last ? (form.sending ? text.sending() : text.send()) : text.continue()}
        </button>
      </div>
    </form>
    ${form.step === 'role' ? renderWithdraw(form) : nothing}`;
}
