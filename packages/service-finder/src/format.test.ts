import { expect } from '@open-wc/testing';
import { endonym as coreEndonym, supportedLocales } from '@open-city/core';
import { endonym, formatCount, formatDistance, languageInLocale, languageLabel } from './format.js';

describe('format: languages, counts and distances through core', () => {
  it('names each supported language by core’s endonym, never in English', () => {
    for (const locale of supportedLocales) expect(endonym(locale), locale).to.equal(coreEndonym(locale));
    expect(endonym('be')).to.equal('Беларуская');
    expect(endonym('ka')).to.equal('ქართული');
  });

  it('falls back to the name the feed gives, then the code, for a language nobody knows', () => {
    // Neither Chromium nor core has Tajik in itself: the reader's name for it, rather than "tg".
    expect(endonym('tg', undefined, 'pl')).to.equal('Tadżycki');
    expect(endonym('xx', 'Xish')).to.equal('Xish');
    expect(endonym('xx')).to.equal('xx');
    expect(endonym('__proto__')).to.equal('__proto__');
    expect(languageInLocale('__proto__', 'pl', 'Proto')).to.equal('Proto');
  });

  it('labels a language in itself and in the reader’s language', () => {
    expect(languageLabel('uk', 'pl')).to.equal('Українська (Ukraiński)');
    expect(languageLabel('uk', 'uk')).to.equal('Українська');
    expect(languageLabel('ka', 'en')).to.equal('ქართული (Georgian)');
  });

  it('writes counts and distances in the locale’s digits', () => {
    expect(formatCount(12, 'fa')).to.equal('۱۲');
    expect(formatCount(12, 'ar')).to.equal('12');
    expect(formatDistance(110, 'fa')).to.match(/^[۰-۹]/);
    expect(formatDistance(2400, 'pl')).to.equal('2,4 km');
  });
});
