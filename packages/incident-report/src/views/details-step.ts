import { html, nothing } from 'lit';
import { policeLabel, text } from '../messages.js';
import { policeAnswers } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { maxDescriptionLength } from '../validation.js';
import { radioGroup, textArea } from './fields.js';

/** Step 5: the description in the person's own words, and whether the police know. */
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
    )}`;
}
