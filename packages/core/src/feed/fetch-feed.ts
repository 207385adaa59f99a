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
  /**
   * Refuse answers larger than this: a whole JSON document, or one line of NDJSON. Default 20 MB.
   * A directory too large for one document is served in pages or as NDJSON instead.
   */
  maxBytes?: number;
  /**
   * Refuse NDJSON answers (one record a line) larger than this in all; each line is held to
   * `maxBytes`. Default 200 MB.
   */
  maxStreamBytes?: number;
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
  maxStreamBytes: 200 * 1024 * 1024,
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
    const contentType = response.headers.get('Content-Type') ?? '';
    // NDJSON may be declared, or found in the first line; only a type that rules it out is refused early.
    const lines: boolean | undefined = isLinesType(contentType)
      ? true
      : isDocumentType(contentType)
        ? false
        : undefined;
    const limit = lines === false ? settings.maxBytes : settings.maxStreamBytes;
    if (declared !== undefined && declared > limit) {
      response.body?.cancel().catch(() => {});
      throw tooLarge(url, limit, lines === false ? 'document' : 'stream');
    }
    let text: string;
    try {
      text = await readText(response, settings, lines, declared, url);
    } catch (cause) {
      throw failure(cause, timedOut, url);
    }
    return { text, url: response.url || url, contentType, status: response.status };
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

/** `application/x-ndjson`, `application/jsonl`, `application/json-seq` and the like. */
function isLinesType(contentType: string): boolean {
  return /ndjson|jsonl|json-seq|jsonlines/i.test(contentType);
}

/** A type that is one document (JSON, iCalendar, XML), never one record a line. */
function isDocumentType(contentType: string): boolean {
  return !isLinesType(contentType) && /json|calendar|xml/i.test(contentType);
}

/** Whether a first line is a record of NDJSON: a whole JSON object on its own. */
function isRecordLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

/**
 * The body as text, streamed: a document is held to `maxBytes`; NDJSON (declared, or recognised by
 * its first line) to `maxBytes` a line and `maxStreamBytes` in all.
 */
async function readText(
  response: Response,
  settings: typeof defaults & FetchFeedOptions,
  declaredLines: boolean | undefined,
  total: number | undefined,
  url: string,
): Promise<string> {
  const { maxBytes, maxStreamBytes, onProgress } = settings;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let lines = declaredLines;
  let loaded = 0;
  let text = '';
  /** Where the line being read starts, and how far the text was searched for its end. */
  let lineStart = 0;
  const refuse = (limit: number, what: 'document' | 'stream' | 'line') => {
    reader.cancel().catch(() => {});
    return tooLarge(url, limit, what);
  };
  onProgress?.({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    const searchedTo = text.length;
    text += decoder.decode(value, { stream: true });
    if (lines === undefined) {
      const end = text.indexOf('\n');
      if (end >= 0) lines = isRecordLine(text.slice(0, end));
    }
    if (lines) {
      if (loaded > maxStreamBytes) throw refuse(maxStreamBytes, 'stream');
      // The longest line so far, in characters (at most as many as its bytes).
      for (let end = text.indexOf('\n', searchedTo); end >= 0; end = text.indexOf('\n', end + 1)) {
        if (end - lineStart > maxBytes) throw refuse(maxBytes, 'line');
        lineStart = end + 1;
      }
      if (text.length - lineStart > maxBytes) throw refuse(maxBytes, 'line');
    } else if (loaded > maxBytes && (lines === false || loaded > maxBytes * 2)) {
      // Undecided (no line end yet) after twice the cap: no line of NDJSON is that long either.
      throw refuse(maxBytes, 'document');
    }
    onProgress?.({ loaded, total });
  }
  if (!lines && loaded > maxBytes) throw refuse(maxBytes, 'document');
  return text + decoder.decode();
}

/** What is too large, and what the publisher can do instead (the element says it in the visitor's language). */
function tooLarge(url: string, maxBytes: number, what: 'document' | 'stream' | 'line'): FeedError {
  const size = `${Math.round(maxBytes / (1024 * 1024))} MB`;
  const message =
    what === 'document'
      ? `The feed is larger than ${size}, the most one JSON document may be`
      : what === 'line'
        ? `A line of the feed is longer than ${size}, the most one record may be`
        : `The feed is larger than ${size} in all, the most a stream of records may be`;
  return new FeedError('too-large', message, { url, limit: maxBytes, what });
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
