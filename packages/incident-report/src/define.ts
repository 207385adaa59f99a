import { OcIncidentReport } from './oc-incident-report.js';
import './translations.js';

OcIncidentReport.define();
