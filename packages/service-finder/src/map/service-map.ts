import { html, nothing, render, svg, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg } from '@lit/localize';
import { directionOf, getLocale, headingTag, renderIcon, retryText } from '@open-city/core';
import type { Position } from '../finder.js';
import { formatDistance } from '../format.js';
import type { Place, Service } from '../model.js';
import { clusterPoints, type Cluster } from './cluster.js';
import { mapStyles } from './map.styles.js';
import { placeAt } from './place-at.js';
import { areaText, clusterLabel, inViewText, shortCount } from './map-text.js';
import {
  clampCenter,
  fitPoints,
  metresPerPixel,
  project,
  scaleAt,
  tilesFor,
  TILE_SIZE,
  unproject,
  type View,
  type WorldPoint,
} from './mercator.js';

/**
 * The finder's map: a raster tile layer and clustered service markers, written for this widget
 * rather than taken from a map library (see docs/service-finder.md for the measurements). It is
 * the lazy chunk the finder loads only when the visitor opens the map view.
 *
 * The map owns one element, which the view puts into the finder's template; the element (and so
 * the place and zoom shown) outlives a switch to the list and back.
 */

export { mapStyles as styles };

export const MIN_ZOOM = 2;
export const MAX_ZOOM = 18;
/** Fitting the services never zooms in closer than this (one service alone is shown in its streets). */
const FIT_MAX_ZOOM = 16;
/** Markers closer than this many pixels are drawn as one cluster. */
const CLUSTER_RADIUS = 56;
/** Quiet time after a move before the new view is announced. */
const ANNOUNCE_DELAY = 900;

export interface MapProps {
  /** The services found (in the order found); those with coordinates are drawn. */
  services: readonly Service[];
  /** The visitor's position after "Near me": drawn on the map, never sent anywhere. */
  position?: Position;
  /** Tile URL template with `{z}`, `{x}`, `{y}`. */
  tiles: string;
  /** A function that names each tile instead of the template (the `mapTileUrl` property). */
  tileUrl?: (z: number, x: number, y: number) => string;
  /** The attribution text (`map-attribution`), else OpenStreetMap's. */
  attribution?: string | null;
  /** A marker was activated: open the service as the list does. */
  onOpen(service: Service): void;
  /** The widget's `heading-level` (default 2). */
  headingLevel?: number;
}

/** One place of one service, in world units at zoom 0. */
interface Spot extends WorldPoint {
  key: string;
  service: Service;
  place: Place;
}

/** A cluster and the distinct services it holds (computed once per zoom level). */
interface Group {
  cluster: Cluster<Spot>;
  services: Service[];
}

/** A cluster in view: where it is, in pixels from the viewport's top-left corner. */
interface Shown extends Group {
  left: number;
  top: number;
}

const icons = {
  plus: svg`<path d="M12 5v14M5 12h14"/>`,
  minus: svg`<path d="M5 12h14"/>`,
  north: svg`<path d="m6 15 6-6 6 6"/>`,
  south: svg`<path d="m6 9 6 6 6-6"/>`,
  west: svg`<path d="m15 6-6 6 6 6"/>`,
  east: svg`<path d="m9 6 6 6-6 6"/>`,
  fit: svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`,
  me: svg`<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3"/><circle cx="12" cy="12" r="7"/>`,
  close: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
};

const DEFAULT_CENTER = project({ latitude: 50.0614, longitude: 19.9372 });

function fillTemplate(template: string, z: number, x: number, y: number): string {
  return template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));
}

function sameServices(a: readonly Service[] | undefined, b: readonly Service[]): boolean {
  return a !== undefined && a.length === b.length && a.every((service, i) => service === b[i]);
}

/** The distinct services of a cluster, in the order found. */
function servicesOf(cluster: Cluster<Spot>): Service[] {
  if (cluster.members.length === 1) return [cluster.members[0].service];
  const seen = new Set<Service>();
  for (const spot of cluster.members) seen.add(spot.service);
  return [...seen];
}

