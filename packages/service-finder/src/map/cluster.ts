import { scaleAt, type WorldPoint } from './mercator.js';

/**
 * Grid-based greedy clustering, recomputed per zoom level: each point joins the nearest cluster
 * started within `radius` pixels (looked up in the 3 × 3 grid cells around it), or starts one.
 * Linear in the number of points, so 10,000 services cluster in a few milliseconds.
 */

export interface Cluster<P extends WorldPoint> {
  /** Stable at a zoom level for the same points: the key of its first member. */
  key: string;
  /** The members' mean position, in world units at zoom 0. */
  x: number;
  y: number;
  members: P[];
}

interface Seed<P extends WorldPoint> {
  /** Where the cluster started, in radii at this zoom. */
  px: number;
  py: number;
  sumX: number;
  sumY: number;
  members: P[];
}

export function clusterPoints<P extends WorldPoint>(
  points: readonly P[],
  zoom: number,
  keyOf: (point: P) => string,
  radius = 40,
): Cluster<P>[] {
  const scale = scaleAt(zoom) / radius;
  // Cells are numbered row by row from the points' own corner, so that keys stay small integers
  // (which a Map hashes fastest) at any zoom.
  let minColumn = Infinity;
  let minRow = Infinity;
  let maxColumn = -Infinity;
  for (const { x, y } of points) {
    const column = Math.floor(x * scale);
    if (column < minColumn) minColumn = column;
    if (column > maxColumn) maxColumn = column;
    minRow = Math.min(minRow, Math.floor(y * scale));
  }
  const width = maxColumn - minColumn + 3;
  const cells = new Map<number, Seed<P>[]>();
  const seeds: Seed<P>[] = [];
  for (const point of points) {
    // In units of the radius: "within the radius" is a distance below 1.
    const px = point.x * scale;
    const py = point.y * scale;
    const key = (Math.floor(py) - minRow + 1) * width + Math.floor(px) - minColumn + 1;
    let nearest: Seed<P> | undefined;
    let best = 1;
    for (let dr = -width; dr <= width; dr += width) {
      for (let dc = -1; dc <= 1; dc++) {
        const cell = cells.get(key + dr + dc);
        if (!cell) continue;
        for (const seed of cell) {
          const d = (seed.px - px) ** 2 + (seed.py - py) ** 2;
          if (d <= best) {
            best = d;
            nearest = seed;
          }
        }
      }
    }
    if (nearest) {
      nearest.members.push(point);
      nearest.sumX += point.x;
      nearest.sumY += point.y;
      continue;
    }
    const seed: Seed<P> = { px, py, sumX: point.x, sumY: point.y, members: [point] };
    seeds.push(seed);
    const cell = cells.get(key);
    if (cell) cell.push(seed);
    else cells.set(key, [seed]);
  }
  return seeds.map((seed) => ({
    key: keyOf(seed.members[0]),
    x: seed.sumX / seed.members.length,
    y: seed.sumY / seed.members.length,
    members: seed.members,
  }));
}
