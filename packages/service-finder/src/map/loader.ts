import { adoptStyles, type LitElement, type ReactiveControllerHost } from 'lit';
import { ChunkLoadError, announceProblem, lazyModule } from '@open-city/core';
import { serviceFinderStyles } from '../oc-service-finder.styles.js';
import type { ServiceMap } from './service-map.js';

/**
 * Loads the map chunk the first time the map view is shown (never for a visitor who stays on the
 * list), adopts its styles into the finder's shadow root, and keeps the one map of this finder,
 * so that the place and zoom shown survive a switch to the list and back.
 */

type MapChunk = typeof import('./service-map.js');

const loadMapChunk = lazyModule(() => import('./service-map.js'));

export type MapHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class MapLoader {
  /** Why the map chunk did not load, until it is tried again. */
  error?: ChunkLoadError;
  private chunk?: MapChunk;
  private loading = false;
  private instance?: ServiceMap;

  constructor(private readonly host: MapHost) {}

  /** The map, once its chunk is in. */
  get map(): ServiceMap | undefined {
    if (!this.chunk) return undefined;
    return (this.instance ??= new this.chunk.ServiceMap());
  }

  /** Start loading the chunk (again after a failure); cheap to call on every render. */
  load(): void {
    if (this.chunk || this.loading || this.error) return;
    this.loading = true;
    loadMapChunk().then(
      (chunk) => {
        this.loading = false;
        const root = this.host.renderRoot;
        if (root instanceof ShadowRoot) {
          const { elementStyles } = this.host.constructor as typeof LitElement;
          adoptStyles(root, [...elementStyles, serviceFinderStyles, chunk.styles]);
        }
        this.chunk = chunk;
        this.host.requestUpdate();
      },
      (cause: unknown) => {
        this.loading = false;
        this.error = new ChunkLoadError(cause);
        announceProblem(this.host, this.error);
        this.host.requestUpdate();
      },
    );
  }

  retry(): void {
    this.error = undefined;
    this.load();
  }

  /** Focus a service's marker, if the map shows it (Back from the detail). */
  focusService(id: string): boolean {
    return this.instance?.focusService(id) ?? false;
  }
}
