/** The field templates every step uses: each shows its own error and points to it for screen readers. */
import { html, nothing, type TemplateResult } from 'lit';
import { errorText, text } from '../messages.js';
import type { ErrorCode, Field, OptionalField, StepErrors } from '../validation.js';

/** Any field of the form: one that may be wrong, or an optional answer (which never is). */
export type AnyField = Field | OptionalField | 'name';

const errorOf = (errors: StepErrors, field: AnyField): ErrorCode | undefined =>
  (errors as Partial<Record<AnyField, ErrorCode>>)[field];

export function fieldError(errors: StepErrors, field: AnyField) {
  const code = errorOf(errors, field);
  return code
    ? html`<p class="field-error" id="${field}-error">
        <span class="visually-hidden">${text.errorPrefix()}</span> ${errorText(field as Field, code)}
      </p>`
    : nothing;
}

export function describedBy(errors: StepErrors, field: AnyField, hint?: string): string | typeof nothing {
  const ids = [hint, errorOf(errors, field) ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/**
 * `legend` null: the group's question is the step's heading, which labels it (no repeated text).
 * `optional.onClear`: an optional question, whose answer can be taken back; `optional.hint`: a
 * line of explanation under the question; `optional.quiet`: the legend only for screen readers,
 * when the same question is written just above (a section's summary).
 */
export function radioGroup<T extends string>(
  errors: StepErrors,
  field: AnyField,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: string,
  onChange: (value: T) => void,
  { onClear, hint, quiet }: { onClear?: () => void; hint?: string; quiet?: boolean } = {},
) {
  return html`<fieldset
    class="field ${errorOf(errors, field) ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(errors, field, hint ? `${field}-hint` : undefined)}
  >
    ${legend === null ? nothing : html`<legend class=${quiet ? 'visually-hidden' : nothing}>${legend}</legend>`}
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing} ${fieldError(errors, field)}
    ${options.map(
      (option, index) =>
        html`<div class="choice">
          <input
            type="radio"
            id=${index === 0 ? field : `${field}-${option}`}
            name=${field}
            .value=${option}
            .checked=${selected === option}
            @change=${() => onChange(option)}
          />
          <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
        </div>`,
    )}
    ${
      onClear && selected
        ? html`<button type="button" class="link-button" @click=${onClear}>
            ${text.clearAnswer()}<span class="visually-hidden">: ${legend}</span>
          </button>`
        : nothing
    }
  </fieldset>`;
}

/** One checkbox of a group; the group's first option carries the field's id (errors link to it). */
export function checkbox<T extends string>(
  field: AnyField,
  option: T,
  first: boolean,
  label: string,
  selected: readonly T[],
  onChange: (checked: boolean) => void,
) {
  const id = first ? field : `${field}-${option}`;
  return html`<div class="choice">
    <input
      type="checkbox"
      id=${id}
      .value=${option}
      .checked=${selected.includes(option)}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
  </div>`;
}

/** The new selection after one option changed, in the options' order. */
export function toggled<T extends string>(options: readonly T[], selected: readonly T[], option: T, checked: boolean) {
  return checked ? options.filter((o) => o === option || selected.includes(o)) : selected.filter((o) => o !== option);
}

export function checkboxGroup<T extends string>(
  errors: StepErrors,
  field: AnyField,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: readonly T[],
  onChange: (values: T[]) => void,
) {
  return html`<fieldset
    class="field ${errorOf(errors, field) ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(errors, field, `${field}-hint`)}
  >
    ${legend === null ? nothing : html`<legend>${legend}</legend>`}
    <p class="hint" id="${field}-hint">${text.chooseAll()}</p>
    ${fieldError(errors, field)}
    ${options.map((option, index) =>
      checkbox(field, option, index === 0, label(option), selected, (checked) =>
        onChange(toggled(options, selected, option, checked)),
      ),
    )}
  </fieldset>`;
}

export function textInput(
  errors: StepErrors,
  field: AnyField,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { type?: string; hint?: string; autocomplete?: string; max?: string; dir?: string; maxlength?: number } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  const error = errorOf(errors, field);
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldError(errors, field)}
    <input
      id=${field}
      type=${options.type ?? 'text'}
      .value=${value}
      max=${options.max ?? nothing}
      maxlength=${options.maxlength ?? nothing}
      dir=${options.dir ?? 'auto'}
      autocomplete=${options.autocomplete ?? 'off'}
      aria-describedby=${describedBy(errors, field, hintId)}
      aria-invalid=${error ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

export function textArea(
  errors: StepErrors,
  field: AnyField,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { hint?: string; rows?: number; maxlength?: number } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  const error = errorOf(errors, field);
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldError(errors, field)}
    <textarea
      id=${field}
      rows=${options.rows ?? 4}
      dir="auto"
      maxlength=${options.maxlength ?? nothing}
      .value=${value}
      aria-describedby=${describedBy(errors, field, hintId)}
      aria-invalid=${error ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

/** What a disclosure needs of the form: which sections are open. */
export interface Disclosures {
  isOpen(name: string, answered: boolean): boolean;
  toggle(name: string, open: boolean): void;
}

/**
 * A section that opens on demand (progressive disclosure), native `<details>`: keyboard and screen
 * readers know it. Open when the person opened it, or when it holds an answer. Its content is
 * always in the page, so that a link of the error summary can reach a field inside.
 */
export function disclosure(
  form: Disclosures,
  name: string,
  summary: TemplateResult | string,
  answered: boolean,
  content: TemplateResult,
) {
  return html`<details
    class="disclosure"
    data-section=${name}
    ?open=${form.isOpen(name, answered)}
    @toggle=${(event: Event) => form.toggle(name, (event.currentTarget as HTMLDetailsElement).open)}
  >
    <summary>${summary}</summary>
    <div class="disclosure-body">${content}</div>
  </details>`;
}
