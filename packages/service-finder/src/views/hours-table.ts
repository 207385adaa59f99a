import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { firstDayOfWeek, getLocale } from '@open-city/core';
import { formatClockRange, weekdayName } from '../format.js';
import { weekTable, type Clock } from '../hours.js';
import type { OpeningPeriod } from '../model.js';

/** The week's opening hours, from the locale's first day of the week, today marked. */
export function renderHours(hours: OpeningPeriod[], clock: Clock): TemplateResult | typeof nothing {
  if (hours.length === 0) return nothing;
  const locale = getLocale();
  const table = weekTable(hours);
  const today = clock.weekday;
  const first = firstDayOfWeek(locale);
  const days = Array.from({ length: 7 }, (_, i) => ((first - 1 + i) % 7) + 1);
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
                      html`${i > 0 ? html`<br />` : nothing}${
                        period.opens === period.closes
                          ? msg('Open 24 hours')
                          : formatClockRange(period.opens, period.closes, locale)
                      }`,
                  )
            }
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
