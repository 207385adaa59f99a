import type { LoadErrorDetail } from './errors/announce.js';
import type { LocaleChangeDetail } from './locale/page-locale.js';

/**
 * The one registry of the events the widgets fire: name → `detail`. Widget packages add theirs by
 * declaration merging:
 *
 *     declare module '@open-city/core' {
 *       interface OcEventDetails { 'oc-service-select': ServiceSelectDetail }
 *     }
 *
 * From it follow the typing of `OcElement.emit()`, `addEventListener` on elements and on `window`
 * (through `HTMLElementEventMap` and `WindowEventMap`), and the typed `@event` entries of each
 * package's `custom-elements.json` (see custom-elements-manifest.config.mjs).
 */
export interface OcEventDetails {
  'oc-locale-change': LocaleChangeDetail;
  'oc-load-error': LoadErrorDetail;
}

export type OcEventMap = { [K in keyof OcEventDetails]: CustomEvent<OcEventDetails[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends OcEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends OcEventMap {}
}
