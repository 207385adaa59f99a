// Drop-in entry: <oc-incident-report> alone, sharing core with the other entries on the page.
import '@open-city/incident-report/define.js';

export { getLocale, setLocale, supportedLocales } from '@open-city/core';
