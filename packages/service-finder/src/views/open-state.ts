import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { getLocale, wallTimeToInstant } from '@open-city/core';
import { formatDateTime, formatDayTime, formatTime } from '../format.js';
import { notExpired, openState, sameDay, type Clock } from '../hours.js';
import type { Service } from '../model.js';

/** What a service's state line says: the badge and, when known, the next change. */
export interface OpenLine {
  kind: 'open' | 'closed' | 'unknown';
  badge: string;
  when?: string;
}

/** Less than six days ahead: a weekday alone says which day it is. */
const withinWeek = (instant: Date, clock: Clock) =>
  instant.getTime() - wallTimeToInstant({ ...clock.date, hour: 0, minute: 0, second: 0 }, clock.timeZone).getTime() <
  6 * 86_400_000;

/**
 * Each service's line, for the locale, zone and minute it was made for: a render of the results
 * (each keystroke) reuses it, and only a new minute, zone or language makes it again (the time-zone
 * arithmetic and the formatting are the costly part of a card).
 */
const lines = new WeakMap<Service, { key: string; line: OpenLine }>();

/** "Open now · Closes at 17:00", "Closed now · Opens Mon 08:00", or why it cannot say. */
export function openLine(service: Service, clock: Clock): OpenLine {
  const locale = getLocale();
  const key = `${locale}\n${clock.timeZone}\n${clock.today}\n${clock.minutes}`;
  const kept = lines.get(service);
  if (kept?.key === key) return kept.line;
  const line = makeLine(service, clock, locale);
  lines.set(service, { key, line });
  return line;
}

function makeLine(service: Service, clock: Clock, locale: string): OpenLine {
  if (service.status === 'temporarily closed') return { kind: 'closed', badge: msg('Temporarily closed') };
  if (notExpired(service.hours, clock).length === 0) return { kind: 'unknown', badge: msg('Opening hours not given') };
  const zone = clock.timeZone;
  const stateNow = openState(service.hours, clock);
  if (stateNow.open) {
    const { closesAt } = stateNow;
    return {
      kind: 'open',
      badge: msg('Open now'),
      when: closesAt
        ? sameDay(closesAt, clock)
          ? msg(str`Closes at ${formatTime(closesAt, locale, zone)}`)
          : msg(str`Closes ${formatDayTime(closesAt, locale, zone)}`)
        : msg('Open 24 hours'),
    };
  }
  const { opensAt } = stateNow;
  return {
    kind: 'closed',
    badge: msg('Closed now'),
    when: opensAt
      ? sameDay(opensAt, clock)
        ? msg(str`Opens at ${formatTime(opensAt, locale, zone)}`)
        : msg(str`Opens ${(withinWeek(opensAt, clock) ? formatDayTime : formatDateTime)(opensAt, locale, zone)}`)
      : undefined,
  };
}

/** The state line as shown on a card and in the detail. */
export function renderOpenState(service: Service, clock: Clock): TemplateResult {
  const { kind, badge, when } = openLine(service, clock);
  return html`<span class="badge ${kind}">${badge}</span>${when ? html` <span class="when">${when}</span>` : nothing}`;
}
