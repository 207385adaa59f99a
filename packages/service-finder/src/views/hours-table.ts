import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { firstDayOfWeek, getLocale } from '@open-city/core';
import { weekdayName } from '../format.js';
import { isFuture, notExpired, weekTable, type Clock } from '../hours.js';
import type { OpeningPeriod } from '../model.js';
import { fromDateText, periodText, periodTimesText, untilDateText } from './hours-text.js';

/**
 * The opening hours in force: the weekly ones as a table of the week from the locale's first day,
 * today marked; the others (monthly, every n weeks) in words; then the hours to come, under "From
 * <date>". Expired ones are left out; each schedule's notes are shown with its hours.
 */
export function renderHours(hours: OpeningPeriod[], clock: Clock): TemplateResult | typeof nothing {
  const live = notExpired(hours, clock);
  if (live.length === 0) return nothing;
  const current = live.filter((period) => !isFuture(period, clock));
  const future = live.filter((period) => isFuture(period, clock));
  const weekly = current.filter((period) => !period.rule);
  const other = current.filter((period) => period.rule);
  const starts = [...new Set(future.map((period) => period.validFrom!))].sort();
  return html`${weekly.length > 0 ? renderWeek(weekly, clock) : nothing}
  ${other.length > 0 ? renderPeriods(other, 'hours-rules') : nothing}
  ${starts.map(
    (start) =>
      html`<div class="hours-future">
        <p class="hours-from">${fromDateText(start, getLocale())}</p>
        ${renderPeriods(
          future.filter((period) => period.validFrom === start),
          'hours-rules',
        )}
      </div>`,
  )}`;
}

/** Periods in words, each with its notes and its last day. */
function renderPeriods(periods: OpeningPeriod[], className: string): TemplateResult {
  const locale = getLocale();
  return html`<ul class=${className} role="list">
    ${periods.map(
      (period) =>
        html`<li>
          ${periodText(period, locale)}${renderUntil(period)}${
            period.notes ? html`<span class="muted hours-note" dir="auto">${period.notes}</span>` : nothing
          }
        </li>`,
    )}
  </ul>`;
}

function renderUntil(period: OpeningPeriod) {
  return period.validTo ? html` <span class="muted">(${untilDateText(period.validTo, getLocale())})</span>` : nothing;
}

function renderWeek(hours: OpeningPeriod[], clock: Clock): TemplateResult {
  const locale = getLocale();
  const table = weekTable(hours);
  const today = clock.weekday;
  const first = firstDayOfWeek(locale);
  const days = Array.from({ length: 7 }, (_, i) => ((first - 1 + i) % 7) + 1);
  const notes = [...new Set(hours.map((period) => period.notes).filter((note): note is string => Boolean(note)))];
  return html`<table class="hours" part="hours">
      <caption class="visually-hidden">
        ${msg('Opening hours')}
      </caption>
      <tbody>
        ${days.map((day) => {
          const periods = table.get(day) ?? [];
          return html`<tr class=${day === today ? 'today' : ''} aria-current=${day === today ? 'date' : nothing}>
            <th scope="row">
              ${weekdayName(day, locale)}${day === today ? html` <span class="muted">(${msg('today')})</span>` : nothing}
            </th>
            <td>
              ${
                periods.length === 0
                  ? msg('Closed')
                  : periods.map(
                      (period, i) =>
                        html`${i > 0 ? html`<br />` : nothing}${periodTimesText(period, locale)}${renderUntil(period)}`,
                    )
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${notes.map((note) => html`<p class="hours-note" dir="auto">${note}</p>`)}`;
}
