import './translations.js';

export {
  OcIncidentReport,
  type ReportSubmittedDetail,
  type ReportQueuedDetail,
  type QuickExitDetail,
} from './oc-incident-report.js';
export { buildPayload, coarsen, draftFromPayload } from './payload.js';
export {
  newDraft,
  reporterRoles,
  incidentTypes,
  biasMotivations,
  policeAnswers,
  type IncidentReportPayload,
  type ReportDraft,
} from './report-model.js';
export {
  Outbox,
  ReportSender,
  postReport,
  outboxKey,
  OUTBOX_STORAGE_KEY,
  type OutboxEntry,
  type SendResult,
} from './outbox.js';
export { validateStep, steps, type Step } from './validation.js';
