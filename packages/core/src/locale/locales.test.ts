import { expect } from '@open-wc/testing';
import { loaders } from '../generated/locales/loaders.js';
import type { TranslationLoaders } from './page-locale.js';
import {
  directionOf,
  isSupportedLocale,
  languageOf,
  matchLocale,
  plannedLocales,
  pseudoLocales,
  sourceLocale,
  supportedLocales,
} from './locales.js';

describe('locales', () => {
  it("ships the twelve languages of Kraków's newcomers, English first", () => {
    expect([...supportedLocales]).to.deep.equal([
      'en',
      'pl',
      'uk',
      'ru',
      'ar',
      'be',
      'ka',
      'es',
      'hi',
      'vi',
      'tr',
      'fa',
    ]);
  });

  it('has no locale in both lists, and none being prepared now', () => {
    const all = [...supportedLocales, ...plannedLocales];
    expect(new Set(all).size).to.equal(all.length);
    expect([...plannedLocales]).to.deep.equal([]);
  });

  it('has a generated translation loader for every supported locale but the source (scripts/localize.mjs build)', () => {
    const typed: TranslationLoaders = loaders;
    expect(Object.keys(typed)).to.deep.equal(supportedLocales.filter((locale) => locale !== sourceLocale));
  });

  it('keeps the pseudo-locales out of both lists', () => {
    for (const locale of pseudoLocales) {
      expect([...supportedLocales, ...plannedLocales] as string[]).not.to.include(locale);
    }
  });

  it('ships Belarusian, Georgian and Persian, once moved from the planned list', () => {
    expect(matchLocale('be-BY')).to.equal('be');
    expect(matchLocale('ka')).to.equal('ka');
    expect(isSupportedLocale('fa')).to.equal(true);
  });

  it('reads the language of a tag', () => {
    expect(languageOf('uk-UA')).to.equal('uk');
    expect(languageOf(' AR_eg ')).to.equal('ar');
    expect(languageOf('en-XA')).to.equal('en');
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
    expect(directionOf('fa')).to.equal('rtl');
    expect(directionOf('ar-XB')).to.equal('rtl');
    for (const locale of ['be', 'ka', 'es', 'hi', 'vi', 'tr', 'en-XA'])
      expect(directionOf(locale), locale).to.equal('ltr');
    expect(directionOf('uk')).to.equal('ltr');
    expect(directionOf('en')).to.equal('ltr');
  });
});
