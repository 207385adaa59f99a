import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { compareDates } from '@open-city/core';
import type { CalendarController } from '../calendar-state.js';
import type { DateOnly, Occurrence } from '../model.js';
import { renderEventButton } from './event-card.js';
import { dayLabel } from './format.js';
import { headingOf } from './headings.js';

/** A day with its events: a day of the list, or the day chosen under the grid (`day-events`). */
export function renderDay(
  state: CalendarController,
  date: DateOnly,
  occurrences: Occurrence[],
  id: string,
  extraClass = '',
): TemplateResult {
  const isToday = compareDates(date, state.today) === 0;
  const heading = headingOf(state, 1);
  return html`<section class="day ${extraClass}" part="day" aria-labelledby=${id}>
    ${staticHtml`<${heading} id=${id} class="day-title">
      ${dayLabel(date)} ${isToday ? html`<span class="today-badge">${msg('Today')}</span>` : nothing}
    </${heading}>`}
    ${
      occurrences.length === 0
        ? html`<p class="muted">${msg('No events on this day.')}</p>`
        : html`<ul class="events" role="list">
            ${occurrences.map((occurrence) => html`<li>${renderEventButton(state, occurrence, date)}</li>`)}
          </ul>`
    }
  </section>`;
}
