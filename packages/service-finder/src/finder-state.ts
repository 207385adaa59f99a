import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { expandFeedUrl, fetchFeed, getLocale, languageOf, warnOnce, type OcElement } from '@open-city/core';
import {
  addOriginals,
  withoutFilter,
  type FilterName,
  type Filters,
  type Found,
  type Position,
  type Prepared,
} from './finder.js';
import type { Directory, Service } from './model.js';
import { loadAllPages } from './parse.js';
import { MapLoader } from './map/loader.js';
import { OSM_TILES } from './map/tiles-rule.js';
import { DEFAULT_HASH_KEY, readHash, writeHash, type FinderState, type ResultsView } from './url-state.js';

/** A function that gives the URL of the map tile at zoom `z`, column `x` and row `y`. */
export type TileUrl = (z: number, x: number, y: number) => string;

/** What the finder needs of `navigator.geolocation`; replaceable for tests and stories. */
export type GeolocationLike = Pick<Geolocation, 'getCurrentPosition'>;

export type GeoStatus = 'off' | 'locating' | 'on' | 'denied' | 'unavailable';

/** The element as the controller sees it: its public attributes and the base element's `emit`. */
export interface FinderHost extends ReactiveControllerHost, HTMLElement {
  readonly syncUrl: boolean;
  /** The feed's URL template: with `{lang}`, the originals are searched too (see `ORIGINAL_LANGUAGE`). */
  readonly src?: string | null;
  readonly geolocation: GeolocationLike | undefined;
  /** `map-attribution`. */
  readonly mapAttribution?: string | null;
  /** Names each map tile instead of the `map-tiles` template (property only). */
  readonly mapTileUrl?: TileUrl;
  readonly renderRoot: HTMLElement | DocumentFragment;
  emit: OcElement['emit'];
}

export interface FinderOptions {
  /** Results per page: the checked `page-size`. */
  pageSize(): number;
  /** The results under the current filters, in order, once the directory and the search are in. */
  results(): Service[] | undefined;
  /** The view the element shows first: the checked `view` attribute (default `list`). */
  view?(): ResultsView;
  /** The checked `map-tiles` template (default OpenStreetMap's). */
  tiles?(): string;
  /** The directory shown, prepared for search, once it is in. */
  prepared?(): Prepared | undefined;
}

/**
 * The language a translated feed was written in: a city's institutions have their names in it,
 * and visitors type them so (`urząd`, `lekarz`). When `src` holds `{lang}`, the finder fetches this
 * language's feed too, after the first results, and searches its text beside the visitor's.
 */
export const ORIGINAL_LANGUAGE = 'pl';

/** Feeds in the original language, by URL, for every finder of the page. */
const originalFeeds = new Map<string, Promise<Directory | undefined>>();

/** Once the page is idle (the first results come first), the original feed, or undefined when it fails. */
function loadOriginalFeed(url: string): Promise<Directory | undefined> {
  let pending = originalFeeds.get(url);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
      else setTimeout(resolve, 50);
    })
      .then(async () => loadAllPages((await fetchFeed(url)).text, url, async (page) => (await fetchFeed(page)).text))
      .catch((error: unknown) => {
        warnOnce(
          'oc-service-finder',
          `the original-language feed ${url} could not be read (${(error as Error).message}); search covers the page language only.`,
        );
        originalFeeds.delete(url);
        return undefined;
      });
    originalFeeds.set(url, pending);
  }
  return pending;
}

/** Where the map's tiles come from and whom they credit. */
export interface MapSettings {
  tiles: string;
  tileUrl?: TileUrl;
  attribution?: string | null;
}

/** What the views read. */
export interface FinderView {
  readonly filters: Filters;
  /** How many results are shown (pages of `page-size`). */
  readonly shown: number;
  readonly geoStatus: GeoStatus;
  /** The list, or the map. */
  readonly view: ResultsView;
  /** Where the visitor is, once "Near me" found out (shown on the map; never sent anywhere). */
  readonly position: Position | undefined;
  /** The map view's lazy part. */
  readonly map: MapLoader;
  readonly mapSettings: MapSettings;
}

/** What the views call. */
export interface FinderActions {
  setFilters(changes: Partial<Filters>): void;
  removeFilter(name: FilterName): void;
  clearFilters(): void;
  open(service: Service): void;
  back(): void;
  showMore(found: Found): void;
  toggleNear(): void;
  /** Show the results as a list or on a map; query, filters and the open service stay. */
  setView(view: ResultsView): void;
}

