import { css } from 'lit';

/**
 * Theme tokens. A page sets the public `--oc-*` properties anywhere up the tree (`:root` works);
 * components read only the private `--_oc-*` copies, so a default declared here never shadows a
 * value the page set on an ancestor.
 *
 * Sizes are in `em` from the host's font size, which defaults to 16px rather than `rem`: a page
 * that shrinks its root font (`html { font-size: 62.5% }`) does not shrink the widgets.
 * Default colours reach at least 4.5:1 against the default background.
 */
export const themeTokens = css`
  :host {
    --_oc-font-size: var(--oc-font-size, 16px);
    --_oc-color-text: var(--oc-color-text, #1f2328);
    --_oc-color-text-muted: var(--oc-color-text-muted, #4b5563);
    --_oc-color-background: var(--oc-color-background, #ffffff);
    --_oc-color-surface: var(--oc-color-surface, #f4f6f8);
    --_oc-color-border: var(--oc-color-border, #6b7280);
    --_oc-color-accent: var(--oc-color-accent, #0b57d0);
    --_oc-color-on-accent: var(--oc-color-on-accent, #ffffff);
    --_oc-color-error: var(--oc-color-error, #b3261e);
    --_oc-color-error-surface: var(--oc-color-error-surface, #fdecea);
    --_oc-color-focus: var(--oc-color-focus, #0b57d0);
    --_oc-radius: var(--oc-radius, 0.375em);
    --_oc-space: var(--oc-space, 1em);
    --_oc-transition: var(--oc-transition-duration, 150ms);
  }
`;

/** What every widget's shadow root starts from. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-size: var(--_oc-font-size);
    line-height: 1.5;
    color: var(--_oc-color-text);
    /* Fonts come from the host page. */
    font-family: inherit;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--_oc-color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .status {
    display: flex;
    align-items: center;
    gap: 0.75em;
    padding: 0.75em var(--_oc-space);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  .status progress {
    inline-size: 8em;
    accent-color: var(--_oc-color-accent);
  }

  .spinner {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    border: 0.2em solid var(--_oc-color-border);
    border-block-start-color: var(--_oc-color-accent);
    border-radius: 50%;
    animation: oc-spin 0.9s linear infinite;
  }

  .problem {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.75em var(--_oc-space);
    border: 1px solid var(--_oc-color-error);
    border-inline-start-width: 0.35em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-error-surface);
    color: var(--_oc-color-text);
  }

  .problem p {
    margin: 0;
    flex: 1 1 14em;
  }

  /* The attribute at fault, for the site's developer: small, and left to right in every locale. */
  .problem-details {
    flex-basis: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    color: var(--_oc-color-accent);
    cursor: pointer;
    transition: background-color var(--_oc-transition);
  }

  .button:hover {
    background: var(--_oc-color-surface);
  }

  @keyframes oc-spin {
    to {
      transform: rotate(1turn);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
    * {
      transition: none !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    .problem,
    .status,
    .button {
      border: 1px solid CanvasText;
    }
    .spinner {
      border-color: CanvasText;
      border-block-start-color: Highlight;
    }
  }
`;
