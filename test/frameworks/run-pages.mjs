#!/usr/bin/env node
/**
 * The React 19 and Vue 3 pages (react-page.tsx, vue-page.ts), bundled by esbuild from the packages'
 * dist/ as an npm user's bundler would (after the build), served with the sample feeds and run in
 * Chromium: each must render its widgets, set attributes and properties, re-render on a change of
 * state, and receive the widgets' events. `node test/frameworks/run-pages.mjs` (npm test runs it).
 */
/* global document, window -- functions run in the page, by Playwright */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { root } from '../../scripts/run.mjs';
import { serveFile } from '../../packages/server/src/static-files.mjs';

const out = join(root, '.cache/framework-pages');
const feeds = {
  'services.json': join(root, 'packages/service-finder/sample/krakow-services.json'),
  'events.ics': join(root, 'packages/event-calendar/sample/krakow-events.ics'),
};

const page = (title, script) => `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><title>${title}</title><script type="module" src="/${script}"></script></head>
<body><div id="app"></div></body>
</html>`;

async function bundle() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: {
      react: join(root, 'test/frameworks/react-page.tsx'),
      vue: join(root, 'test/frameworks/vue-page.ts'),
    },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}

function serve() {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/react.html' || path === '/vue.html') {
      const name = path.slice(1, -5);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(name, `${name}.js`));
      return;
    }
    if (path.startsWith('/feeds/') && feeds[path.slice(7)]) {
      const file = feeds[path.slice(7)];
      const slash = file.lastIndexOf('/');
      if (await serveFile(request, response, file.slice(0, slash), file.slice(slash + 1))) return;
    }
    if (!(await serveFile(request, response, out, path.slice(1)))) response.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Text inside an element's shadow root, as read aloud. */
