import { html, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { directionOf, getLocale, renderIcon } from '@open-city/core';
import type { CalendarController } from '../calendar-state.js';
import { monthLabel } from './format.js';
import { headingOf } from './headings.js';
import { icons } from './icons.js';

/** Month navigation (previous, the month shown, next, today) and the choice of view. */
export function renderToolbar(state: CalendarController): TemplateResult {
  const rtl = directionOf(getLocale()) === 'rtl';
  const view = state.shownView;
  const heading = headingOf(state);
  return html`<div class="toolbar" part="toolbar">
    <div class="month-nav">
      <button
        class="button icon-button"
        type="button"
        @click=${() => state.changeMonth(-1)}
        aria-label=${msg('Previous month')}
      >
        ${renderIcon(rtl ? icons.next : icons.previous)}
      </button>
      ${staticHtml`<${heading} id="title" class="month-title" part="title" tabindex="-1">${monthLabel(state.month)}</${heading}>`}
      <button
        class="button icon-button"
        type="button"
        @click=${() => state.changeMonth(1)}
        aria-label=${msg('Next month')}
      >
        ${renderIcon(rtl ? icons.previous : icons.next)}
      </button>
      <button class="button" type="button" @click=${() => state.goToToday()}>${msg('Today')}</button>
    </div>
    <div class="views" role="group" aria-label=${msg('View')}>
      <button
        class="button view-button"
        type="button"
        aria-pressed=${String(view === 'list')}
        @click=${() => state.chooseView('list')}
      >
        ${msg('List')}
      </button>
      <button
        class="button view-button"
        type="button"
        aria-pressed=${String(view === 'month')}
        @click=${() => state.chooseView('month')}
      >
        ${msg('Month')}
      </button>
    </div>
  </div>`;
}