/**
 * The finder's state (query and filters, the page of results, the open service, "Near me") and the
 * actions that change it. Also moves focus after the render that an action caused (the detail's
 * title, the card Back returns to, the query), and keeps the state in the page URL's hash for
 * `sync-url`.
 */
export class FinderController implements ReactiveController, FinderView, FinderActions {
  private current: Filters = { query: '' };
  private shownCount = 0;
  /** The service shown in detail. */
  private opened: string | undefined;
  geoStatus: GeoStatus = 'off';
  /** Where the visitor is, once "Near me" found out. */
  position: Position | undefined;
  readonly map: MapLoader;
  /** The view the visitor chose, while it differs from the `view` attribute. */
  private chosenView: ResultsView | undefined;
  /** The `view` attribute as last seen, to follow a change of it. */
  private attributeView: ResultsView | undefined;

  /** The service whose card gets focus after the next render (Back, Show more). */
  private focusCard: string | undefined;
  private focusDetail = false;
  private focusSearch = false;
  /** The query, filters or open service changed since the hash was last written. */
  private hashStale = true;
  private syncedUrl: boolean | undefined;
  private readonly onHashChange = () => this.restoreFromHash();
  /** The prepared directory whose originals were looked for. */
  private originalsFor: Prepared | undefined;

  /** `initial`: a state set before the controller existed; a link in the hash (`sync-url`) wins over it. */
  constructor(
    private readonly host: FinderHost,
    private readonly options: FinderOptions,
    initial?: FinderState,
  ) {
    this.map = new MapLoader(host);
    if (initial) this.state = initial;
    host.addController(this);
  }

  get filters(): Filters {
    return this.current;
  }

  get selected(): string | undefined {
    return this.opened;
  }

  get shown(): number {
    return Math.max(this.shownCount, this.options.pageSize());
  }

  get view(): ResultsView {
    return this.chosenView ?? this.defaultView;
  }

  get mapSettings(): MapSettings {
    return {
      tiles: this.options.tiles?.() ?? OSM_TILES,
      tileUrl: this.host.mapTileUrl,
      attribution: this.host.mapAttribution,
    };
  }

  private get defaultView(): ResultsView {
    return this.options.view?.() ?? 'list';
  }

  /** The query, filters and open service, and the view when the visitor chose another (a copy). */
  get state(): FinderState {
    const state: FinderState = { ...this.current, service: this.opened };
    if (this.chosenView) state.view = this.chosenView;
    return state;
  }

  /** Set query and filters, as a shared link would. */
  set state(value: FinderState) {
    const { service, view, ...filters } = value;
    this.current = { ...filters, query: filters.query ?? '' };
    this.opened = service;
    // From a link or a page's script: only a view the finder has.
    const known = view === 'list' || view === 'map' ? view : undefined;
    this.chosenView = known === this.defaultView ? undefined : known;
    this.firstPage();
    this.hashStale = true;
    this.host.requestUpdate();
  }

  setFilters(changes: Partial<Filters>): void {
    this.changeFilters({ ...this.current, ...changes });
  }

  removeFilter(name: FilterName): void {
    this.changeFilters(withoutFilter(this.current, name));
    this.focusSearch = true;
  }

  clearFilters(): void {
    this.changeFilters({ query: '' });
    this.focusSearch = true;
  }

  /** Show a service in detail, unless the page handles `oc-service-select` itself. */
  open(service: Service): void {
    const proceed = this.host.emit('oc-service-select', { id: service.id }, { cancelable: true });
    if (!proceed) return;
    this.opened = service.id;
    this.focusDetail = true;
    this.hashStale = true;
    this.host.requestUpdate();
  }

  /** Back from the detail to the same card, shown and focused. */
  back(): void {
    const id = this.opened;
    this.opened = undefined;
    this.focusCard = id;
    this.hashStale = true;
    const index = id ? (this.options.results()?.findIndex((service) => service.id === id) ?? -1) : -1;
    const pageSize = this.options.pageSize();
    if (index >= this.shown) this.shownCount = Math.ceil((index + 1) / pageSize) * pageSize;
    this.host.requestUpdate();
  }

  /** One more page of results; focus goes to the first new card. */
  showMore(found: Found): void {
    const next = found.services[this.shown];
    this.shownCount = this.shown + this.options.pageSize();
    this.focusCard = next?.id;
    this.host.requestUpdate();
  }

  setView(view: ResultsView): void {
    if (view === this.view) return;
    this.chosenView = view === this.defaultView ? undefined : view;
    this.hashStale = true;
    this.host.requestUpdate();
  }

