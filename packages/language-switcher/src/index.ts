import './translations.js';

export { OcLanguageSwitcher, type LanguageSwitcherVariant } from './oc-language-switcher.js';
export { endonym } from './endonyms.js';
