import { html, nothing } from 'lit';
import { biasLabel, incidentGroupLabel, incidentGroups, incidentTypeLabel, text } from '../messages.js';
import { biasMotivations, incidentTypes, type IncidentType } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { checkbox, checkboxGroup, describedBy, disclosure, fieldError, textInput, toggled } from './fields.js';

/**
 * Step 2: what happened, in three short groups that open on demand (a phone shows four lines, not
 * ten choices), and why the person thinks it happened (the OSCE/ODIHR categories); "other" asks
 * for a few words.
 */
export function renderWhatStep(form: FormController) {
  const { draft, errors } = form;
  return html`${renderIncidentTypes(form)}
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

function renderIncidentTypes(form: FormController) {
  const { draft, errors } = form;
  const selected = draft.incidentTypes;
  const choose = (type: IncidentType) => (checked: boolean) =>
    form.change({ incidentTypes: toggled(incidentTypes, selected, type, checked) });
  return html`<fieldset
    class="field ${errors.incidentTypes ? 'has-error' : ''}"
    data-field="incidentTypes"
    aria-labelledby="step-title"
    aria-describedby=${describedBy(errors, 'incidentTypes', 'incidentTypes-hint')}
  >
    <p class="hint" id="incidentTypes-hint">${text.chooseAll()}</p>
    ${fieldError(errors, 'incidentTypes')}
    ${incidentGroups.map(([group, types]) => {
      const chosen = types.filter((type) => selected.includes(type)).length;
      return disclosure(
        form,
        `types-${group}`,
        html`${incidentGroupLabel(group)}
        ${chosen ? html`<span class="chosen">(${text.chosenCount(chosen)})</span>` : nothing}`,
        chosen > 0,
        html`${types.map((type) =>
          checkbox('incidentTypes', type, type === incidentTypes[0], incidentTypeLabel(type), selected, choose(type)),
        )}`,
      );
    })}
    ${checkbox('incidentTypes', 'other', false, incidentTypeLabel('other'), selected, choose('other'))}
  </fieldset>`;
}
