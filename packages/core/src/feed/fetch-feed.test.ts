import { expect } from '@open-wc/testing';
import { FeedError } from './feed-error.js';
import { expandFeedUrl, fetchFeed, parseRetryAfter, type FeedProgress } from './fetch-feed.js';

const fast = { retryDelayMs: 10, timeoutMs: 2000 };

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    return error as FeedError;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchFeed', () => {
  it('returns the text, final URL and content type', async () => {
    const response = await fetchFeed('/test-feed/json?lang=pl', fast);
    expect(JSON.parse(response.text).lang).to.equal('pl');
    expect(response.contentType).to.contain('application/json');
    expect(response.url).to.contain('/test-feed/json');
  });

  it('fails a 404 at once, without retrying', async () => {
    const started = performance.now();
    const error = await failure(fetchFeed('/test-feed/status/404', { ...fast, retryDelayMs: 1000 }));
    expect(error).to.be.instanceOf(FeedError);
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.transient).to.equal(false);
    expect(performance.now() - started).to.be.below(900);
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    const key = `flaky-${Math.random().toString(36).slice(2)}`;
    const response = await fetchFeed(`/test-feed/flaky/${key}?fail=2`, fast);
    expect(JSON.parse(response.text).attempts).to.equal(3);
  });

  it('gives up after the retries it was allowed', async () => {
    const key = `down-${Math.random().toString(36).slice(2)}`;
    const error = await failure(fetchFeed(`/test-feed/flaky/${key}?fail=5`, { ...fast, retries: 1 }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(500);
    const after = await fetch(`/test-feed/flaky/${key}?fail=5`);
    expect(after.status).to.equal(500); // third request: only two were made by fetchFeed
  });

  it('treats 408 and 429 as worth retrying, other 4xx not', () => {
    expect(new FeedError('http', '', { status: 408 }).transient).to.equal(true);
    expect(new FeedError('http', '', { status: 429 }).transient).to.equal(true);
    expect(new FeedError('http', '', { status: 503 }).transient).to.equal(true);
    expect(new FeedError('http', '', { status: 403 }).transient).to.equal(false);
  });

  it('times out a server that does not answer', async () => {
    const error = await failure(fetchFeed('/test-feed/slow?ms=3000', { timeoutMs: 200, retries: 0 }));
    expect(error.kind).to.equal('timeout');
    expect(error.transient).to.equal(true);
  });

  it('refuses a feed over the size cap announced by Content-Length', async () => {
    const error = await failure(fetchFeed('/test-feed/large?bytes=5000', { ...fast, maxBytes: 1000 }));
    expect(error.kind).to.equal('too-large');
  });

  it('refuses a feed over the size cap while streaming when no length was announced', async () => {
    const error = await failure(fetchFeed('/test-feed/large?bytes=5000&hide-length', { ...fast, maxBytes: 3000 }));
    expect(error.kind).to.equal('too-large');
  });

  describe('NDJSON: the cap applies to each line, not to the whole directory', () => {
    const record = (i: number) => JSON.stringify({ id: `s${i}`, name: `Service ${i}`, text: 'x'.repeat(200) });
    const ndjson = Array.from({ length: 40 }, (_, i) => record(i)).join('\n') + '\n';
    const blobUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));

    it('reads NDJSON far over the document cap, declared or recognised by its first line', async () => {
      for (const type of ['application/x-ndjson', 'text/plain']) {
        const response = await fetchFeed(blobUrl(ndjson, type), { ...fast, maxBytes: 1000 });
        expect(response.text.split('\n').filter(Boolean), type).to.have.length(40);
      }
    });

    it('refuses a line over the cap, and a stream over its own cap', async () => {
      const long = `${record(0)}\n${JSON.stringify({ id: 'big', text: 'y'.repeat(3000) })}\n${record(1)}\n`;
      const line = await failure(fetchFeed(blobUrl(long, 'application/x-ndjson'), { ...fast, maxBytes: 1000 }));
      expect(line.kind).to.equal('too-large');
      expect(line.details.what).to.equal('line');
      const stream = await failure(
        fetchFeed(blobUrl(ndjson, 'application/x-ndjson'), { ...fast, maxBytes: 1000, maxStreamBytes: 4000 }),
      );
      expect(stream.details.what).to.equal('stream');
    });

    it('refuses one JSON document over the cap, saying what to serve instead, with no "Try again"', async () => {
      const document = `[\n${Array.from({ length: 40 }, (_, i) => record(i)).join(',\n')}\n]`;
      for (const type of ['application/json', 'text/plain']) {
        const error = await failure(fetchFeed(blobUrl(document, type), { ...fast, maxBytes: 1000 }));
        expect(error.kind, type).to.equal('too-large');
        expect(error.details.what, type).to.equal('document');
        expect(error.message).to.contain('one JSON document');
        expect(error.advice).to.contain('pages').and.to.contain('NDJSON');
        expect(error.retryable).to.equal(false);
        expect(error.transient).to.equal(false);
      }
      expect(new FeedError('network', '').retryable).to.equal(true);
    });
  });

  it('reports progress as the body arrives', async () => {
    const seen: FeedProgress[] = [];
    await fetchFeed('/test-feed/large?bytes=4000', { ...fast, onProgress: (progress) => seen.push(progress) });
    expect(seen.at(-1)).to.deep.equal({ loaded: 4000, total: 4000 });
  });

  it('stops when the caller aborts, with the abort reason, not a feed error', async () => {
    const controller = new AbortController();
    const pending = fetchFeed('/test-feed/slow?ms=2000', { ...fast, signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('left the page', 'AbortError')), 50);
    const error = await failure(pending);
    expect(error).not.to.be.instanceOf(FeedError);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
  });

  it('stops waiting between retries when aborted', async () => {
    const controller = new AbortController();
    const key = `abort-${Math.random().toString(36).slice(2)}`;
    const pending = fetchFeed(`/test-feed/flaky/${key}?fail=9`, { retryDelayMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = await failure(pending);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('reports an unreachable server as a network error', async () => {
    const error = await failure(fetchFeed('http://127.0.0.1:9/feed.json', { ...fast, retries: 0 }));
    expect(error.kind).to.equal('network');
  });
});

describe('feed URL helpers', () => {
  it('puts the locale into {lang}', () => {
    expect(expandFeedUrl('/api/services?lang={lang}', 'uk')).to.equal('/api/services?lang=uk');
    expect(expandFeedUrl('/feeds/{lang}/events.ics', 'ar')).to.equal('/feeds/ar/events.ics');
    expect(expandFeedUrl('/api/services', 'uk')).to.equal('/api/services');
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).to.equal(6000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});
