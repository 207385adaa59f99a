import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { getLocale } from '@open-city/core';
import { endonym, languageInLocale } from '../format.js';
import type { Place, Service } from '../model.js';

/** A term and its description; plain text (from the feed) gets its own direction. */
export function section(term: string, content: unknown): TemplateResult {
  const body = typeof content === 'string' ? html`<p dir="auto">${content}</p>` : content;
  return html`<div class="section">
    <dt>${term}</dt>
    <dd>${body}</dd>
  </div>`;
}

/** Said to screen readers after a link that opens in a new tab. */
export function newTab(): TemplateResult {
  return html`<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span>`;
}

/**
 * Each place: its name and address, each in its own direction (a Polish street in an Arabic page
 * reads left to right, in its place), and a link to directions on OpenStreetMap.
 */
export function renderPlaces(places: Place[]): TemplateResult[] {
  return places.map((place) => {
    const directions = directionsUrl(place);
    return html`<div class="place">
      ${place.name ? html`<div dir="auto">${place.name}</div>` : nothing}
      ${
        place.address
          ? html`<div class="address" dir="auto">
              ${place.address.street}${
                place.address.postalCode || place.address.city
                  ? html`, ${[place.address.postalCode, place.address.city].filter(Boolean).join(' ')}`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        directions
          ? html`<a class="directions" href=${directions} rel="noopener" target="_blank"
              >${msg('Directions')}${newTab()}</a
            >`
          : nothing
      }
    </div>`;
  });
}

/** Phones (as `tel:` links), e-mail and website. */
export function renderContact(service: Service): TemplateResult {
  return html`${
    service.phones.length > 0
      ? section(
          msg('Phone'),
          html`<ul role="list">
            ${service.phones.map(
              (phone) =>
                html`<li>
                  ${phone.tel ? html`<a href="tel:${phone.tel}" dir="ltr">${phone.display}</a>` : html`<span dir="auto">${phone.display}</span>`}
                  ${phone.description ? html` — <span class="muted" dir="auto">${phone.description}</span>` : nothing}
                </li>`,
            )}
          </ul>`,
        )
      : nothing
  }
  ${service.email ? section(msg('Email'), html`<a href="mailto:${service.email}" dir="ltr">${service.email}</a>`) : nothing}
  ${
    service.url
      ? section(
          msg('Website'),
          html`<a href=${service.url} rel="noopener" target="_blank"
            ><bdi dir="ltr">${displayUrl(service.url)}</bdi>${newTab()}</a
          >`,
        )
      : nothing
  }`;
}

/** Each language by its own name, and the reader's name for it when that differs. */
export function renderLanguages(service: Service): TemplateResult | typeof nothing {
  if (service.languages.length === 0) return nothing;
  const locale = getLocale();
  return section(
    msg('Languages spoken'),
    html`<ul role="list" class="inline-list">
      ${service.languages.map((language) => {
        const own = endonym(language.code, language.name, locale);
        const local = languageInLocale(language.code, locale, language.name);
        return html`<li>
          <bdi lang=${language.code}>${own}</bdi>${
            local !== own ? html` <span class="muted">(<bdi>${local}</bdi>)</span>` : nothing
          }${language.note ? html` <span class="muted">— <bdi>${language.note}</bdi></span>` : nothing}
        </li>`;
      })}
    </ul>`,
  );
}

export function renderCost(service: Service): TemplateResult {
  return section(
    msg('Cost'),
    html`<p>${costText(service)}</p>
      ${
        service.costDetails.length > 0
          ? html`<ul role="list">
              ${service.costDetails.map((line) => html`<li dir="auto">${line}</li>`)}
            </ul>`
          : nothing
      }`,
  );
}

export function renderAccessibility(service: Service): TemplateResult {
  return section(
    msg('Accessibility'),
    service.accessible
      ? html`<ul>
          ${[...new Set(service.places.flatMap((p) => p.accessibility))].map((a) => html`<li dir="auto">${a}</li>`)}
        </ul>`
      : msg('No information on accessibility.'),
  );
}

/** Directions to a place on OpenStreetMap: to its coordinates, else a search for its address. */
function directionsUrl(place: Place): string | undefined {
  if (place.latitude !== undefined && place.longitude !== undefined) {
    return `https://www.openstreetmap.org/directions?route=%3B${place.latitude}%2C${place.longitude}`;
  }
  if (place.address) {
    const query = [place.address.street, place.address.postalCode, place.address.city].filter(Boolean).join(', ');
    return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
  }
  return undefined;
}

function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

function costText(service: Service): string {
  switch (service.cost) {
    case 'free':
      return msg('Free of charge');
    case 'paid':
      return msg('There is a charge.');
    default:
      return msg('Ask about the cost.');
  }
}
