import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  DEFAULT_TIME_ZONE,
  FeedController,
  FeedError,
  OcElement,
  feedErrorText,
  fetchFeed,
  firstDayOfWeek,
  getLocale,
  isValidTimeZone,
  renderLoading,
  renderProblem,
  setupProblemText,
  warnOnce,
} from '@open-city/core';
import type { Directory, OpeningPeriod, Service } from './model.js';
import { loadAllPages, parseServices } from './parse.js';
import {
  activeFilters,
  categoryTree,
  find,
  loosenings,
  prepare,
  withoutFilter,
  type FilterName,
  type Filters,
  type Found,
  type Position,
  type Prepared,
} from './finder.js';
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
import { DEFAULT_HASH_KEY, readHash, writeHash, type FinderState } from './url-state.js';
import { serviceFinderStyles } from './oc-service-finder.styles.js';

export interface ServiceSelectDetail {
  id: string;
}

declare module '@open-city/core' {
  interface OcEventDetails {
    'oc-service-select': ServiceSelectDetail;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oc-service-finder': OcServiceFinder;
  }
  interface HTMLElementEventMap {
    'oc-service-select': CustomEvent<ServiceSelectDetail>;
  }
}

/** What the finder needs of `navigator.geolocation`; replaceable for tests and stories. */
export type GeolocationLike = Pick<Geolocation, 'getCurrentPosition'>;

type GeoStatus = 'off' | 'locating' | 'on' | 'denied' | 'unavailable';

const icon = (path: ReturnType<typeof svg>) =>
  html`<svg
    class="icon"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${path}
  </svg>`;