const shadowText = (page, selector) =>
  page.$eval(selector, (element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());

/** Open the calendar's first event, with the keyboard (focus and Enter), and wait for the page to hear of it. */
async function clickEvent(page) {
  await page.waitForFunction(
    () => document.querySelector('oc-event-calendar').shadowRoot.querySelector('button.event'),
    undefined,
    { timeout: 10_000 },
  );
  await page.evaluate(() =>
    document.querySelector('oc-event-calendar').shadowRoot.querySelector('button.event').focus(),
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.pageLog.event, undefined, { timeout: 10_000 });
}

async function reactPage(browser, base) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/react.html`);
  // Rendered by React, upgraded by our definitions, each with its content.
  await page.waitForFunction(
    () =>
      ['oc-language-switcher', 'oc-service-finder', 'oc-event-calendar'].every(
        (tag) => (document.querySelector(tag)?.shadowRoot?.textContent ?? '').trim().length > 20,
      ),
    undefined,
    { timeout: 20_000 },
  );
  // Attributes: page-size and heading-level reach the element as attributes.
  const finder = await page.$eval('oc-service-finder', (element) => ({
    pageSize: element.getAttribute('page-size'),
    now: element.now instanceof Date ? element.now.toISOString() : String(element.now),
    state: element.state,
  }));
  assert(finder.pageSize === '5', `page-size: ${finder.pageSize}`);
  // Properties: a Date and an object, which an attribute could not carry.
  assert(finder.now === '2026-11-24T10:00:00.000Z', `now: ${finder.now}`);
  await page.waitForFunction(
    () => document.querySelector('oc-service-finder').shadowRoot.querySelectorAll('.card').length > 0,
    undefined,
    { timeout: 20_000 },
  );
  const shown = await page.$eval('oc-service-finder', (element) => ({
    query: element.shadowRoot.querySelector('input[type="search"]')?.value,
    first: element.shadowRoot.querySelector('.card')?.textContent.replace(/\s+/g, ' '),
  }));
  assert(shown.query === 'PESEL', `state.query is not in the search field: ${shown.query}`);
  assert(/PESEL/.test(shown.first ?? ''), `the first result is not about PESEL: ${shown.first?.slice(0, 120)}`);
  // A typed event, handled by React (preventDefault keeps the list; the page shows the id itself).
  await page.evaluate(() =>
    document.querySelector('oc-service-finder').shadowRoot.querySelector('button.card-title').focus(),
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#chosen').textContent.length > 0, undefined, {
    timeout: 10_000,
  });
  const log = await page.evaluate(() => window.pageLog);
  assert(typeof log.service?.id === 'string', `oc-service-select: ${JSON.stringify(log.service)}`);
  assert((await page.textContent('#chosen')) === log.service.id, 'React did not re-render with the event');
  // The calendar's event, with its typed detail.
  await clickEvent(page);
  const { event } = await page.evaluate(() => window.pageLog);
  assert(event.uid && /^\d{4}-\d{2}-\d{2}T/.test(event.start), `oc-event-select: ${JSON.stringify(event)}`);
  assert(event.start.startsWith('2026-11'), `the event is not in November: ${event.start}`);
  // A change of React state reaches the element: the calendar moves to December.
  const before = await page.$eval('oc-event-calendar', (element) => element.shownMonth);
  assert(before === '2026-11', `the calendar began at ${before}`);
  await page.click('#next-month');
  await page.waitForFunction(() => document.querySelector('oc-event-calendar').shownMonth === '2026-12', undefined, {
    timeout: 10_000,
  });
  assert((await shadowText(page, 'oc-service-finder')).length > 0, 'the finder is empty');
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  await page.close();
}

async function vuePage(browser, base) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/vue.html`);
  await page.waitForFunction(
    () =>
      ['oc-language-switcher', 'oc-event-calendar', 'oc-incident-report'].every(
        (tag) => (document.querySelector(tag)?.shadowRoot?.textContent ?? '').trim().length > 20,
      ),
    undefined,
    { timeout: 20_000 },
  );
  const calendar = await page.$eval('oc-event-calendar', (element) => ({
    view: element.getAttribute('view') ?? element.view,
    now: element.now instanceof Date ? element.now.toISOString() : String(element.now),
    month: element.shownMonth,
  }));
  assert(calendar.view === 'list', `view: ${calendar.view}`);
  assert(calendar.now === '2026-11-24T10:00:00.000Z', `now (a property): ${calendar.now}`);
  assert(calendar.month === '2026-11', `month: ${calendar.month}`);
  assert(
    (await page.$eval('oc-incident-report', (element) => element.getAttribute('emergency-number'))) === '112',
    'emergency-number',
  );
  // Vue re-renders with new props: the month grid.
  await page.click('#month-view');
  await page.waitForFunction(
    () => document.querySelector('oc-event-calendar').shadowRoot.querySelector('[role="grid"]'),
    undefined,
    { timeout: 10_000 },
  );
  // Events reach Vue's listeners, with their typed detail.
  await page.locator('oc-language-switcher button', { hasText: 'Українська' }).first().click();
  await page.waitForFunction(() => window.pageLog.locale, undefined, { timeout: 10_000 });
  assert((await page.evaluate(() => window.pageLog.locale)) === 'uk', 'oc-locale-change');
  await page.waitForFunction(
    () => document.querySelector('oc-event-calendar').getAttribute('lang') === 'uk',
    undefined,
    {
      timeout: 10_000,
    },
  );
  await clickEvent(page);
  const { event } = await page.evaluate(() => window.pageLog);
  assert(event.uid && /^\d{4}-\d{2}-\d{2}T/.test(event.start), `oc-event-select: ${JSON.stringify(event)}`);
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  await page.close();
}

/** Runs both pages; rejects with every failure. Resolves with the number of pages that passed. */
export async function frameworkPages() {
  await bundle();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  const failures = [];
  try {
    for (const [name, test] of [
      ['React 19', reactPage],
      ['Vue 3', vuePage],
    ]) {
      await test(browser, base).catch((error) => failures.push(`${name}: ${error.message.split('\n')[0]}`));
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) throw new Error(failures.join('\n'));
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  frameworkPages()
    .then((count) => console.log(`framework pages: ${count} passed (React 19, Vue 3)`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
