// Drop-in entry: <oc-event-calendar> alone, sharing core with the other entries on the page.
import '@open-city/event-calendar/define.js';

export { getLocale, setLocale, supportedLocales } from '@open-city/core';
