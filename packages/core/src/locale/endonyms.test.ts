import { expect } from '@open-wc/testing';
import { endonym } from './endonyms.js';
import { plannedLocales, supportedLocales } from './locales.js';

describe('endonym', () => {
  it('names each of the twelve languages in itself, as a menu entry in that language', () => {
    const names = Object.fromEntries(
      [...supportedLocales, ...plannedLocales].map((locale) => [locale, endonym(locale)]),
    );
    expect(names).to.deep.equal({
      en: 'English',
      pl: 'Polski',
      uk: 'Українська',
      ru: 'Русский',
      ar: 'العربية',
      be: 'Беларуская',
      ka: 'ქართული',
      es: 'Español',
      hi: 'हिन्दी',
      vi: 'Tiếng Việt',
      tr: 'Türkçe',
      fa: 'فارسی',
    });
  });

  it('does not take the English name a browser without data gives', () => {
    // Chromium's DisplayNames answers "Belarusian" and "Georgian" for be and ka.
    expect(endonym('be')).not.to.equal('Belarusian');
    expect(endonym('ka')).not.to.equal('Georgian');
  });

  it('does not capitalise Georgian into Mtavruli letters', () => {
    expect(endonym('ka')).to.equal('ქართული');
    expect(endonym('ka').codePointAt(0)).to.be.below(0x1c90);
  });

  it('uses the browser’s names for other languages, and returns an unknown tag as it is', () => {
    expect(endonym('de')).to.equal('Deutsch');
    expect(endonym('uk-UA')).to.match(/^Українська/u);
    expect(endonym('qqq')).to.equal('qqq');
    for (const tag of ['constructor', '__proto__', 'toString']) expect(endonym(tag), tag).to.equal(tag);
  });
});
