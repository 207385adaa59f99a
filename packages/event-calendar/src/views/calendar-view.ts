import { html, nothing, type TemplateResult } from 'lit';
import { renderLoading } from '@open-city/core';
import { applyFilters } from '../calendar.js';
import type { CalendarController } from '../calendar-state.js';
import { eventCountText } from '../messages.js';
import { eventsInView, type FeedState } from '../shown-events.js';
import { renderDetail } from './event-detail.js';
import { renderFeedNotes } from './feed-notes.js';
import { renderFilters } from './filters.js';
import { monthLabel } from './format.js';
import { setHeadingLevel } from './headings.js';
import { renderList } from './list.js';
import { renderMonth } from './month-grid.js';
import { renderToolbar } from './toolbar.js';

/**
 * The whole calendar once its views are in: the open event's detail, or the toolbar, filters,
 * feed problems, the live count and the list or month. `notice` (the element's attribute
 * problems, or nothing) goes first; the top headings are at `headingLevel` (the element's
 * `heading-level`).
 */
export function renderCalendar(
  state: CalendarController,
  feeds: readonly FeedState[],
  notice: TemplateResult | typeof nothing,
  headingLevel = 2,
): TemplateResult {
  setHeadingLevel(state, headingLevel);
  if (state.selected) return html`<div class="calendar" part="base">${renderDetail(state, state.selected)}</div>`;
  const all = eventsInView(state, feeds);
  const shown = applyFilters(all, state.filters);
  const loading = feeds.some((feed) => feed.status === 'loading' && !feed.data);
  const ready = feeds.filter((feed) => feed.status === 'ready' || (feed.data && feed.status !== 'error'));
  return html`<div class="calendar" part="base">
    ${notice} ${renderToolbar(state)} ${renderFilters(state, all)} ${renderFeedNotes(feeds, ready.length)}
    <p class="count" part="status" role="status">${state.announcement}</p>
    ${loading && ready.length === 0 ? renderLoading() : nothing}
    ${
      ready.length > 0
        ? state.shownView === 'month'
          ? renderMonth(state, shown, all.length)
          : renderList(state, shown, all.length)
        : nothing
    }
  </div>`;
}

/** What the live region says after a change: "3 events", with the month ("December 2026: 3 events"). */
export function announcementText(state: CalendarController, feeds: readonly FeedState[], withMonth: boolean): string {
  const count = eventCountText(applyFilters(eventsInView(state, feeds), state.filters).length);
  return withMonth ? `${monthLabel(state.month)}: ${count}` : count;
}
