/**
 * The finder's lazy chunk: what the element loads after its first paint (see `loadViews` in
 * oc-service-finder.ts). Besides the views: the parser, the search and the state controller, which
 * only matter once there is something to show.
 */
export { renderList } from './list.js';
export { renderDetail } from './detail.js';
export { loadAllPages } from '../parse.js';
export { find, prepare } from '../finder.js';
export { clockAt } from '../hours.js';
export { serviceFinderStyles as styles } from '../oc-service-finder.styles.js';
export { readInlineFeed } from '../inline-feed.js';
export { FinderController } from '../finder-state.js';
