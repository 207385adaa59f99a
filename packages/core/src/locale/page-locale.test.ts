import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { loadingText } from '../messages.js';
import '../translations.js';
import {
  LOCALE_STORAGE_KEY,
  allowPseudoLocales,
  getLocale,
  localeLoading,
  onLocaleChange,
  readStoredLocale,
  registerTranslations,
  resolveLocale,
  setLocale,
} from './page-locale.js';

async function settled() {
  await localeLoading();
}

describe('page locale', () => {
  afterEach(async () => {
    localStorage.clear();
    document.documentElement.removeAttribute('lang');
    await setLocale('en');
  });

  describe('resolution order', () => {
    it('prefers the remembered choice over everything else', () => {
      expect(resolveLocale({ stored: 'uk', documentLang: 'pl', browserLanguages: ['ru'] })).to.equal('uk');
    });

    it('then the lang of <html>', () => {
      expect(resolveLocale({ stored: null, documentLang: 'pl-PL', browserLanguages: ['ru'] })).to.equal('pl');
    });

    it('then the first supported browser language', () => {
      expect(resolveLocale({ documentLang: 'de', browserLanguages: ['de-AT', 'ru-RU', 'uk'] })).to.equal('ru');
    });

    it('then English', () => {
      expect(resolveLocale({ stored: 'xx', documentLang: 'fr', browserLanguages: ['de', 'it'] })).to.equal('en');
      expect(resolveLocale({})).to.equal('en');
    });

    it('ignores a remembered value that is not a shipped locale', () => {
      expect(resolveLocale({ stored: 'klingon', documentLang: 'ar' })).to.equal('ar');
    });
  });

  describe('setLocale', () => {
    it('applies the locale, then announces it on window', async () => {
      const announced = oneEvent(window, 'oc-locale-change');
      const result = await setLocale('uk-UA');
      expect(result).to.equal('uk');
      expect(getLocale()).to.equal('uk');
      const event = await announced;
      expect(event.detail).to.deep.equal({ locale: 'uk' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('loads the translations before it settles', async () => {
      await setLocale('pl');
      expect(loadingText()).to.equal('Wczytywanie…');
      await setLocale('ar');
      expect(loadingText()).to.equal('جارٍ التحميل…');
      await setLocale('en');
      expect(loadingText()).to.equal('Loading…');
    });

    it('rejects a locale the library does not ship, naming the ones it does', async () => {
      let error: Error | undefined;
      await setLocale('de').catch((caught: Error) => (error = caught));
      expect(error).to.be.instanceOf(RangeError);
      expect(error?.message).to.contain('en, pl, uk, ru, ar');
      expect(getLocale()).to.equal('en');
    });

    it('remembers the choice only when asked to', async () => {
      await setLocale('ru');
      expect(localStorage.getItem(LOCALE_STORAGE_KEY)).to.equal(null);
      await setLocale('pl', { remember: true });
      expect(localStorage.getItem(LOCALE_STORAGE_KEY)).to.equal('pl');
      expect(readStoredLocale()).to.equal('pl');
    });

    it('does not announce a locale that is already active', async () => {
      await setLocale('uk');
      let count = 0;
      const count1 = () => count++;
      window.addEventListener('oc-locale-change', count1);
      await setLocale('uk');
      window.removeEventListener('oc-locale-change', count1);
      expect(count).to.equal(0);
    });

    it('tells subscribers after the change and stops when they unsubscribe', async () => {
      const seen: string[] = [];
      const unsubscribe = onLocaleChange((locale) => seen.push(locale));
      await setLocale('ru');
      unsubscribe();
      await setLocale('pl');
      expect(seen).to.deep.equal(['ru']);
    });

    it('lets the last of two quick requests win', async () => {
      const first = setLocale('pl');
      const second = setLocale('ar');
      await Promise.all([first, second]);
      expect(getLocale()).to.equal('ar');
    });
  });

  describe('when storage is blocked', () => {
    const { getItem, setItem } = Storage.prototype;
    beforeEach(() => {
      Storage.prototype.getItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
    });
    afterEach(() => {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    });

    it('still switches, and reads nothing remembered', async () => {
      expect(readStoredLocale()).to.equal(undefined);
      await setLocale('uk', { remember: true });
      expect(getLocale()).to.equal('uk');
    });
  });

  describe('following the page', () => {
    it('follows a change of <html lang> when the user chose nothing', async () => {
      document.documentElement.lang = 'ru';
      await waitUntil(() => getLocale() === 'ru', 'did not follow <html lang>');
    });

    it('keeps the user’s remembered choice when <html lang> changes', async () => {
      await setLocale('uk', { remember: true });
      document.documentElement.lang = 'pl';
      await new Promise((resolve) => setTimeout(resolve, 50));
      await settled();
      expect(getLocale()).to.equal('uk');
    });

    it('follows a choice made in another tab', async () => {
      window.dispatchEvent(new StorageEvent('storage', { key: LOCALE_STORAGE_KEY, newValue: 'ar' }));
      await waitUntil(() => getLocale() === 'ar', 'did not follow the storage event');
    });

    it('follows oc-locale-change from another copy of the library without announcing again', async () => {
      let count = 0;
      const counter = () => count++;
      window.addEventListener('oc-locale-change', counter);
      window.dispatchEvent(new CustomEvent('oc-locale-change', { detail: { locale: 'pl' } }));
      await waitUntil(() => getLocale() === 'pl', 'did not follow the event');
      window.removeEventListener('oc-locale-change', counter);
      expect(count).to.equal(1);
    });
  });

  describe('registerTranslations', () => {
    it('merges a package registered late into the active locale and re-renders', async () => {
      await setLocale('pl');
      let notified = 0;
      const unsubscribe = onLocaleChange(() => notified++);
      registerTranslations({ pl: async () => ({ templates: { 'test.greeting': 'Dzień dobry' } }) });
      await settled();
      unsubscribe();
      expect(msg('Good morning', { id: 'test.greeting' })).to.equal('Dzień dobry');
      expect(loadingText()).to.equal('Wczytywanie…');
      expect(notified).to.equal(1);
    });

    it('falls back to the source text where a package lacks a locale', async () => {
      registerTranslations({ uk: async () => ({ templates: { 'test.only-uk': 'Лише українською' } }) });
      await setLocale('ru');
      expect(msg('Only in Ukrainian', { id: 'test.only-uk' })).to.equal('Only in Ukrainian');
      await setLocale('uk');
      expect(msg('Only in Ukrainian', { id: 'test.only-uk' })).to.equal('Лише українською');
    });
  });

  describe('pseudo-locales', () => {
    it('are only their language until a test allows them, then load their own strings', async () => {
      expect(await setLocale('en-XA')).to.equal('en');
      expect(await setLocale('ar-XB')).to.equal('ar');
      allowPseudoLocales({ 'en-XA': async () => ({ templates: { 'test.pseudo': '[Ţéšţ ·]' } }) });
      expect(await setLocale('en-XA')).to.equal('en-XA');
      expect(getLocale()).to.equal('en-XA');
      expect(msg('Test', { id: 'test.pseudo' })).to.equal('[Ţéšţ ·]');
      expect(await setLocale('AR_xb')).to.equal('ar-XB');
      // A language that is not shipped is still refused.
      let error: Error | undefined;
      await setLocale('de').catch((caught: Error) => (error = caught));
      expect(error).to.be.instanceOf(RangeError);
    });
  });
});
