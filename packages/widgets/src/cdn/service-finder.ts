// Drop-in entry: <oc-service-finder> alone, sharing core with the other entries on the page.
import '@open-city/service-finder/define.js';

export { getLocale, setLocale, supportedLocales } from '@open-city/core';
