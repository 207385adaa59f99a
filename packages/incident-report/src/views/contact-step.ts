import { html } from 'lit';
import { directionOf, endonym, getLocale, supportedLocales } from '@open-city/core';
import { text } from '../messages.js';
import type { FormController } from '../form-state.js';
import { radioGroup, textInput } from './fields.js';

const choices = ['anonymous', 'contact'] as const;
const choiceLabel = (choice: (typeof choices)[number]) =>
  choice === 'anonymous' ? text.stayAnonymous() : text.allowContact();

/** Step 6: anonymous (chosen already), or a reply: name, email or phone, and the reply's language. */
export function renderContactStep(form: FormController) {
  const { draft, errors } = form;
  return html`${radioGroup(
    errors,
    'contact',
    text.contactQuestion(),
    choices,
    choiceLabel,
    draft.anonymous ? 'anonymous' : 'contact',
    (value) => form.change({ anonymous: value === 'anonymous' }),
  )}
  ${draft.anonymous ? html`<p class="hint">${text.anonymousNote()}</p>` : renderContactFields(form)}`;
}

function renderContactFields(form: FormController) {
  const { draft, errors } = form;
  return html`<p class="hint" id="contact-hint">${text.contactHint()}</p>
    ${textInput(errors, 'name', text.name(), draft.name, (value) => form.change({ name: value }), {
      autocomplete: 'name',
    })}
    ${textInput(errors, 'email', text.email(), draft.email, (value) => form.change({ email: value }), {
      type: 'email',
      autocomplete: 'email',
      dir: 'ltr',
    })}
    ${textInput(errors, 'phone', text.phone(), draft.phone, (value) => form.change({ phone: value }), {
      type: 'tel',
      autocomplete: 'tel',
      dir: 'ltr',
    })}
    <div class="field">
      <label for="preferredLanguage">${text.replyLanguage()}</label>
      <select
        id="preferredLanguage"
        @change=${(event: Event) => form.change({ preferredLanguage: (event.target as HTMLSelectElement).value })}
      >
        ${supportedLocales.map((locale) => {
          const selected = (draft.preferredLanguage || getLocale()) === locale;
          return html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${selected}>
            ${endonym(locale)}
          </option>`;
        })}
      </select>
    </div>`;
}
