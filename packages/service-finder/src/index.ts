import './translations.js';

export { OcServiceFinder, type GeolocationLike, type ServiceSelectDetail } from './oc-service-finder.js';
export { resultCountText } from './views.js';
export type * from './model.js';
export { parseServices, loadAllPages, readFeedShape, readService, buildDirectory } from './parse.js';
export { buildIndex, search, type SearchIndex, type SearchHit, type SearchFields } from './search.js';
export { clockAt, isOpen, openState, weekTable, type Clock, type OpenState } from './hours.js';
export { prepare, find, categoryTree, type Filters, type FilterName, type Position, type Prepared } from './finder.js';
export { readHash, writeHash, encodeState, decodeState, type FinderState } from './url-state.js';
