import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import {
  compareDates,
  dateTimeFormat,
  directionOf,
  getLocale,
  isoDate,
  numberFormat,
  renderIcon,
} from '@open-city/core';
import { dayAfterKey, groupByDay, monthWeeks, weekStart } from '../calendar.js';
import type { CalendarController } from '../calendar-state.js';
import { dateAsUtc } from '../dates.js';
import { cancelledCountText, eventCountText, moreText } from '../messages.js';
import type { DateOnly, Occurrence } from '../model.js';
import { renderChip } from './chip.js';
import { renderDay } from './day.js';
import { renderEmpty } from './empty.js';
import { icons } from './icons.js';

/**
 * The month as one ARIA grid (roving tabindex on the active day), the active day's events under
 * it, and the empty state when none of the month's `total` events pass the filters.
 */
export function renderMonth(state: CalendarController, shown: Occurrence[], total: number): TemplateResult {
  const { month } = state;
  const weeks = monthWeeks(month, weekStart(getLocale()));
  const byDay = groupByDay(shown, state.zone);
  const activeDate = state.activeDate;
  const active = weeks.flat().some((day) => compareDates(day, activeDate) === 0) ? activeDate : { ...month, day: 1 };
  const cell = cellRenderer(state, byDay, active);
  return html`<div class="month">
      <p id="grid-help" class="visually-hidden">
        ${msg('Arrow keys move between days, Page Up and Page Down change the month. Press Enter to go to the events of a day.')}
      </p>
      <table
        role="grid"
        part="grid"
        aria-labelledby="title"
        aria-describedby="grid-help"
        @keydown=${(event: KeyboardEvent) => onGridKeydown(state, event)}
      >
        ${renderWeekdays(weeks[0])}
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map(cell)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${renderDay(state, active, byDay.get(isoDate(active)) ?? [], 'day-title', 'day-events')}
    ${shown.length === 0 ? renderEmpty(state, total > 0) : nothing}`;
}

/** The grid's column headers: short weekday names, with the long ones for screen readers. */
function renderWeekdays(week: DateOnly[]): TemplateResult {
  const locale = getLocale();
  const weekdayLong = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const weekdayShort = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return html`<thead>
    <tr>
      ${week.map(
        (day) =>
          html`<th scope="col">
            <span aria-hidden="true">${weekdayShort.format(dateAsUtc(day))}</span>
            <span class="visually-hidden">${weekdayLong.format(dateAsUtc(day))}</span>
          </th>`,
      )}
    </tr>
  </thead>`;
}

/** Draws each day cell: its number, up to three event chips (a dot when narrow), its label. */
function cellRenderer(state: CalendarController, byDay: Map<string, Occurrence[]>, active: DateOnly) {
  const locale = getLocale();
  const { month, today } = state;
  const cellLabel = dateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const dayNumber = numberFormat(locale);
  return (day: DateOnly): TemplateResult => {
    const events = byDay.get(isoDate(day)) ?? [];
    const isActive = compareDates(day, active) === 0;
    const isToday = compareDates(day, today) === 0;
    const classes = [
      'cell',
      day.month !== month.month ? 'outside' : '',
      isToday ? 'today' : '',
      isActive ? 'active' : '',
      events.length ? 'has-events' : '',
    ];
    return html`<td
      part="cell"
      class=${classes.join(' ')}
      tabindex=${isActive ? '0' : '-1'}
      aria-selected=${isActive ? 'true' : 'false'}
      aria-current=${isToday ? 'date' : nothing}
      data-date=${isoDate(day)}
      @click=${() => state.goToDate(day, true)}
    >
      <span class="day-number" aria-hidden="true">${dayNumber.format(day.day)}</span>
      <span class="visually-hidden"
        >${cellLabel.format(dateAsUtc(day))}${isToday ? `, ${msg('Today')}` : ''},
        ${eventCountText(events.length)}</span
      >
      ${events.length ? renderChips(state, events) : nothing}
    </td>`;
  };
}

/**
 * The first three events of a day, "+n more", and what a narrow grid shows instead: a dot, and a
 * crossed-out mark with the number of cancelled events in words (the chips that say so are hidden).
 */
function renderChips(state: CalendarController, events: Occurrence[]): TemplateResult {
  const cancelled = events.filter((occurrence) => occurrence.event.status === 'cancelled').length;
  return html`<ul class="chips" role="presentation">
      ${events.slice(0, 3).map((occurrence) => renderChip(state, occurrence))}
      ${events.length > 3 ? html`<li role="presentation" class="more">${moreText(events.length - 3)}</li>` : nothing}
    </ul>
    <span class="dot" aria-hidden="true"></span>
    ${
      cancelled
        ? html`<span class="dot-cancelled"
            >${renderIcon(icons.cancelled)}<span class="visually-hidden">${cancelledCountText(cancelled)}</span></span
          >`
        : nothing
    }`;
}

function onGridKeydown(state: CalendarController, event: KeyboardEvent): void {
  const cell = (event.target as HTMLElement).closest('td');
  if (!cell?.dataset.date) return;
  const [year, month, day] = cell.dataset.date.split('-').map(Number);
  const current = { year, month, day };
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    state.showDayEvents(current);
    return;
  }
  const locale = getLocale();
  const next = dayAfterKey(current, event.key, {
    shiftKey: event.shiftKey,
    rtl: directionOf(locale) === 'rtl',
    firstDay: weekStart(locale),
  });
  if (!next) return;
  event.preventDefault();
  state.goToDate(next, true);
}
