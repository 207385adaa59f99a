import { html } from 'lit';
import { roleLabel, targetLabel, text } from '../messages.js';
import { reporterRoles, targets } from '../report-model.js';
import type { FormController } from '../form-state.js';
import { checkboxGroup, radioGroup } from './fields.js';

/** Step 1: who is reporting, and (optionally) who or what was targeted. */
export function renderRoleStep(form: FormController) {
  const { draft, errors } = form;
  return html`<p class="intro">${text.intro()}</p>
    ${radioGroup(errors, 'reporterRole', null, reporterRoles, roleLabel, draft.reporterRole, (value) =>
      form.change({ reporterRole: value }),
    )}
    ${checkboxGroup(errors, 'targets', text.targetQuestion(), targets, targetLabel, draft.targets, (values) =>
      form.change({ targets: values }),
    )}`;
}
