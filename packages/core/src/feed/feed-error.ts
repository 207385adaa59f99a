import { OcError } from '../errors/oc-error.js';
import { isTransientStatus } from '../retry.js';

/** Why a feed could not be used. Widgets turn the kind into a localized message. */
export type FeedErrorKind =
  /** No usable URL was given (missing or malformed `src`). */
  | 'config'
  /** The request never got an answer: offline, DNS, CORS refused. */
  | 'network'
  /** No complete answer within the time-out. */
  | 'timeout'
  /** The server answered with an error status. */
  | 'http'
  /** The answer is larger than the size cap. */
  | 'too-large'
  /** The answer arrived but is not a feed the widget can read. */
  | 'parse';

export class FeedError extends OcError {
  override readonly name = 'FeedError';
  readonly problem = 'feed';

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly details: {
      url?: string;
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
      /** For `too-large`: the limit passed, in bytes, and whether it held the whole document, the stream or one line. */
      limit?: number;
      what?: 'document' | 'stream' | 'line';
    } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get url(): string | undefined {
    return this.details.url;
  }

  get advice(): string {
    switch (this.kind) {
      case 'config':
        return 'Check the src attribute.';
      case 'http':
        return this.status === 404 ? 'Check the URL in the src attribute.' : 'Check the feed server.';
      case 'network':
        return 'Check the URL, that the server is up, and that it allows this site to read it (CORS).';
      case 'timeout':
        return 'The server is too slow or unreachable; check it, or host the feed closer.';
      case 'too-large':
        if (this.details.what === 'line') return 'Check the feed: one record should be far smaller.';
        if (this.details.what === 'stream') return 'Serve the feed in pages (an HSDS API listing with total_pages).';
        return 'Serve the feed in pages (an HSDS API listing with total_pages) or as NDJSON (one record a line, application/x-ndjson): the limit then applies to each page or line. See docs/service-finder.md.';
      case 'parse':
        return 'Check that the feed has the format the widget documents.';
    }
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /**
   * Worth offering the visitor "Try again": the same request could give another answer. Not for
   * a feed too large for the widget, nor a bad `src`: only the publisher or the page can fix those.
   */
  get retryable(): boolean {
    return this.kind !== 'too-large' && this.kind !== 'config';
  }

  /** Worth trying again by itself: the same request may well succeed in a moment. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && isTransientStatus(this.status ?? 0);
  }
}

/** Wrap anything thrown while reading a feed into a `FeedError` of kind `parse`. */
export function toParseError(error: unknown, url?: string): FeedError {
  if (error instanceof FeedError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new FeedError('parse', `The feed could not be read: ${reason}`, { url, cause: error });
}
