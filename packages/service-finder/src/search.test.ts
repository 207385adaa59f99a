import { expect } from '@open-wc/testing';
import { buildIndex, search } from './search.js';

describe('search', () => {
  const index = buildIndex([
    { name: ['Urząd Wojewódzki'], category: ['Residence'], other: ['Kraków, ul. Przy Rondzie 6'] },
    { name: ['Klub młodzieży'], category: ['Education'], other: ['Zajęcia dla dzieci'] },
    { name: ['Legal aid'], category: ['Legal help'], other: ['Help with residence appeals'] },
    { name: ['Łódź office'], category: [], other: [] },
  ]);
  const docs = (query: string) => search(index, query)?.map((hit) => hit.doc);

  it('finds Urząd for "urzad" and Kraków for "krakow"', () => {
    expect(docs('urzad')).to.deep.equal([0]);
    expect(docs('KRAKOW')).to.deep.equal([0]);
  });

  it('matches at word starts only', () => {
    expect(docs('lodz')).to.deep.equal([3]);
    expect(docs('odz')).to.deep.equal([]);
    expect(docs('mlodz')).to.deep.equal([1]);
  });

  it('needs every word, and ranks names above categories above descriptions', () => {
    expect(docs('residence')).to.deep.equal([0, 2]);
    expect(docs('legal residence')).to.deep.equal([2]);
    expect(docs('urzad nothing')).to.deep.equal([]);
  });

  it('treats an empty query as no filter', () => {
    expect(search(index, '  ,, ')).to.equal(undefined);
  });
});
