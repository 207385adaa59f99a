import { css } from 'lit';

/**
 * The console's look, on core's theme tokens (`--oc-*`). Logical properties, so that Arabic
 * mirrors; sizes in em; every layout a single column below 40em, so it reflows at 320 px.
 */
export const consoleStyles = css`
  :host {
    color: var(--_oc-color-text);
    background: var(--_oc-color-background);
  }

  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin-block: 0 0.5em;
  }

  h1 {
    font-size: 1.6em;
  }

  h2 {
    font-size: 1.25em;
    margin-block-start: 1.5em;
  }

  h3 {
    font-size: 1.05em;
  }

  h1:focus,
  h2:focus {
    outline: none;
  }

  /* Chromium gives a date field's focus to a part inside it: reached by Tab in a shadow root, the
     field matches neither :focus-visible nor :focus, only :focus-within. */
  input[type='date']:focus,
  input[type='date']:focus-within {
    outline: 3px solid var(--_oc-color-focus);
    outline-offset: 2px;
  }

  h1:focus-visible {
    outline: 3px solid var(--_oc-color-focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_oc-color-accent);
  }

  .button,
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 2.75em;
    padding: 0.4em 1em;
    border: 2px solid var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .button.secondary,
  button.secondary {
    background: var(--_oc-color-background);
    color: var(--_oc-color-accent);
  }

  button.danger {
    border-color: var(--_oc-color-error);
    background: var(--_oc-color-error);
    color: #fff;
  }

  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25em;
  }

  .hint {
    display: block;
    font-weight: normal;
    color: var(--_oc-color-text-muted);
    font-size: 0.9em;
  }

  input,
  select,
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
  }

  textarea {
    min-block-size: 6em;
    resize: vertical;
  }

  input[type='checkbox'] {
    display: inline-block;
    inline-size: 1.25em;
    min-block-size: 1.25em;
    margin-inline-end: 0.5em;
    vertical-align: middle;
  }

  .field {
    margin-block-end: 1em;
  }

  .stack > * + * {
    margin-block-start: 1em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
    gap: 0 1em;
  }

  .panel {
    padding: var(--_oc-space);
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  .notice {
    padding: 0.75em var(--_oc-space);
    border-inline-start: 0.35em solid var(--_oc-color-accent);
    background: var(--_oc-color-surface);
    border-radius: var(--_oc-radius);
  }

  .plain-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .cards > li {
    margin-block-end: 0.75em;
  }

  .card {
    padding: 0.75em var(--_oc-space);
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
  }

  .card p {
    margin-block: 0.25em;
  }

  .panel > h2:first-child {
    margin-block-start: 0;
  }

  .card h2,
  .card h3 {
    margin: 0 0 0.25em;
    font-size: 1.1em;
  }

  .meta {
    color: var(--_oc-color-text-muted);
    font-size: 0.95em;
  }

  .badge {
    display: inline-block;
    padding: 0.05em 0.5em;
    border: 1px solid currentColor;
    border-radius: 1em;
    font-size: 0.9em;
    white-space: nowrap;
  }

  .badge.overdue {
    color: var(--_oc-color-error);
  }

  dl.fields {
    display: grid;
    grid-template-columns: minmax(8em, 14em) 1fr;
    gap: 0.4em 1em;
    margin: 0;
  }

  dl.fields dt {
    font-weight: 600;
  }

  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .secret {
    font-family: ui-monospace, monospace;
    font-size: 1.1em;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
    direction: ltr;
  }

  .evidence {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: 1em;
  }

  .evidence figure {
    margin: 0;
  }

  .evidence img {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: 20em;
    object-fit: contain;
    background: var(--_oc-color-surface);
    border: 1px solid var(--_oc-color-border);
  }

  .error-text {
    color: var(--_oc-color-error);
    font-weight: 600;
  }

  @media (max-width: 40em) {
    dl.fields {
      grid-template-columns: 1fr;
    }

    dl.fields dd {
      margin-block-end: 0.5em;
    }
  }
`;
