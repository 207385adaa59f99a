import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ConfigController,
  DEFAULT_TIME_ZONE,
  LazyViewsController,
  OcElement,
  feedErrorText,
  headingLevelRule,
  integerRule,
  lazyModule,
  oneOfRule,
  renderLoading,
  renderProblem,
  setupProblemText,
  timeZoneRule,
  urlRule,
  warnOnce,
  type FeedController,
} from '@open-city/core';
import type { FinderController, GeolocationLike, TileUrl } from './finder-state.js';
import { tilesRule } from './map/tiles-rule.js';
import type { Found, Prepared } from './finder.js';
import type { InlineFeed } from './inline-feed.js';
import type { Directory } from './model.js';
import type { FinderState } from './url-state.js';

export type { GeolocationLike, TileUrl } from './finder-state.js';

type Views = typeof import('./views/index.js');
/**
 * Core's feed loader, then the feed, load right after the element, in parallel with parsing,
 * search, the state controller and the list and detail views; the element's first download only
 * checks its attributes and shows progress. The map is a chunk of its own, loaded only when the
 * map view is opened.
 */
let Feed: typeof FeedController | undefined;
const loadFeedController = lazyModule(() => import('./lazy-feeds.js').then((module) => (Feed = module.FeedController)));
const loadViews = lazyModule(() =>
  Promise.all([import('./views/index.js'), loadFeedController()]).then(([views]) => views),
);

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
}

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
 * The results can also be shown on a map (`view="map"`, or the List / Map control), loaded only
 * when it is opened: clustered markers reachable by keyboard, raster tiles from `map-tiles` (the
 * only requests it makes), the services without coordinates listed beside it.
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
 * @csspart view-switch - The List / Map control.
 * @csspart map - The map view: tiles, markers, its controls and attribution.
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
 * @cssproperty --oc-color-open - The "Open now" badge (default: a green mixed from the text colour,
 *   at 4.5:1 or more in the default, high-contrast and city themes).
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
   * pages are followed) or NDJSON. `{lang}` is replaced by the page language. A URL that is not
   * http(s) (`javascript:`, `data:`) is never fetched: the finder shows an alert instead.
   */
  @property() accessor src: string | null = null;

  /** IANA time zone of the opening hours (default `Europe/Warsaw`, also used for an unknown zone). */
  @property({ attribute: 'time-zone' }) accessor timeZone: string = DEFAULT_TIME_ZONE;

  /** Keep the query, filters and open service in the page URL's hash (`#oc-sf=…`), so a search can be shared. */
  @property({ type: Boolean, attribute: 'sync-url' }) accessor syncUrl = false;

  /** Results shown at first and added by each "Show more" (default 20, also used for a value below 1). */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 20;

  /**
   * `list` (default) or `map`: how the results are shown first. The visitor can switch at any
   * time (query, filters and the open service stay); the list holds everything the map shows.
   */
  @property() accessor view: string | null = null;

  /**
   * Raster tile URL template of the map, with `{z}`, `{x}` and `{y}` (default OpenStreetMap's public
   * tiles, `https://tile.openstreetmap.org/{z}/{x}/{y}.png`). The tiles are the only requests the
   * map makes; point it at the city's own tile server to keep visitors' map views to yourself.
   */
  @property({ attribute: 'map-tiles' }) accessor mapTiles: string | null = null;

  /**
   * Attribution shown on the map, as the tiles' terms require (default "© OpenStreetMap
   * contributors"; text that names OpenStreetMap links to its copyright page).
   */
  @property({ attribute: 'map-attribution' }) accessor mapAttribution: string | null = null;

  /**
   * Level of the finder's top headings (1–6, default 2): the open service's name and the list's
   * hidden headings; each card's name is one level below. Set it so the host page keeps its outline.
   */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 2;

  /**
   * Names each map tile instead of the `map-tiles` template (property only): `(z, x, y) => url`, for
   * a source a template cannot describe (a quadkey, a signed URL, a generated set in a story).
   */
  @property({ attribute: false }) accessor mapTileUrl: TileUrl | undefined = undefined;

  /**
   * The clock for "open now" (property only). Leave unset for the real time; set a fixed `Date`
   * in tests and stories, e.g. `finder.now = new Date('2025-03-31T07:30:00Z')`.
   */
  @property({ attribute: false }) accessor now: Date | number | undefined = undefined;

  /** Where "Near me" asks for a position (property only; default `navigator.geolocation`). */
  @property({ attribute: false }) accessor geolocation: GeolocationLike | undefined = undefined;

  private readonly config = new ConfigController(this, {
    src: urlRule({ template: true }),
    timeZone: timeZoneRule(),
    pageSize: integerRule(20, 1),
    view: oneOfRule<'list' | 'map'>(['list', 'map'], 'list'),
    mapTiles: tilesRule(),
    headingLevel: headingLevelRule(),
  });

  /** Follows `src` once core's feed loader is in (at once, with the views). */
  private feed?: FeedController<Directory>;

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  /** The state controller, which comes with the views (nothing before them needs it). */
  private finder?: FinderController;
  /** A `state` set before the controller came. */
  private pendingState: FinderState = { query: '' };

  /** The services of a child `<script type="application/json">`, read once the parser is in. */
  @state() private accessor inline: InlineFeed | undefined = undefined;
  /**
   * The feed's first records, read ahead of the rest (see `loadAllPages`): shown as the first page
   * of results while the rest is read, for the load of `url` only.
   */
  @state() private accessor early: { url: string; directory: Directory } | undefined = undefined;
  private preparedFor?: Directory;
  private prepared?: Prepared;
  private ticker?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    // "Open now" follows the real clock: re-render each minute unless a fixed `now` is set.
    this.ticker = setInterval(() => {
      if (this.now === undefined && (this.finder?.filters.openNow || this.directory)) this.requestUpdate();
    }, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.views && !this.finder) {
      this.finder = new this.views.FinderController(
        this,
        {
          pageSize: () => this.config.get('pageSize'),
          results: () => this.found?.services,
          view: () => this.config.get('view'),
          tiles: () => this.config.get('mapTiles'),
          // The whole directory: the first records alone are not worth searching in another language.
          prepared: () => (this.earlyDirectory ? undefined : this.preparedDirectory),
        },
        this.pendingState,
      );
    }
    if (changed.has('src') || !this.feed) this.followSrc();
    // The first records only stand in while their feed loads (a later load of the same URL waits for its own).
    if (this.early && this.feed?.status !== 'loading') this.early = undefined;
    if (changed.has('src') || !this.hasUpdated) {
      if (!this.src) this.readInline();
      else this.inline = undefined;
    }
    // The inline feed is read by the parser, which arrives with the views.
    if (!this.src && this.views && this.inline === undefined) this.readInline();
  }

  /** Only a checked URL is fetched; a bad one leaves the feed idle behind the config alert. */
  private followSrc(): void {
    if (Feed) {
      this.feed ??= new Feed<Directory>(this, {
        parse: async ({ text, url }) => {
          const loading = this.feed?.url;
          return (await loadViews()).loadFeed(text, url, (directory) => {
            if (loading && this.feed?.url === loading && this.feed.status === 'loading')
              this.early = { url: loading, directory };
          });
        },
      });
      this.feed.setSource(this.config.get('src'));
    } else {
      // A chunk that did not load is shown by lazyViews, which waits for this one too.
      loadFeedController().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
  }

  /** Settles once the feed is loaded (or failed) and rendered: for tests, stories and embedding code. */
  get loaded(): Promise<void> {
    return this.lazyViews.ready
      .then(() => this.feed?.settled)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** The current query and filters (a copy). */
  get state(): FinderState {
    return this.finder ? this.finder.state : { ...this.pendingState };
  }

  /** Set query and filters, as a shared link would. */
  set state(value: FinderState) {
    if (this.finder) this.finder.state = value;
    else this.pendingState = value;
  }

  private get views(): Views | undefined {
    return this.lazyViews.module;
  }

  private readInline(): void {
    if (!this.views) return; // read once the views (and the parser) have arrived
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    this.inline = script ? this.views.readInlineFeed(this, script) : undefined;
  }

  private get directory(): Directory | undefined {
    if (!this.src) return this.inline?.directory;
    return this.earlyDirectory ?? this.feed?.data;
  }

  /** The first records of the feed now loading, while the rest is read. */
  private get earlyDirectory(): Directory | undefined {
    const { early, feed } = this;
    return early && feed?.status === 'loading' && feed.url === early.url ? early.directory : undefined;
  }

  private get preparedDirectory(): Prepared | undefined {
    const directory = this.directory;
    if (!directory || !this.views) return undefined;
    if (directory !== this.preparedFor) {
      this.prepared = this.views.prepare(directory);
      this.preparedFor = directory;
    }
    return this.prepared;
  }

  /** The results under the current query and filters. */
  private get found(): Found | undefined {
    const prepared = this.preparedDirectory;
    if (!prepared || !this.views || !this.finder) return undefined;
    const { filters, position } = this.finder;
    return this.views.find(prepared, filters, this.nowValue, this.config.get('timeZone'), position);
  }

  private get nowValue(): Date | number {
    return this.now ?? Date.now();
  }

  protected override render() {
    const alert = this.config.render();
    if (this.config.blocking) return this.base(alert);
    const feed = this.feed;
    const error = this.src ? (feed?.status === 'error' ? feed.error : undefined) : this.inline?.error;
    if (error) {
      const retry = this.src && error.retryable ? () => feed?.reload() : undefined;
      return this.base(html`${alert}${renderProblem(feedErrorText(error), retry)}`);
    }
    const { views, finder } = this;
    if (!views || !finder) return this.base(html`${alert}${this.lazyViews.renderPending(feed?.progress)}`);
    if (!this.src && !this.inline) {
      warnOnce(
        this,
        'needs a src attribute with the URL of an HSDS services feed, or a child <script type="application/json">.',
      );
      return this.base(html`${alert}${renderProblem(setupProblemText())}`);
    }
    const prepared = this.preparedDirectory;
    if (!prepared) return this.base(html`${alert}${renderLoading(feed?.progress)}`);
    const partial = this.earlyDirectory !== undefined;
    const zone = this.config.get('timeZone');
    const selected = finder.selected;
    const service = selected ? prepared.directory.services.find((candidate) => candidate.id === selected) : undefined;
    // A shared link to a service further on: it shows once the whole feed is read.
    if (selected && !service && partial) return this.base(html`${alert}${renderLoading(feed?.progress)}`, 'true');
    if (service) {
      const clock = views.clockAt(this.nowValue, zone);
      return this.base(
        html`${alert}${views.renderDetail(service, clock, () => finder.back(), this.config.get('headingLevel'))}`,
      );
    }
    const list = views.renderList(finder, finder, {
      prepared,
      found: this.found!,
      now: this.nowValue,
      zone,
      headingLevel: this.config.get('headingLevel'),
      partial,
    });
    return this.base(html`${alert}${list}`, feed?.status === 'loading' ? 'true' : 'false');
  }

  private base(content: unknown, busy?: 'true' | 'false') {
    return html`<div part="base" class="finder" aria-busy=${busy ?? nothing}>${content}</div>`;
  }
}
