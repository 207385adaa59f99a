import './translations.js';

export { OcLanguageSwitcher, type LanguageSwitcherVariant } from './oc-language-switcher.js';
