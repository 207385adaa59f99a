import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CalendarController } from '../calendar-state.js';
import { clearFiltersFrom, nextMonthFrom } from './keep-focus.js';

/** No events to show: because of the filters (`filtered`, with a way to clear them) or in this month. */
export function renderEmpty(state: CalendarController, filtered: boolean): TemplateResult {
  return html`<div class="empty" part="empty">
    <p>${filtered ? msg('No events match your search and filters.') : msg('No events in this month.')}</p>
    ${
      filtered
        ? html`<button class="button" type="button" @click=${(click: Event) => clearFiltersFrom(state, click)}>
            ${msg('Clear filters')}
          </button>`
        : nothing
    }
    <button class="button" type="button" @click=${(click: Event) => nextMonthFrom(state, click)}>
      ${msg('Next month')}
    </button>
  </div>`;
}
