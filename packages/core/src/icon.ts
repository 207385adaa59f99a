import { html, type svg, type TemplateResult } from 'lit';

/**
 * A decorative line icon (24×24, drawn in the text colour) around the given SVG paths. Hidden from
 * assistive technology: the text beside it says what it means.
 */
export function renderIcon(paths: ReturnType<typeof svg>): TemplateResult {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${paths}
  </svg>`;
}