export class ServiceMap {
  /** The map's own element, kept across renders of the finder. */
  readonly element: HTMLElement = document.createElement('div');

  private props?: MapProps;
  private spots: Spot[] = [];
  private readonly clusters = new Map<number, Group[]>();
  private view: View = { center: DEFAULT_CENTER, zoom: 12 };
  private width = 0;
  private height = 0;
  /** The view shows the current services as fitted, or the visitor has moved it since. */
  private fitted = false;
  private moved = false;

  /** The spot whose marker (or cluster) is the one marker in the tab order (roving focus). */
  private anchor?: Spot;
  /** Focus the anchor's marker after the next draw (it moved, or the visitor asked). */
  private focusAnchor = false;
  /** Services sharing one place, listed in a panel (a cluster that zooming cannot split). */
  private together?: Service[];
  private focusTogether = false;

  private readonly tileStatus = new Map<string, 'loaded' | 'failed'>();
  private tileRound = 0;
  /** Most tiles in view did not load (set while drawing the tiles, read by the note after them). */
  private tilesFailed = false;
  private announcement = '';
  private announceTimer?: ReturnType<typeof setTimeout>;
  private frame?: number;
  private idle?: number;
  /** The pane's top-left corner, in world pixels at `zoom`: where its children are placed from. */
  private paneOrigin = { x: 0, y: 0, zoom: Number.NaN };

  private readonly pointers = new Map<number, { x: number; y: number }>();
  private drag?: { id: number; x: number; y: number; center: WorldPoint; moved: boolean };
  private pinch?: { distance: number; mid: { x: number; y: number }; scale: number; now: { x: number; y: number } };
  private clickSuppressed = false;
  private wheelDelta = 0;
  private lastWheel = 0;

  private readonly resizeObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(([entry]) => this.resized(entry.contentRect.width, entry.contentRect.height))
      : undefined;
  private observed?: Element;

  constructor() {
    this.element.className = 'map';
    this.element.setAttribute('part', 'map');
  }

  /** New data from the finder's render (services, position, locale): draws at once. */
  update(props: MapProps): void {
    const servicesChanged = !sameServices(this.props?.services, props.services);
    this.props = props;
    if (servicesChanged) this.setServices(props.services);
    this.draw();
  }

  /** Focus the marker of a service if it is in view (Back from its detail); false when it is not. */
  focusService(id: string): boolean {
    const shown = this.shownClusters().find((entry) => entry.services.some((service) => service.id === id));
    if (!shown) return false;
    this.anchor = shown.cluster.members.find((spot) => spot.service.id === id) ?? shown.cluster.members[0];
    this.focusAnchor = true;
    this.draw();
    return true;
  }

  private setServices(services: readonly Service[]): void {
    this.spots = [];
    for (const service of services) {
      service.places.forEach((place, index) => {
        if (place.latitude === undefined || place.longitude === undefined) return;
        const { x, y } = project({ latitude: place.latitude, longitude: place.longitude });
        this.spots.push({ key: `${service.id}#${index}`, service, place, x, y });
      });
    }
    this.clusters.clear();
    this.together = undefined;
    if (this.anchor && !this.spots.some((spot) => spot.key === this.anchor!.key)) this.anchor = undefined;
    // Follow the results while the visitor has not moved the map; once they have, keep their view.
    if (!this.moved) this.fitted = false;
  }

  private clustersAt(zoom: number): Group[] {
    let groups = this.clusters.get(zoom);
    if (!groups) {
      groups = clusterPoints(this.spots, zoom, (spot) => spot.key, CLUSTER_RADIUS).map((cluster) => ({
        cluster,
        services: servicesOf(cluster),
      }));
      this.clusters.set(zoom, groups);
    }
    return groups;
  }

