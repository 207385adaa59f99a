import { expect } from '@open-wc/testing';
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('matches the version in package.json', async () => {
    const manifest = await (await fetch('/packages/core/package.json')).json();
    expect(VERSION).to.equal(manifest.version);
  });
});
