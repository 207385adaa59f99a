import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { getLocale, renderIcon } from '@open-city/core';
import { endonym, formatDistance } from '../format.js';
import type { Clock } from '../hours.js';
import type { Service } from '../model.js';
import { icons } from './icons.js';
import { renderOpenState } from './open-state.js';

/** One result: name (opens the detail), organization, open now, alert, address, cost, languages. */
export function renderCard(
  service: Service,
  distance: number | undefined,
  clock: Clock,
  onOpen: (service: Service) => void,
): TemplateResult {
  const locale = getLocale();
  const place = service.places.find((p) => p.address) ?? service.places[0];
  const languages = service.languages.slice(0, 4);
  return html`<li class="card" part="card">
    <h3>
      <button class="card-title" type="button" dir="auto" data-id=${service.id} @click=${() => onOpen(service)}>
        ${service.name}
      </button>
    </h3>
    ${service.organization ? html`<p class="org" dir="auto">${service.organization.name}</p>` : nothing}
    <p class="state">${renderOpenState(service, clock)}</p>
    ${service.alert ? html`<p class="alert">${renderIcon(icons.alert)}<span dir="auto">${service.alert}</span></p>` : nothing}
    <ul class="facts" role="list">
      ${
        place?.address
          ? html`<li>
              <span dir="auto">${place.address.street}</span>${
                distance !== undefined
                  ? html` · <span class="distance">${formatDistance(distance, locale)}</span>`
                  : nothing
              }
            </li>`
          : nothing
      }
      ${service.cost === 'free' ? html`<li class="free">${msg('Free of charge')}</li>` : nothing}
      ${
        languages.length > 0
          ? html`<li>
              <span class="visually-hidden">${msg('Languages:')}</span>
              ${languages.map(
                (language, i) =>
                  html`${i > 0 ? ', ' : ''}<span lang=${language.code}>${endonym(language.code, language.name)}</span>`,
              )}${service.languages.length > languages.length ? ` +${service.languages.length - languages.length}` : ''}
            </li>`
          : nothing
      }
    </ul>
  </li>`;
}
