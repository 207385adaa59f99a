import { OcEventCalendar } from './oc-event-calendar.js';
import './translations.js';

OcEventCalendar.define();
