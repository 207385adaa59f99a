import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderIcon } from '@open-city/core';
import type { CalendarController } from '../calendar-state.js';
import type { Occurrence } from '../model.js';
import { icons } from './icons.js';

/**
 * An event in a day cell of the month grid (a pointer shortcut: the keyboard goes through the
 * cell and the day's events under the grid). The title takes its own direction (`dir="auto"`), so
 * a Latin title in an Arabic grid is cut at its end, never at its start; a cancelled event says so
 * in words to screen readers and with a crossed-out mark, not by colour or strikethrough alone.
 */
export function renderChip(state: CalendarController, occurrence: Occurrence): TemplateResult {
  const { event } = occurrence;
  const cancelled = event.status === 'cancelled';
  return html`<li
    role="presentation"
    class="chip ${cancelled ? 'cancelled' : ''}"
    data-key=${occurrence.key}
    @click=${(click: Event) => {
      click.stopPropagation();
      state.open(occurrence);
    }}
  >
    ${cancelled ? html`${renderIcon(icons.cancelled)}<span class="visually-hidden">${msg('Cancelled')}:</span>` : nothing}
    <span class="chip-text" dir="auto" lang=${event.titleLanguage ?? nothing}>${event.title}</span>
  </li>`;
}
