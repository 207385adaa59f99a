import { OcLanguageSwitcher } from './oc-language-switcher.js';
import './translations.js';

OcLanguageSwitcher.define();
