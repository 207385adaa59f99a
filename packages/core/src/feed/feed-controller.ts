import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLocale, onLocaleChange } from '../locale/page-locale.js';
import { announceProblem } from '../errors/announce.js';
import { FeedError, toParseError } from './feed-error.js';
import { expandFeedUrl, fetchFeed, type FeedProgress, type FeedResponse, type FetchFeedOptions } from './fetch-feed.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedControllerOptions<T> extends Omit<FetchFeedOptions, 'signal' | 'onProgress'> {
  /** Turn the answer into the widget's model; throw (anything) when it is not a usable feed. */
  parse: (response: FeedResponse) => T | Promise<T>;
  /** Quiet time after a change of source before fetching, so quick attribute changes fetch once (none for the first). */
  settleMs?: number;
}

/**
 * Loads one feed for a widget: follows its `src` (with `{lang}` filled in and re-fetched when the
 * page language changes), aborts on disconnect and on a new URL, and exposes a state to render.
 * Failures fire `oc-load-error` on the host and warn once on the console.
 */
export class FeedController<T> implements ReactiveController {
  status: FeedStatus = 'idle';
  /** The last feed read successfully; kept while a new one loads, so the widget need not blank. */
  data?: T;
  error?: FeedError;
  progress?: FeedProgress;
  /** The URL now loading or loaded. */
  url?: string;

  private template?: string;
  private inFlight?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private unsubscribe?: () => void;
  private interrupted = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FeedControllerOptions<T>,
  ) {
    host.addController(this);
  }

  /** Follow a URL template (may hold `{lang}`); `undefined` stops following. Cheap to call often. */
  setSource(template: string | undefined): void {
    const next = template?.trim() || undefined;
    if (next === this.template) return;
    this.template = next;
    // The first source needs no quiet time: quick changes in the same turn still fetch once, as
    // each clears the timer before it fires.
    this.schedule(this.url === undefined ? 0 : (this.options.settleMs ?? 30));
  }

  /** Fetch again now, e.g. from a "Try again" button. */
  reload(): void {
    this.url = undefined;
    this.schedule(0);
  }

  /** Settles once nothing is scheduled or in flight (for tests, stories and embedding code). */
  get settled(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private get isIdle(): boolean {
    return this.timer === undefined && !this.inFlight;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle) return;
    const waiters = this.idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }

  hostConnected(): void {
    this.unsubscribe = onLocaleChange(() => {
      if (this.template?.includes('{lang}')) this.schedule(0);
    });
    if (this.interrupted) {
      this.interrupted = false;
      this.reload();
    }
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    if (this.timer !== undefined || this.inFlight) this.interrupted = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.notifyIfIdle();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load().finally(() => this.notifyIfIdle());
    }, ms);
  }

  private async load(): Promise<void> {
    if (!this.template) {
      this.inFlight?.abort();
      this.inFlight = undefined;
      this.url = undefined;
      this.set({ status: 'idle', error: undefined, progress: undefined });
      return;
    }
    let url: string;
    try {
      url = new URL(expandFeedUrl(this.template, getLocale()), document.baseURI).href;
    } catch (cause) {
      this.fail(new FeedError('config', `"${this.template}" is not a valid URL`, { url: this.template, cause }));
      return;
    }
    if (url === this.url && this.status !== 'idle') return; // already loading or loaded
    this.inFlight?.abort();
    const attempt = new AbortController();
    this.inFlight = attempt;
    this.url = url;
    this.set({ status: 'loading', error: undefined, progress: undefined });
    try {
      const response = await fetchFeed(url, {
        ...this.options,
        signal: attempt.signal,
        onProgress: (progress) => this.set({ progress }),
      });
      if (attempt.signal.aborted) return;
      let data: T;
      try {
        data = await this.options.parse(response);
      } catch (error) {
        throw toParseError(error, url);
      }
      if (attempt.signal.aborted) return;
      this.set({ status: 'ready', data, progress: undefined });
    } catch (error) {
      if (attempt.signal.aborted) return; // superseded by a newer URL, or the widget left the page
      this.fail(error instanceof FeedError ? error : toParseError(error, url));
    } finally {
      if (this.inFlight === attempt) this.inFlight = undefined;
    }
  }

  private fail(error: FeedError): void {
    this.set({ status: 'error', error, progress: undefined });
    announceProblem(
      this.host,
      error.url ? error : new FeedError(error.kind, error.message, { ...error.details, url: this.template ?? '' }),
    );
  }

  private set(changes: Partial<Pick<FeedController<T>, 'status' | 'data' | 'error' | 'progress'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}