  /** The viewport's top-left corner, in pixels of the world at the current zoom. */
  private get corner(): WorldPoint {
    const scale = scaleAt(this.view.zoom);
    return { x: this.view.center.x * scale - this.width / 2, y: this.view.center.y * scale - this.height / 2 };
  }

  /** The clusters whose centre is inside the viewport, in reading order (rows, then along the line). */
  private shownClusters(): Shown[] {
    if (this.width === 0 || this.height === 0) return [];
    const scale = scaleAt(this.view.zoom);
    const corner = this.corner;
    const shown: Shown[] = [];
    for (const group of this.clustersAt(this.view.zoom)) {
      const left = group.cluster.x * scale - corner.x;
      const top = group.cluster.y * scale - corner.y;
      if (left < 0 || top < 0 || left > this.width || top > this.height) continue;
      shown.push({ ...group, left, top });
    }
    const rtl = directionOf(getLocale()) === 'rtl';
    const band = (entry: Shown) => Math.floor((entry.cluster.y * scale) / CLUSTER_RADIUS);
    return shown.sort((a, b) => band(a) - band(b) || (rtl ? b.left - a.left : a.left - b.left));
  }

  // ---- drawing

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  private draw(): void {
    const props = this.props;
    if (!props) return;
    if (this.frame !== undefined) {
      cancelAnimationFrame(this.frame);
      this.frame = undefined;
    }
    if (this.width === 0) this.measure();
    if (!this.fitted && this.width > 0) this.fit();
    const shown = this.shownClusters();
    if (this.anchor && !shown.some((entry) => entry.cluster.members.includes(this.anchor!))) {
      // The anchor's marker left the view: the roving stop moves to the first marker in view.
      this.anchor = shown[0]?.cluster.members[0];
    } else if (!this.anchor) this.anchor = shown[0]?.cluster.members[0];
    // The pane is moved as a whole (one transform: a pan repaints nothing); its children are placed
    // from its own corner, which is set again only at a new zoom or after a long way.
    const corner = this.corner;
    const origin = this.paneOrigin;
    if (origin.zoom !== this.view.zoom || Math.abs(corner.x - origin.x) > 1e5 || Math.abs(corner.y - origin.y) > 1e5) {
      this.paneOrigin = { x: Math.round(corner.x), y: Math.round(corner.y), zoom: this.view.zoom };
    }
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement;
    const onMarker = focused instanceof HTMLElement && this.element.contains(focused) && !!focused.closest('.markers');
    render(this.template(props, shown), this.element);
    this.observe();
    this.restoreFocus(root, onMarker);
    this.prepareNeighbours();
  }

  /** Cluster the zoom levels next to this one while the browser is idle, so a zoom step finds them ready. */
  private prepareNeighbours(): void {
    if (this.idle !== undefined || typeof requestIdleCallback !== 'function') return;
    this.idle = requestIdleCallback(() => {
      this.idle = undefined;
      const { zoom } = this.view;
      const next = [zoom + 1, zoom - 1].find((z) => z >= MIN_ZOOM && z <= MAX_ZOOM && !this.clusters.has(z));
      if (next === undefined) return;
      this.clustersAt(next);
      this.prepareNeighbours();
    });
  }

