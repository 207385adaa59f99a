import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { feedErrorText, renderProblem } from '@open-city/core';
import type { FeedState } from '../shown-events.js';

/**
 * A localized alert with "Try again" for each feed that failed (saying the calendar may be
 * incomplete while other feeds show), and a note when a feed had entries that could not be read.
 */
export function renderFeedNotes(feeds: readonly FeedState[], readyCount: number): TemplateResult {
  const failed = feeds.filter((feed) => feed.status === 'error');
  const partial = readyCount > 0 || failed.length < feeds.length;
  return html`${failed.map((feed) => {
    const text = feed.error ? feedErrorText(feed.error) : '';
    return renderProblem(
      partial ? `${msg('Some events could not be loaded, so this calendar may be incomplete.')} ${text}` : text,
      () => feed.reload(),
    );
  })}
  ${
    feeds.some((feed) => feed.data && feed.data.skipped > 0)
      ? html`<p class="note">${msg('Some entries of a feed could not be read and are not shown.')}</p>`
      : nothing
  }`;
}
