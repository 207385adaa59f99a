#!/usr/bin/env node
/**
 * `npm run bench`: what the widgets cost a page, measured rather than guessed.
 *  - gzip size of each drop-in entry on first load, against the budgets;
 *  - in headless Chromium, on the demo page: time to the first rendered switcher, and the time
 *    setLocale takes to switch every widget (median of repeated switches);
 *  - the widgets' own benchmarks in the page (service-finder search on 10,000 services, the event
 *    calendar parsing, expanding and rendering 2,000 events), bundled for production;
 *  - the report receiver under concurrent POSTs on loopback (PGlite, and PostgreSQL when installed):
 *    throughput, p50/p99 latency, and that nothing was lost or stored twice.
 * Results go to the console and to .cache/bench.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { build } from './build.mjs';
import { chromeArgs, findChrome } from './chrome.mjs';
import { root } from './run.mjs';
import { workspacePackages } from './workspaces.mjs';
import { createApp } from '../packages/server/src/app.mjs';
import { run as reportsLoad } from '../packages/server/bench/reports-load.mjs';
import { startPostgres } from '../packages/server/test/postgres.mjs';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await build({ quiet: true });
const sizes = JSON.parse(readFileSync(`${root}/packages/widgets/dist/cdn/sizes.json`, 'utf8'));

const server = createApp();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
const results = { sizes: {}, firstRenderMs: [], switchMs: undefined };

try {
  for (const [file, { initialGzip }] of Object.entries(sizes)) results.sizes[file] = initialGzip;

  for (let run = 0; run < 7; run++) {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() =>
      document.querySelector('oc-language-switcher')?.shadowRoot?.querySelector('select'),
    );
    results.firstRenderMs.push(await page.evaluate(() => performance.now()));
    await page.close();
  }

  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.querySelector('oc-language-switcher')?.shadowRoot?.querySelector('select'));
  results.switchMs = await page.evaluate(async () => {
    const { setLocale } = await import('/cdn/open-city-widgets.js');
    const switcher = document.querySelector('oc-language-switcher');
    const times = [];
    for (let i = 0; i < 41; i++) {
      const started = performance.now();
      await setLocale(i % 2 ? 'uk' : 'ar');
      await switcher.updateComplete;
      times.push(performance.now() - started);
    }
    return times;
  });

  // Each widget's bench/*.ts exports run(); bundle it for production and run it in a blank page.
  results.widgets = {};
  for (const [name, file] of [
    ['service-finder search', 'packages/service-finder/bench/search-bench.ts'],
    ['event-calendar render', 'packages/event-calendar/bench/render-bench.ts'],
  ]) {
    const bundle = await esbuild({
      stdin: { contents: `import { run } from './${file}'; window.runBench = run;`, resolveDir: root, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      conditions: ['@open-city/source'],
      splitting: false,
      write: false,
    });
    const benchPage = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // A blank page: the demo's strict CSP would refuse an injected script.
    await benchPage.setContent('<!doctype html><html lang="en"><body></body></html>');
    await benchPage.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
    await benchPage.waitForFunction(() => typeof window.runBench === 'function');
    results.widgets[name] = await benchPage.evaluate(() => window.runBench());
    await benchPage.close();
  }
  results.finderMap = await benchFinderMap(browser);
  results.feedToRender = await benchFeedToRender(browser);
} finally {
  await browser.close();
  server.close();
}

console.log('\nDrop-in entries, gzip on first load (budget: all 40 KB, one widget 18 KB)');
for (const [file, bytes] of Object.entries(results.sizes))
  console.log(`  ${file.padEnd(24)} ${(bytes / 1024).toFixed(1)} KB`);
// What each widget adds on top of the shared core chunk, views and all.
const { gzipSync } = await import('node:zlib');
console.log('\nEach widget alone (its define module, minified, gzip, Lit and core excluded; translations are lazy)');
results.widgetSizes = {};
for (const pkg of workspacePackages().filter((candidate) => candidate.manifest.exports?.['./define.js'])) {
  const name = pkg.folder.split('/').pop();
  const bundle = await esbuild({
    entryPoints: [`${pkg.dir}/src/define.ts`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['@open-city/source'],
    external: ['lit', 'lit/*', '@lit/localize', '@open-city/core', './generated/*', 'ical.js'],
    write: false,
  });
  const bytes = gzipSync(bundle.outputFiles[0].contents).length;
  results.widgetSizes[name] = bytes;
  console.log(`  ${name.padEnd(24)} ${(bytes / 1024).toFixed(1)} KB`);
}

console.log('\nDemo page in Chromium');
console.log(
  `  first switcher rendered       median ${median(results.firstRenderMs).toFixed(0)} ms after navigation start (${results.firstRenderMs.length} loads)`,
);
console.log(
  `  setLocale, all widgets redone median ${median(results.switchMs).toFixed(2)} ms, worst ${Math.max(...results.switchMs).toFixed(2)} ms (${results.switchMs.length} switches)`,
);
for (const [name, timings] of Object.entries(results.widgets)) {
  console.log(`\n${name}`);
  for (const [step, value] of Object.entries(timings)) {
    console.log(`  ${step.padEnd(36)} ${typeof value === 'number' ? value.toFixed(2) : value}`);
  }
}

console.log('\nReport receiver, 400 reports each posted twice by 16 concurrent clients, loopback');
results.receiver = {};
const postgres = await startPostgres().catch(() => undefined);
for (const [name, databaseUrl] of [
  ['PGlite', undefined],
  ['PostgreSQL', postgres?.url],
]) {
  if (name === 'PostgreSQL' && !databaseUrl) {
    console.log('  PostgreSQL: not installed, skipped');
    continue;
  }
  const load = await reportsLoad({ reports: 400, concurrency: 16, databaseUrl });
  results.receiver[name] = load;
  console.log(
    `  ${name.padEnd(10)} ${String(load.throughputPerSecond).padStart(5)} req/s  p50 ${load.p50Ms} ms  p99 ${load.p99Ms} ms  ` +
      `stored ${load.storedRows}/${load.sentReports}, lost ${load.lost}, duplicated ${load.duplicates}, failed ${load.failures}`,
  );
  if (load.lost || load.duplicates || load.failures) process.exitCode = 1;
}
await postgres?.stop();

mkdirSync(`${root}/.cache`, { recursive: true });
writeFileSync(`${root}/.cache/bench.json`, JSON.stringify(results, null, 2));

/**
 * The finder's map on 10,000 services: the gzip size of the map chunk (what opening the map
 * downloads), the time to the first drawn map, and the longest main-thread task while the map is
 * dragged and zoomed by mouse and wheel (tiles served from memory: nothing leaves the machine).
 */
