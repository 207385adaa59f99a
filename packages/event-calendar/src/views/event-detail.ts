import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg, str } from '@lit/localize';
import {
  addDays,
  compareDates,
  dateTimeFormat,
  directionOf,
  formatDateTimeRange,
  getLocale,
  numberFormat,
  renderIcon,
} from '@open-city/core';
import type { CalendarController } from '../calendar-state.js';
import { dateAsUtc } from '../dates.js';
import { icsFileName, occurrenceToIcs } from '../export-ics.js';
import type { EventInfo, EventPlace, Occurrence } from '../model.js';
import { languagesText, plainListText, zoneText } from './format.js';
import { headingOf } from './headings.js';
import { icons } from './icons.js';

/** One event in full: when, where, online, languages, price, audience, organizer; "Add to my calendar". */
export function renderDetail(state: CalendarController, occurrence: Occurrence): TemplateResult {
  const { event } = occurrence;
  const rtl = directionOf(getLocale()) === 'rtl';
  const heading = headingOf(state);
  // Escape goes back, as "Back to the calendar" does: focus returns to the event that was opened.
  const onKeydown = (keydown: KeyboardEvent) => {
    if (keydown.key !== 'Escape' || keydown.defaultPrevented) return;
    keydown.preventDefault();
    state.closeDetail();
  };
  return html`<article class="detail" part="detail" aria-labelledby="detail-title" @keydown=${onKeydown}>
    <button class="button back" type="button" @click=${() => state.closeDetail()}>
      ${renderIcon(rtl ? icons.next : icons.back)} ${msg('Back to the calendar')}
    </button>
    ${staticHtml`<${heading} id="detail-title" class="detail-title" tabindex="-1" dir="auto" lang=${event.titleLanguage ?? nothing}>${event.title}</${heading}>`}
    ${
      event.status === 'cancelled'
        ? html`<p class="cancelled-note" role="note"><strong>${msg('This event is cancelled.')}</strong></p>`
        : event.status === 'postponed'
          ? html`<p class="cancelled-note" role="note"><strong>${msg('This event is postponed.')}</strong></p>`
          : nothing
    }
    ${renderFacts(state, occurrence)}
    ${event.description ? html`<p class="description" dir="auto" lang=${event.descriptionLanguage ?? nothing}>${event.description}</p>` : nothing}
    <p class="actions">
      <a
        class="button"
        part="add-to-calendar"
        href=${state.download(() => occurrenceToIcs(occurrence, new Date(state.now)))}
        download=${icsFileName(occurrence, state.zone)}
      >
        ${renderIcon(icons.download)} ${msg('Add to my calendar')}
      </a>
      ${event.url ? html`<a class="button" href=${event.url} rel="noopener noreferrer" target="_blank">${msg('More information')}</a>` : nothing}
    </p>
  </article>`;
}

/** A term and its description, when there is something to say. */
const fact = (term: string, description: unknown) =>
  description
    ? html`<dt>${term}</dt>
        <dd>${description}</dd>`
    : nothing;

function renderFacts(state: CalendarController, occurrence: Occurrence): TemplateResult {
  const { event } = occurrence;
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The zone by its name in the page language ("Central European Time"), never "Europe/Warsaw".
  const zone = zoneText(state.zone, occurrence.start);
  return html`<dl>
    <dt>${msg('When')}</dt>
    <dd>
      ${whenText(occurrence, state.zone)}
      ${
        !occurrence.allDay && viewerZone !== state.zone
          ? html`<br /><span class="muted">${msg(str`Times are shown in this time zone: ${zone}.`)}</span>`
          : nothing
      }
    </dd>
    ${event.place ? fact(msg('Where'), renderPlace(event.place)) : nothing}
    ${
      event.onlineUrl
        ? fact(
            msg('Online'),
            html`<a href=${event.onlineUrl} rel="noopener noreferrer" target="_blank">${msg('Join online')}</a>`,
          )
        : nothing
    }
    ${event.languages.length ? fact(msg('Language'), languagesText(event.languages)) : nothing}
    ${fact(msg('Price'), priceText(event))} ${fact(msg('For whom'), plainListText(event.audiences))}
    ${fact(msg('Accessibility'), event.accessibility)}
    ${event.organizer && (event.organizer.name || event.organizer.email) ? fact(msg('Organizer'), renderOrganizer(event)) : nothing}
    ${fact(msg('Category'), plainListText(event.categories))}
  </dl>`;
}

/** The date and time in full, in the calendar's zone; an all-day event by its dates. */
function whenText(occurrence: Occurrence, zone: string): string {
  const locale = getLocale();
  if (occurrence.allDay && occurrence.startDate && occurrence.endDate) {
    const last = addDays(occurrence.endDate, -1);
    const format = { dateStyle: 'full', timeZone: 'UTC' } as const;
    return compareDates(last, occurrence.startDate) === 0
      ? `${dateTimeFormat(locale, format).format(dateAsUtc(last))} · ${msg('All day')}`
      : formatDateTimeRange(dateAsUtc(occurrence.startDate), dateAsUtc(last), locale, format);
  }
  const format = { dateStyle: 'full', timeStyle: 'short', timeZone: zone } as const;
  return occurrence.end > occurrence.start
    ? formatDateTimeRange(occurrence.start, occurrence.end, locale, format)
    : dateTimeFormat(locale, format).format(occurrence.start);
}

/** "Free", or the prices of its offers in the page locale. */
function priceText(event: EventInfo): string {
  if (event.free) return msg('Free');
  const locale = getLocale();
  const prices = event.offers
    .map((offer) =>
      offer.price !== undefined && offer.currency
        ? numberFormat(locale, { style: 'currency', currency: offer.currency }).format(offer.price)
        : offer.price !== undefined
          ? numberFormat(locale).format(offer.price)
          : offer.text,
    )
    .filter((price): price is string => Boolean(price));
  return plainListText(prices);
}

/** Name, address, and directions on OpenStreetMap (to the coordinates, else a search of the address). */
function renderPlace(place: EventPlace): TemplateResult {
  const directions =
    place.latitude !== undefined && place.longitude !== undefined
      ? `https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}`
      : place.address
        ? `https://www.openstreetmap.org/search?query=${encodeURIComponent([place.name, place.address].filter(Boolean).join(', '))}`
        : undefined;
  return html`${place.name ? html`<bdi>${place.name}</bdi>` : nothing}
  ${place.address ? html`<br /><bdi>${place.address}</bdi>` : nothing}
  ${
    directions
      ? html`<br /><a href=${directions} rel="noopener noreferrer" target="_blank"
            >${renderIcon(icons.place)} ${msg('Directions (map)')}</a
          >`
      : nothing
  }`;
}

function renderOrganizer(event: EventInfo): TemplateResult {
  const { name, url, email, phone } = event.organizer ?? {};
  return html`${
    url ? html`<a href=${url} rel="noopener noreferrer" target="_blank">${name ?? url}</a>` : (name ?? nothing)
  }
  ${email ? html`<br /><a href=${`mailto:${email}`}>${email}</a>` : nothing}
  ${phone ? html`<br /><a href=${`tel:${phone.replace(/[^\d+]/g, '')}`}>${phone}</a>` : nothing}`;
}
