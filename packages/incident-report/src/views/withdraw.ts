import { html, nothing } from 'lit';
import { text, withdrawalText } from '../messages.js';
import type { FormController } from '../form-state.js';
import { disclosure } from './fields.js';

/**
 * Withdrawing a report sent earlier, with its reference and its code: a section under the first
 * step, closed until asked for, with a form of its own (so Enter in it does not move the report on).
 */
export function renderWithdraw(form: FormController) {
  const withdrawal = form.withdrawal;
  const outcome = withdrawal.outcome;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void withdrawal.withdraw();
  };
  return disclosure(
    form,
    'withdraw',
    text.withdrawTitle(),
    outcome !== undefined,
    html`<form class="withdraw" novalidate @submit=${onSubmit} aria-label=${text.withdrawTitle()}>
      <p class="hint">${text.withdrawIntro()}</p>
      <div class="field">
        <label for="withdraw-reference">${text.withdrawReference()}</label>
        <input
          id="withdraw-reference"
          type="text"
          dir="ltr"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="40"
          .value=${withdrawal.reference}
          @input=${(event: Event) => withdrawal.change({ reference: (event.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for="withdraw-code">${text.withdrawCode()}</label>
        <input
          id="withdraw-code"
          type="text"
          dir="ltr"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="40"
          .value=${withdrawal.code}
          @input=${(event: Event) => withdrawal.change({ code: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${
        outcome
          ? html`<p
              id="withdraw-outcome"
              tabindex="-1"
              class=${outcome === 'withdrawn' ? 'notice' : 'field-error'}
              role=${outcome === 'withdrawn' ? 'status' : 'alert'}
            >
              ${withdrawalText(outcome)}
            </p>`
          : nothing
      }
      <button type="submit" class="button secondary" ?disabled=${withdrawal.sending}>
        ${withdrawal.sending ? text.withdrawing() : text.withdrawButton()}
      </button>
    </form>`,
  );
}
