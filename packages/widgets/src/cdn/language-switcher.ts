// Drop-in entry: <oc-language-switcher> alone, sharing core with the other entries on the page.
import '@open-city/language-switcher/define.js';

export { getLocale, setLocale, supportedLocales } from '@open-city/core';
