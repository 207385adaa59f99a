import { css } from 'lit';

export const serviceFinderStyles = css`
  :host {
    container-type: inline-size;
    /*
     * "Open now": the page's --oc-color-open, else a green mixed from the text colour, so that it
     * keeps the text's contrast on any background (light, dark, high contrast).
     */
    --_oc-color-open: var(--oc-color-open, color-mix(in oklab, #1a7f37 45%, var(--_oc-color-text)));
  }

  .finder {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }

  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }

  a {
    color: var(--_oc-color-accent);
    text-underline-offset: 0.15em;
  }

  /* ---- search and filters */

  .search {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: 0.75em var(--_oc-space);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  label,
  legend {
    font-weight: 600;
  }

  .query label {
    display: block;
    margin-block-end: 0.25em;
  }

  .query-field {
    position: relative;
    display: flex;
    align-items: center;
  }

  .query-field .icon {
    position: absolute;
    inset-inline-start: 0.6em;
    color: var(--_oc-color-text-muted);
    pointer-events: none;
  }

  input[type='search'],
  select {
    inline-size: 100%;
    min-block-size: 2.75em;
    padding-block: 0.4em;
    padding-inline: 0.6em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    color: var(--_oc-color-text);
  }

  input[type='search'] {
    padding-inline-start: 2.4em;
  }

  input::placeholder {
    color: var(--_oc-color-text-muted);
    opacity: 1;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    flex: 1 1 12em;
    min-inline-size: 0;
  }

  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin: 0;
    padding: 0;
    border: 0;
    flex: 1 1 100%;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75em;
    font-weight: 400;
    cursor: pointer;
  }

  /* At least 24 × 24 px (WCAG 2.5.8) at the default font size. */
  .toggle input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_oc-color-accent);
  }

  .near[aria-pressed='true'] {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
  }

  .geo {
    margin: 0;
  }

  .warning {
    padding: 0.5em var(--_oc-space);
    border-inline-start: 0.3em solid var(--_oc-color-error);
    background: var(--_oc-color-error-surface);
  }

  .count {
    margin: 0;
    font-weight: 600;
  }

  /* ---- list or map */

  .results-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }

  .view-switch {
    display: inline-flex;
    border: 1px solid var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
    overflow: hidden;
  }

  .view-choice {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2.75em;
    margin: 0;
    padding: 0.35em 0.9em;
    border: 0;
    background: var(--_oc-color-background);
    color: var(--_oc-color-accent);
    font-weight: 600;
    cursor: pointer;
  }

  .view-choice + .view-choice {
    border-inline-start: 1px solid var(--_oc-color-accent);
  }

  .view-choice[aria-pressed='true'] {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
  }

  .map-layout {
    display: grid;
    gap: 0.75em;
  }

  @container (min-width: 48em) {
    .map-layout.with-unmapped {
      grid-template-columns: minmax(0, 2fr) minmax(15em, 1fr);
      align-items: start;
    }
  }

  .unmapped {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }

  .unmapped-title {
    margin: 0;
    font-size: 1em;
  }

  .unmapped .results {
    grid-template-columns: none;
  }

  /* ---- active filters */

  .chips ul,
  .empty ul,
  .results,
  .facts,
  .inline-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chips ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: 2.75em;
    padding: 0.35em 0.75em;
    border: 1px solid var(--_oc-color-accent);
    border-radius: 1.5em;
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    cursor: pointer;
  }

  .chip .icon {
    inline-size: 1em;
    block-size: 1em;
  }

  .chip.clear {
    background: var(--_oc-color-background);
    color: var(--_oc-color-accent);
  }

  /* ---- results */

  .results {
    display: grid;
    gap: 0.75em;
  }

  @container (min-width: 40em) {
    .results {
      grid-template-columns: repeat(auto-fill, minmax(18em, 1fr));
    }
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
    padding: 0.75em var(--_oc-space);
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    overflow-wrap: anywhere;
  }

  .card-heading {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.3;
  }

  .card-title {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75em;
    margin: 0;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_oc-color-accent);
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .org,
  .alt,
  .muted,
  .shown,
  .note,
  .categories {
    margin: 0;
    color: var(--_oc-color-text-muted);
  }

  .state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    margin: 0;
  }

  .badge {
    padding: 0.05em 0.5em;
    border: 1px solid currentColor;
    border-radius: var(--_oc-radius);
    font-weight: 600;
    font-size: 0.9em;
  }

  .badge.open {
    color: var(--_oc-color-open);
  }

  .badge.closed,
  .badge.unknown {
    color: var(--_oc-color-text-muted);
  }

  .facts {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }

  .free {
    font-weight: 600;
  }

  .alert {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    margin: 0;
    padding: 0.4em 0.6em;
    border-inline-start: 0.3em solid var(--_oc-color-error);
    background: var(--_oc-color-error-surface);
  }

  .alert .icon {
    color: var(--_oc-color-error);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }

  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.5em;
    padding: 0.75em var(--_oc-space);
    border: 1px dashed var(--_oc-color-border);
    border-radius: var(--_oc-radius);
  }

  .empty p {
    margin: 0;
  }

  .empty ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  /* ---- detail */

  .detail {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    overflow-wrap: anywhere;
  }

  .detail-title {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.25;
  }

  .back {
    align-self: flex-start;
  }

  [dir='rtl'] .back .icon,
  :host([dir='rtl']) .back .icon {
    transform: scaleX(-1);
  }

  .description {
    margin: 0;
  }

  dl {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    margin: 0;
  }

  .section {
    padding-block-start: 0.6em;
    border-block-start: 1px solid var(--_oc-color-surface);
  }

  dt {
    font-weight: 700;
  }

  dd {
    margin: 0;
  }

  dd p,
  dd ul {
    margin-block: 0.25em;
  }

  dd ul {
    padding-inline-start: 1.25em;
  }

  dd ul[role='list'] {
    padding-inline-start: 0;
    list-style: none;
  }

  dd a,
  .org a {
    display: inline-block;
    min-block-size: 1.5em;
    padding-block: 0.3em;
  }

  .hours-rules {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .hours-note {
    display: block;
    margin: 0;
  }

  .hours-from {
    margin: 0.5em 0 0;
    font-weight: 600;
  }

  .place + .place {
    margin-block-start: 0.5em;
  }

  .hours {
    border-collapse: collapse;
  }

  .hours th,
  .hours td {
    padding-block: 0.2em;
    padding-inline: 0 1.5em;
    text-align: start;
    vertical-align: top;
  }

  .hours th {
    font-weight: 400;
  }

  .hours .today th,
  .hours .today td {
    font-weight: 700;
  }

  @media (forced-colors: active) {
    .chip,
    .card,
    .badge,
    .alert,
    .warning,
    .empty {
      border: 1px solid CanvasText;
    }
    .view-switch {
      border-color: CanvasText;
    }
    .chip,
    .view-choice[aria-pressed='true'],
    .near[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .chip.clear {
      background: Canvas;
      color: LinkText;
    }
    .card-title {
      color: LinkText;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
    }
  }
`;
