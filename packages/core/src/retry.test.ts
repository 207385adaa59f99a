import { expect } from '@open-wc/testing';
import { backoffDelay, isTransientStatus } from './retry.js';

describe('the retry rule', () => {
  it('retries time-outs, rate limits and server errors only', () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isTransientStatus(status), String(status)).to.equal(true);
    for (const status of [200, 201, 400, 401, 403, 404, 409, 413, 422])
      expect(isTransientStatus(status), String(status)).to.equal(false);
  });

  it('backs off exponentially with jitter, up to a cap, and honours Retry-After', () => {
    for (let i = 0; i < 50; i++) {
      const first = backoffDelay(0, 1000, 60_000);
      expect(first).to.be.within(800, 1200);
      expect(backoffDelay(3, 1000, 60_000)).to.be.within(6400, 9600);
      expect(backoffDelay(20, 1000, 60_000)).to.be.within(48_000, 72_000);
      expect(backoffDelay(0, 1000, 60_000, 30_000)).to.equal(30_000);
    }
  });
});
