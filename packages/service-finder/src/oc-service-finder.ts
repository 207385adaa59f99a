import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_TIME_ZONE,
  FeedController,
  FeedError,
  LazyViewsController,
  OcElement,
  feedErrorText,
  fetchFeed,
  isValidTimeZone,
  lazyModule,
  renderLoading,
  renderProblem,
  setupProblemText,
  warnOnce,
} from '@open-city/core';
import type { FilterName, Filters, Found, Position, Prepared } from './finder.js';
import type { Directory, Service } from './model.js';
import { DEFAULT_HASH_KEY, readHash, writeHash, type FinderState } from './url-state.js';

type Views = typeof import('./views.js');
/**
 * Parsing, search and the list and detail views load after the element, in parallel with the feed
 * they need anyway; the element's first download only follows `src` and shows progress.
 */
const loadViews = lazyModule(() => import('./views.js'));

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

export type GeoStatus = 'off' | 'locating' | 'on' | 'denied' | 'unavailable';

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

  static override styles = OcElement.styles;

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

  /** @internal */
  @state() accessor filters: Filters = { query: '' };
  /** @internal */
  @state() accessor shown = 20;
  @state() private accessor selected: string | undefined = undefined;
  /** @internal */
  @state() accessor geoStatus: GeoStatus = 'off';
  /** @internal */
  @state() accessor position: Position | undefined = undefined;
  @state() private accessor inline: { directory?: Directory; error?: FeedError } | undefined = undefined;
  /** The service whose card gets focus after the next render (Back, Show more). */
  private focusCard: string | undefined;
  private focusDetail = false;
  private focusSearch = false;

  private readonly feed = new FeedController<Directory>(this, {
    parse: async ({ text, url }) =>
      (await loadViews()).loadAllPages(text, url, async (pageUrl) => (await fetchFeed(pageUrl)).text),
  });

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  /** @internal The views, once loaded. */
  get views(): Views | undefined {
    return this.lazyViews.module;
  }

  private preparedFor?: Directory;
  private prepared?: Prepared;
  /** @internal */
  zone = DEFAULT_TIME_ZONE;
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
    // The inline feed is read by the parser, which arrives with the views.
    if (!this.src && this.views && this.inline === undefined) this.readInline();
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
    return this.lazyViews.ready
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
    if (!this.views) return; // read once the views (and the parser) have arrived
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (!script) {
      this.inline = undefined;
      return;
    }
    try {
      this.inline = { directory: this.views.parseServices(script.textContent ?? '', 'the inline <script>') };
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
      this.prepared = this.views!.prepare(directory);
      this.preparedFor = directory;
    }
    return this.prepared;
  }

  /** @internal */
  get nowValue(): Date | number {
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

  /** @internal */
  setFilters(changes: Partial<Filters>): void {
    this.filters = { ...this.filters, ...changes };
    this.shown = this.pageSize;
  }

  /** @internal */
  removeFilter(name: FilterName): void {
    this.filters = this.views!.withoutFilter(this.filters, name);
    this.shown = this.pageSize;
    this.focusSearch = true;
  }

  /** @internal */
  clearFilters(): void {
    this.filters = { query: '' };
    this.shown = this.pageSize;
    this.focusSearch = true;
  }

  /** @internal */
  open(service: Service): void {
    const proceed = this.emit('oc-service-select', { id: service.id }, { cancelable: true });
    if (!proceed) return;
    this.selected = service.id;
    this.focusDetail = true;
  }

  /** @internal */
  back(): void {
    const id = this.selected;
    this.selected = undefined;
    this.focusCard = id;
    // Make sure the card is among those shown.
    const prepared = this.preparedDirectory;
    if (prepared && id) {
      const found = this.views!.find(prepared, this.filters, this.nowValue, this.zone, this.position);
      const index = found.services.findIndex((service) => service.id === id);
      if (index >= this.shown) this.shown = Math.ceil((index + 1) / this.pageSize) * this.pageSize;
    }
  }

  /** @internal */
  showMore(found: Found): void {
    const next = found.services[this.shown];
    this.shown += this.pageSize;
    this.focusCard = next?.id;
  }

  /** @internal */
  toggleNear(): void {
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
    if (!this.views) {
      return html`<div part="base" class="finder">${this.lazyViews.renderPending(this.feed.progress)}</div>`;
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
    if (service) return html`<div part="base" class="finder">${this.views.renderDetail(this, service)}</div>`;
    return html`<div part="base" class="finder" aria-busy=${this.feed.status === 'loading' ? 'true' : 'false'}>
      ${this.views.renderList(this, prepared)}
    </div>`;
  }
}