const icons = {
  search: svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>`,
  near: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  alert: svg`<path d="M12 3 2 20h20L12 3z"/><path d="M12 10v4M12 17h.01"/>`,
};

/**
 * @tagname oc-service-finder
 * @summary Find a service for migrants (legal aid, residence, language courses, health, work,
 * housing…) from an Open Referral HSDS 3.0 feed: search, filters, opening hours, "near me".
 *
 * Search ignores case and diacritics (`urzad` finds `Urząd`) and matches at word starts. Filters:
 * category (hierarchical), language spoken, free of charge, open now (in `time-zone`, right across
 * DST), accessible location; "Near me" sorts by distance only after the user asks. Results come in
 * pages ("Show more"); each opens a detail view whose "Back" returns to the same card.
 *
 * @event oc-service-select - A service was opened. `detail: { id }`. Cancelable: call
 *   `preventDefault()` to show the service your own way instead of the built-in detail view.
 * @event oc-load-error - The feed could not be loaded or read. `detail: { url, message }`.
 *
 * @slot - A `<script type="application/json">` child may hold the services (an HSDS array) instead of `src`.
 *
 * @csspart base - The wrapper of the whole finder.
 * @csspart search - The search form: query and filters.
 * @csspart filters - The group of filter controls.
 * @csspart status - The result count (a live region).
 * @csspart chips - The list of active filters.
 * @csspart list - The list of results.
 * @csspart card - Each result.
 * @csspart more - The "Show more" button.
 * @csspart empty - What is shown when nothing matches.
 * @csspart detail - The detail view of one service.
 * @csspart hours - The opening-hours table in the detail view.
 * @csspart loading - The loading indicator.
 * @csspart error - A problem message (feed or setup).
 *
 * @cssproperty --oc-color-accent - Links, buttons and the focus ring.
 * @cssproperty --oc-color-on-accent - Text on the accent colour (active filters).
 * @cssproperty --oc-color-text - Body text.
 * @cssproperty --oc-color-text-muted - Secondary text (organization, address).
 * @cssproperty --oc-color-background - Background of cards and inputs.
 * @cssproperty --oc-color-surface - Background of the filter area and highlights.
 * @cssproperty --oc-color-border - Borders of inputs and cards.
 * @cssproperty --oc-color-error - Alerts of a service.
 * @cssproperty --oc-color-error-surface - Background of alerts.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 * @cssproperty --oc-font-size - Base font size (default 16px, independent of the page's root size).
 */
export class OcServiceFinder extends OcElement {
  static override tagName = 'oc-service-finder';

  static override styles = [...OcElement.styles, serviceFinderStyles];

  /**
   * URL of the services feed: an HSDS array, an HSDS API page (`{ contents, total_pages }`, further
   * pages are followed) or NDJSON. `{lang}` is replaced by the page language.
   */
  @property() accessor src: string | null = null;

  /** IANA time zone of the opening hours (default `Europe/Warsaw`). */
  @property({ attribute: 'time-zone' }) accessor timeZone: string = DEFAULT_TIME_ZONE;

  /** Keep the query, filters and open service in the page URL's hash (`#oc-sf=…`), so a search can be shared. */
  @property({ type: Boolean, attribute: 'sync-url' }) accessor syncUrl = false;

  /** Results shown at first and added by each "Show more" (default 20). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 20;

  /**
   * The clock for "open now" (property only). Leave unset for the real time; set a fixed `Date`
   * in tests and stories, e.g. `finder.now = new Date('2025-03-31T07:30:00Z')`.
   */
  @property({ attribute: false }) accessor now: Date | number | undefined = undefined;

  /** Where "Near me" asks for a position (property only; default `navigator.geolocation`). */
  @property({ attribute: false }) accessor geolocation: GeolocationLike | undefined = undefined;

  @state() private accessor filters: Filters = { query: '' };
  @state() private accessor shown = 20;
  @state() private accessor selected: string | undefined = undefined;
  @state() private accessor geoStatus: GeoStatus = 'off';
  @state() private accessor position: Position | undefined = undefined;
  @state() private accessor inline: { directory?: Directory; error?: FeedError } | undefined = undefined;
  /** The service whose card gets focus after the next render (Back, Show more). */
  private focusCard: string | undefined;
  private focusDetail = false;
  private focusSearch = false;

  private readonly feed = new FeedController<Directory>(this, {
    parse: ({ text, url }) => loadAllPages(text, url, async (pageUrl) => (await fetchFeed(pageUrl)).text),
  });

  private preparedFor?: Directory;
  private prepared?: Prepared;
  private zone = DEFAULT_TIME_ZONE;
  private ticker?: ReturnType<typeof setInterval>;
  private readonly onHashChange = () => this.restoreFromHash();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.restoreFromHash();
    window.addEventListener('hashchange', this.onHashChange);
    // "Open now" follows the real clock: re-render each minute unless a fixed `now` is set.
    this.ticker = setInterval(() => {
      if (this.now === undefined && (this.filters.openNow || this.directory)) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearInterval(this.ticker);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timeZone')) {
      const zone = this.timeZone?.trim() || DEFAULT_TIME_ZONE;
      if (isValidTimeZone(zone)) this.zone = zone;
      else {
        warnOnce(
          this,
          `time-zone="${this.timeZone}" is not an IANA time zone such as "Europe/Warsaw"; using ${DEFAULT_TIME_ZONE}.`,
        );
        this.zone = DEFAULT_TIME_ZONE;
      }
    }
    if (changed.has('pageSize')) {
      if (!Number.isInteger(this.pageSize) || this.pageSize < 1) {
        warnOnce(this, `page-size="${this.pageSize}" should be a whole number of at least 1; using 20.`);
        this.pageSize = 20;
      }
      this.shown = Math.max(this.shown, this.pageSize);
    }
    if (changed.has('src') || !this.hasUpdated) {
      this.feed.setSource(this.src ?? undefined);
      if (!this.src) this.readInline();
      else this.inline = undefined;
    }
    if (changed.has('syncUrl') && this.syncUrl && this.hasUpdated) this.restoreFromHash();
  }

  protected override updated(changed: PropertyValues): void {
    if (this.syncUrl && (changed.has('filters') || changed.has('selected') || changed.has('syncUrl'))) this.writeHash();
    if (this.focusDetail) {
      this.focusDetail = false;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    }
    if (this.focusCard !== undefined) {
      const id = this.focusCard;
      this.focusCard = undefined;
      const button = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.card-title')].find(
        (b) => b.dataset.id === id,
      );
      button?.focus();
    }
    if (this.focusSearch) {
      this.focusSearch = false;
      this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
    }
  }

  /** Settles once the feed is loaded (or failed) and rendered: for tests, stories and embedding code. */
  get loaded(): Promise<void> {
    return this.updateComplete
      .then(() => this.feed.settled)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** The current query and filters (a copy). */
  get state(): FinderState {
    return { ...this.filters, service: this.selected };
  }

  /** Set query and filters, as a shared link would. */
  set state(value: FinderState) {
    const { service, ...filters } = value;
    this.filters = { ...filters, query: filters.query ?? '' };
    this.selected = service;
    this.shown = this.pageSize;
  }

  private readInline(): void {
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (!script) {
      this.inline = undefined;
      return;
    }
    try {
      this.inline = { directory: parseServices(script.textContent ?? '', 'the inline <script>') };
    } catch (cause) {
      const error = new FeedError('parse', (cause as Error).message, { url: 'inline', cause });
      this.inline = { error };
      warnOnce(
        this,
        `could not read the inline <script type="application/json">: ${error.message}. It should hold an array of HSDS services.`,
      );
      this.emit('oc-load-error', { url: 'inline', message: error.message });
    }
  }

  private get directory(): Directory | undefined {
    return this.src ? this.feed.data : this.inline?.directory;
  }

  private get preparedDirectory(): Prepared | undefined {
    const directory = this.directory;
    if (!directory) return undefined;
    if (directory !== this.preparedFor) {
      this.prepared = prepare(directory);
      this.preparedFor = directory;
    }
    return this.prepared;
  }

  private get nowValue(): Date | number {
    return this.now ?? Date.now();
  }

  private get hashKey(): string {
    return this.id ? `${DEFAULT_HASH_KEY}-${this.id}` : DEFAULT_HASH_KEY;
  }

  private restoreFromHash(): void {
    if (!this.syncUrl) return;
    const restored = readHash(location.hash, this.hashKey);
    if (!restored) return;
    this.state = restored;
  }

  private writeHash(): void {
    const hash = writeHash(location.hash, this.state, this.hashKey);
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    // replaceState: typing a query must not fill the history with one entry per keystroke.
    const url = `${location.pathname}${location.search}${hash}`;
    history.replaceState(history.state, '', url);
  }

  private setFilters(changes: Partial<Filters>): void {
    this.filters = { ...this.filters, ...changes };
    this.shown = this.pageSize;
  }

  private removeFilter(name: FilterName): void {
    this.filters = withoutFilter(this.filters, name);
    this.shown = this.pageSize;
    this.focusSearch = true;
  }

  private clearFilters(): void {
    this.filters = { query: '' };
    this.shown = this.pageSize;
    this.focusSearch = true;
  }

  private open(service: Service): void {
    const proceed = this.emit('oc-service-select', { id: service.id }, { cancelable: true });
    if (!proceed) return;
    this.selected = service.id;
    this.focusDetail = true;
  }

  private back(): void {
    const id = this.selected;
    this.selected = undefined;
    this.focusCard = id;
    // Make sure the card is among those shown.
    const prepared = this.preparedDirectory;
    if (prepared && id) {
      const found = find(prepared, this.filters, this.nowValue, this.zone, this.position);
      const index = found.services.findIndex((service) => service.id === id);
      if (index >= this.shown) this.shown = Math.ceil((index + 1) / this.pageSize) * this.pageSize;
    }
  }

  private showMore(found: Found): void {
    const next = found.services[this.shown];
    this.shown += this.pageSize;
    this.focusCard = next?.id;
  }

  private toggleNear(): void {
    if (this.geoStatus === 'on' || this.geoStatus === 'locating') {
      this.geoStatus = 'off';
      this.position = undefined;
      return;
    }
    const geolocation = this.geolocation ?? (typeof navigator !== 'undefined' ? navigator.geolocation : undefined);
    if (!geolocation) {
      this.geoStatus = 'unavailable';
      return;
    }
    this.geoStatus = 'locating';
    try {
      geolocation.getCurrentPosition(
        (position) => {
          if (this.geoStatus !== 'locating') return; // turned off meanwhile
          this.position = { latitude: position.coords.latitude, longitude: position.coords.longitude };
          this.geoStatus = 'on';
          this.shown = this.pageSize;
        },
        (error) => {
          if (this.geoStatus !== 'locating') return;
          this.geoStatus = error.code === 1 ? 'denied' : 'unavailable';
        },
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
      );
    } catch {
      this.geoStatus = 'unavailable';
    }
  }

  // ---------------------------------------------------------------- rendering

  protected override render() {
    const error = this.src ? (this.feed.status === 'error' ? this.feed.error : undefined) : this.inline?.error;
    if (error) {
      return html`<div part="base" class="finder">
        ${renderProblem(feedErrorText(error), this.src ? () => this.feed.reload() : undefined)}
      </div>`;
    }
    if (!this.src && !this.inline) {
      warnOnce(
        this,
        'needs a src attribute with the URL of an HSDS services feed, or a child <script type="application/json">.',
      );
      return html`<div part="base" class="finder">${renderProblem(setupProblemText())}</div>`;
    }
    const prepared = this.preparedDirectory;
    if (!prepared) return html`<div part="base" class="finder">${renderLoading(this.feed.progress)}</div>`;
    const service = this.selected
      ? prepared.directory.services.find((candidate) => candidate.id === this.selected)
      : undefined;
    if (service) return html`<div part="base" class="finder">${this.renderDetail(service)}</div>`;
    return html`<div part="base" class="finder" aria-busy=${this.feed.status === 'loading' ? 'true' : 'false'}>
      ${this.renderList(prepared)}
    </div>`;
  }

  private renderList(prepared: Prepared): TemplateResult {
    const found = find(prepared, this.filters, this.nowValue, this.zone, this.position);
    const total = found.services.length;
    const visible = found.services.slice(0, this.shown);
    return html`${this.renderSearch(prepared)} ${this.renderGeoMessage()}
      <p class="count" part="status" role="status">${resultCountText(total)}</p>
      ${this.renderChips(prepared)}
      ${
        total === 0
          ? this.renderEmpty(prepared)
          : html`<ul class="results" part="list" role="list" aria-label=${msg('Services')}>
                ${visible.map((service) => this.renderCard(service, found))}
              </ul>
              ${
                total > visible.length
                  ? html`<div class="more">
                      <p class="shown">${shownText(visible.length, total)}</p>
                      <button class="button" part="more" type="button" @click=${() => this.showMore(found)}>
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

  private renderSearch(prepared: Prepared): TemplateResult {
    const locale = getLocale();
    const { filters } = this;
    const languages = [...new Set(prepared.directory.services.flatMap((s) => s.languages.map((l) => l.code)))]
      .map((code) => ({ code, label: languageLabel(code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    const tree = categoryTree(prepared.directory);
    return html`<form class="search" part="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <div class="query">
        <label for="q">${msg('Search services')}</label>
        <div class="query-field">
          ${icon(icons.search)}
          <input
            id="q"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            .value=${filters.query}
            placeholder=${msg('For example: residence permit, doctor, Polish course')}
            @input=${(e: Event) => this.setFilters({ query: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
      <div class="filters" part="filters">
        <div class="field">
          <label for="category">${msg('Category')}</label>
          <select
            id="category"
            @change=${(e: Event) => this.setFilters({ category: (e.target as HTMLSelectElement).value || undefined })}
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
            @change=${(e: Event) => this.setFilters({ language: (e.target as HTMLSelectElement).value || undefined })}
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
          ${this.renderToggle('free', msg('Free of charge'), filters.free)}
          ${this.renderToggle('openNow', msg('Open now'), filters.openNow)}
          ${this.renderToggle('accessible', msg('Accessible location'), filters.accessible)}
        </fieldset>
        <button
          class="button near"
          type="button"
          aria-pressed=${this.geoStatus === 'on' || this.geoStatus === 'locating' ? 'true' : 'false'}
          @click=${() => this.toggleNear()}
        >
          ${icon(icons.near)}<span>${msg('Near me')}</span>
        </button>
      </div>
    </form>`;
  }

  private renderToggle(name: 'free' | 'openNow' | 'accessible', label: string, checked: boolean | undefined) {
    return html`<label class="toggle">
      <input
        type="checkbox"
        name=${name}
        .checked=${Boolean(checked)}
        @change=${(e: Event) => this.setFilters({ [name]: (e.target as HTMLInputElement).checked || undefined })}
      />
      <span>${label}</span>
    </label>`;
  }

  private renderGeoMessage(): TemplateResult | typeof nothing {
    switch (this.geoStatus) {
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

  private filterLabel(name: FilterName, prepared: Prepared): string {
    const { filters } = this;
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

  private renderChips(prepared: Prepared): TemplateResult | typeof nothing {
    const active = activeFilters(this.filters);
    if (active.length === 0) return nothing;
    return html`<div class="chips" part="chips">
      <h2 class="visually-hidden">${msg('Active filters')}</h2>
      <ul role="list">
        ${active.map((name) => {
          const label = this.filterLabel(name, prepared);
          return html`<li>
            <button
              class="chip"
              type="button"
              aria-label=${msg(str`Remove filter: ${label}`)}
              @click=${() => this.removeFilter(name)}
            >
              <span>${label}</span>${icon(icons.close)}
            </button>
          </li>`;
        })}
        ${
          active.length > 1
            ? html`<li>
                <button class="chip clear" type="button" @click=${() => this.clearFilters()}>
                  ${msg('Clear all')}
                </button>
              </li>`
            : nothing
        }
      </ul>
    </div>`;
  }

  private renderEmpty(prepared: Prepared): TemplateResult {
    if (prepared.directory.services.length === 0) {
      return html`<div class="empty" part="empty"><p>${msg('There are no services in this directory yet.')}</p></div>`;
    }
    const options = loosenings(prepared, this.filters, this.nowValue, this.zone);
    return html`<div class="empty" part="empty">
      <p><strong>${msg('No services match.')}</strong></p>
      ${
        options.length > 0
          ? html`<p>${msg('Try one of these:')}</p>
              <ul role="list">
                ${options.map(
                  ({ filter, count }) =>
                    html`<li>
                      <button class="button" type="button" @click=${() => this.removeFilter(filter)}>
                        ${msg(str`Remove “${this.filterLabel(filter, prepared)}”`)} (${count})
                      </button>
                    </li>`,
                )}
              </ul>`
          : html`<p>${msg('Try other words, or fewer filters.')}</p>`
      }
      <button class="button" type="button" @click=${() => this.clearFilters()}>${msg('Show all services')}</button>
    </div>`;
  }

  private renderOpenState(service: Service): TemplateResult {
    if (service.status === 'temporarily closed') {
      return html`<span class="badge closed">${msg('Temporarily closed')}</span>`;
    }
    if (service.hours.length === 0) return html`<span class="badge unknown">${msg('Opening hours not given')}</span>`;
    const locale = getLocale();
    const clock = clockAt(this.nowValue, this.zone);
    const stateNow = openState(service.hours, clock);
    if (stateNow.open) {
      const { closesAt } = stateNow;
      return html`<span class="badge open">${msg('Open now')}</span> ${
          closesAt
            ? html`<span class="when"
                >${
                  sameDay(closesAt, clock)
                    ? msg(str`Closes at ${formatTime(closesAt, locale, this.zone)}`)
                    : msg(str`Closes ${formatDayTime(closesAt, locale, this.zone)}`)
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
                  ? msg(str`Opens at ${formatTime(opensAt, locale, this.zone)}`)
                  : msg(str`Opens ${formatDayTime(opensAt, locale, this.zone)}`)
              }</span
            >`
          : nothing
      }`;
  }

  private renderCard(service: Service, found: Found): TemplateResult {
    const locale = getLocale();
    const place = service.places.find((p) => p.address) ?? service.places[0];
    const distance = found.distances?.get(service.id);
    const languages = service.languages.slice(0, 4);
    return html`<li class="card" part="card">
      <h3>
        <button class="card-title" type="button" dir="auto" data-id=${service.id} @click=${() => this.open(service)}>
          ${service.name}
        </button>
      </h3>
      ${service.organization ? html`<p class="org" dir="auto">${service.organization.name}</p>` : nothing}
      <p class="state">${this.renderOpenState(service)}</p>
      ${
        service.alert
          ? html`<p class="alert">${icon(icons.alert)}<span dir="auto">${service.alert}</span></p>`
          : nothing
      }
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
                    html`${i > 0 ? ', ' : ''}<span lang=${language.code}
                        >${endonym(language.code, language.name)}</span
                      >`,
                )}${service.languages.length > languages.length ? ` +${service.languages.length - languages.length}` : ''}
              </li>`
            : nothing
        }
      </ul>
    </li>`;
  }

  private renderDetail(service: Service): TemplateResult {
    const locale = getLocale();
    const categories = service.categories
      .filter((category) => !service.categories.some((other) => other.parentId === category.id))
      .map((category) => category.name);
    return html`<article
      class="detail"
      part="detail"
      aria-labelledby="detail-title"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.back()}
    >
      <button class="button back" type="button" @click=${() => this.back()}>
        ${icon(icons.back)}<span>${msg('Back to results')}</span>
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
      <p class="state">${this.renderOpenState(service)}</p>
      ${service.alert ? html`<p class="alert" role="note">${icon(icons.alert)}<span dir="auto">${service.alert}</span></p>` : nothing}
      ${categories.length > 0 ? html`<p class="categories" dir="auto">${categories.join(' · ')}</p>` : nothing}
      ${service.description ? html`<p class="description" dir="auto">${service.description}</p>` : nothing}
      <dl>
        ${
          service.places.length > 0
            ? this.section(
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
                          ? html`<a href=${directionsUrl(place)!} rel="noopener" target="_blank"
                              >${msg('Directions')}</a
                            >`
                          : nothing
                      }
                    </div>`,
                ),
              )
            : nothing
        }
        ${
          service.hours.length > 0 || service.hoursNotes.length > 0
            ? this.section(
                msg('Opening hours'),
                html`${this.renderHours(service.hours)}
                ${service.hoursNotes.map((note) => html`<p dir="auto">${note}</p>`)}`,
              )
            : nothing
        }
        ${
          service.phones.length > 0
            ? this.section(
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
            ? this.section(msg('Email'), html`<a href="mailto:${service.email}" dir="ltr">${service.email}</a>`)
            : nothing
        }
        ${
          service.url
            ? this.section(
                msg('Website'),
                html`<a href=${service.url} rel="noopener" target="_blank" dir="ltr">${displayUrl(service.url)}</a>`,
              )
            : nothing
        }
        ${
          service.languages.length > 0
            ? this.section(
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
        ${service.interpretation ? this.section(msg('Interpreting'), service.interpretation) : nothing}
        ${this.section(
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
        ${service.eligibility ? this.section(msg('Who can use it'), service.eligibility) : nothing}
        ${service.applicationProcess ? this.section(msg('How to apply'), service.applicationProcess) : nothing}
        ${
          service.requiredDocuments.length > 0
            ? this.section(
                msg('Documents to bring'),
                html`<ul>
                  ${service.requiredDocuments.map((d) => html`<li dir="auto">${d}</li>`)}
                </ul>`,
              )
            : nothing
        }
        ${this.section(
          msg('Accessibility'),
          service.accessible
            ? html`<ul>
                ${[...new Set(service.places.flatMap((p) => p.accessibility))].map((a) => html`<li dir="auto">${a}</li>`)}
              </ul>`
            : msg('No information on accessibility.'),
        )}
        ${
          service.assuredDate
            ? this.section(
                msg('Last checked'),
                html`<time datetime=${service.assuredDate}>${formatIsoDate(service.assuredDate, locale)}</time>`,
              )
            : nothing
        }
      </dl>
    </article>`;
  }

  /** A term and its description; plain text (from the feed) gets its own direction. */
  private section(term: string, content: unknown): TemplateResult {
    const body = typeof content === 'string' ? html`<p dir="auto">${content}</p>` : content;
    return html`<div class="section">
      <dt>${term}</dt>
      <dd>${body}</dd>
    </div>`;
  }

  private renderHours(hours: OpeningPeriod[]): TemplateResult | typeof nothing {
    if (hours.length === 0) return nothing;
    const locale = getLocale();
    const table = weekTable(hours);
    const today = clockAt(this.nowValue, this.zone).weekday;
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
              ${weekdayName(day, locale)}${
                day === today ? html` <span class="muted">(${msg('today')})</span>` : nothing
              }
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
