import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag, type RefusedError } from '@open-city/core';
import { errorText, text } from '../messages.js';
import type { Field, StepErrors } from '../validation.js';
import { renderRejection } from './rejection.js';

/** The problems of this step (and the receiver's refusal), each linked to its field. */
export function renderErrorSummary(errors: StepErrors, rejection: RefusedError | undefined, headingLevel = 2) {
  const entries = Object.entries(errors) as Array<[Field, NonNullable<StepErrors[Field]>]>;
  if (entries.length === 0 && !rejection) return nothing;
  // As GOV.UK does: the summary receives focus (which announces it), so no role="alert" to avoid a double reading.
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-title">
    ${staticHtml`<${headingTag(headingLevel, 1)} id="error-title">${text.problem()}</${headingTag(headingLevel, 1)}>`}
    <ul>
      ${rejection ? renderRejection(rejection) : nothing}
      ${entries.map(
        ([field, code]) =>
          html`<li>
            <a href="#${field}" @click=${(event: Event) => focusField(event, field)}>${errorText(field, code)}</a>
          </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The link's own shadow root holds the field: a group is focused through its first input, and a
 * closed section holding it is opened first.
 */
function focusField(event: Event, field: Field): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ParentNode;
  const target =
    root.querySelector<HTMLElement>(`#${field}`) ?? root.querySelector<HTMLElement>(`[data-field="${field}"] input`);
  const section = target?.closest('details');
  if (section) section.open = true;
  target?.focus();
}
