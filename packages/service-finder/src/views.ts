/**
 * The finder as people see it: search and filters, the list of cards, the empty state and the detail
 * view. Loaded after the element (see loadViews in oc-service-finder.ts) together with the parser
 * and the search, which only matter once there is data.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { firstDayOfWeek, getLocale, renderIcon } from '@open-city/core';
import type { OpeningPeriod, Service } from './model.js';
import { activeFilters, categoryTree, find, loosenings, type FilterName, type Found, type Prepared } from './finder.js';
import { clockAt, openState, sameDay, weekTable } from './hours.js';
import {
  endonym,
  formatClockRange,
  formatDayTime,
  formatDistance,
  formatIsoDate,
  formatTime,
  languageInLocale,
  languageLabel,
  weekdayName,
} from './format.js';
import type { OcServiceFinder } from './oc-service-finder.js';

// The element calls these once the views are in (they need not be in its first download).
export { loadAllPages, parseServices } from './parse.js';
export { find, prepare, withoutFilter } from './finder.js';
export { serviceFinderStyles as styles } from './oc-service-finder.styles.js';

const icons = {
  search: svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`,
  near: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  alert: svg`<path d="M12 3 2 20h20L12 3z"/><path d="M12 10v4M12 17h.01"/>`,
};

export function renderList(host: OcServiceFinder, prepared: Prepared): TemplateResult {
  const found = find(prepared, host.filters, host.nowValue, host.zone, host.position);
  const total = found.services.length;
  const visible = found.services.slice(0, host.shown);
  return html`${renderSearch(host, prepared)} ${renderGeoMessage(host)}
    <p class="count" part="status" role="status">${resultCountText(total)}</p>
    ${renderChips(host, prepared)}
    ${
      total === 0
        ? renderEmpty(host, prepared)
        : html`<ul class="results" part="list" role="list" aria-label=${msg('Services')}>
              ${visible.map((service) => renderCard(host, service, found))}
            </ul>
            ${
              total > visible.length
                ? html`<div class="more">
                    <p class="shown">${shownText(visible.length, total)}</p>
                    <button class="button" part="more" type="button" @click=${() => host.showMore(found)}>
                      ${msg('Show more')}
                    </button>
                  </div>`
                : nothing
            }`
    }
    ${
      prepared.directory.skipped > 0
        ? html`<p class="note">${msg('Some entries of this directory could not be read and are not shown.')}</p>`
        : nothing
    }`;
}

export function renderSearch(host: OcServiceFinder, prepared: Prepared): TemplateResult {
  const locale = getLocale();
  const { filters } = host;
  const languages = [...new Set(prepared.directory.services.flatMap((s) => s.languages.map((l) => l.code)))]
    .map((code) => ({ code, label: languageLabel(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const tree = categoryTree(prepared.directory);
  return html`<form class="search" part="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
    <div class="query">
      <label for="q">${msg('Search services')}</label>
      <div class="query-field">
        ${renderIcon(icons.search)}
        <input
          id="q"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          .value=${filters.query}
          placeholder=${msg('For example: residence permit, doctor, Polish course')}
          @input=${(e: Event) => host.setFilters({ query: (e.target as HTMLInputElement).value })}
        />
      </div>
    </div>
    <div class="filters" part="filters">
      <div class="field">
        <label for="category">${msg('Category')}</label>
        <select
          id="category"
          @change=${(e: Event) => host.setFilters({ category: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="" ?selected=${!filters.category}>${msg('All categories')}</option>
          ${tree.map(
            ({ category, depth, count }) =>
              html`<option value=${category.id} ?selected=${filters.category === category.id}>
                ${'\u00a0\u00a0\u00a0'.repeat(depth)}${category.name} (${count})
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="language">${msg('Language spoken')}</label>
        <select
          id="language"
          @change=${(e: Event) => host.setFilters({ language: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="" ?selected=${!filters.language}>${msg('Any language')}</option>
          ${languages.map(
            ({ code, label }) =>
              html`<option value=${code} lang=${code} ?selected=${filters.language === code}>${label}</option>`,
          )}
        </select>
      </div>
      <fieldset class="toggles">
        <legend class="visually-hidden">${msg('Show only')}</legend>
        ${renderToggle(host, 'free', msg('Free of charge'), filters.free)}
        ${renderToggle(host, 'openNow', msg('Open now'), filters.openNow)}
        ${renderToggle(host, 'accessible', msg('Accessible location'), filters.accessible)}
      </fieldset>
      <button
        class="button near"
        type="button"
        aria-pressed=${host.geoStatus === 'on' || host.geoStatus === 'locating' ? 'true' : 'false'}
        @click=${() => host.toggleNear()}
      >
        ${renderIcon(icons.near)}<span>${msg('Near me')}</span>
      </button>
    </div>
  </form>`;
}

export function renderToggle(
  host: OcServiceFinder,
  name: 'free' | 'openNow' | 'accessible',
  label: string,
  checked: boolean | undefined,
) {
  return html`<label class="toggle">
    <input
      type="checkbox"
      name=${name}
      .checked=${Boolean(checked)}
      @change=${(e: Event) => host.setFilters({ [name]: (e.target as HTMLInputElement).checked || undefined })}
    />
    <span>${label}</span>
  </label>`;
}

export function renderGeoMessage(host: OcServiceFinder): TemplateResult | typeof nothing {
  switch (host.geoStatus) {
    case 'locating':
      return html`<p class="geo" role="status">${msg('Finding your location…')}</p>`;
    case 'on':
      return html`<p class="geo" role="status">${msg('Sorted by distance from you.')}</p>`;
    case 'denied':
      return html`<p class="geo warning" role="alert">
        ${msg('Your location was not shared, so the results are in the usual order. You can allow it in the browser settings.')}
      </p>`;
    case 'unavailable':
      return html`<p class="geo warning" role="alert">
        ${msg('Your location could not be found, so the results are in the usual order.')}
      </p>`;
    default:
      return nothing;
  }
}

export function filterLabel(host: OcServiceFinder, name: FilterName, prepared: Prepared): string {
  const { filters } = host;
  switch (name) {
    case 'query':
      return msg(str`Search: ${filters.query.trim()}`);
    case 'category':
      return prepared.directory.categories.get(filters.category!)?.name ?? filters.category!;
    case 'language':
      return languageLabel(filters.language!, getLocale());
    case 'free':
      return msg('Free of charge');
    case 'openNow':
      return msg('Open now');
    case 'accessible':
      return msg('Accessible location');
  }
}

export function renderChips(host: OcServiceFinder, prepared: Prepared): TemplateResult | typeof nothing {
  const active = activeFilters(host.filters);
  if (active.length === 0) return nothing;
  return html`<div class="chips" part="chips">
    <h2 class="visually-hidden">${msg('Active filters')}</h2>
    <ul role="list">
      ${active.map((name) => {
        const label = filterLabel(host, name, prepared);
        return html`<li>
          <button
            class="chip"
            type="button"
            aria-label=${msg(str`Remove filter: ${label}`)}
            @click=${() => host.removeFilter(name)}
          >
            <span>${label}</span>${renderIcon(icons.close)}
          </button>
        </li>`;
      })}
      ${
        active.length > 1
          ? html`<li>
              <button class="chip clear" type="button" @click=${() => host.clearFilters()}>${msg('Clear all')}</button>
            </li>`
          : nothing
      }
    </ul>
  </div>`;
}

export function renderEmpty(host: OcServiceFinder, prepared: Prepared): TemplateResult {
  if (prepared.directory.services.length === 0) {
    return html`<div class="empty" part="empty"><p>${msg('There are no services in this directory yet.')}</p></div>`;
  }
  const options = loosenings(prepared, host.filters, host.nowValue, host.zone);
  return html`<div class="empty" part="empty">
    <p><strong>${msg('No services match.')}</strong></p>
    ${
      options.length > 0
        ? html`<p>${msg('Try one of these:')}</p>
            <ul role="list">
              ${options.map(
                ({ filter, count }) =>
                  html`<li>
                    <button class="button" type="button" @click=${() => host.removeFilter(filter)}>
                      ${msg(str`Remove “${filterLabel(host, filter, prepared)}”`)} (${count})
                    </button>
                  </li>`,
              )}
            </ul>`
        : html`<p>${msg('Try other words, or fewer filters.')}</p>`
    }
    <button class="button" type="button" @click=${() => host.clearFilters()}>${msg('Show all services')}</button>
  </div>`;
}

export function renderOpenState(host: OcServiceFinder, service: Service): TemplateResult {
  if (service.status === 'temporarily closed') {
    return html`<span class="badge closed">${msg('Temporarily closed')}</span>`;
  }
  if (service.hours.length === 0) return html`<span class="badge unknown">${msg('Opening hours not given')}</span>`;
  const locale = getLocale();
  const clock = clockAt(host.nowValue, host.zone);
  const stateNow = openState(service.hours, clock);
  if (stateNow.open) {
    const { closesAt } = stateNow;
    return html`<span class="badge open">${msg('Open now')}</span> ${
        closesAt
          ? html`<span class="when"
              >${
                sameDay(closesAt, clock)
                  ? msg(str`Closes at ${formatTime(closesAt, locale, host.zone)}`)
                  : msg(str`Closes ${formatDayTime(closesAt, locale, host.zone)}`)
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
                ? msg(str`Opens at ${formatTime(opensAt, locale, host.zone)}`)
                : msg(str`Opens ${formatDayTime(opensAt, locale, host.zone)}`)
            }</span
          >`
        : nothing
    }`;
}

export function renderCard(host: OcServiceFinder, service: Service, found: Found): TemplateResult {
  const locale = getLocale();
  const place = service.places.find((p) => p.address) ?? service.places[0];
  const distance = found.distances?.get(service.id);
  const languages = service.languages.slice(0, 4);
  return html`<li class="card" part="card">
    <h3>
      <button class="card-title" type="button" dir="auto" data-id=${service.id} @click=${() => host.open(service)}>
        ${service.name}
      </button>
    </h3>
    ${service.organization ? html`<p class="org" dir="auto">${service.organization.name}</p>` : nothing}
    <p class="state">${renderOpenState(host, service)}</p>
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

export function renderDetail(host: OcServiceFinder, service: Service): TemplateResult {
  const locale = getLocale();
  const categories = service.categories
    .filter((category) => !service.categories.some((other) => other.parentId === category.id))
    .map((category) => category.name);
  return html`<article
    class="detail"
    part="detail"
    aria-labelledby="detail-title"
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && host.back()}
  >
    <button class="button back" type="button" @click=${() => host.back()}>
      ${renderIcon(icons.back)}<span>${msg('Back to results')}</span>
    </button>
    <h2 id="detail-title" tabindex="-1" dir="auto">${service.name}</h2>
    ${service.alternateName ? html`<p class="alt" dir="auto">${service.alternateName}</p>` : nothing}
    ${
      service.organization
        ? html`<p class="org" dir="auto">
            ${
              service.organization.url
                ? html`<a href=${service.organization.url} rel="noopener" target="_blank"
                    >${service.organization.name}</a
                  >`
                : service.organization.name
            }
          </p>`
        : nothing
    }
    <p class="state">${renderOpenState(host, service)}</p>
    ${service.alert ? html`<p class="alert" role="note">${renderIcon(icons.alert)}<span dir="auto">${service.alert}</span></p>` : nothing}
    ${categories.length > 0 ? html`<p class="categories" dir="auto">${categories.join(' · ')}</p>` : nothing}
    ${service.description ? html`<p class="description" dir="auto">${service.description}</p>` : nothing}
    <dl>
      ${
        service.places.length > 0
          ? section(
              msg('Address'),
              service.places.map(
                (place) =>
                  html`<div class="place" dir="auto">
                    ${place.name ? html`<div>${place.name}</div>` : nothing}
                    ${
                      place.address
                        ? html`<div>
                            ${place.address.street}${
                              place.address.postalCode || place.address.city
                                ? html`, ${[place.address.postalCode, place.address.city].filter(Boolean).join(' ')}`
                                : nothing
                            }
                          </div>`
                        : nothing
                    }
                    ${
                      directionsUrl(place)
                        ? html`<a href=${directionsUrl(place)!} rel="noopener" target="_blank">${msg('Directions')}</a>`
                        : nothing
                    }
                  </div>`,
              ),
            )
          : nothing
      }
      ${
        service.hours.length > 0 || service.hoursNotes.length > 0
          ? section(
              msg('Opening hours'),
              html`${renderHours(host, service.hours)}
              ${service.hoursNotes.map((note) => html`<p dir="auto">${note}</p>`)}`,
            )
          : nothing
      }
      ${
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
      ${
        service.email
          ? section(msg('Email'), html`<a href="mailto:${service.email}" dir="ltr">${service.email}</a>`)
          : nothing
      }
      ${
        service.url
          ? section(
              msg('Website'),
              html`<a href=${service.url} rel="noopener" target="_blank" dir="ltr">${displayUrl(service.url)}</a>`,
            )
          : nothing
      }
      ${
        service.languages.length > 0
          ? section(
              msg('Languages spoken'),
              html`<ul role="list" class="inline-list">
                ${service.languages.map((language) => {
                  const own = endonym(language.code, language.name);
                  const local = languageInLocale(language.code, locale, language.name);
                  return html`<li>
                    <span lang=${language.code}>${own}</span>${
                      local !== own ? html` <span class="muted">(${local})</span>` : nothing
                    }${language.note ? html` <span class="muted">— ${language.note}</span>` : nothing}
                  </li>`;
                })}
              </ul>`,
            )
          : nothing
      }
      ${service.interpretation ? section(msg('Interpreting'), service.interpretation) : nothing}
      ${section(
        msg('Cost'),
        html`<p>${costText(service)}</p>
          ${
            service.costDetails.length > 0
              ? html`<ul role="list">
                  ${service.costDetails.map((line) => html`<li dir="auto">${line}</li>`)}
                </ul>`
              : nothing
          }`,
      )}
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
      ${section(
        msg('Accessibility'),
        service.accessible
          ? html`<ul>
              ${[...new Set(service.places.flatMap((p) => p.accessibility))].map((a) => html`<li dir="auto">${a}</li>`)}
            </ul>`
          : msg('No information on accessibility.'),
      )}
      ${
        service.assuredDate
          ? section(
              msg('Last checked'),
              html`<time datetime=${service.assuredDate}>${formatIsoDate(service.assuredDate, locale)}</time>`,
            )
          : nothing
      }
    </dl>
  </article>`;
}

/** A term and its description; plain text (from the feed) gets its own direction. */
export function section(term: string, content: unknown): TemplateResult {
  const body = typeof content === 'string' ? html`<p dir="auto">${content}</p>` : content;
  return html`<div class="section">
    <dt>${term}</dt>
    <dd>${body}</dd>
  </div>`;
}

export function renderHours(host: OcServiceFinder, hours: OpeningPeriod[]): TemplateResult | typeof nothing {
  if (hours.length === 0) return nothing;
  const locale = getLocale();
  const table = weekTable(hours);
  const today = clockAt(host.nowValue, host.zone).weekday;
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

/** Directions to a place on OpenStreetMap: by coordinates, else by address. */
function directionsUrl(place: Service['places'][number]): string | undefined {
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

/** "12 services found", in the plural forms of each language. */
export function resultCountText(count: number): string {
  switch (new Intl.PluralRules(getLocale()).select(count)) {
    case 'zero':
      return msg(str`${count} services found`, { id: 'sf-count-zero' });
    case 'one':
      return msg(str`${count} service found`, { id: 'sf-count-one' });
    case 'two':
      return msg(str`${count} services found`, { id: 'sf-count-two' });
    case 'few':
      return msg(str`${count} services found`, { id: 'sf-count-few' });
    case 'many':
      return msg(str`${count} services found`, { id: 'sf-count-many' });
    default:
      return msg(str`${count} services found`, { id: 'sf-count-other' });
  }
}

function shownText(shown: number, total: number): string {
  return msg(str`Showing ${shown} of ${total}`);
}
