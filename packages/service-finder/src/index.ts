import './translations.js';

export { OcServiceFinder, type GeolocationLike, type ServiceSelectDetail } from './oc-service-finder.js';
export type { FinderState } from './url-state.js';
export type { Filters } from './finder.js';
