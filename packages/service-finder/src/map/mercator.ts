/**
 * Web Mercator, as raster tile servers cut the world (EPSG:3857, 256-pixel tiles, y down from the
 * north). Points are kept in "world units" at zoom 0, where the whole world is 256 × 256; at zoom z
 * one unit is 2^z pixels.
 */

export const TILE_SIZE = 256;
/** Latitude beyond which Web Mercator stops (the square world's edge). */
const MAX_LATITUDE = 85.0511287798;

export interface WorldPoint {
  x: number;
  y: number;
}

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** A latitude and longitude in world units at zoom 0. */
export function project({ latitude, longitude }: LatLon): WorldPoint {
  const lat = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)) * Math.PI) / 180;
  return {
    x: ((longitude + 180) / 360) * TILE_SIZE,
    y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * TILE_SIZE,
  };
}

/** World units at zoom 0 back to a latitude and longitude. */
export function unproject({ x, y }: WorldPoint): LatLon {
  const n = Math.PI - (2 * Math.PI * y) / TILE_SIZE;
  return {
    latitude: (180 / Math.PI) * Math.atan(Math.sinh(n)),
    longitude: (x / TILE_SIZE) * 360 - 180,
  };
}

/** How many pixels one world unit is at a zoom level. */
export const scaleAt = (zoom: number) => 2 ** zoom;

/** Metres per pixel at a latitude and zoom level (for "an area about 2 km across"). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * scaleAt(zoom));
}

export interface View {
  /** The centre, in world units at zoom 0. */
  center: WorldPoint;
  zoom: number;
}

/**
 * The view that shows every point with `padding` pixels to spare in a `width` × `height` viewport:
 * the largest whole zoom level from `minZoom` to `maxZoom` at which they fit.
 */
export function fitPoints(
  points: readonly WorldPoint[],
  width: number,
  height: number,
  { padding = 32, minZoom = 2, maxZoom = 16 } = {},
): View | undefined {
  if (points.length === 0) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const room = (size: number, span: number) =>
    span <= 0 ? Infinity : Math.log2(Math.max(1, size - 2 * padding) / span);
  const fit = Math.floor(Math.min(room(width, spanX), room(height, spanY)));
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  return { center: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, zoom };
}

export interface TileRef {
  z: number;
  /** Column, wrapped into 0 … 2^z − 1. */
  x: number;
  /** Column before wrapping: two copies of one tile on a wide, zoomed-out map differ here. */
  column: number;
  y: number;
  /** Where the tile's top-left corner is, in pixels from the viewport's top-left corner. */
  left: number;
  top: number;
}

/** The tiles that cover a viewport, from the top row down; columns wrap around the antimeridian. */
export function tilesFor(view: View, width: number, height: number): TileRef[] {
  const { zoom } = view;
  const count = 2 ** zoom;
  const scale = scaleAt(zoom);
  const originX = view.center.x * scale - width / 2;
  const originY = view.center.y * scale - height / 2;
  const tiles: TileRef[] = [];
  const firstColumn = Math.floor(originX / TILE_SIZE);
  const lastColumn = Math.floor((originX + width - 1) / TILE_SIZE);
  const firstRow = Math.max(0, Math.floor(originY / TILE_SIZE));
  const lastRow = Math.min(count - 1, Math.floor((originY + height - 1) / TILE_SIZE));
  for (let row = firstRow; row <= lastRow; row++) {
    for (let column = firstColumn; column <= lastColumn; column++) {
      tiles.push({
        z: zoom,
        x: ((column % count) + count) % count,
        column,
        y: row,
        left: Math.round(column * TILE_SIZE - originX),
        top: Math.round(row * TILE_SIZE - originY),
      });
    }
  }
  return tiles;
}

/**
 * Keeps the centre on the world: vertically where the map still fills the viewport, horizontally
 * between the antimeridians (markers are not repeated, so the map does not wrap around).
 */
export function clampCenter(view: View, height: number): WorldPoint {
  const scale = scaleAt(view.zoom);
  const half = height / 2 / scale;
  const x = Math.max(0, Math.min(TILE_SIZE, view.center.x));
  const y = half * 2 >= TILE_SIZE ? TILE_SIZE / 2 : Math.max(half, Math.min(TILE_SIZE - half, view.center.y));
  return { x, y };
}
