import { html, nothing } from 'lit';
import { formatDate, formatDateTime, getLocale, listFormat } from '@open-city/core';
import {
  biasLabel,
  incidentTypeLabel,
  injuryLabel,
  perpetratorCountLabel,
  policeLabel,
  recipientLabel,
  roleLabel,
  stepTitle,
  targetLabel,
  text,
} from '../messages.js';
import type { ReportDraft } from '../report-model.js';
import type { FormController } from '../form-state.js';
import type { Step } from '../steps.js';
import { describedBy, fieldError } from './fields.js';

/** Step 7: every answer with a way to change it, then consent and the privacy notice. */
export function renderReviewStep(form: FormController) {
  const { draft, errors, privacyUrl } = form;
  return html`<dl class="summary">
      ${summaryRows(draft).map(
        ([step, question, answer]) =>
          html`<div class="summary-row">
            <dt>${question}</dt>
            <dd class="answer" dir="auto">${answer || text.notGiven()}</dd>
            <dd>
              <button type="button" class="link-button" @click=${() => form.edit(step)}>
                ${text.change()}<span class="visually-hidden">: ${question}</span>
              </button>
            </dd>
          </div>`,
      )}
    </dl>
    <div class="field consent ${errors.consent ? 'has-error' : ''}" data-field="consent">
      ${fieldError(errors, 'consent')}
      <div class="choice">
        <input
          id="consent"
          type="checkbox"
          .checked=${draft.consent}
          aria-describedby=${describedBy(errors, 'consent', 'privacy')}
          aria-invalid=${errors.consent ? 'true' : nothing}
          @change=${(event: Event) => form.change({ consent: (event.target as HTMLInputElement).checked })}
        />
        <label for="consent">${text.consent()}</label>
      </div>
      <p class="hint" id="privacy">
        ${
          privacyUrl
            ? html`<a href=${privacyUrl} target="_blank" rel="noopener noreferrer">${text.privacyLink()}</a>`
            : text.privacyFallback()
        }
      </p>
    </div>`;
}

/** Each answer as [the step that asks it, the question, the answer in words]; optional ones only when given. */
function summaryRows(draft: ReportDraft): Array<[Step, string, string]> {
  const listOf = (values: string[]) =>
    values.length ? listFormat(getLocale(), { type: 'conjunction' }).format(values) : text.notGiven();
  const types = draft.incidentTypes.map((type) =>
    type === 'other' && draft.incidentTypeOther ? draft.incidentTypeOther : incidentTypeLabel(type),
  );
  const biases = draft.biasMotivations.map((bias) =>
    bias === 'other' && draft.biasMotivationOther ? draft.biasMotivationOther : biasLabel(bias),
  );
  const place =
    draft.placeKind === 'online'
      ? draft.url
      : [draft.placeDescription, draft.district, draft.point ? text.locationAdded() : ''].filter(Boolean).join(' · ');
  const contact = draft.anonymous
    ? text.anonymousAnswer()
    : [draft.name, draft.email, draft.phone].filter((part) => part.trim()).join(' · ');
  const images = draft.attachments.map(
    (image, index) => image.alt.trim() || text.imageNumber(index + 1, draft.attachments.length),
  );
  // Optional questions not answered are not listed (answer ''), so the check page stays short.
  const optional = (step: Step, question: string, answer: string): Array<[Step, string, string]> =>
    answer ? [[step, question, answer]] : [];
  return [
    ['role', stepTitle('role'), draft.reporterRole ? roleLabel(draft.reporterRole) : text.notGiven()],
    ...optional('role', text.reviewTargets(), draft.targets.length ? listOf(draft.targets.map(targetLabel)) : ''),
    ['what', stepTitle('what'), listOf(types)],
    ['what', text.biasQuestion(), listOf(biases)],
    ['where', stepTitle('where'), place],
    ['when', stepTitle('when'), draft.occurredOn ? formatWhen(draft.occurredOn, draft.occurredAt) : ''],
    ['details', text.reviewDescription(), draft.description],
    ['details', text.police(), draft.reportedToPolice ? policeLabel(draft.reportedToPolice) : text.notGiven()],
    ...optional('details', text.reviewMore(), moreAnswers(draft).join('\n')),
    ...optional('details', text.reviewElsewhere(), elsewhereAnswers(draft).join('\n')),
    ['evidence', text.reviewImages(), images.length ? images.join('\n') : text.noImages()],
    ['contact', stepTitle('contact'), contact],
  ];
}

/** The optional questions of the details step, each answered one as "question answer". */
function moreAnswers(draft: ReportDraft): string[] {
  const answers: string[] = [];
  if (draft.injuries) answers.push(`${text.injuriesQuestion()} ${injuryLabel(draft.injuries)}`);
  if (draft.witnesses) answers.push(draft.witnesses === 'yes' ? text.witnessesYes() : text.witnessesNo());
  if (draft.perpetratorCount) answers.push(perpetratorCountLabel(draft.perpetratorCount));
  if (draft.perpetratorKnown) {
    const question = draft.reporterRole === 'victim' ? text.perpetratorKnownVictim() : text.perpetratorKnownOther();
    answers.push(`${question} ${policeLabel(draft.perpetratorKnown)}`);
  }
  if (draft.perpetratorDescription.trim()) answers.push(draft.perpetratorDescription.trim());
  return answers;
}

/** Where else it was reported, with the names and references given. */
function elsewhereAnswers(draft: ReportDraft): string[] {
  const withDetails = (label: string, ...details: string[]) =>
    [label, ...details.map((detail) => detail.trim()).filter(Boolean)].join(' · ');
  const answers =
    draft.reportedToPolice === 'yes' && draft.policeReference.trim()
      ? [withDetails(text.reviewPolice(), draft.policeReference)]
      : [];
  for (const to of draft.reportedElsewhere) {
    answers.push(
      to === 'organisation'
        ? withDetails(recipientLabel(to), draft.organisationName, draft.organisationReference)
        : withDetails(recipientLabel(to), draft.platformReference),
    );
  }
  return answers;
}

/**
 * The day, and the time when given, as the page language writes them together (its own order,
 * words and digits: "24 listopada 2026 o 14:30", in Arabic with the Arabic comma), through core's
 * Intl helpers (Gregorian calendar). Read in UTC, so that no zone moves the day or the hour given.
 */
export function formatWhen(isoDate: string, time = ''): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const [hours, minutes] = /^\d{2}:\d{2}$/.test(time) ? time.split(':').map(Number) : [];
  if (hours === undefined)
    return formatDate(Date.UTC(year, month - 1, day), getLocale(), { dateStyle: 'long', timeZone: 'UTC' });
  return formatDateTime(Date.UTC(year, month - 1, day, hours, minutes), getLocale(), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
}
