import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '@open-city/core';
import { injuryLabel, perpetratorCountLabel, policeLabel, recipientLabel, text } from '../messages.js';
import { injuryAnswers, otherRecipients, perpetratorCounts, policeAnswers, yesNo } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { checkbox, disclosure, radioGroup, textArea, textInput, toggled } from './fields.js';

/**
 * What a caseworker asks first, all optional and in plain words: injuries, witnesses, who did it,
 * and where else it was reported. Each is a section that opens on demand, and is open once answered.
 */
export function renderMoreQuestions(form: FormController) {
  const { draft } = form;
  return html`<section class="more" aria-labelledby="more-title">
    ${staticHtml`<${headingTag(form.headingLevel, 1)} id="more-title">${text.moreTitle()}</${headingTag(form.headingLevel, 1)}>`}
    <p class="hint">${text.moreHint()}</p>
    ${disclosure(form, 'injuries', text.injuriesQuestion(), !!draft.injuries, renderInjuries(form))}
    ${disclosure(form, 'witnesses', text.witnessesQuestion(), !!draft.witnesses, renderWitnesses(form))}
    ${disclosure(
      form,
      'perpetrators',
      text.perpetratorsQuestion(),
      !!(draft.perpetratorCount || draft.perpetratorKnown || draft.perpetratorDescription.trim()),
      renderPerpetrators(form),
    )}
    ${disclosure(
      form,
      'elsewhere',
      text.elsewhereQuestion(),
      draft.reportedElsewhere.length > 0,
      renderElsewhere(form),
    )}
  </section>`;
}

function renderInjuries(form: FormController) {
  const { draft, errors } = form;
  return radioGroup(
    errors,
    'injuries',
    text.injuriesQuestion(),
    injuryAnswers,
    injuryLabel,
    draft.injuries,
    (value) => form.change({ injuries: value }),
    { onClear: () => form.change({ injuries: '' }), quiet: true },
  );
}

function renderWitnesses(form: FormController) {
  const { draft, errors } = form;
  return html`${radioGroup(
    errors,
    'witnesses',
    text.witnessesQuestion(),
    yesNo,
    policeLabel,
    draft.witnesses,
    (value) => form.change({ witnesses: value }),
    { onClear: () => form.change({ witnesses: '', witnessesContact: '' }), quiet: true },
  )}
  ${
    draft.witnesses === 'yes'
      ? radioGroup(
          errors,
          'witnessesContact',
          text.witnessesContactQuestion(),
          yesNo,
          policeLabel,
          draft.witnessesContact,
          (value) => form.change({ witnessesContact: value }),
          { onClear: () => form.change({ witnessesContact: '' }), hint: text.witnessesContactHint() },
        )
      : nothing
  }`;
}

function renderPerpetrators(form: FormController) {
  const { draft, errors } = form;
  const known = draft.reporterRole === 'victim' ? text.perpetratorKnownVictim() : text.perpetratorKnownOther();
  return html`${radioGroup(
    errors,
    'perpetratorCount',
    text.perpetratorCount(),
    perpetratorCounts,
    perpetratorCountLabel,
    draft.perpetratorCount,
    (value) => form.change({ perpetratorCount: value }),
    { onClear: () => form.change({ perpetratorCount: '' }) },
  )}
  ${radioGroup(
    errors,
    'perpetratorKnown',
    known,
    policeAnswers,
    policeLabel,
    draft.perpetratorKnown,
    (value) => form.change({ perpetratorKnown: value }),
    { onClear: () => form.change({ perpetratorKnown: '' }) },
  )}
  ${textArea(
    errors,
    'perpetratorDescription',
    text.perpetratorDescription(),
    draft.perpetratorDescription,
    (value) => form.change({ perpetratorDescription: value }),
    { hint: text.perpetratorHint(), rows: 3, maxlength: 1000 },
  )}`;
}

function renderElsewhere(form: FormController) {
  const { draft, errors } = form;
  const selected = draft.reportedElsewhere;
  return html`<fieldset class="field" data-field="reportedElsewhere" aria-describedby="reportedElsewhere-hint">
    <legend class="visually-hidden">${text.elsewhereQuestion()}</legend>
    <p class="hint" id="reportedElsewhere-hint">${text.chooseAll()}</p>
    ${otherRecipients.map(
      (to, index) =>
        html`${checkbox('reportedElsewhere', to, index === 0, recipientLabel(to), selected, (checked) =>
          form.change({ reportedElsewhere: toggled(otherRecipients, selected, to, checked) }),
        )}
        ${
          selected.includes(to) && to === 'organisation'
            ? html`<div class="nested">
                ${textInput(
                  errors,
                  'organisationName',
                  text.organisationName(),
                  draft.organisationName,
                  (value) => form.change({ organisationName: value }),
                  { maxlength: 200 },
                )}
                ${textInput(
                  errors,
                  'organisationReference',
                  text.organisationReference(),
                  draft.organisationReference,
                  (value) => form.change({ organisationReference: value }),
                  { maxlength: 200 },
                )}
              </div>`
            : nothing
        }
        ${
          selected.includes(to) && to === 'platform'
            ? html`<div class="nested">
                ${textInput(
                  errors,
                  'platformReference',
                  text.platformReference(),
                  draft.platformReference,
                  (value) => form.change({ platformReference: value }),
                  { maxlength: 200 },
                )}
              </div>`
            : nothing
        }`,
    )}
  </fieldset>`;
}
