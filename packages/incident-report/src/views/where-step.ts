import { html, nothing } from 'lit';
import { text } from '../messages.js';
import { krakowDistricts } from '../districts.js';
import type { FormController } from '../form-state.js';
import { radioGroup, textArea, textInput } from './fields.js';

const placeKinds = ['offline', 'online'] as const;
const placeKindLabel = (kind: (typeof placeKinds)[number]) => (kind === 'online' ? text.online() : text.offline());

/** Step 3: online (a link) or in a place (a description, and optionally a district and the location). */
export function renderWhereStep(form: FormController) {
  const { draft, errors } = form;
  return html`${radioGroup(errors, 'placeKind', null, placeKinds, placeKindLabel, draft.placeKind, (value) =>
    form.change({ placeKind: value }),
  )}
  ${
    draft.placeKind === 'online'
      ? textInput(errors, 'url', text.url(), draft.url, (value) => form.change({ url: value }), {
          autocomplete: 'url',
        })
      : nothing
  }
  ${draft.placeKind === 'offline' ? renderPlace(form) : nothing}`;
}

function renderPlace(form: FormController) {
  const { draft, errors } = form;
  return html`${textArea(
      errors,
      'placeDescription',
      text.placeDescription(),
      draft.placeDescription,
      (value) => form.change({ placeDescription: value }),
      {
        hint: text.placeHint(),
        rows: 3,
        maxlength: 1000,
      },
    )}
    <div class="field">
      <label for="district">${text.district()}</label>
      <select
        id="district"
        @change=${(event: Event) => form.change({ district: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${!draft.district}>${text.noDistrict()}</option>
        ${krakowDistricts.map(
          (district) =>
            html`<option value=${district} lang="pl" ?selected=${draft.district === district}>${district}</option>`,
        )}
      </select>
    </div>
    <div class="field location">
      ${
        draft.point
          ? html`<p role="status">${text.locationAdded()}</p>
              <button type="button" id="remove-location" class="button secondary" @click=${() => form.removeLocation()}>
                ${text.removeLocation()}
              </button>`
          : html`<button type="button" id="add-location" class="button secondary" @click=${() => form.addLocation()}>
              ${text.addLocation()}
            </button>`
      }
      ${form.locationProblem ? html`<p class="field-error" role="alert">${text.locationFailed()}</p>` : nothing}
    </div>`;
}
