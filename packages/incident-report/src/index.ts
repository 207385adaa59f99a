import './translations.js';

export {
  OcIncidentReport,
  type ReportSubmittedDetail,
  type ReportQueuedDetail,
  type QuickExitDetail,
} from './oc-incident-report.js';
export type { IncidentReportPayload, ReportDraft } from './report-model.js';
export type { Step } from './steps.js';
