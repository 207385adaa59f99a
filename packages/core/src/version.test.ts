import { expect } from '@open-wc/testing';
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('matches the version in package.json', async () => {
    const manifest = await (await fetch('/packages/core/package.json')).json();
    expect(VERSION, 'run node scripts/sync-version.mjs (npm run version-packages does)').to.equal(manifest.version);
  });
});
