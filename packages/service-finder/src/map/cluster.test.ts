import { expect } from '@open-wc/testing';
import { clusterPoints } from './cluster.js';
import { project, scaleAt } from './mercator.js';

interface P {
  id: string;
  x: number;
  y: number;
}

const at = (id: string, latitude: number, longitude: number): P => ({ id, ...project({ latitude, longitude }) });
const sizes = (clusters: { members: P[] }[]) => clusters.map((cluster) => cluster.members.length).sort((a, b) => b - a);

describe('clusterPoints', () => {
  // Three offices in Kraków's old town, 100–200 m apart, and one in Nowa Huta, 8 km east.
  const points = [
    at('rynek', 50.0617, 19.9373),
    at('florianska', 50.0635, 19.9397),
    at('grodzka', 50.0583, 19.9383),
    at('nowa-huta', 50.0717, 20.0379),
  ];

  it('joins points closer than the radius and keeps far ones apart, counting every point once', () => {
    const clusters = clusterPoints(points, 12, (p) => p.id);
    expect(sizes(clusters)).to.deep.equal([3, 1]);
    const town = clusters.find((cluster) => cluster.members.length === 3)!;
    expect(town.key).to.equal('rynek'); // the first member, in input order
    expect(town.members.map((p) => p.id)).to.deep.equal(['rynek', 'florianska', 'grodzka']);
    // Drawn at the members' mean.
    expect(town.x).to.be.closeTo((points[0].x + points[1].x + points[2].x) / 3, 1e-9);
  });

  it('splits as the zoom grows, down to one point per cluster', () => {
    expect(sizes(clusterPoints(points, 8, (p) => p.id))).to.deep.equal([4]);
    expect(sizes(clusterPoints(points, 12, (p) => p.id))).to.deep.equal([3, 1]);
    expect(sizes(clusterPoints(points, 17, (p) => p.id))).to.deep.equal([1, 1, 1, 1]);
  });

  it('never joins points further apart than the radius, whatever the grid cell', () => {
    const zoom = 14;
    const scale = scaleAt(zoom);
    // Two points 39 px apart straddling a 40 px cell border, and one 41 px from the first.
    const base = 1000.5 * 40;
    const line = [
      { id: 'a', x: (base - 1) / scale, y: 100 / scale },
      { id: 'b', x: (base + 38) / scale, y: 100 / scale },
      { id: 'c', x: (base - 42) / scale, y: 100 / scale },
    ];
    const clusters = clusterPoints(line, zoom, (p) => p.id, 40);
    expect(clusters.map((cluster) => cluster.members.map((p) => p.id))).to.deep.equal([['a', 'b'], ['c']]);
  });

  // How long it takes is the bench's business (scripts/bench/finder-map.mjs prints it per zoom level).
  it('puts each of 10,000 points in exactly one cluster at every zoom level, fewer clusters when zoomed out', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const many = Array.from({ length: 10_000 }, (_, i) =>
      at(`s${i}`, 49.95 + random() * 0.25, 19.75 + random() * 0.45),
    );
    let previous = 0;
    for (let zoom = 10; zoom <= 18; zoom++) {
      const clusters = clusterPoints(many, zoom, (p) => p.id);
      const ids = new Set(clusters.flatMap((cluster) => cluster.members.map((p) => p.id)));
      expect(clusters.reduce((sum, cluster) => sum + cluster.members.length, 0)).to.equal(10_000);
      expect(ids.size).to.equal(10_000);
      expect(clusters.length).to.be.at.least(previous);
      previous = clusters.length;
    }
    expect(previous).to.be.greaterThan(clusterPoints(many, 10, (p) => p.id).length);
  });
});
