import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { feedErrorText, renderProblem } from '@open-city/core';
import { countText } from '../messages.js';
import type { FeedState } from '../shown-events.js';

/** What the feeds shown could not show: entries unreadable, and entries the work budget cut. */
export function feedLosses(feeds: readonly FeedState[]): { unreadable: number; cut: number } {
  let unreadable = 0;
  let cut = 0;
  for (const feed of feeds) {
    const data = feed.status === 'error' ? undefined : feed.data;
    if (!data) continue;
    unreadable += data.skipped + (data.lastExpansion?.failed ?? 0);
    cut += (data.cut ?? 0) + (data.lastExpansion?.cut ?? 0);
  }
  return { unreadable, cut };
}

/**
 * A localized alert with "Try again" for each feed that failed (saying the calendar may be
 * incomplete while other feeds show), and a note when a feed had entries that could not be read,
 * or more than the calendar shows at once, with how many entries are concerned.
 */
export function renderFeedNotes(feeds: readonly FeedState[], readyCount: number): TemplateResult {
  const failed = feeds.filter((feed) => feed.status === 'error');
  const partial = readyCount > 0 || failed.length < feeds.length;
  const { unreadable, cut } = feedLosses(feeds);
  const count = countText(unreadable + cut);
  return html`${failed.map((feed) => {
    const text = feed.error ? feedErrorText(feed.error) : '';
    return renderProblem(
      partial ? `${msg('Some events could not be loaded, so this calendar may be incomplete.')} ${text}` : text,
      () => feed.reload(),
    );
  })}
  ${
    unreadable + cut > 0
      ? html`<p class="note">
          ${unreadable > 0 ? msg('Some entries of a feed could not be read and are not shown.') : nothing}
          ${cut > 0 ? msg('A feed holds more than the calendar can show at once, so some events are not shown.') : nothing}
          ${msg(str`Entries concerned: ${count}.`)}
        </p>`
      : nothing
  }`;
}