  /** "Near me": ask for the position (only now that the visitor asked), or stop sorting by distance. */
  toggleNear(): void {
    if (this.geoStatus === 'on' || this.geoStatus === 'locating') {
      this.setGeo('off', undefined);
      return;
    }
    const geolocation = this.host.geolocation ?? (typeof navigator !== 'undefined' ? navigator.geolocation : undefined);
    if (!geolocation) {
      this.setGeo('unavailable', undefined);
      return;
    }
    this.setGeo('locating', undefined);
    try {
      geolocation.getCurrentPosition(
        (position) => {
          if (this.geoStatus !== 'locating') return; // turned off meanwhile
          this.firstPage();
          this.setGeo('on', { latitude: position.coords.latitude, longitude: position.coords.longitude });
        },
        (error) => {
          if (this.geoStatus !== 'locating') return;
          this.setGeo(error.code === 1 ? 'denied' : 'unavailable', undefined);
        },
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
      );
    } catch {
      this.setGeo('unavailable', undefined);
    }
  }

  hostConnected(): void {
    if (this.host.syncUrl) this.restoreFromHash();
    window.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  hostUpdate(): void {
    // A page that changes the `view` attribute switches the view, whatever the visitor chose.
    const attributeView = this.options.view?.();
    if (attributeView !== this.attributeView) {
      if (this.attributeView !== undefined) this.chosenView = undefined;
      this.attributeView = attributeView;
      this.hashStale = true;
    }
    if (this.view === 'map') this.map.load();
    const syncUrl = this.host.syncUrl;
    if (syncUrl === this.syncedUrl) return;
    // Turned on after the first render: the link's state wins (on connection, hostConnected read it).
    if (syncUrl && this.syncedUrl !== undefined) this.restoreFromHash();
    this.syncedUrl = syncUrl;
    this.hashStale = true;
  }

  hostUpdated(): void {
    if (this.hashStale && this.host.syncUrl) this.writeHash();
    this.hashStale = false;
    this.moveFocus();
    this.searchOriginals();
  }

  /** For a translated feed (`{lang}` in `src`): search the original-language feed's text too. */
  private searchOriginals(): void {
    const prepared = this.options.prepared?.();
    if (!prepared || prepared === this.originalsFor) return;
    this.originalsFor = prepared;
    const template = this.host.src;
    if (!template?.includes('{lang}') || languageOf(getLocale()) === ORIGINAL_LANGUAGE) return;
    let url: string;
    try {
      url = new URL(expandFeedUrl(template, ORIGINAL_LANGUAGE), document.baseURI).href;
    } catch {
      return; // the element shows the bad src
    }
    void loadOriginalFeed(url).then((original) => {
      if (!original || this.options.prepared?.() !== prepared) return;
      addOriginals(prepared, original);
      this.host.requestUpdate();
    });
  }

  private changeFilters(filters: Filters): void {
    this.current = filters;
    this.firstPage();
    this.hashStale = true;
    this.host.requestUpdate();
  }

  private firstPage(): void {
    this.shownCount = this.options.pageSize();
  }

  private setGeo(status: GeoStatus, position: Position | undefined): void {
    this.geoStatus = status;
    this.position = position;
    this.host.requestUpdate();
  }

  private moveFocus(): void {
    const root = this.host.renderRoot;
    if (this.focusDetail) {
      this.focusDetail = false;
      root.querySelector<HTMLElement>('#detail-title')?.focus();
    }
    if (this.focusCard !== undefined) {
      const id = this.focusCard;
      this.focusCard = undefined;
      const button = [...root.querySelectorAll<HTMLButtonElement>('.card-title')].find((b) => b.dataset.id === id);
      if (button) button.focus();
      else if (id !== undefined && this.view === 'map') this.map.focusService(id);
    }
    if (this.focusSearch) {
      this.focusSearch = false;
      root.querySelector<HTMLInputElement>('#q')?.focus();
    }
  }

  /** Our segment of the hash: `oc-sf`, or `oc-sf-<id>` for a finder with an id, so two finders on a page do not collide. */
  private get hashKey(): string {
    return this.host.id ? `${DEFAULT_HASH_KEY}-${this.host.id}` : DEFAULT_HASH_KEY;
  }

  private restoreFromHash(): void {
    if (!this.host.syncUrl) return;
    const restored = readHash(location.hash, this.hashKey);
    if (restored) this.state = restored;
  }

  private writeHash(): void {
    const hash = writeHash(location.hash, this.state, this.hashKey);
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    // replaceState: typing a query must not fill the history with one entry per keystroke.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }
}
