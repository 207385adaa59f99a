import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { msg } from '@lit/localize';
import { getLocale, headingTag, renderIcon } from '@open-city/core';
import { formatIsoDate } from '../format.js';
import { notExpired, type Clock } from '../hours.js';
import type { Service } from '../model.js';
import {
  renderAccessibility,
  renderContact,
  renderCost,
  renderLanguages,
  renderPlaces,
  newTab,
  section,
} from './detail-sections.js';
import { renderHours } from './hours-table.js';
import { icons } from './icons.js';
import { renderOpenState } from './open-state.js';

/**
 * One service in full; Back (or Escape) returns to the results. Its name is a heading at the
 * widget's `heading-level`.
 */
export function renderDetail(service: Service, clock: Clock, onBack: () => void, headingLevel = 2): TemplateResult {
  const categories = service.categories
    .filter((category) => !service.categories.some((other) => other.parentId === category.id))
    .map((category) => category.name);
  const heading = headingTag(headingLevel);
  return html`<article
    class="detail"
    part="detail"
    aria-labelledby="detail-title"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && onBack()}
  >
    <button class="button back" type="button" @click=${() => onBack()}>
      ${renderIcon(icons.back)}<span>${msg('Back to results')}</span>
    </button>
    ${staticHtml`<${heading} id="detail-title" class="detail-title" tabindex="-1" dir="auto">${service.name}</${heading}>`}
    ${service.alternateName ? html`<p class="alt" dir="auto">${service.alternateName}</p>` : nothing}
    ${
      service.organization
        ? html`<p class="org" dir="auto">
            ${
              service.organization.url
                ? html`<a href=${service.organization.url} rel="noopener" target="_blank"
                    >${service.organization.name}${newTab()}</a
                  >`
                : service.organization.name
            }
          </p>`
        : nothing
    }
    <p class="state">${renderOpenState(service, clock)}</p>
    ${service.alert ? html`<p class="alert" role="note">${renderIcon(icons.alert)}<span dir="auto">${service.alert}</span></p>` : nothing}
    ${
      categories.length > 0
        ? html`<p class="categories">
            ${categories.map((name, i) => html`${i > 0 ? ' · ' : nothing}<bdi>${name}</bdi>`)}
          </p>`
        : nothing
    }
    ${service.description ? html`<p class="description" dir="auto">${service.description}</p>` : nothing}
    <dl>
      ${service.places.length > 0 ? section(msg('Address'), renderPlaces(service.places)) : nothing}
      ${
        notExpired(service.hours, clock).length > 0 || service.hoursNotes.length > 0
          ? section(
              msg('Opening hours'),
              html`${renderHours(service.hours, clock)}
              ${service.hoursNotes.map((note) => html`<p dir="auto">${note}</p>`)}`,
            )
          : nothing
      }
      ${renderContact(service)} ${renderLanguages(service)}
      ${service.interpretation ? section(msg('Interpreting'), service.interpretation) : nothing} ${renderCost(service)}
      ${service.eligibility ? section(msg('Who can use it'), service.eligibility) : nothing}
      ${service.applicationProcess ? section(msg('How to apply'), service.applicationProcess) : nothing}
      ${
        service.requiredDocuments.length > 0
          ? section(
              msg('Documents to bring'),
              html`<ul>
                ${service.requiredDocuments.map((d) => html`<li dir="auto">${d}</li>`)}
              </ul>`,
            )
          : nothing
      }
      ${renderAccessibility(service)}
      ${
        service.assuredDate
          ? section(
              msg('Last checked'),
              html`<time datetime=${service.assuredDate}>${formatIsoDate(service.assuredDate, getLocale())}</time>`,
            )
          : nothing
      }
    </dl>
  </article>`;
}
