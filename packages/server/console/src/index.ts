/**
 * The staff console's entry: its translations, the project's language switcher, and its elements.
 * Bundled by ../build.mjs into dist/console/staff-console.js.
 */
import './translations.js';
import '@open-city/language-switcher/define.js';
import { OcStaffAudit } from './audit-log.js';
import { OcStaffInbox } from './inbox.js';
import { OcStaffPassword } from './password-form.js';
import { OcStaffReport } from './report-page.js';
import { OcStaffSignIn } from './sign-in.js';
import { OcStaffConsole } from './staff-console.js';

for (const element of [OcStaffSignIn, OcStaffPassword, OcStaffInbox, OcStaffReport, OcStaffAudit, OcStaffConsole]) {
  element.define();
}

export { OcStaffAudit, OcStaffConsole, OcStaffInbox, OcStaffPassword, OcStaffReport, OcStaffSignIn };
export { StaffApi } from './api.js';
