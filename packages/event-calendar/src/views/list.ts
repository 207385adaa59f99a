import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isoDate } from '@open-city/core';
import { groupByDay } from '../calendar.js';
import type { CalendarController } from '../calendar-state.js';
import type { Occurrence } from '../model.js';
import { countText } from '../messages.js';
import { viewSpan } from '../shown-events.js';
import { renderDay } from './day.js';
import { renderEmpty } from './empty.js';

/**
 * The agenda: the month's days from the first one shown, with their events, `shown` of the
 * month's `total` passing the filters. Whole days, up to the list's limit, then "Show more events".
 */
export function renderList(state: CalendarController, shown: Occurrence[], total: number): TemplateResult {
  if (shown.length === 0) return renderEmpty(state, total > 0);
  const first = isoDate(viewSpan(state).first);
  const days = [...groupByDay(shown, state.zone).entries()].filter(
    ([key]) => key >= first && key.slice(0, 7) === state.shownMonth,
  );
  if (days.length === 0) return renderEmpty(state, total > 0);
  // Whole days, up to the list's limit: a busy month does not put thousands of events on the page.
  const all = days.reduce((sum, [, occurrences]) => sum + occurrences.length, 0);
  let count = 0;
  const visible = days.filter(([, occurrences]) => {
    if (count >= state.listLimit) return false;
    count += occurrences.length;
    return true;
  });
  const showMore = () => state.showMore(days[visible.length]?.[1][0]?.key);
  return html`<div class="list" part="list">
    ${visible.map(([key, occurrences]) => {
      const [year, month, day] = key.split('-').map(Number);
      return renderDay(state, { year, month, day }, occurrences, `d-${key}`);
    })}
    ${
      count < all
        ? html`<div class="list-more">
            <span>${msg(str`Shown: ${countText(count)} of ${countText(all)}`)}</span>
            <button class="button" type="button" @click=${showMore}>${msg('Show more events')}</button>
          </div>`
        : nothing
    }
  </div>`;
}
