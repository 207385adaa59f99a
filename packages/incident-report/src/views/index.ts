/**
 * The form as people see it, and its state (FormController, with the validation and payload logic
 * it uses): loaded after the element (see loadViews in oc-incident-report.ts), so that the
 * emergency number, the quick exit and the outbox work at once and the first download stays small.
 */
export { formStyles as styles } from '../form.styles.js';
export { renderForm } from './form.js';
export { renderSent } from './sent.js';
export { renderQueued } from './queued.js';
// The ReportController makes the form's state with it, once this chunk is in.
export { FormController } from '../form-state.js';
