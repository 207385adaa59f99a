import { OcServiceFinder } from './oc-service-finder.js';
import './translations.js';

OcServiceFinder.define();
