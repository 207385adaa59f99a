import { expect } from '@open-wc/testing';
import { clampCenter, fitPoints, metresPerPixel, project, tilesFor, unproject } from './mercator.js';

describe('mercator', () => {
  it('projects as tile servers cut the world, and back', () => {
    expect(project({ latitude: 0, longitude: 0 })).to.deep.equal({ x: 128, y: 128 });
    // Kraków's main square is in tile 12/2274/1388 (the slippy-map formula: y = (1 − asinh(tan φ)/π)/2 · 2^z).
    const rynek = project({ latitude: 50.0617, longitude: 19.9373 });
    expect(Math.floor((rynek.x * 2 ** 12) / 256)).to.equal(2274);
    expect(Math.floor((rynek.y * 2 ** 12) / 256)).to.equal(1388);
    const back = unproject(rynek);
    expect(back.latitude).to.be.closeTo(50.0617, 1e-9);
    expect(back.longitude).to.be.closeTo(19.9373, 1e-9);
  });

  it('fits points at the largest zoom where they fit, centred on them', () => {
    const a = project({ latitude: 50.04, longitude: 19.89 });
    const b = project({ latitude: 50.09, longitude: 20.04 });
    const view = fitPoints([a, b], 600, 400)!;
    const span = (zoom: number) => (b.x - a.x) * 2 ** zoom;
    expect(span(view.zoom)).to.be.at.most(600 - 64);
    expect(span(view.zoom + 1)).to.be.greaterThan(600 - 64);
    expect(view.center.x).to.be.closeTo((a.x + b.x) / 2, 1e-9);
    expect(fitPoints([a], 600, 400)!.zoom).to.equal(16); // one point: the fitting limit
    expect(fitPoints([], 600, 400)).to.equal(undefined);
  });

  it('lists the tiles that cover the viewport, positioned from its corner', () => {
    const tiles = tilesFor({ center: { x: 128, y: 128 }, zoom: 2 }, 512, 256);
    expect(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).to.deep.equal(['2/1/1', '2/2/1', '2/1/2', '2/2/2']);
    expect(tiles[0]).to.include({ left: 0, top: -128 });
    // Wider than the world: columns wrap, each copy with its own position.
    const wide = tilesFor({ center: { x: 128, y: 128 }, zoom: 2 }, 1600, 256);
    expect(wide.filter((t) => t.x === 0 && t.y === 1).map((t) => t.column)).to.deep.equal([0, 4]);
  });

  it('keeps the centre on the world', () => {
    expect(clampCenter({ center: { x: -10, y: -10 }, zoom: 3 }, 400)).to.deep.equal({ x: 0, y: 200 / 8 });
    expect(clampCenter({ center: { x: 300, y: 128 }, zoom: 0 }, 400)).to.deep.equal({ x: 256, y: 128 });
  });

  it('gives ground metres per pixel', () => {
    expect(metresPerPixel(0, 0)).to.be.closeTo(156_543, 1);
    expect(metresPerPixel(50.06, 14)).to.be.closeTo(6.13, 0.01);
  });
});
