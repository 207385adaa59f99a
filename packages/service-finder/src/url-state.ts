import type { Filters } from './finder.js';

/**
 * The finder's state in the page URL's hash, as one `key=value` segment among any others the page
 * uses (`#section&oc-sf=q%3Durzad%26free%3D1%26v%3Dmap`), so that a copied link reproduces the
 * search and the page's own anchors keep working.
 */

/** How the results are shown: as a list, or on a map (`view`). */
export type ResultsView = 'list' | 'map';

export interface FinderState extends Filters {
  /** The service shown in detail, if any. */
  service?: string;
  /** The view the visitor chose, when it is not the `view` attribute's. */
  view?: ResultsView;
}

export const DEFAULT_HASH_KEY = 'oc-sf';

export function encodeState(state: FinderState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query);
  if (state.category) params.set('cat', state.category);
  if (state.language) params.set('lang', state.language);
  if (state.free) params.set('free', '1');
  if (state.openNow) params.set('open', '1');
  if (state.accessible) params.set('acc', '1');
  if (state.service) params.set('id', state.service);
  if (state.view) params.set('v', state.view);
  return params.toString();
}

export function decodeState(value: string): FinderState {
  const params = new URLSearchParams(value);
  const state: FinderState = { query: params.get('q') ?? '' };
  const category = params.get('cat');
  if (category) state.category = category;
  const language = params.get('lang');
  if (language) state.language = language;
  if (params.get('free') === '1') state.free = true;
  if (params.get('open') === '1') state.openNow = true;
  if (params.get('acc') === '1') state.accessible = true;
  const service = params.get('id');
  if (service) state.service = service;
  // Links made before the map have no `v`: they open in the element's own view.
  const view = params.get('v');
  if (view === 'list' || view === 'map') state.view = view;
  return state;
}

function segments(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter(Boolean);
}

/** Our segment's state from a whole hash, or undefined when the hash has none. */
export function readHash(hash: string, key = DEFAULT_HASH_KEY): FinderState | undefined {
  const prefix = `${key}=`;
  const segment = segments(hash).find((s) => s.startsWith(prefix));
  if (segment === undefined) return undefined;
  try {
    return decodeState(decodeURIComponent(segment.slice(prefix.length)));
  } catch {
    return undefined; // a mangled link: start from scratch rather than fail
  }
}

/** A hash with our segment set (or removed when the state is empty), other segments kept in place. */
export function writeHash(hash: string, state: FinderState, key = DEFAULT_HASH_KEY): string {
  const prefix = `${key}=`;
  const encoded = encodeState(state);
  const ours = encoded ? `${prefix}${encodeURIComponent(encoded)}` : undefined;
  const others = segments(hash);
  const at = others.findIndex((s) => s.startsWith(prefix));
  if (at >= 0) {
    if (ours) others[at] = ours;
    else others.splice(at, 1);
  } else if (ours) others.push(ours);
  return others.length > 0 ? `#${others.join('&')}` : '';
}
