import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { getLocale, wallTimeToInstant } from '@open-city/core';
import { formatDateTime, formatDayTime, formatTime } from '../format.js';
import { notExpired, openState, sameDay, type Clock } from '../hours.js';
import type { Service } from '../model.js';

/** Less than six days ahead: a weekday alone says which day it is. */
const withinWeek = (instant: Date, clock: Clock) =>
  instant.getTime() - wallTimeToInstant({ ...clock.date, hour: 0, minute: 0, second: 0 }, clock.timeZone).getTime() <
  6 * 86_400_000;

/** "Open now · Closes at 17:00", "Closed now · Opens Mon 08:00", or why it cannot say. */
export function renderOpenState(service: Service, clock: Clock): TemplateResult {
  if (service.status === 'temporarily closed') {
    return html`<span class="badge closed">${msg('Temporarily closed')}</span>`;
  }
  if (notExpired(service.hours, clock).length === 0) {
    return html`<span class="badge unknown">${msg('Opening hours not given')}</span>`;
  }
  const locale = getLocale();
  const zone = clock.timeZone;
  const stateNow = openState(service.hours, clock);
  if (stateNow.open) {
    const { closesAt } = stateNow;
    return html`<span class="badge open">${msg('Open now')}</span> ${
        closesAt
          ? html`<span class="when"
              >${
                sameDay(closesAt, clock)
                  ? msg(str`Closes at ${formatTime(closesAt, locale, zone)}`)
                  : msg(str`Closes ${formatDayTime(closesAt, locale, zone)}`)
              }</span
            >`
          : html`<span class="when">${msg('Open 24 hours')}</span>`
      }`;
  }
  const { opensAt } = stateNow;
  return html`<span class="badge closed">${msg('Closed now')}</span> ${
      opensAt
        ? html`<span class="when"
            >${
              sameDay(opensAt, clock)
                ? msg(str`Opens at ${formatTime(opensAt, locale, zone)}`)
                : msg(
                    str`Opens ${(withinWeek(opensAt, clock) ? formatDayTime : formatDateTime)(opensAt, locale, zone)}`,
                  )
            }</span
          >`
        : nothing
    }`;
}
