import { css } from 'lit';

/** Styles of the form's steps, fields and outcomes; adopted when the views load. */
export const formStyles = css`
  form {
    display: grid;
    gap: 1em;
  }

  h2 {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }

  h3 {
    margin-block: 0.75em 0.25em;
    font-size: 1.1em;
  }

  .progress {
    display: grid;
    gap: 0.35em;
  }

  .step-count {
    margin: 0;
    color: var(--_oc-color-text-muted);
  }

  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .steps li {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding-block: 0.15em;
    padding-inline: 0.2em 0.5em;
    border: 1px solid var(--_oc-color-border);
    border-radius: 1em;
    font-size: 0.85em;
    color: var(--_oc-color-text-muted);
  }

  .steps .step-number {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    background: var(--_oc-color-surface);
  }

  .steps .done {
    border-color: var(--_oc-color-accent);
    color: var(--_oc-color-text);
  }

  .steps .current {
    border-color: var(--_oc-color-accent);
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    font-weight: 700;
  }

  .steps .current .step-number {
    background: var(--_oc-color-on-accent);
    color: var(--_oc-color-accent);
  }

  .intro,
  .hint {
    margin: 0;
    color: var(--_oc-color-text-muted);
  }

  .field {
    display: grid;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  fieldset.field {
    gap: 0.5em;
  }

  legend,
  .field > label {
    padding: 0;
    font-weight: 600;
  }

  .has-error {
    padding-inline-start: 0.75em;
    border-inline-start: 0.25em solid var(--_oc-color-error);
  }

  .field-error {
    margin: 0;
    color: var(--_oc-color-error);
    font-weight: 600;
  }

  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  input[type='time'],
  select,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: 32em;
    min-block-size: 2.75em;
    padding: 0.45em 0.6em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
  }

  input[type='date'],
  input[type='time'] {
    inline-size: auto;
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border: 2px solid var(--_oc-color-error);
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    min-block-size: 2.75em;
  }

  .choice input {
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--_oc-color-accent);
  }

  .choice label {
    padding-block: 0.05em;
    cursor: pointer;
  }

  .trap {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .quick-dates {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }

  .button.primary {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    font-weight: 700;
  }

  .button.primary:hover {
    background: var(--_oc-color-accent);
    text-decoration: underline;
  }

  .button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }

  .link-button {
    justify-self: start;
    min-block-size: 2.75em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_oc-color-accent);
    text-decoration: underline;
    cursor: pointer;
  }

  .error-summary {
    padding: 0.75em 1em;
    border: 3px solid var(--_oc-color-error);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-error-surface);
  }

  .error-summary h3 {
    margin-block-start: 0;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .error-summary a {
    color: var(--_oc-color-error);
    font-weight: 600;
  }

  .summary {
    display: grid;
    margin: 0;
  }

  .summary-row {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr auto;
    gap: 0.25em 1em;
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_oc-color-border);
  }

  .summary dt {
    font-weight: 600;
  }

  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .summary .answer {
    white-space: pre-line;
  }

  .outcome {
    display: grid;
    gap: 0.5em;
    padding: 1em;
    border: 2px solid var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
  }

  .outcome.queued {
    border-color: var(--_oc-color-border);
  }

  .reference {
    padding: 0.75em 1em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
  }

  .reference p {
    margin: 0;
  }

  .reference .hint {
    color: inherit;
  }

  .reference-value {
    font-size: 1.6em;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-align: start;
  }

  /* Sections that open on demand: groups of choices, optional questions, the withdrawal. */
  .disclosure {
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
  }

  /* A list item keeps the browser's own triangle, which turns in right-to-left text. */
  .disclosure > summary {
    display: list-item;
    padding-block: 0.65em;
    padding-inline: 0.75em;
    font-weight: 600;
    cursor: pointer;
    list-style-position: inside;
  }

  .disclosure > summary::marker {
    color: var(--_oc-color-accent);
  }

  .disclosure[open] > summary {
    border-block-end: 1px solid var(--_oc-color-border);
  }

  .disclosure-body {
    display: grid;
    gap: 0.75em;
    padding: 0.6em 0.75em 0.75em;
  }

  .chosen {
    font-weight: 400;
    color: var(--_oc-color-text-muted);
  }

  .more {
    display: grid;
    gap: 0.6em;
  }

  .more h3 {
    margin: 0;
  }

  .nested {
    display: grid;
    gap: 0.75em;
    padding-inline-start: 2.1em;
  }

  .images {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .image {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr);
    gap: 0.75em;
    padding: 0.75em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
  }

  .preview {
    inline-size: 7.5em;
    block-size: auto;
    max-block-size: 7.5em;
    object-fit: contain;
    background: var(--_oc-color-surface);
  }

  .image-fields {
    display: grid;
    gap: 0.5em;
    min-inline-size: 0;
  }

  .image-name {
    margin: 0;
    font-weight: 600;
  }

  .image-actions,
  .add-image {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .image-problems ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .image-status p {
    margin: 0;
  }

  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: not-allowed;
  }

  .deletion-code {
    padding: 0.75em 1em;
    border: 2px dashed var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
  }

  .deletion-code p {
    margin: 0;
  }

  .code-value {
    font-size: 1.35em;
    font-weight: 700;
    letter-spacing: 0.08em;
    text-align: start;
  }

  /* A narrow screen breaks the code between its halves (two groups each), never inside a group. */
  .code-value span {
    display: inline-block;
  }

  .support a {
    overflow-wrap: anywhere;
  }

  form.withdraw {
    display: grid;
    gap: 0.75em;
  }

  .withdraw .notice {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 0.3em solid var(--_oc-color-accent);
    background: var(--_oc-color-surface);
  }

  @container (max-inline-size: 30em) {
    .summary-row {
      grid-template-columns: 1fr;
    }

    .image {
      grid-template-columns: 1fr;
    }
  }

  @media (forced-colors: active) {
    .steps .current,
    .reference,
    .deletion-code {
      border: 2px solid CanvasText;
    }
    .has-error,
    .error-summary,
    [aria-invalid='true'] {
      border-color: CanvasText;
    }
  }
`;
