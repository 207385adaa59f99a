import { registerTranslations } from '@open-city/core';

// The console's strings, built by lit-localize from ../xliff/ into generated/.
registerTranslations({
  pl: () => import('./generated/locales/pl.js'),
  uk: () => import('./generated/locales/uk.js'),
  ru: () => import('./generated/locales/ru.js'),
  ar: () => import('./generated/locales/ar.js'),
});
