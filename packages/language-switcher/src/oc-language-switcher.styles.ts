import { css } from 'lit';

export const languageSwitcherStyles = css`
  :host {
    display: inline-block;
  }

  .problem {
    margin-block-end: 0.5em;
  }

  .select-variant {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }

  label {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-weight: 600;
  }

  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }

  .controls {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em;
    max-inline-size: 100%;
  }

  select,
  .apply {
    min-block-size: 2.75em;
    max-inline-size: 100%;
    padding-block: 0.4em;
    padding-inline: 0.6em 0.4em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    color: var(--_oc-color-text);
    cursor: pointer;
  }

  .apply {
    min-inline-size: 2.75em;
    padding-inline: 0.75em;
    font: inherit;
    font-weight: 600;
  }

  .apply:hover {
    background: var(--_oc-color-surface);
  }

  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .option {
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: 0.4em 0.75em;
    border: 1px solid transparent;
    border-radius: var(--_oc-radius);
    background: transparent;
    color: var(--_oc-color-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .option:hover {
    background: var(--_oc-color-surface);
  }

  .option[aria-current='true'] {
    border-color: var(--_oc-color-accent);
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    text-decoration: none;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    select,
    .apply,
    .option {
      border-color: ButtonText;
    }
    .option[aria-current='true'] {
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
`;
