import { html, nothing } from 'lit';
import { biasLabel, incidentTypeLabel, text } from '../messages.js';
import { biasMotivations, incidentTypes } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { checkboxGroup, textInput } from './fields.js';

/** Step 2: what happened, and why the person thinks it happened; "other" asks for a few words. */
export function renderWhatStep(form: FormController) {
  const { draft, errors } = form;
  return html`${checkboxGroup(
    errors,
    'incidentTypes',
    null,
    incidentTypes,
    incidentTypeLabel,
    draft.incidentTypes,
    (values) => form.change({ incidentTypes: values }),
  )}
  ${
    draft.incidentTypes.includes('other')
      ? textInput(errors, 'incidentTypeOther', text.otherWhat(), draft.incidentTypeOther, (value) =>
          form.change({ incidentTypeOther: value }),
        )
      : nothing
  }
  ${checkboxGroup(
    errors,
    'biasMotivations',
    text.biasQuestion(),
    biasMotivations,
    biasLabel,
    draft.biasMotivations,
    (values) => form.change({ biasMotivations: values }),
  )}
  ${
    draft.biasMotivations.includes('other')
      ? textInput(errors, 'biasMotivationOther', text.otherWhy(), draft.biasMotivationOther, (value) =>
          form.change({ biasMotivationOther: value }),
        )
      : nothing
  }`;
}
