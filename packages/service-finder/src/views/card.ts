import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { getLocale, headingTag, renderIcon } from '@open-city/core';
import { endonym, formatCount, formatDistance, listParts } from '../format.js';
import type { Clock } from '../hours.js';
import type { Language, Service } from '../model.js';
import { icons } from './icons.js';
import { renderOpenState } from './open-state.js';

/** A list of languages as shown: each name with its language, and the separators between them. */
type LanguageParts = Array<{ value: string; code?: string }>;

function languageParts(languages: readonly Language[], locale: string): LanguageParts {
  const names = languages.map((language) => endonym(language.code, language.name, locale));
  let index = 0;
  return listParts(names, locale).map((part) =>
    part.type === 'element' ? { value: part.value, code: languages[index++].code } : { value: part.value },
  );
}

/**
 * Languages by their own names, each isolated in its own direction and language (`<bdi lang>`),
 * with the reader's locale's separators between them: "English, فارسی, العربية" reads right in
 * Arabic and in English alike.
 */
const renderParts = (parts: LanguageParts) =>
  parts.map(({ value, code }) => (code === undefined ? html`${value}` : html`<bdi lang=${code}>${value}</bdi>`));

/** A card's language names, per service and locale: made once, not on every render of the results. */
const cardLanguages = new WeakMap<Service, { locale: string; parts: LanguageParts }>();

function cardLanguageParts(service: Service, locale: string): LanguageParts {
  const kept = cardLanguages.get(service);
  if (kept?.locale === locale) return kept.parts;
  const parts = languageParts(service.languages.slice(0, 4), locale);
  cardLanguages.set(service, { locale, parts });
  return parts;
}

/**
 * One result: name (opens the detail), organization, open now, alert, address, cost, languages.
 * The name is a heading one level below the widget's `heading-level`.
 */
export function renderCard(
  service: Service,
  distance: number | undefined,
  clock: Clock,
  onOpen: (service: Service) => void,
  headingLevel = 2,
): TemplateResult {
  const locale = getLocale();
  const place = service.places.find((p) => p.address) ?? service.places[0];
  const languages = service.languages.slice(0, 4);
  const more = service.languages.length - languages.length;
  const heading = headingTag(headingLevel, 1);
  return html`<li class="card" part="card">
    ${staticHtml`<${heading} class="card-heading">${html`<button
      class="card-title"
      type="button"
      dir="auto"
      data-id=${service.id}
      @click=${() => onOpen(service)}
    >
      ${service.name}
    </button>`}</${heading}>`}
    ${service.organization ? html`<p class="org" dir="auto">${service.organization.name}</p>` : nothing}
    <p class="state">${renderOpenState(service, clock)}</p>
    ${service.alert ? html`<p class="alert">${renderIcon(icons.alert)}<span dir="auto">${service.alert}</span></p>` : nothing}
    <ul class="facts" role="list">
      ${
        place?.address
          ? html`<li class="where">
              <bdi class="address" dir="auto">${place.address.street}</bdi>${
                distance !== undefined
                  ? html` · <bdi class="distance">${formatDistance(distance, locale)}</bdi>`
                  : nothing
              }
            </li>`
          : nothing
      }
      ${service.cost === 'free' ? html`<li class="free">${msg('Free of charge')}</li>` : nothing}
      ${
        languages.length > 0
          ? html`<li class="languages">
              <span class="visually-hidden">${msg('Languages:')}</span>
              ${renderParts(cardLanguageParts(service, locale))}${more > 0 ? html` <bdi>+${formatCount(more, locale)}</bdi>` : nothing}
            </li>`
          : nothing
      }
    </ul>
  </li>`;
}
