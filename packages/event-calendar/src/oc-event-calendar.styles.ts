import { css } from 'lit';

export const eventCalendarStyles = css`
  .calendar {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    container-type: inline-size;
  }

  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }

  .month-nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .month-title {
    margin: 0;
    min-inline-size: 9em;
    font-size: 1.25em;
    text-align: center;
  }

  .icon-button {
    padding: 0.5em;
  }

  .views {
    display: inline-flex;
  }

  .view-button {
    border-radius: 0;
  }

  .view-button:first-child {
    border-start-start-radius: var(--_oc-radius);
    border-end-start-radius: var(--_oc-radius);
  }

  .view-button:last-child {
    border-start-end-radius: var(--_oc-radius);
    border-end-end-radius: var(--_oc-radius);
    margin-inline-start: -1px;
  }

  .view-button[aria-pressed='true'] {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    font-weight: 600;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em 0.75em;
    padding: 0.75em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    flex: 1 1 10em;
    min-inline-size: 0;
  }

  .field.search {
    flex-basis: 14em;
  }

  .field label {
    font-weight: 600;
  }

  .field.check {
    flex: 0 1 auto;
    flex-direction: row;
    align-items: center;
    min-block-size: 2.75em;
  }

  .field.check input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_oc-color-accent);
  }

  input[type='search'],
  select {
    min-block-size: 2.75em;
    inline-size: 100%;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
  }

  .count {
    margin: 0;
    color: var(--_oc-color-text-muted);
  }

  .count:empty {
    display: none;
  }

  .note,
  .muted {
    margin: 0;
    color: var(--_oc-color-text-muted);
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: 1em;
  }

  .day-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.4em;
    padding-block-end: 0.25em;
    border-block-end: 1px solid var(--_oc-color-border);
    font-size: 1.05em;
  }

  .today-badge,
  .badge {
    display: inline-block;
    padding: 0 0.45em;
    border-radius: var(--_oc-radius);
    font-size: 0.85em;
    font-weight: 600;
  }

  .today-badge {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
  }

  .badge {
    border: 1px solid currentColor;
  }

  .badge-cancelled {
    color: var(--_oc-color-error);
  }

  .events {
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .event {
    display: grid;
    grid-template-columns: minmax(6em, auto) 1fr;
    gap: 0.1em 1em;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_oc-color-border);
    border-inline-start: 0.3em solid var(--_oc-color-accent);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    text-align: start;
    cursor: pointer;
  }

  .event:hover {
    background: var(--_oc-color-surface);
  }

  .event .time {
    color: var(--_oc-color-text-muted);
    font-variant-numeric: tabular-nums;
  }

  .event .title {
    font-weight: 600;
    color: var(--_oc-color-accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .event .meta {
    grid-column: 2;
    display: flex;
    flex-wrap: wrap;
    gap: 0.1em 0.75em;
    color: var(--_oc-color-text-muted);
    font-size: 0.9em;
  }

  .event.cancelled {
    border-inline-start-color: var(--_oc-color-error);
  }

  .event.cancelled .title-text,
  .chip.cancelled .chip-text {
    text-decoration: line-through;
  }

  @container (max-width: 30em) {
    .event {
      grid-template-columns: 1fr;
    }
    .event .meta {
      grid-column: 1;
    }
  }

  .empty {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 1em;
    border: 1px dashed var(--_oc-color-border);
    border-radius: var(--_oc-radius);
  }

  .empty p {
    margin: 0;
    flex: 1 1 14em;
  }

  /* Month grid: one table for the whole month. */
  table {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }

  th {
    padding: 0.25em;
    font-weight: 600;
    font-size: 0.9em;
    color: var(--_oc-color-text-muted);
  }

  td {
    block-size: 6em;
    padding: 0.25em;
    border: 1px solid var(--_oc-color-border);
    vertical-align: top;
    background: var(--_oc-color-background);
    cursor: pointer;
    overflow: hidden;
  }

  td:focus-visible {
    outline-offset: -3px;
  }

  td.outside {
    background: var(--_oc-color-surface);
    color: var(--_oc-color-text-muted);
  }

  .day-number {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 1.8em;
    min-block-size: 1.8em;
    border-radius: 50%;
    font-variant-numeric: tabular-nums;
  }

  td.today .day-number {
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    font-weight: 700;
  }

  td.active {
    box-shadow: inset 0 0 0 2px var(--_oc-color-accent);
  }

  .chips {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    margin: 0.15em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8em;
  }

  /* At least 24px high (WCAG 2.5.8) at the chips' 0.8em. */
  .chip {
    display: flex;
    align-items: center;
    gap: 0.2em;
    min-block-size: 1.875em;
    padding: 0 0.3em;
    border-inline-start: 0.25em solid var(--_oc-color-accent);
    border-radius: 0.2em;
    background: var(--_oc-color-surface);
  }

  /*
   * The whole title, wrapped in its own direction (WCAG 1.4.12: nothing cut when text is spaced
   * out); a long word breaks anywhere rather than overflow the cell.
   */
  .chip-text {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .chip .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    color: var(--_oc-color-error);
  }

  .chip.cancelled {
    border-inline-start-color: var(--_oc-color-error);
  }

  .more {
    color: var(--_oc-color-text-muted);
  }

  .list-more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin-block-start: 1em;
    color: var(--_oc-color-text-muted);
  }

  .dot,
  .dot-cancelled {
    display: none;
  }

  /* Narrow: cells keep 44px targets; titles give way to a dot, the day's events show below. */
  @container (max-width: 36em) {
    td {
      block-size: 2.9em;
      min-inline-size: 2.75em;
      padding: 0.1em;
      text-align: center;
    }
    .chips {
      display: none;
    }
    .dot {
      display: block;
      inline-size: 0.4em;
      block-size: 0.4em;
      margin: 0.1em auto 0;
      border-radius: 50%;
      background: var(--_oc-color-accent);
    }
    /* A day with cancelled events says so in the narrow grid too, by a mark and in words. */
    .dot-cancelled {
      display: block;
      margin-inline: auto;
      color: var(--_oc-color-error);
    }
    .dot-cancelled .icon {
      inline-size: 0.9em;
      block-size: 0.9em;
    }
    th {
      font-size: 0.8em;
      padding-inline: 0;
    }
  }

  .day-events {
    margin-block-start: 0.5em;
  }

  /* Detail */
  .detail-title {
    margin: 0.5em 0;
    font-size: 1.4em;
  }

  .detail dl {
    display: grid;
    grid-template-columns: minmax(7em, max-content) 1fr;
    gap: 0.4em 1em;
    margin: 0;
  }

  .detail dt {
    font-weight: 600;
  }

  .detail dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  @container (max-width: 30em) {
    .detail dl {
      grid-template-columns: 1fr;
      gap: 0.1em;
    }
    .detail dd {
      margin-block-end: 0.5em;
    }
  }

  .detail a:not(.button) {
    color: var(--_oc-color-accent);
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: 2.75em;
  }

  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .cancelled-note {
    padding: 0.5em 0.75em;
    border-inline-start: 0.35em solid var(--_oc-color-error);
    background: var(--_oc-color-error-surface);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  a.button {
    text-decoration: none;
  }

  @media (forced-colors: active) {
    .event,
    td,
    .chip,
    input[type='search'],
    select {
      border-color: CanvasText;
    }
    .view-button[aria-pressed='true'],
    td.today .day-number,
    .today-badge {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    td.active {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .dot {
      background: CanvasText;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
    }
  }
`;