async function benchFinderMap(browser) {
  const { gzipSync } = await import('node:zlib');
  const { testTile } = await import('../test/test-tiles.mjs');
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
  console.log('\nservice-finder map, 10,000 services (Chromium; tiles from memory)');
  console.log(
    `  map chunk, gzip                   ${mapChunkGzip === undefined ? 'not found' : `${(mapChunkGzip / 1024).toFixed(1)} KB`}`,
  );
  console.log(`  feed to first drawn map           ${result.firstMapMs} ms (parsing and indexing included)`);
  console.log(`  ${result.drags} drags, ${result.wheelZooms} wheel zooms: markers drawn ${result.markersDrawnRange}`);
  console.log(
    `  longest task while moving         ${result.longestTaskMs} ms (${result.longTasksOver50Ms} over 50 ms; the aim: none over 100 ms)`,
  );
  return result;
}

/**
 * From a large feed's answer to its rendered results, through the drop-in build, at 1× and 4× CPU
 * (CDP `Emulation.setCPUThrottlingRate`): the longest main-thread task (Long Tasks API: none is
 * counted under 50 ms) and the total time, for 10,000 services and for 2,000 events (a tenth of
 * them weekly or monthly series). The page, the build and the feeds are served from memory.
 */
async function benchFeedToRender(browser) {
  const cdn = process.env.OC_CDN_OUT ?? `${root}/packages/widgets/dist/cdn`;
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const services = JSON.stringify(
    Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      name: `Usługa ${i} ${['porady prawne', 'kurs polskiego', 'pomoc psychologiczna', 'praca'][i % 4]}`,
      status: 'active',
      description: `Pomoc dla cudzoziemców w Krakowie, numer ${i}. Bez zapisów, w kilku językach.`,
      organization: { name: `Organizacja ${i % 300}` },
      phones: [{ number: `+48 12 ${String(100000 + i)}` }],
      languages: [{ code: 'pl' }, { code: ['uk', 'en', 'ru'][i % 3] }],
      service_at_locations: [
        {
          location: {
            id: `l${i}`,
            latitude: 49.97 + random() * 0.2,
            longitude: 19.78 + random() * 0.4,
            addresses: [{ address_1: `ul. Testowa ${i}`, city: 'Kraków', postal_code: '31-000' }],
          },
        },
      ],
      schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
      attributes: [{ taxonomy_term: { id: `t${i % 40}`, name: `Kategoria ${i % 40}` } }],
    })),
  );
  const stamp = (ms) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
  for (let i = 0; i < 2000; i++) {
    const start = Date.UTC(2026, 10, 1, 8 + Math.floor(random() * 10)) + Math.floor(random() * 120) * 86_400_000;
    const rule = i % 10 === 0 ? ['RRULE:FREQ=WEEKLY'] : i % 10 === 1 ? ['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=12'] : [];
    ics.push('BEGIN:VEVENT', `UID:e${i}@bench`, 'DTSTAMP:20261101T000000Z', `DTSTART:${stamp(start)}`, 'DURATION:PT2H');
    ics.push(
      `SUMMARY:Wydarzenie ${i}`,
      `DESCRIPTION:Opis wydarzenia ${i}\\, z przecinkiem.`,
      'LOCATION:Biblioteka',
      ...rule,
    );
    ics.push('END:VEVENT');
  }
  ics.push('END:VCALENDAR');
  const feeds = { '/feeds/services.json': services, '/feeds/events.ics': ics.join('\r\n') };
  const page = (tag, src, extra) =>
    `<!doctype html><html lang="pl"><body><${tag} src="${src}" ${extra}></${tag}>` +
    `<script type="module" src="/cdn/open-city-widgets.js"></script></body></html>`;
  const cases = [
    ['10,000 services', 'oc-service-finder', '/feeds/services.json', '', '[part~="card"]'],
    ['2,000 events', 'oc-event-calendar', '/feeds/events.ics', 'month="2026-12" view="list"', '[part~="event"]'],
  ];
  const out = {};
  console.log('\nFrom feed response to rendered results, drop-in build (Chromium; longest main-thread task, total)');
  for (const [name, tag, src, extra, rendered] of cases) {
    for (const rate of [1, 4]) {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await tab.route('http://bench.test/**', async (route) => {
        const { pathname } = new URL(route.request().url());
        if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: page(tag, src, extra) });
        if (feeds[pathname]) return route.fulfill({ contentType: 'text/plain; charset=utf-8', body: feeds[pathname] });
        if (pathname.startsWith('/cdn/')) {
          try {
            return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${cdn}/${pathname.slice(5)}`) });
          } catch {
            return route.fulfill({ status: 404 });
          }
        }
        return route.fulfill({ status: 404 });
      });
      await tab.addInitScript(() => {
        window.benchTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.benchTasks.push([entry.startTime, entry.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await tab.goto('http://bench.test/');
      const metrics = await tab.evaluate(
        async ({ tag, src, rendered }) => {
          const element = document.querySelector(tag);
          const started = performance.now();
          while (!element.shadowRoot?.querySelector(rendered)) {
            if (performance.now() - started > 120_000) throw new Error(`${tag} rendered nothing in 2 minutes`);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          const renderedAt = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 100));
          const response = performance.getEntriesByName(new URL(src, location.href).href)[0];
          const from = response ? response.responseEnd : 0;
          const tasks = window.benchTasks.filter(([start, duration]) => start + duration > from && start < renderedAt);
          return {
            longestTaskMs: Math.round(Math.max(0, ...tasks.map(([, duration]) => duration))),
            totalMs: Math.round(renderedAt - from),
          };
        },
        { tag, src, rendered },
      );
      await tab.close();
      out[`${name} at ${rate}x CPU`] = metrics;
      const longest = metrics.longestTaskMs > 0 ? `${metrics.longestTaskMs} ms` : 'none over 50 ms';
      console.log(
        `  ${`${name}, ${rate}× CPU`.padEnd(28)} longest task ${longest.padEnd(16)} total ${metrics.totalMs} ms`,
      );
    }
  }
  console.log('  (the aim: no task over 200 ms at 1× CPU)');
  return out;
}