  private template(props: MapProps, shown: Shown[]): TemplateResult {
    const origin = this.paneOrigin;
    const corner = this.corner;
    return html`<div class="map-frame">
        <div
          class="viewport"
          tabindex="0"
          role="group"
          aria-roledescription=${msg('map')}
          aria-label=${msg('Map of the services found')}
          aria-describedby="map-help"
          @keydown=${this.onViewportKey}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerUp}
          @wheel=${this.onWheel}
          @dblclick=${this.onDoubleClick}
          @click=${{ handleEvent: this.onClickCapture, capture: true }}
        >
          <div class="zoomer">
            <div class="pane" ${placeAt(origin.x - corner.x, origin.y - corner.y)}>
              ${this.renderTiles(props)} ${this.renderPosition(props.position)}
              <ul
                class="markers"
                role="list"
                aria-label=${msg('Services on the map')}
                @keydown=${this.onMarkerKey}
                @focusin=${this.onMarkerFocus}
                @click=${this.onMarkerClick}
              >
                ${repeat(
                  shown,
                  (entry) => entry.cluster.key,
                  (entry) => this.renderMarker(entry),
                )}
              </ul>
            </div>
          </div>
        </div>
        ${this.renderControls(props)}
        <p class="attribution">${this.renderAttribution(props.attribution)}</p>
        ${
          this.spots.length === 0
            ? html`<p class="map-note">${msg('None of these services has an address on the map.')}</p>`
            : nothing
        }
        ${
          this.tilesFailed
            ? html`<div class="map-note tiles-failed" role="alert">
                <p>
                  ${msg("The map's streets could not be loaded. The services are still marked, and the list shows them all.")}
                </p>
                <button class="button" type="button" @click=${this.retryTiles}>${retryText()}</button>
              </div>`
            : nothing
        }
        ${this.renderTogether()}
      </div>
      <p id="map-help" class="visually-hidden">
        ${msg(
          'Drag the map or use the arrow keys to move it, and plus and minus to zoom. Press Tab to reach the services on the map, the arrow keys to go from one to the next, and Enter to open one. The list shows the same services.',
        )}
      </p>
      <p class="visually-hidden" role="status">${this.announcement}</p>`;
  }

  /** The tiles in view, placed from the pane's corner; notes whether most of them failed. */
  private renderTiles(props: MapProps): TemplateResult {
    const tiles = this.width > 0 ? tilesFor(this.view, this.width, this.height) : [];
    const origin = this.paneOrigin;
    const urls = tiles.map(
      (tile) => props.tileUrl?.(tile.z, tile.x, tile.y) ?? fillTemplate(props.tiles, tile.z, tile.x, tile.y),
    );
    if (this.tileStatus.size > 512) {
      // A long visit sees thousands of tiles: remember only those in view.
      for (const url of [...this.tileStatus.keys()]) if (!urls.includes(url)) this.tileStatus.delete(url);
    }
    const failed = urls.filter((url) => this.tileStatus.get(url) === 'failed').length;
    const loaded = urls.filter((url) => this.tileStatus.get(url) === 'loaded').length;
    this.tilesFailed = failed > 0 && failed >= loaded;
    return html`<div class="tiles" aria-hidden="true">
      ${repeat(
        tiles,
        (tile) => `${this.tileRound}/${tile.z}/${tile.column}/${tile.y}`,
        (tile, i) =>
          html`<img
            class=${this.tileStatus.get(urls[i]) === 'failed' ? 'tile failed' : 'tile'}
            alt=""
            draggable="false"
            decoding="async"
            referrerpolicy="strict-origin"
            src=${urls[i]}
            ${placeAt(tile.column * TILE_SIZE - origin.x, tile.y * TILE_SIZE - origin.y)}
            @load=${this.onTileLoad}
            @error=${this.onTileError}
          />`,
      )}
    </div>`;
  }

  private renderMarker({ cluster, services }: Shown): TemplateResult {
    const scale = scaleAt(this.view.zoom);
    const left = cluster.x * scale - this.paneOrigin.x;
    const top = cluster.y * scale - this.paneOrigin.y;
    const single = services.length === 1;
    const service = services[0];
    const label = single ? this.markerName(service, cluster.members[0].place) : clusterLabel(services.length);
    const size = services.length < 10 ? 's' : services.length < 100 ? 'm' : 'l';
    const inTabOrder = this.anchor !== undefined && cluster.members.includes(this.anchor);
    return html`<li class="spot" ${placeAt(left, top)}>
      <button
        type="button"
        class=${single ? 'marker' : `cluster ${size}`}
        data-key=${cluster.key}
        tabindex=${inTabOrder ? '0' : '-1'}
        aria-label=${label}
      >
        ${single ? nothing : html`<span aria-hidden="true">${shortCount(services.length)}</span>`}
      </button>
    </li>`;
  }

