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
