import { FeedError } from './feed-error.js';
import { backoffDelay } from '../retry.js';
import { parseRetryAfter } from './retry-after.js';

export { parseRetryAfter } from './retry-after.js';
export { expandFeedUrl } from './expand-url.js';

export interface FeedProgress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected, when the server said (Content-Length); else undefined. */
  total?: number;
}

export interface FetchFeedOptions {
  signal?: AbortSignal;
  /** Give up on one attempt after this long. Default 15 s. */
  timeoutMs?: number;
  /** Refuse answers larger than this. Default 20 MB. */
  maxBytes?: number;
  /** Further attempts after a transient failure (network, time-out, 408, 429, 5xx). Default 2. */
  retries?: number;
  /** First back-off delay; doubles with each attempt. Default 500 ms. */
  retryDelayMs?: number;
  /** Longest wait honoured from a `Retry-After` header. Default 10 s. */
  maxRetryAfterMs?: number;
  onProgress?: (progress: FeedProgress) => void;
  /** Request headers, e.g. `Accept`. */
  headers?: HeadersInit;
}

export interface FeedResponse {
  text: string;
  /** URL after redirects. */
  url: string;
  contentType: string;
  status: number;
}

const defaults = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  retries: 2,
  retryDelayMs: 500,
  maxRetryAfterMs: 10_000,
};

/**
 * Fetch a feed as text, with a time-out, a size cap, and retries of transient failures.
 * Rejects with a `FeedError`, or with the signal's `AbortError` when the caller aborts.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FeedResponse> {
  const settings = { ...defaults, ...options };
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, settings);
    } catch (error) {
      if (!(error instanceof FeedError) || !error.transient || attempt >= settings.retries) throw error;
      const wait = backoffDelay(attempt, settings.retryDelayMs, Infinity, error.details.retryAfterMs);
      await delay(Math.min(wait, settings.maxRetryAfterMs), settings.signal);
    }
  }
}

async function fetchOnce(url: string, settings: FetchFeedOptions & typeof defaults): Promise<FeedResponse> {
  const { signal: outerSignal } = settings;
  outerSignal?.throwIfAborted();
  const attempt = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, settings.timeoutMs);
  const forwardAbort = () => attempt.abort(outerSignal?.reason);
  outerSignal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: attempt.signal, headers: settings.headers, credentials: 'same-origin' });
    } catch (cause) {
      throw failure(cause, timedOut, url);
    }
    if (!response.ok) {
      response.body?.cancel().catch(() => {});
      throw new FeedError('http', `The server answered ${response.status} ${response.statusText}`.trim(), {
        url,
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    const declared = Number(response.headers.get('Content-Length')) || undefined;
    if (declared !== undefined && declared > settings.maxBytes) {
      response.body?.cancel().catch(() => {});
      throw tooLarge(url, settings.maxBytes);
    }
    let text: string;
    try {
      text = await readText(response, settings.maxBytes, declared, settings.onProgress, url);
    } catch (cause) {
      throw failure(cause, timedOut, url);
    }
    return {
      text,
      url: response.url || url,
      contentType: response.headers.get('Content-Type') ?? '',
      status: response.status,
    };
  } finally {
    clearTimeout(timer);
    outerSignal?.removeEventListener('abort', forwardAbort);
  }

  function failure(cause: unknown, isTimeout: boolean, feedUrl: string): unknown {
    if (cause instanceof FeedError) return cause;
    if (outerSignal?.aborted) return outerSignal.reason;
    if (isTimeout)
      return new FeedError('timeout', `No answer within ${settings.timeoutMs} ms`, { url: feedUrl, cause });
    return new FeedError('network', 'The server could not be reached', { url: feedUrl, cause });
  }
}

async function readText(
  response: Response,
  maxBytes: number,
  total: number | undefined,
  onProgress: FetchFeedOptions['onProgress'],
  url: string,
): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let loaded = 0;
  let text = '';
  onProgress?.({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
    onProgress?.({ loaded, total });
  }
  return text + decoder.decode();
}

function tooLarge(url: string, maxBytes: number): FeedError {
  return new FeedError('too-large', `The feed is larger than ${Math.round(maxBytes / 1024)} KB`, { url });
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