  /** A service's name; with its street when it has several places on the map. */
  private markerName(service: Service, place: Place): string {
    const mapped = service.places.filter((p) => p.latitude !== undefined && p.longitude !== undefined);
    const where = place.address?.street ?? place.name;
    return mapped.length > 1 && where ? `${service.name}, ${where}` : service.name;
  }

  private renderPosition(position: Position | undefined): TemplateResult | typeof nothing {
    if (!position || this.width === 0) return nothing;
    const point = project(position);
    const scale = scaleAt(this.view.zoom);
    const { x, y } = this.corner;
    const left = point.x * scale - x;
    const top = point.y * scale - y;
    if (left < 0 || top < 0 || left > this.width || top > this.height) return nothing;
    return html`<div
      class="me"
      role="img"
      aria-label=${msg('Your location')}
      ${placeAt(point.x * scale - this.paneOrigin.x, point.y * scale - this.paneOrigin.y)}
    ></div>`;
  }

  private renderControls(props: MapProps): TemplateResult {
    const button = (label: string, icon: ReturnType<typeof svg>, action: () => void, disabled = false) =>
      html`<button
        class="map-button"
        type="button"
        aria-label=${label}
        title=${label}
        ?disabled=${disabled}
        @click=${action}
      >
        ${renderIcon(icon)}
      </button>`;
    const { zoom } = this.view;
    return html`<div class="map-controls" role="group" aria-label=${msg('Map controls')}>
      <div class="zoom">
        ${button(msg('Zoom in'), icons.plus, () => this.zoomBy(1), zoom >= MAX_ZOOM)}
        ${button(msg('Zoom out'), icons.minus, () => this.zoomBy(-1), zoom <= MIN_ZOOM)}
        ${button(msg('Show all services on the map'), icons.fit, () => this.showAll(), this.spots.length === 0)}
        ${props.position ? button(msg('Show my location'), icons.me, () => this.showPosition()) : nothing}
      </div>
      <div class="pan">
        ${button(msg('Move north'), icons.north, () => this.panBy(0, -0.25))}
        ${button(msg('Move west'), icons.west, () => this.panBy(-0.25, 0))}
        ${button(msg('Move east'), icons.east, () => this.panBy(0.25, 0))}
        ${button(msg('Move south'), icons.south, () => this.panBy(0, 0.25))}
      </div>
    </div>`;
  }

  private renderAttribution(custom: string | null | undefined): TemplateResult {
    const text = custom?.trim() || msg('© OpenStreetMap contributors');
    // OpenStreetMap's terms ask for a link to its copyright page wherever its data is credited.
    return /openstreetmap/i.test(text)
      ? html`<a href="https://www.openstreetmap.org/copyright" rel="noopener" target="_blank" dir="auto">${text}</a>`
      : html`<span dir="auto">${text}</span>`;
  }

  /** The list of a place's services is headed like a card: one level below the widget's `heading-level`. */
  private togetherHeading() {
    return headingTag(this.props?.headingLevel ?? 2, 1);
  }

