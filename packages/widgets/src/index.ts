// Registers every element and re-exports the page-language API, so one import does everything.
import '@open-city/language-switcher/define.js';
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
} from '@open-city/core';
export { OcLanguageSwitcher } from '@open-city/language-switcher';
export { OcIncidentReport } from '@open-city/incident-report';
