import { css } from 'lit';

/**
 * The map's styles, adopted into the finder's shadow root when the map chunk arrives (a
 * constructable stylesheet: no <link>, no <style>, so `style-src 'self'` is enough).
 *
 * The map itself is physical: west is on the left in every language, so tiles, markers and the
 * pan pad are placed with `left`/`top`. The controls around it are logical and mirror in RTL.
 */
export const mapStyles = css`
  .map {
    display: block;
    min-inline-size: 0;
  }

  .map-frame {
    position: relative;
    block-size: clamp(18em, 62vh, 34em);
    overflow: hidden;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-surface);
  }

  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
    /* One finger up and down still scrolls the page; sideways, or with two fingers, moves the map. */
    touch-action: pan-y;
  }

  .viewport.dragging {
    cursor: grabbing;
  }

  .viewport:focus-visible {
    outline: 3px solid var(--_oc-color-focus);
    outline-offset: -3px;
  }

  .zoomer,
  .pane,
  .tiles,
  .markers {
    position: absolute;
    inset: 0;
  }

  .zoomer {
    transform-origin: 0 0;
  }

  /* Its own layer: a pan moves it whole, without painting it again. */
  .pane {
    will-change: transform;
  }

  .tile {
    position: absolute;
    left: 0;
    top: 0;
    inline-size: 256px;
    block-size: 256px;
    max-inline-size: none;
    border: 0;
    pointer-events: none;
  }

  /* A tile that did not load leaves the background, not a broken-image sign. */
  .tile.failed {
    visibility: hidden;
  }

  .markers {
    margin: 0;
    padding: 0;
    list-style: none;
    pointer-events: none;
  }

  .spot {
    position: absolute;
    left: 0;
    top: 0;
  }

  .marker,
  .cluster {
    position: absolute;
    left: 0;
    top: 0;
    translate: -50% -50%;
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    margin: 0;
    padding: 0;
    border: 2px solid #ffffff;
    border-radius: 50%;
    background: var(--_oc-color-accent);
    color: var(--_oc-color-on-accent);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.45);
    font-weight: 700;
    font-size: 0.95em;
    line-height: 1;
    pointer-events: auto;
    cursor: pointer;
  }

  /* A single service: a ring around a dot (drawn by CSS: hundreds of markers stay light). */
  .marker {
    inline-size: 1.75em;
    block-size: 1.75em;
  }

  .marker::after {
    content: '';
    inline-size: 0.55em;
    block-size: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }

  .cluster.m {
    inline-size: 2.5em;
    block-size: 2.5em;
  }

  .cluster.l {
    inline-size: 3em;
    block-size: 3em;
  }

  .marker:hover,
  .cluster:hover,
  .marker:focus-visible,
  .cluster:focus-visible {
    z-index: 1;
    background: var(--_oc-color-text);
  }

  .marker:focus-visible,
  .cluster:focus-visible {
    outline: 3px solid var(--_oc-color-focus);
    outline-offset: 2px;
  }

  .me {
    position: absolute;
    left: 0;
    top: 0;
    translate: -50% -50%;
    inline-size: 1.1em;
    block-size: 1.1em;
    border: 3px solid #ffffff;
    border-radius: 50%;
    background: #1a73e8;
    box-shadow: 0 0 0 0.45em rgb(26 115 232 / 0.25);
    pointer-events: none;
  }

  .map-controls {
    position: absolute;
    inset-block: 0.5em 0.5em;
    inset-inline-start: 0.5em;
    z-index: 2;
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    gap: 0.5em;
    pointer-events: none;
  }

  .zoom {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }

  /* The pan pad is a compass: north on top and west on the left, in every language. */
  .pan {
    direction: ltr;
    display: grid;
    grid-template-columns: repeat(3, 2.25em);
    grid-template-rows: repeat(3, 2.25em);
    gap: 0.1em;
  }

  .pan :nth-child(1) {
    grid-area: 1 / 2;
  }
  .pan :nth-child(2) {
    grid-area: 2 / 1;
  }
  .pan :nth-child(3) {
    grid-area: 2 / 3;
  }
  .pan :nth-child(4) {
    grid-area: 3 / 2;
  }

  .map-button {
    display: grid;
    place-items: center;
    inline-size: 2.25em;
    block-size: 2.25em;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    color: var(--_oc-color-text);
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.25);
    pointer-events: auto;
    cursor: pointer;
  }

  .map-button:hover:not(:disabled) {
    background: var(--_oc-color-surface);
  }

  .map-button:disabled {
    color: var(--_oc-color-text-muted);
    cursor: default;
    opacity: 0.6;
  }

  .attribution {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: 0;
    z-index: 2;
    max-inline-size: calc(100% - 8em);
    margin: 0;
    padding: 0.15em 0.5em;
    border-start-start-radius: var(--_oc-radius);
    background: rgb(255 255 255 / 0.9);
    color: #1f2328;
    font-size: 0.8em;
    line-height: 1.4;
  }

  /* A target of at least 24 px (WCAG 2.5.8), in a line that stays small. */
  .attribution a {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
    color: #0b57d0;
  }

  .map-note {
    position: absolute;
    inset-block-start: 0.5em;
    inset-inline: 3.25em 0.5em;
    z-index: 3;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0;
    padding: 0.5em 0.75em;
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.35);
  }

  .map-note p {
    margin: 0;
  }

  .tiles-failed {
    border-inline-start: 0.3em solid var(--_oc-color-error);
  }

  .together {
    position: absolute;
    inset-inline: 3.25em 0.5em;
    inset-block-end: 2em;
    z-index: 4;
    max-block-size: 70%;
    overflow: auto;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_oc-color-border);
    border-radius: var(--_oc-radius);
    background: var(--_oc-color-background);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.35);
  }

  .together-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }

  .together h3 {
    margin: 0;
    font-size: 1em;
  }

  .together ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .together-item {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_oc-color-accent);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  @media (forced-colors: active) {
    .marker,
    .cluster {
      forced-color-adjust: none;
      border: 2px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .marker:hover,
    .cluster:hover,
    .marker:focus-visible,
    .cluster:focus-visible {
      background: Highlight;
      color: HighlightText;
      outline-color: CanvasText;
    }
    .me {
      forced-color-adjust: none;
      border-color: Canvas;
      background: Highlight;
    }
    .map-frame,
    .attribution,
    .map-note,
    .together,
    .map-button {
      border: 1px solid CanvasText;
    }
    .together-item {
      color: LinkText;
    }
  }
`;
