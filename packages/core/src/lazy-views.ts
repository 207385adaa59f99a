import { adoptStyles, type CSSResultOrNative, type LitElement, type ReactiveController } from 'lit';
import { msg } from '@lit/localize';
import { ChunkLoadError } from './errors/chunk-load-error.js';
import { announceProblem } from './errors/announce.js';
import { renderLoading, renderProblem } from './status-views.js';
import type { FeedProgress } from './feed/fetch-feed.js';

export const chunkProblemText = () => msg('A part of this page could not be loaded. Try again, or reload the page.');

/** A module loaded once per page with `import()`; a load that failed may be tried again. */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * Loads the part of a widget that its first paint does not need (its views, parsers, their styles)
 * as soon as the widget is connected, adopts the module's `styles` export into the shadow root, and renders
 * the widget again. Keeps each widget's first download within its size budget.
 */
export class LazyViewsController<M extends object> implements ReactiveController {
  /** The loaded module, or undefined while it loads or after it failed. */
  module?: M;
  /** Why the module did not load, until it is tried again. */
  error?: ChunkLoadError;

  get failed(): boolean {
    return this.error !== undefined;
  }

  constructor(
    private readonly host: LitElement,
    private readonly load: () => Promise<M>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.module) this.retry();
  }

  /** Load again (after a failure, e.g. from a "Try again" button). */
  retry(): void {
    this.error = undefined;
    this.load().then(
      (module) => {
        const { styles } = module as { styles?: CSSResultOrNative };
        if (styles) {
          const elementStyles = (this.host.constructor as typeof LitElement).elementStyles;
          adoptStyles(this.host.renderRoot as ShadowRoot, [...elementStyles, styles]);
        }
        this.module = module;
        this.host.requestUpdate();
      },
      (cause: unknown) => {
        this.error = new ChunkLoadError(cause);
        announceProblem(this.host, this.error);
        this.host.requestUpdate();
      },
    );
  }

  /** Settles once the module has loaded and the widget has rendered with it. */
  get ready(): Promise<void> {
    return this.load()
      .then(() => new Promise((resolve) => setTimeout(resolve)))
      .then(() => this.host.updateComplete)
      .then(() => undefined);
  }

  /** What to show until the module is in: progress, or a way to try again when it did not load. */
  renderPending(progress?: FeedProgress) {
    return this.failed ? renderProblem(chunkProblemText(), () => this.retry()) : renderLoading(progress);
  }
}
