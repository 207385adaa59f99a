import { expect } from '@open-wc/testing';
import { FeedError } from '../feed/feed-error.js';
import { problemText } from './problem-text.js';
import { announceProblem } from './announce.js';
import { ChunkLoadError } from './chunk-load-error.js';
import { ConfigError } from './config-error.js';
import { OcError } from './oc-error.js';
import { RefusedError } from './refused-error.js';

describe('the error model', () => {
  it('gives every problem a kind, a visitor text and advice for the developer', () => {
    const errors: OcError[] = [
      new ConfigError('view', 'grid', 'one of "list", "month"', 'using "list"'),
      new FeedError('http', 'The server answered 500', { url: '/feed', status: 500 }),
      new ChunkLoadError(new TypeError('Failed to fetch dynamically imported module')),
      new RefusedError('/api/reports', 422, 'missing field'),
    ];
    expect(errors.map((error) => error.problem)).to.deep.equal(['config', 'feed', 'chunk', 'refused']);
    for (const error of errors) {
      expect(error).to.be.instanceOf(OcError);
      expect(error).to.be.instanceOf(Error);
      expect(problemText(error)).to.be.a('string').and.not.equal('');
      expect(error.advice).to.be.a('string').and.not.equal('');
    }
    expect(problemText(errors[2])).not.to.equal(problemText(new FeedError('network', 'offline')));
  });

  it('tells a blocking configuration problem from one with a fallback', () => {
    expect(new ConfigError('endpoint', 'ftp://x', 'an https URL', '').blocking).to.equal(true);
    expect(new ConfigError('view', 'grid', 'one of "list"', 'using "list"').blocking).to.equal(false);
    expect(new ConfigError('endpoint', null, 'an https URL', '').message).to.equal('endpoint is missing');
  });

  it('announces once on the console, and fires oc-load-error only when a URL is concerned', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const events: unknown[] = [];
    host.addEventListener('oc-load-error', (event) => events.push(event.detail));
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const chunk = new ChunkLoadError('gone');
      announceProblem(host, chunk);
      announceProblem(host, chunk);
      announceProblem(host, new FeedError('network', 'offline', { url: '/events.ics' }));
    } finally {
      console.warn = warn;
      host.remove();
    }
    expect(warnings).to.have.length(2);
    expect(events).to.deep.equal([{ url: '/events.ics', message: 'offline' }]);
  });
});
