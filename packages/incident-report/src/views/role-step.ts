import { html } from 'lit';
import { roleLabel, text } from '../messages.js';
import { reporterRoles } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { radioGroup } from './fields.js';

/** Step 1: who is reporting. */
export function renderRoleStep(form: FormController) {
  return html`<p class="intro">${text.intro()}</p>
    ${radioGroup(form.errors, 'reporterRole', null, reporterRoles, roleLabel, form.draft.reporterRole, (value) =>
      form.change({ reporterRole: value }),
    )}`;
}
