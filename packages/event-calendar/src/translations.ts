import { registerTranslations } from '@open-city/core';

registerTranslations({
  pl: () => import('./generated/locales/pl.js'),
  uk: () => import('./generated/locales/uk.js'),
  ru: () => import('./generated/locales/ru.js'),
  ar: () => import('./generated/locales/ar.js'),
});
