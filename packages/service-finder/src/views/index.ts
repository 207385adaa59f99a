/**
 * The finder's lazy chunk: what the element loads after its first paint (see `loadViews` in
 * oc-service-finder.ts). Besides the views: the parser, the search and the state controller, which
 * only matter once there is something to show.
 */
import { fetchFeed } from '@open-city/core';
import { loadAllPages } from '../parse.js';
import type { Directory } from '../model.js';

export { renderList } from './list.js';
export { renderDetail } from './detail.js';
export { find, prepare } from '../finder.js';
export { clockAt } from '../hours.js';
export { serviceFinderStyles as styles } from '../oc-service-finder.styles.js';
export { readInlineFeed } from '../inline-feed.js';
export { FinderController } from '../finder-state.js';

/**
 * The services of a feed's answer, with the further pages of an HSDS API fetched too; `onFirst`
 * gets the first records ahead of the rest (see `loadAllPages`).
 */
export const loadFeed = (text: string, url: string, onFirst?: (first: Directory) => void) =>
  loadAllPages(text, url, async (pageUrl) => (await fetchFeed(pageUrl)).text, onFirst);
