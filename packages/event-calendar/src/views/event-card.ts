import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CalendarController } from '../calendar-state.js';
import type { DateOnly, Occurrence } from '../model.js';
import { languagesText, timeText } from './format.js';

/** One event as a button that opens its detail: time (on `day`), title, place, languages, marks. */
export function renderEventButton(state: CalendarController, occurrence: Occurrence, day?: DateOnly): TemplateResult {
  const { event } = occurrence;
  const cancelled = event.status === 'cancelled';
  const where = event.place?.name ?? (event.onlineUrl ? msg('Online') : undefined);
  return html`<button
    class="event ${cancelled ? 'cancelled' : ''}"
    part="event"
    type="button"
    data-key=${occurrence.key}
    @click=${() => state.open(occurrence)}
  >
    <span class="time">${timeText(occurrence, state.zone, day)}</span>
    <span class="title">
      ${cancelled ? html`<span class="badge badge-cancelled">${msg('Cancelled')}</span>` : nothing}
      <span class="title-text" dir="auto" lang=${event.titleLanguage ?? nothing}>${event.title}</span>
    </span>
    <span class="meta">
      ${where ? html`<span dir="auto">${where}</span>` : nothing}
      ${event.languages.length ? html`<span>${languagesText(event.languages)}</span>` : nothing}
      ${event.free ? html`<span class="badge">${msg('Free')}</span>` : nothing}
    </span>
  </button>`;
}
