// Drop-in entry: every element, and getLocale / setLocale / supportedLocales.
export * from '../index.js';
