import { html, nothing, type TemplateResult } from 'lit';
import type { FeedProgress } from './feed/fetch-feed.js';
import { loadingText, retryText } from './messages.js';

/**
 * The loading indicator every widget shows instead of a blank box. A determinate bar when the
 * server announced the size, an indeterminate one otherwise; announced politely, once.
 */
export function renderLoading(progress?: FeedProgress): TemplateResult {
  const fraction = progress?.total ? Math.min(1, progress.loaded / progress.total) : undefined;
  return html`<div class="status" part="loading" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <span>${loadingText()}</span>
    ${
      fraction === undefined
        ? nothing
        : html`<progress max="100" .value=${Math.round(fraction * 100)} aria-label=${loadingText()}></progress>`
    }
  </div>`;
}

/** A visible, announced problem with an optional way out. */
export function renderProblem(message: string, onRetry?: () => void): TemplateResult {
  return html`<div class="problem" part="error" role="alert">
    <p>${message}</p>
    ${onRetry ? html`<button class="button" type="button" @click=${onRetry}>${retryText()}</button>` : nothing}
  </div>`;
}
