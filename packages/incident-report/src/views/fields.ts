/** The field templates every step uses: each shows its own error and points to it for screen readers. */
import { html, nothing } from 'lit';
import { errorText, text } from '../messages.js';
import type { Field, StepErrors } from '../validation.js';

export function fieldError(errors: StepErrors, field: Field) {
  const code = errors[field];
  return code
    ? html`<p class="field-error" id="${field}-error">
        <span class="visually-hidden">${text.errorPrefix()}</span> ${errorText(field, code)}
      </p>`
    : nothing;
}

export function describedBy(errors: StepErrors, field: Field, hint?: string): string | typeof nothing {
  const ids = [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

/** `legend` null: the group's question is the step's heading, which labels it (no repeated text). */
export function radioGroup<T extends string>(
  errors: StepErrors,
  field: Field,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: string,
  onChange: (value: T) => void,
) {
  return html`<fieldset
    class="field ${errors[field] ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(errors, field)}
  >
    ${legend === null ? nothing : html`<legend>${legend}</legend>`} ${fieldError(errors, field)}
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
  </fieldset>`;
}

export function checkboxGroup<T extends string>(
  errors: StepErrors,
  field: Field,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: readonly T[],
  onChange: (values: T[]) => void,
) {
  return html`<fieldset
    class="field ${errors[field] ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(errors, field, `${field}-hint`)}
  >
    ${legend === null ? nothing : html`<legend>${legend}</legend>`}
    <p class="hint" id="${field}-hint">${text.chooseAll()}</p>
    ${fieldError(errors, field)}
    ${options.map(
      (option, index) =>
        html`<div class="choice">
          <input
            type="checkbox"
            id=${index === 0 ? field : `${field}-${option}`}
            .value=${option}
            .checked=${selected.includes(option)}
            @change=${(event: Event) => {
              const checked = (event.target as HTMLInputElement).checked;
              onChange(
                checked
                  ? options.filter((o) => o === option || selected.includes(o))
                  : selected.filter((o) => o !== option),
              );
            }}
          />
          <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
        </div>`,
    )}
  </fieldset>`;
}

export function textInput(
  errors: StepErrors,
  field: Field | 'name',
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { type?: string; hint?: string; autocomplete?: string; max?: string; dir?: string } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  const error = field === 'name' ? undefined : errors[field];
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing}
    ${field === 'name' ? nothing : fieldError(errors, field)}
    <input
      id=${field}
      type=${options.type ?? 'text'}
      .value=${value}
      max=${options.max ?? nothing}
      dir=${options.dir ?? 'auto'}
      autocomplete=${options.autocomplete ?? 'off'}
      aria-describedby=${field === 'name' ? (hintId ?? nothing) : describedBy(errors, field, hintId)}
      aria-invalid=${error ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

export function textArea(
  errors: StepErrors,
  field: Field,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { hint?: string; rows?: number; maxlength?: number } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  return html`<div class="field ${errors[field] ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldError(errors, field)}
    <textarea
      id=${field}
      rows=${options.rows ?? 4}
      dir="auto"
      maxlength=${options.maxlength ?? nothing}
      .value=${value}
      aria-describedby=${describedBy(errors, field, hintId)}
      aria-invalid=${errors[field] ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}
