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
      view: 'map' as const,
    };
    expect(readHash(writeHash('', state))).to.deep.equal(state);
    expect(writeHash('', state)).to.contain(encodeURIComponent('v=map'));
  });

  it('reads links made before the map (no view), and ignores a view it does not know', () => {
    expect(readHash('#oc-sf=' + encodeURIComponent('q=doctor&free=1'))).to.deep.equal({ query: 'doctor', free: true });
    expect(readHash('#oc-sf=' + encodeURIComponent('q=doctor&v=globe'))).to.deep.equal({ query: 'doctor' });
    expect(readHash('#oc-sf=' + encodeURIComponent('v=list'))).to.deep.equal({ query: '', view: 'list' });
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
