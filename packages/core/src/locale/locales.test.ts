import { expect } from '@open-wc/testing';
import { directionOf, isSupportedLocale, matchLocale, supportedLocales } from './locales.js';

describe('locales', () => {
  it('ships English, Polish, Ukrainian, Russian and Arabic, English first', () => {
    expect([...supportedLocales]).to.deep.equal(['en', 'pl', 'uk', 'ru', 'ar']);
  });

  it('falls back from a region subtag to the language', () => {
    expect(matchLocale('uk-UA')).to.equal('uk');
    expect(matchLocale('pl_PL')).to.equal('pl');
    expect(matchLocale('AR-eg')).to.equal('ar');
    expect(matchLocale(' ru ')).to.equal('ru');
  });

  it('refuses what it does not ship', () => {
    expect(matchLocale('de-DE')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
    expect(matchLocale(null)).to.equal(undefined);
    expect(isSupportedLocale('uk-UA')).to.equal(false);
    expect(isSupportedLocale('uk')).to.equal(true);
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('fa-IR')).to.equal('rtl');
    expect(directionOf('uk')).to.equal('ltr');
    expect(directionOf('en')).to.equal('ltr');
  });
});
