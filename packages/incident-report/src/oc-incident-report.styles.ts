import { css } from 'lit';

/** The element's own styles: the top bar, the quick exit and notices. The form's come with its views. */
export const incidentReportStyles = css`
  :host {
    --_oc-color-exit: var(--oc-color-exit, #8a1c1c);
  }

  .report {
    container-type: inline-size;
    display: grid;
    gap: 1em;
    max-inline-size: 42em;
  }

  .top-bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  .emergency {
    margin: 0;
    font-weight: 600;
  }

  .emergency a {
    color: var(--_oc-color-error);
    font-size: 1.25em;
  }

  .exit {
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_oc-color-exit);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-exit);
    color: #ffffff;
    font-weight: 700;
    cursor: pointer;
  }

  /* The live region stays in the tree (so it is announced) but takes no room while it holds no notice. */
  .live:not(:has(.notice)) {
    position: absolute;
  }

  .notice {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 0.3em solid var(--_oc-color-accent);
    background: var(--_oc-color-surface);
  }

  @media (forced-colors: active) {
    .exit {
      border: 2px solid CanvasText;
    }
  }
`;
