// Registers every element and re-exports the page-language API, so one import does everything.
import '@open-city/language-switcher/define.js';
import '@open-city/event-calendar/define.js';
import '@open-city/service-finder/define.js';
import '@open-city/incident-report/define.js';

export {
  VERSION,
  getLocale,
  setLocale,
  supportedLocales,
  sourceLocale,
  onLocaleChange,
  LOCALE_CHANGE_EVENT,
  type Locale,
  type LocaleChangeDetail,
  type LoadErrorDetail,
} from '@open-city/core';
// The element modules, not the package indexes: those re-export helpers that would pull lazy parts in.
export { OcLanguageSwitcher, type LanguageSwitcherVariant } from '@open-city/language-switcher/oc-language-switcher.js';
export {
  OcIncidentReport,
  type ReportSubmittedDetail,
  type ReportQueuedDetail,
  type QuickExitDetail,
} from '@open-city/incident-report/oc-incident-report.js';
export { OcServiceFinder, type ServiceSelectDetail } from '@open-city/service-finder/oc-service-finder.js';
export {
  OcEventCalendar,
  type EventCalendarView,
  type EventSelectDetail,
} from '@open-city/event-calendar/oc-event-calendar.js';
