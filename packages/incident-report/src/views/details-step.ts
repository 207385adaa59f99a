import { html, nothing } from 'lit';
import { policeLabel, text } from '../messages.js';
import { policeAnswers } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { maxDescriptionLength } from '../validation.js';
import { renderMoreQuestions } from './more-questions.js';
import { radioGroup, textArea, textInput } from './fields.js';

/**
 * Step 5: the description in the person's own words, whether the police know (and their reference),
 * then what a caseworker asks first, each in a section that opens on demand.
 */
export function renderDetailsStep(form: FormController) {
  const { draft, errors } = form;
  const left = maxDescriptionLength - draft.description.length;
  return html`${textArea(
      errors,
      'description',
      text.description(),
      draft.description,
      (value) => form.change({ description: value }),
      {
        hint: text.descriptionHint(),
        rows: 7,
        maxlength: maxDescriptionLength,
      },
    )}
    <p class="hint count" aria-live="polite">${left < 500 ? text.charactersLeft(Math.max(0, left)) : nothing}</p>
    ${radioGroup(
      errors,
      'reportedToPolice',
      text.police(),
      policeAnswers,
      policeLabel,
      draft.reportedToPolice,
      (value) => form.change({ reportedToPolice: value }),
    )}
    ${
      draft.reportedToPolice === 'yes'
        ? textInput(
            errors,
            'policeReference',
            text.policeReference(),
            draft.policeReference,
            (value) => form.change({ policeReference: value }),
            { maxlength: 200 },
          )
        : nothing
    }
    ${renderMoreQuestions(form)}`;
}