  private renderTogether(): TemplateResult | typeof nothing {
    const services = this.together;
    if (!services) return nothing;
    return html`<section class="together" aria-labelledby="together-title" @keydown=${this.onTogetherKey}>
      <div class="together-head">
        ${staticHtml`<${this.togetherHeading()} id="together-title" tabindex="-1">${msg('Services at this place')}</${this.togetherHeading()}>`}
        <button
          class="map-button"
          type="button"
          aria-label=${msg('Close')}
          title=${msg('Close')}
          @click=${this.closeTogether}
        >
          ${renderIcon(icons.close)}
        </button>
      </div>
      <ul role="list">
        ${services.map(
          (service) =>
            html`<li>
              <button class="together-item" type="button" dir="auto" @click=${() => this.props?.onOpen(service)}>
                ${service.name}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  // ---- the view

  private measure(): void {
    const viewport = this.element.querySelector('.viewport');
    if (!viewport?.isConnected) return;
    const { width, height } = viewport.getBoundingClientRect();
    if (width > 0 && height > 0) {
      this.width = width;
      this.height = height;
    }
  }

  private observe(): void {
    const viewport = this.element.querySelector('.viewport');
    if (!viewport || viewport === this.observed) return;
    this.observed = viewport;
    this.resizeObserver?.observe(viewport);
  }

  private resized(width: number, height: number): void {
    // A map taken out of the page (the list is shown) keeps the size it had.
    if (width === 0 || height === 0 || (width === this.width && height === this.height)) return;
    this.width = width;
    this.height = height;
    this.schedule();
  }

  private fit(): void {
    const view = fitPoints(this.spots, this.width, this.height, { minZoom: MIN_ZOOM, maxZoom: FIT_MAX_ZOOM });
    if (view) this.view = { center: clampCenter(view, this.height), zoom: view.zoom };
    this.fitted = true;
  }

  private setView(center: WorldPoint, zoom: number): void {
    const z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    this.view = { center: clampCenter({ center, zoom: z }, this.height), zoom: z };
    this.moved = true;
    this.fitted = true;
    this.announceSoon();
  }

  /** Move by a fraction of the viewport (the pan buttons and arrow keys). */
  private panBy(fractionX: number, fractionY: number): void {
    const scale = scaleAt(this.view.zoom);
    const { x, y } = this.view.center;
    this.setView({ x: x + (fractionX * this.width) / scale, y: y + (fractionY * this.height) / scale }, this.view.zoom);
    this.draw();
  }

  /** Zoom by whole levels, keeping the point under `at` (viewport pixels; default the centre) in place. */
  private zoomBy(levels: number, at?: { x: number; y: number }): void {
    const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.view.zoom + levels));
    if (zoom === this.view.zoom) return;
    this.setView(this.worldAt(at, zoom), zoom);
    this.draw();
  }

  /** The centre that keeps the world point under `at` where it is after zooming to `zoom`. */
  private worldAt(at: { x: number; y: number } | undefined, zoom: number, to = at): WorldPoint {
    const before = scaleAt(this.view.zoom);
    const after = scaleAt(zoom);
    const from = at ?? { x: this.width / 2, y: this.height / 2 };
    const target = to ?? from;
    const worldX = this.view.center.x + (from.x - this.width / 2) / before;
    const worldY = this.view.center.y + (from.y - this.height / 2) / before;
    return { x: worldX - (target.x - this.width / 2) / after, y: worldY - (target.y - this.height / 2) / after };
  }

  private showAll(): void {
    this.moved = false;
    this.fit();
    this.announceSoon();
    this.draw();
  }

  private showPosition(): void {
    const position = this.props?.position;
    if (!position) return;
    this.setView(project(position), Math.max(this.view.zoom, 15));
    this.draw();
  }

  private announceSoon(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = this.describeView();
      this.draw();
    }, ANNOUNCE_DELAY);
  }

  /** "Area about 1.2 km across, around ul. Długa 5. 12 services in view" */
  private describeView(): string {
    const shown = this.shownClusters();
    const count = new Set(shown.flatMap((entry) => entry.services)).size;
    const { latitude } = unproject(this.view.center);
    const across = formatDistance(this.width * metresPerPixel(latitude, this.view.zoom), getLocale());
    let nearest: Spot | undefined;
    let best = Infinity;
    for (const entry of shown) {
      for (const spot of entry.cluster.members) {
        const d = (spot.x - this.view.center.x) ** 2 + (spot.y - this.view.center.y) ** 2;
        if (d < best && spot.place.address?.street) {
          best = d;
          nearest = spot;
        }
      }
    }
    return `${areaText(across, nearest?.place.address?.street)} ${inViewText(count)}`;
  }

  // ---- markers and focus

  private clusterOf(button: Element | null): Shown | undefined {
    const key = (button as HTMLElement | null)?.dataset.key;
    return key === undefined ? undefined : this.shownClusters().find((entry) => entry.cluster.key === key);
  }

  /**
   * After a draw: focus the roving marker when asked (a key moved it, a cluster was zoomed into),
   * or when a marker had focus before (Lit moves nodes to keep the order, which drops focus; a
   * marker that left the view hands focus on to the first one in view).
   */
  private restoreFocus(root: Document | ShadowRoot, onMarker: boolean): void {
    if (this.focusTogether) {
      this.focusTogether = false;
      this.element.querySelector<HTMLElement>('#together-title')?.focus();
      return;
    }
    if (!this.focusAnchor && !onMarker) return;
    this.focusAnchor = false;
    const button = this.element.querySelector<HTMLElement>('.markers [tabindex="0"]');
    if (button && root.activeElement !== button) button.focus({ preventScroll: true });
  }

  private readonly onMarkerFocus = (event: FocusEvent) => {
    const shown = this.clusterOf((event.target as Element).closest('button'));
    if (shown && !(this.anchor && shown.cluster.members.includes(this.anchor))) {
      this.anchor = shown.cluster.members[0];
      this.draw();
    }
  };

  private readonly onMarkerClick = (event: MouseEvent) => {
    const shown = this.clusterOf((event.target as Element).closest('button'));
    if (shown) this.activate(shown);
  };

  private readonly onMarkerKey = (event: KeyboardEvent) => {
    const shown = this.shownClusters();
    const index = shown.findIndex((entry) => entry.cluster.key === (event.target as HTMLElement).dataset.key);
    if (index < 0) return;
    const rtl = directionOf(getLocale()) === 'rtl';
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = index + 1;
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'ArrowRight':
        next = rtl ? index - 1 : index + 1;
        break;
      case 'ArrowLeft':
        next = rtl ? index + 1 : index - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = shown.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = shown[Math.max(0, Math.min(shown.length - 1, next))];
    this.anchor = target.cluster.members[0];
    this.focusAnchor = true;
    this.draw();
  };

  /** A marker: open its service. A cluster: zoom in until it splits, or list the services of one place. */
  private activate({ cluster, services }: Shown): void {
    if (services.length === 1) {
      this.props?.onOpen(services[0]);
      return;
    }
    const first = cluster.members[0];
    const apart = cluster.members.some((spot) => spot.x !== first.x || spot.y !== first.y);
    if (apart && this.view.zoom < MAX_ZOOM) {
      const view = fitPoints(cluster.members, this.width, this.height, {
        minZoom: this.view.zoom + 1,
        maxZoom: MAX_ZOOM,
        padding: CLUSTER_RADIUS,
      })!;
      this.setView(view.center, view.zoom);
      this.anchor = first;
      this.focusAnchor = true;
      this.draw();
      return;
    }
    this.anchor = first;
    this.together = services;
    this.focusTogether = true;
    this.draw();
  }

  private readonly closeTogether = () => {
    this.together = undefined;
    this.focusAnchor = true;
    this.draw();
  };

  private readonly onTogetherKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeTogether();
    }
  };

  // ---- tiles

  private readonly onTileLoad = (event: Event) => this.tileSettled(event, 'loaded');
  private readonly onTileError = (event: Event) => this.tileSettled(event, 'failed');

  private tileSettled(event: Event, status: 'loaded' | 'failed'): void {
    const url = (event.target as HTMLImageElement).getAttribute('src');
    if (!url || this.tileStatus.get(url) === status) return;
    this.tileStatus.set(url, status);
    this.schedule();
  }

  private readonly retryTiles = () => {
    this.tileStatus.clear();
    this.tileRound++;
    this.draw();
  };

  // ---- pointer, wheel and keys on the map itself

  private viewportPoint(event: { clientX: number; clientY: number }): { x: number; y: number } {
    const rect = this.observed!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  private readonly onViewportKey = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return; // keys on a marker move between markers
    switch (event.key) {
      case 'ArrowUp':
        this.panBy(0, -0.25);
        break;
      case 'ArrowDown':
        this.panBy(0, 0.25);
        break;
      case 'ArrowLeft':
        this.panBy(-0.25, 0);
        break;
      case 'ArrowRight':
        this.panBy(0.25, 0);
        break;
      case '+':
      case '=':
        this.zoomBy(1);
        break;
      case '-':
      case '_':
        this.zoomBy(-1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private readonly onPointerDown = (event: PointerEvent) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 1) {
      this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, center: this.view.center, moved: false };
    } else if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const mid = this.viewportPoint({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      this.drag = undefined;
      this.pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid, scale: 1, now: mid };
      for (const id of this.pointers.keys()) this.observed?.setPointerCapture?.(id);
    }
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const pinch = this.pinch;
    if (pinch && this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()];
      pinch.scale = Math.hypot(a.x - b.x, a.y - b.y) / pinch.distance;
      pinch.now = this.viewportPoint({ clientX: (a.x + b.x) / 2, clientY: (a.y + b.y) / 2 });
      const pane = this.element.querySelector<HTMLElement>('.zoomer');
      if (pane) {
        const dx = pinch.now.x - pinch.mid.x * pinch.scale;
        const dy = pinch.now.y - pinch.mid.y * pinch.scale;
        pane.style.transform = `translate(${dx}px, ${dy}px) scale(${pinch.scale})`;
      }
      return;
    }
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved) {
      if (Math.hypot(dx, dy) < 5) return;
      drag.moved = true;
      this.observed?.setPointerCapture?.(event.pointerId);
      this.observed?.classList.add('dragging');
    }
    const scale = scaleAt(this.view.zoom);
    this.setView({ x: drag.center.x - dx / scale, y: drag.center.y - dy / scale }, this.view.zoom);
    this.schedule();
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    if (!this.pointers.delete(event.pointerId)) return;
    const pinch = this.pinch;
    if (pinch) {
      if (this.pointers.size > 0) return; // the gesture ends when the last finger lifts
      this.pinch = undefined;
      const pane = this.element.querySelector<HTMLElement>('.zoomer');
      if (pane) pane.style.transform = '';
      const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.view.zoom + Math.round(Math.log2(pinch.scale))));
      this.setView(this.worldAt(pinch.mid, zoom, pinch.now), zoom);
      this.clickSuppressed = true;
      this.draw();
      return;
    }
    if (this.drag?.moved) {
      this.clickSuppressed = true;
      this.observed?.classList.remove('dragging');
      this.draw();
    }
    this.drag = undefined;
  };

  /** A drag that ends on a marker is not a click on it. */
  private readonly onClickCapture = (event: MouseEvent) => {
    if (!this.clickSuppressed) return;
    this.clickSuppressed = false;
    event.stopPropagation();
    event.preventDefault();
  };

  private readonly onDoubleClick = (event: MouseEvent) => {
    if ((event.target as Element).closest('button')) return;
    this.zoomBy(event.shiftKey ? -1 : 1, this.viewportPoint(event));
  };

  private readonly onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const pixels =
      event.deltaMode === 1 ? event.deltaY * 33 : event.deltaMode === 2 ? event.deltaY * 400 : event.deltaY;
    this.wheelDelta += pixels;
    const now = performance.now();
    if (Math.abs(this.wheelDelta) < 50 || now - this.lastWheel < 180) return;
    this.lastWheel = now;
    const levels = this.wheelDelta < 0 ? 1 : -1;
    this.wheelDelta = 0;
    this.zoomBy(levels, this.viewportPoint(event));
  };
}
