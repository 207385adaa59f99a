import { urlRule, type AttributeRule } from '@open-city/core';

/**
 * The rule of `map-tiles`, in the element's first chunk (everything else of the map loads only
 * when the map is opened).
 */

/** OpenStreetMap's public raster tiles: the default of `map-tiles`. */
export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

const webAddress = urlRule();

/** A raster tile URL template: an http(s) URL or a path on the site, holding `{z}`, `{x}` and `{y}`. */
export const tilesRule = (): AttributeRule<string> => ({
  ...webAddress,
  expected: 'a tile URL template with {z}, {x} and {y}, such as "https://tiles.example.org/{z}/{x}/{y}.png"',
  default: OSM_TILES,
  read: (raw) =>
    ['{z}', '{x}', '{y}'].every((part) => String(raw).includes(part)) ? webAddress.read(raw) : { ok: false },
});
