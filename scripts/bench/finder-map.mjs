/* global window, document, customElements -- code run in the page by page.evaluate */
/**
 * Bench section "finder-map": the finder's map on 10,000 services: the gzip size of the map chunk
 * (what opening the map downloads), the time to the first drawn map, and the longest main-thread
 * task while the map is dragged and zoomed by mouse and wheel (tiles served from memory: nothing
 * leaves the machine), and the clustering of 10,000 points alone per zoom level (zooms 10–18, the
 * median of the runs; map/cluster.test.ts checks what it gives, this what it costs). Ours only:
 * there is no peer of this map.
 */
import { readFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';

export async function run({ browser, root, runs = 7, log = console.log }) {
  const result = await measure(browser, root);
  result.clusterPerZoomMs = await measureClustering(browser, root, Math.max(7, runs));
  log(
    `  first map ${result.firstMapMs} ms; longest task while moving ${result.longestTaskMs} ms; clustering ${result.clusterPerZoomMs} ms a zoom level`,
  );
  return {
    rows: [
      {
        figure: 'finder map: chunk loaded when the map opens (gzip)',
        case: 'map view',
        unit: 'KB',
        ours: result.mapChunkGzipBytes === undefined ? '–' : +(result.mapChunkGzipBytes / 1024).toFixed(1),
        peers: {},
      },
      {
        figure: 'finder map: feed to first drawn map (parse and index included)',
        case: '10,000 services',
        unit: 'ms',
        ours: result.firstMapMs,
        peers: {},
      },
      {
        figure: 'finder map: longest main-thread task while moving',
        case: `${result.drags} drags, ${result.wheelZooms} zooms`,
        unit: 'ms',
        ours: result.longestTaskMs,
        peers: {},
        goal: '≤ 100 ms',
      },
      {
        figure: 'finder map: clustering alone, per zoom level (median)',
        case: '10,000 points, zooms 10–18',
        unit: 'ms',
        ours: result.clusterPerZoomMs,
        peers: {},
        goal: '≤ 50 ms',
      },
    ],
    json: result,
  };
}

/** The clustering alone (map/cluster.ts), no DOM: the mean time per zoom level, median of `runs` after a warm-up. */
async function measureClustering(browser, root, runs) {
  const bundle = await esbuild({
    stdin: {
      contents:
        `import { clusterPoints } from './packages/service-finder/src/map/cluster.ts';` +
        `import { project } from './packages/service-finder/src/map/mercator.ts';` +
        `window.benchCluster = { clusterPoints, project };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['@open-city/source'],
    write: false,
  });
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html lang="en"><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
    await page.waitForFunction(() => window.benchCluster);
    return await page.evaluate((runs) => {
      const { clusterPoints, project } = window.benchCluster;
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const points = Array.from({ length: 10_000 }, (_, i) => ({
        id: `s${i}`,
        ...project({ latitude: 49.95 + random() * 0.25, longitude: 19.75 + random() * 0.45 }),
      }));
      const times = [];
      for (let run = -1; run < runs; run++) {
        const started = performance.now();
        for (let zoom = 10; zoom <= 18; zoom++) clusterPoints(points, zoom, (p) => p.id);
        if (run >= 0) times.push((performance.now() - started) / 9);
      }
      times.sort((a, b) => a - b);
      return +times[Math.floor(times.length / 2)].toFixed(2);
    }, runs);
  } finally {
    await page.close();
  }
}

async function measure(browser, root) {
  const { gzipSync } = await import('node:zlib');
  const { testTile } = await import('../../test/test-tiles.mjs');
  const cdn = process.env.OC_CDN_OUT ?? `${root}/packages/widgets/dist/cdn`;
  // The map chunk is the one reached from service-finder.js (older builds may have left others).
  const reached = new Set();
  const walk = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const code = readFileSync(`${cdn}/${file}`, 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const [, path] of code.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) walk(`${dir}${path}`);
  };
  walk('service-finder.js');
  const mapFile = [...reached].find((file) => /chunks\/service-map-[^/]+\.js$/.test(file));
  const mapChunkGzip = mapFile ? gzipSync(readFileSync(`${cdn}/${mapFile}`)).length : undefined;

  const bundle = await esbuild({
    stdin: { contents: `import '@open-city/service-finder/define.js';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['@open-city/source'],
    write: false,
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.route('http://tiles.bench/**', (route) => {
    const [x, y] = new URL(route.request().url()).pathname.split('/').slice(2).map(Number);
    return route.fulfill({ contentType: 'image/png', body: testTile((x + y) % 2 === 1) });
  });
  await page.setContent('<!doctype html><html lang="en"><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
  await page.waitForFunction(() => customElements.get('oc-service-finder'));
  const firstMapMs = await page.evaluate(async (count) => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const services = Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      name: `Service ${i}`,
      status: 'active',
      service_at_locations: [
        {
          location: {
            id: `l${i}`,
            latitude: 49.97 + random() * 0.2,
            longitude: 19.78 + random() * 0.4,
            addresses: [{ address_1: `ul. Testowa ${i}`, city: 'Kraków' }],
          },
        },
      ],
    }));
    const finder = document.createElement('oc-service-finder');
    finder.setAttribute('view', 'map');
    finder.setAttribute('map-tiles', 'http://tiles.bench/{z}/{x}/{y}.png');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(services);
    finder.append(script);
    const started = performance.now();
    document.body.append(finder);
    await finder.loaded;
    while (!finder.shadowRoot.querySelector('.markers li')) await new Promise((resolve) => setTimeout(resolve, 10));
    return performance.now() - started;
  }, 10_000);
  // Long tasks from here on: only those of moving the map (not parsing 10,000 services).
  await page.evaluate(() => {
    window.mapLongTasks = [];
    new PerformanceObserver((list) =>
      window.mapLongTasks.push(...list.getEntries().map((entry) => entry.duration)),
    ).observe({
      type: 'longtask',
    });
  });
  const box = await page.evaluate(() => {
    const rect = document
      .querySelector('oc-service-finder')
      .shadowRoot.querySelector('.viewport')
      .getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  const markersShown = () =>
    page.evaluate(() => document.querySelector('oc-service-finder').shadowRoot.querySelectorAll('.markers li').length);
  const drag = async (dx, dy) => {
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + (dx * step) / 12, box.y + (dy * step) / 12);
    await page.mouse.up();
  };
  const wheel = async (levels) => {
    for (let i = 0; i < Math.abs(levels); i++) {
      await page.mouse.move(box.x, box.y);
      await page.mouse.wheel(0, levels > 0 ? -120 : 120);
      await page.waitForTimeout(200);
    }
  };
  const started = performance.now();
  const markers = [await markersShown()];
  let moves = 0;
  for (const levels of [0, 2, 2, 2, -3, -3]) {
    await wheel(levels);
    markers.push(await markersShown());
    for (const [dx, dy] of [
      [300, 0],
      [0, 200],
      [-300, 0],
      [0, -200],
    ]) {
      await drag(dx, dy);
      moves++;
    }
  }
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => window.mapLongTasks);
  await page.close();
  const result = {
    mapChunkGzipBytes: mapChunkGzip,
    firstMapMs: Math.round(firstMapMs),
    scriptedSeconds: Math.round((performance.now() - started) / 100) / 10,
    drags: moves,
    wheelZooms: 12,
    markersDrawnRange: `${Math.min(...markers)}–${Math.max(...markers)}`,
    longTasksOver50Ms: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
  };
  return result;
}
