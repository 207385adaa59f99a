import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LOCALE_STORAGE_KEY, directionOf, getLocale, setLocale, supportedLocales } from '@open-city/core';
import type { OcLanguageSwitcher } from './oc-language-switcher.js';
import './define.js';

function shadow(element: OcLanguageSwitcher) {
  return element.shadowRoot!;
}

function optionTexts(element: OcLanguageSwitcher, selector: string) {
  return [...shadow(element).querySelectorAll(selector)].map((option) => option.textContent!.trim());
}

describe('<oc-language-switcher>', () => {
  afterEach(async () => {
    fixtureCleanup(); // before resetting, so that no switcher with sync-document is still listening
    localStorage.clear();
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttribute('dir');
    await setLocale('en');
  });

  describe('select variant', () => {
    it('offers every language by its own name, with lang on each option, and no flags', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      // Each of the twelve in itself, also where the browser only knows its English name (be, ka).
      expect(optionTexts(element, 'option')).to.deep.equal([
        'English',
        'Polski',
        'Українська',
        'Русский',
        'العربية',
        'Беларуская',
        'ქართული',
        'Español',
        'हिन्दी',
        'Tiếng Việt',
        'Türkçe',
        'فارسی',
      ]);
      const options = [...shadow(element).querySelectorAll('option')];
      expect(options.map((option) => option.lang)).to.deep.equal([...supportedLocales]);
      for (const option of options) expect(option.dir, option.lang).to.equal(directionOf(option.lang));
      expect(options.filter((option) => option.dir === 'rtl').map((option) => option.lang)).to.deep.equal(['ar', 'fa']);
      expect(shadow(element).querySelector('select')!.value).to.equal('en');
      expect(shadow(element).querySelector('img')).to.equal(null);
      expect(shadow(element).textContent).not.to.match(/[\u{1F1E6}-\u{1F1FF}]/u);
    });

    it('has a visible label tied to the select', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      const label = shadow(element).querySelector('label')!;
      expect(label.htmlFor).to.equal(shadow(element).querySelector('select')!.id);
      expect(label.textContent!.trim()).to.equal('Language');
    });

    it('switches the page on "Change", remembers the choice and fires oc-locale-change from itself', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      const select = shadow(element).querySelector('select')!;
      const changed = oneEvent(element, 'oc-locale-change');
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(select.value).to.equal('uk');
      expect(getLocale(), 'picking alone changes nothing').to.equal('en');
      shadow(element).querySelector<HTMLButtonElement>('.apply')!.click();
      const event = await changed;
      expect(event.detail).to.deep.equal({ locale: 'uk' });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(getLocale()).to.equal('uk');
      expect(localStorage.getItem(LOCALE_STORAGE_KEY)).to.equal('uk');
      await waitUntil(() => element.lang === 'uk');
      await element.updateComplete;
      expect(shadow(element).querySelector('label')!.textContent!.trim()).to.equal('Мова');
      expect(shadow(element).querySelector('[role="status"]')!.textContent!.trim()).to.equal('Мову змінено.');
    });

    it('applies a choice made with a pointer, or by a script, at once', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      const select = shadow(element).querySelector('select')!;
      select.focus();
      await sendKeys({ press: 'ArrowDown' }); // browsing first: the pointer's choice still counts
      select.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      select.value = 'pl';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => getLocale() === 'pl', 'a pointer choice was not applied');
      select.value = 'ru';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => getLocale() === 'ru', 'a scripted choice was not applied');
    });

    it('drops a picked language on Escape', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      const select = shadow(element).querySelector('select')!;
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(select.value).to.equal('pl');
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(select.value).to.equal('en');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(getLocale()).to.equal('en');
    });

    it('does not change the page while arrow keys move through the languages (WCAG 3.2.2)', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      const select = shadow(element).querySelector('select')!;
      let announced = 0;
      const count = () => announced++;
      window.addEventListener('oc-locale-change', count);
      try {
        await sendKeys({ press: 'Tab' });
        expect(shadow(element).activeElement).to.equal(select);
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'ArrowDown' });
        await element.updateComplete;
        expect(select.value).to.equal('uk');
        expect(getLocale()).to.equal('en');
        expect(announced).to.equal(0);
        // Leaving without applying puts the select back on the page's language.
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await element.updateComplete;
        expect(select.value).to.equal('en');
        expect(getLocale()).to.equal('en');
        expect(announced).to.equal(0);
      } finally {
        window.removeEventListener('oc-locale-change', count);
      }
    });

    it('announces a change only in the switcher that made it', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><oc-language-switcher></oc-language-switcher><oc-language-switcher></oc-language-switcher></div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll<OcLanguageSwitcher>('oc-language-switcher')];
      const select = shadow(first).querySelector('select')!;
      select.value = 'pl';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => getLocale() === 'pl' && second.lang === 'pl');
      await first.updateComplete;
      await second.updateComplete;
      expect(shadow(first).querySelector('[role="status"]')!.textContent!.trim()).to.equal('Język został zmieniony.');
      expect(shadow(second).querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
      await setLocale('uk');
      await first.updateComplete;
      expect(
        shadow(first).querySelector('[role="status"]')!.textContent!.trim(),
        'not after a change elsewhere',
      ).to.equal('');
    });

    it('follows a change of language made elsewhere', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      await setLocale('ru');
      await element.updateComplete;
      expect(shadow(element).querySelector('select')!.value).to.equal('ru');
    });
  });

  describe('list variant', () => {
    it('marks the current language with aria-current', async () => {
      await setLocale('pl');
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher variant="list"></oc-language-switcher>`,
      );
      const current = shadow(element).querySelectorAll('[aria-current="true"]');
      expect(current.length).to.equal(1);
      expect(current[0].getAttribute('lang')).to.equal('pl');
      expect(shadow(element).querySelector('nav')!.getAttribute('aria-label')).to.equal('Język');
    });

    it('moves with arrow keys, Home and End, and switches with Enter', async () => {
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher variant="list"></oc-language-switcher>`,
      );
      const buttons = () => [...shadow(element).querySelectorAll<HTMLButtonElement>('button')];
      await sendKeys({ press: 'Tab' });
      expect(shadow(element).activeElement).to.equal(buttons()[0]);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(shadow(element).activeElement!.getAttribute('lang')).to.equal('uk');
      await sendKeys({ press: 'End' });
      expect(shadow(element).activeElement!.getAttribute('lang')).to.equal(supportedLocales.at(-1));
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(shadow(element).activeElement!.getAttribute('lang')).to.equal(supportedLocales.at(-1), 'wraps around');
      buttons()[supportedLocales.indexOf('ar')].focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => getLocale() === 'ar');
      await element.updateComplete;
      expect(element.dir).to.equal('rtl');
      // In right-to-left, the arrow pointing left moves forward.
      buttons()[0].focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(shadow(element).activeElement!.getAttribute('lang')).to.equal('pl');
    });
  });

  describe('attributes', () => {
    it('offers only the listed languages, in the given order', async () => {
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher locales="uk pl-PL en"></oc-language-switcher>`,
      );
      expect(optionTexts(element, 'option')).to.deep.equal(['Українська', 'Polski', 'English']);
    });

    it('keeps the active language visible even when not listed', async () => {
      await setLocale('ru');
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher locales="pl uk"></oc-language-switcher>`,
      );
      expect(optionTexts(element, 'option')).to.deep.equal(['Русский', 'Polski', 'Українська']);
      expect(shadow(element).querySelector('select')!.value).to.equal('ru');
    });

    it('drops unknown languages with a console warning', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher locales="pl tlh"></oc-language-switcher>`,
      );
      console.warn = warn;
      expect(optionTexts(element, 'option')).to.deep.equal(['English', 'Polski']);
      expect(warnings.join()).to.contain('"tlh"');
      expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
    });

    it('shows a localized alert when no listed language is usable, and still offers all', async () => {
      await setLocale('uk');
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher locales="xx yy"></oc-language-switcher>`,
      );
      const alert = shadow(element).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Жодна з мов');
      expect(shadow(element).querySelectorAll('option').length).to.equal(supportedLocales.length);
    });

    it('falls back to the select variant for an unknown variant', async () => {
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher variant="dropdown"></oc-language-switcher>`,
      );
      expect(shadow(element).querySelector('select')).not.to.equal(null);
    });

    it('says in every locale that variant="grid" cannot be used, with one console warning', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      let element: OcLanguageSwitcher;
      try {
        element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher variant="grid"></oc-language-switcher>`);
      } finally {
        console.warn = warn;
      }
      expect(warnings.filter((warning) => warning.includes('variant="grid"'))).to.have.length(1);
      expect(shadow(element).querySelector('select')).not.to.equal(null);
      const texts = new Set<string>();
      for (const locale of supportedLocales) {
        await setLocale(locale);
        await element.updateComplete;
        const alert = shadow(element).querySelector('[role="alert"]');
        expect(alert, locale).not.to.equal(null);
        expect(alert!.textContent, locale).to.contain('variant="grid"');
        texts.add(alert!.querySelector('p')!.textContent!.trim());
      }
      expect(texts.size).to.equal(supportedLocales.length);
    });

    it('sets lang and dir on <html> with sync-document', async () => {
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher sync-document></oc-language-switcher>`,
      );
      expect(document.documentElement.lang).to.equal('en');
      await setLocale('ar');
      await element.updateComplete;
      expect(document.documentElement.lang).to.equal('ar');
      expect(document.documentElement.dir).to.equal('rtl');
    });

    it('leaves <html> alone without sync-document', async () => {
      const element = await fixture<OcLanguageSwitcher>(html`<oc-language-switcher></oc-language-switcher>`);
      await setLocale('uk');
      await element.updateComplete;
      expect(document.documentElement.hasAttribute('lang')).to.equal(false);
    });
  });

  describe('accessibility', () => {
    for (const locale of supportedLocales) {
      for (const variant of ['select', 'list']) {
        it(`passes axe in ${locale}, ${variant} variant`, async () => {
          await setLocale(locale);
          const element = await fixture<OcLanguageSwitcher>(
            html`<oc-language-switcher variant=${variant}></oc-language-switcher>`,
          );
          expect(element.lang).to.equal(locale);
          expect(element.dir).to.equal(directionOf(locale));
          await expect(element).to.be.accessible();
        });
      }
    }

    it('passes axe with its alert shown', async () => {
      const element = await fixture<OcLanguageSwitcher>(
        html`<oc-language-switcher locales="zz"></oc-language-switcher>`,
      );
      await expect(element).to.be.accessible();
    });
  });
});
