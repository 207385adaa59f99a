import { expect } from '@open-wc/testing';
import { foldText, foldedWords, matchesAtWordStarts } from './text.js';

describe('text folding', () => {
  it('drops case and diacritics, including letters NFD does not split', () => {
    expect(foldText('Urząd Łódź ŻÓŁW straße')).to.equal('urzad lodz zolw strasse');
    expect(foldText('Ёлка Йошкар')).to.equal('елка иошкар');
    expect(foldText('مدرسة أطفال')).to.equal('مدرسه اطفال');
  });

  it('splits into words', () => {
    expect(foldedWords('Urząd Miasta Krakowa, ul. Wielicka 28a')).to.deep.equal([
      'urzad',
      'miasta',
      'krakowa',
      'ul',
      'wielicka',
      '28a',
    ]);
  });

  it('matches at word starts only, every word of the query', () => {
    expect(matchesAtWordStarts('Łódź, centrum młodzieży', 'lodz')).to.equal(true);
    expect(matchesAtWordStarts('Centrum młodzieży', 'lodz')).to.equal(false);
    expect(matchesAtWordStarts('Kawiarenka językowa', 'kaw jez')).to.equal(true);
    expect(matchesAtWordStarts('Kawiarenka językowa', 'kaw polski')).to.equal(false);
    expect(matchesAtWordStarts('anything', '  ')).to.equal(true);
  });
});
