import { html } from 'lit';
import { text } from '../messages.js';
import type { FormController } from '../form-state.js';
import { textInput } from './fields.js';

/** Step 4: the date (no later than today where the person is, with Today and Yesterday), and the time if known. */
export function renderWhenStep(form: FormController) {
  const { draft, errors } = form;
  return html`${textInput(
      errors,
      'occurredOn',
      text.date(),
      draft.occurredOn,
      (value) => form.change({ occurredOn: value }),
      {
        type: 'date',
        max: form.today(),
        hint: text.dateHint(),
      },
    )}
    <div class="quick-dates">
      <button type="button" class="button secondary" @click=${() => form.change({ occurredOn: form.today() })}>
        ${text.today()}
      </button>
      <button type="button" class="button secondary" @click=${() => form.change({ occurredOn: form.today(-1) })}>
        ${text.yesterday()}
      </button>
    </div>
    ${textInput(errors, 'occurredAt', text.time(), draft.occurredAt, (value) => form.change({ occurredAt: value }), {
      type: 'time',
      hint: text.timeHint(),
    })}`;
}
