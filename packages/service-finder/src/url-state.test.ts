import { expect } from '@open-wc/testing';
import { readHash, writeHash } from './url-state.js';

describe('url-state', () => {
  it('round-trips query, filters and the open service', () => {
    const state = {
      query: 'urząd & co',
      category: 'oc-health',
      language: 'uk',
      free: true,
      openNow: true,
      accessible: true,
      service: 'krk-001',
    };
    expect(readHash(writeHash('', state))).to.deep.equal(state);
  });

  it('keeps other segments of the hash and removes only its own', () => {
    const hash = writeHash('#top&other=1', { query: 'doctor' });
    expect(hash).to.equal('#top&other=1&oc-sf=q%3Ddoctor');
    expect(writeHash(hash, { query: '' })).to.equal('#top&other=1');
    expect(readHash('#top')).to.equal(undefined);
  });

  it('uses its own key, so two finders do not collide', () => {
    const hash = writeHash(writeHash('', { query: 'a' }, 'oc-sf-one'), { query: 'b' }, 'oc-sf-two');
    expect(readHash(hash, 'oc-sf-one')?.query).to.equal('a');
    expect(readHash(hash, 'oc-sf-two')?.query).to.equal('b');
  });

  it('survives a mangled link', () => {
    expect(readHash('#oc-sf=%E0%A4%A')).to.equal(undefined);
  });
});
