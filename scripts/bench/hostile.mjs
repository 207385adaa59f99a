/* global document, MutationObserver, requestAnimationFrame, requestIdleCallback -- code run in the page */
/**
 * Bench section "hostile": every feed of the hostile corpus (test/hostile/, cases.json) in the
 * drop-in calendar or finder (the build in OC_CDN_OUT, `event-calendar.js` / `service-finder.js`
 * with the Polish locale, as test/hostile-corpus.test.ts sets them up), one element after another
 * on one page per widget. Per feed:
 *  - to the settled state: from the element put in the page to the last change of its DOM before
 *    its feed is loaded (or failed) and rendered (`loaded`, `updateComplete`, a frame): the events
 *    or results shown, or the error (`loadedMs` in the JSON: until `loaded` itself, which may
 *    come later, after work that changes nothing shown). The feed comes through the bench's own
 *    route (served from memory by test/hostile-feeds.mjs, generated feeds made once before), so
 *    the time includes its transfer to the page;
 *  - the longest main-thread task (Long Tasks API) from the element put in the page until the page
 *    is idle again: the calendar's reading of the rest in idle slices and the finder's index
 *    filling after the first results are inside it (0: no task over 50 ms). Goal ≤ 200 ms.
 * What the widget showed (events or results, an alert, nothing) is recorded and compared with the
 * case's `expect`: the corpus test asserts it, the bench only says when it differs.
 * One measured run per feed after a warm-up of each widget and format (chunks loaded, code
 * compiled); OC_BENCH_FULL=1 measures each feed `runs` times (median settled, worst task).
 * OC_BENCH_HOSTILE=ics-2000,finder-1000 picks the cases whose file name contains one of the words.
 *
 * Alone: `OC_CDN_OUT=/tmp/cdn node scripts/bench/hostile.mjs` (after
 * `OC_CDN_OUT=/tmp/cdn npx rollup -c --silent`); prints a table of the feeds.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const ORIGIN = 'http://hostile.bench';
const GOAL_MS = 200;
const CASE_TIMEOUT_MS = 120_000;
const types = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
/** An alert where the case expects one, something else (events, results, or "nothing to show") where not. */
const asExpected = ({ shown, expected }) => (shown === 'alert') === (expected === 'alert') && shown !== 'empty';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run({ browser, root, runs = 7, log = console.log }) {
  const cdn = normalize(`${process.env.OC_CDN_OUT ?? join(root, 'packages/widgets/dist/cdn')}/`);
  const { hostileFeedMiddleware } = await import(pathToFileURL(join(root, 'test/hostile-feeds.mjs')).href);
  const serveFeed = hostileFeedMiddleware();
  const words = (process.env.OC_BENCH_HOSTILE ?? '')
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  const cases = Object.entries(JSON.parse(readFileSync(join(root, 'test/hostile/cases.json'), 'utf8'))).filter(
    ([file]) => words.length === 0 || words.some((word) => file.includes(word)),
  );
  const times = process.env.OC_BENCH_FULL === '1' ? runs : 1;

  /** The page, the drop-in build and the corpus, all from memory. */
  async function route(request) {
    const url = new URL(request.url());
    if (url.pathname === '/') {
      return { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="pl"><body>' };
    }
    if (url.pathname.startsWith('/cdn/')) {
      const file = normalize(join(cdn, url.pathname.slice(5)));
      try {
        if (!file.startsWith(cdn)) throw new Error('outside the build');
        return {
          status: 200,
          contentType: types[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        };
      } catch {
        return { status: 404, body: '' };
      }
    }
    // test/hostile-feeds.mjs is a Koa middleware: give it the little of a Koa context it uses.
    const ctx = {
      url: url.pathname + url.search,
      status: 200,
      type: undefined,
      body: undefined,
      headers: {},
      set(name, value) {
        this.headers[name] = value;
      },
    };
    let unserved = false;
    await serveFeed(ctx, async () => {
      unserved = true;
    });
    if (unserved) return { status: 404, body: '' };
    return {
      status: ctx.status,
      headers: ctx.headers,
      contentType: ctx.type ?? 'application/octet-stream',
      body: typeof ctx.body === 'string' ? ctx.body : Buffer.from(ctx.body ?? ''),
    };
  }

  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    timezoneId: 'Europe/Warsaw',
    locale: 'pl-PL',
  });
  await context.route(`${ORIGIN}/**`, async (request) => request.fulfill(await route(request.request())));
  const pages = {};
  async function pageFor(widget) {
    if (pages[widget]) return pages[widget];
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(
      async (entry) => {
        const { setLocale } = await import(entry);
        await setLocale('pl');
      },
      `/cdn/${widget === 'finder' ? 'service-finder' : 'event-calendar'}.js`,
    );
    pages[widget] = page;
    return page;
  }

  async function measure(file, spec) {
    const page = await pageFor(spec.widget);
    try {
      return await page.evaluate(measureInPage, { file, widget: spec.widget, timeoutMs: CASE_TIMEOUT_MS });
    } catch (error) {
      // A page that crashed or hung is measured again on a new one.
      delete pages[spec.widget];
      await page.close().catch(() => {});
      return { failed: String(error.message ?? error).split('\n')[0] };
    }
  }

  // Warm-up: the first case of each widget and format, not measured.
  const warmed = new Set();
  for (const [file, spec] of cases) {
    const kind = `${spec.widget}:${file.replace(/^.*?(\.pages\.json|\.[a-z]+)$/, '$1')}`;
    if (warmed.has(kind)) continue;
    warmed.add(kind);
    await measure(file, spec);
  }

  const results = {};
  for (const [file, spec] of cases) {
    const measured = [];
    for (let i = 0; i < times; i++) measured.push(await measure(file, spec));
    const good = measured.filter((result) => !result.failed);
    const result = good.length
      ? {
          widget: spec.widget,
          settledMs: Math.round(median(good.map((one) => one.settledMs))),
          loadedMs: Math.round(median(good.map((one) => one.loadedMs))),
          wholeMs: Math.round(median(good.map((one) => one.wholeMs))),
          longestTaskMs: Math.round(Math.max(...good.map((one) => one.longestTaskMs))),
          shown: good[0].shown,
          expected: spec.expect,
          runs: good.length,
        }
      : { widget: spec.widget, failed: measured[0].failed, expected: spec.expect };
    results[file] = result;
    log(
      result.failed
        ? `  ${file}: failed (${result.failed})`
        : `  ${file}: settled ${result.settledMs} ms (loaded ${result.loadedMs} ms` +
            `${result.widget === 'calendar' ? `, read whole ${result.wholeMs} ms` : ''}); ` +
            `longest task ${result.longestTaskMs} ms${result.longestTaskMs > GOAL_MS ? ' (over the goal)' : ''}` +
            `${asExpected(result) ? '' : `; showed "${result.shown}", the case expects "${spec.expect}"`}`,
    );
  }
  await context.close();

  const measuredFeeds = Object.values(results).filter((result) => !result.failed);
  const over = Object.entries(results).filter(([, result]) => !result.failed && result.longestTaskMs > GOAL_MS);
  const rows = [
    {
      figure: 'hostile feeds: longest main-thread task over 200 ms',
      case: `${measuredFeeds.length} feeds of test/hostile, 1× CPU`,
      unit: 'feeds',
      ours: over.length,
      peers: {},
      goal: '0',
    },
    {
      figure: 'hostile feeds: worst longest main-thread task',
      case: `${measuredFeeds.length} feeds${over.length ? `; worst ${over.sort((a, b) => b[1].longestTaskMs - a[1].longestTaskMs)[0][0]}` : ''}`,
      unit: 'ms',
      ours: Math.max(0, ...measuredFeeds.map((result) => result.longestTaskMs)),
      peers: {},
      goal: `≤ ${GOAL_MS} ms`,
    },
  ];
  for (const [file, result] of Object.entries(results)) {
    if (result.failed) {
      rows.push({ figure: 'hostile feed: failed to measure', case: file, unit: '', ours: result.failed, peers: {} });
      continue;
    }
    const label = `${file} (${result.widget}, ${result.shown})`;
    rows.push(
      { figure: 'hostile feed: to the settled state', case: label, unit: 'ms', ours: result.settledMs, peers: {} },
      {
        figure: 'hostile feed: longest main-thread task',
        case: label,
        unit: 'ms',
        ours: result.longestTaskMs,
        peers: {},
        goal: `≤ ${GOAL_MS} ms`,
      },
    );
  }
  return { rows, json: { runsPerFeed: times, goalMs: GOAL_MS, feeds: results } };
}

/** In the page: one feed in a new element, timed; the element is removed afterwards. */
async function measureInPage({ file, widget, timeoutMs }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // Idle: an idle callback with most of its 50 ms left, i.e. nothing else waiting (at most 10 s).
  const idle = async () => {
    const until = performance.now() + 10_000;
    for (;;) {
      const remaining = await new Promise((resolve) =>
        requestIdleCallback((deadline) => resolve(deadline.timeRemaining()), { timeout: 1000 }),
      );
      if (remaining >= 40 || performance.now() > until) return;
    }
  };
  await idle();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const element = document.createElement(widget === 'finder' ? 'oc-service-finder' : 'oc-event-calendar');
  element.now = new Date('2026-11-24T10:00:00Z');
  if (widget === 'calendar') {
    element.setAttribute('month', '2026-12');
    element.setAttribute('view', 'list');
    element.setAttribute('time-zone', 'Europe/Warsaw');
  }
  element.setAttribute('src', `/hostile/${file}`);
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const started = performance.now();
    document.body.append(element);
    // The settled state is the last change to the element's DOM before `loaded` (which may
    // resolve later, after work that changes nothing shown).
    let changed;
    const changes = new MutationObserver(() => {
      changed = performance.now();
    });
    changes.observe(element.shadowRoot ?? element, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    await Promise.race([
      (async () => {
        await element.loaded;
        await element.updateComplete;
        await frame();
      })(),
      timeout,
    ]);
    const loadedMs = performance.now() - started;
    changes.disconnect();
    const settledMs = (changed ?? performance.now()) - started;
    if (widget === 'calendar') {
      // An iCalendar feed is read at first for the month shown, the rest in idle slices.
      await Promise.race([Promise.all((element.feeds ?? []).map((feed) => feed.data?.reading)), timeout]);
      await element.updateComplete;
    }
    const wholeMs = performance.now() - started;
    await idle();
    // Long-task entries are delivered after their task: give them a turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const root = element.shadowRoot;
    const alert = root?.querySelector('[role="alert"]');
    // "empty": nothing at all (an empty feed shows a sentence that it has nothing: "shown").
    const shown =
      alert && alert.checkVisibility() && alert.textContent.trim()
        ? 'alert'
        : root?.textContent.trim()
          ? 'shown'
          : 'empty';
    return { settledMs, loadedMs, wholeMs, longestTaskMs: longest, shown };
  } finally {
    clearTimeout(timer);
    observer.disconnect();
    element.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import('playwright-core');
  const { chromeArgs, findChrome } = await import('../chrome.mjs');
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  try {
    const { rows } = await run({ browser, root: join(import.meta.dirname, '../..') });
    console.log('| figure | case | ms | goal |\n|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.figure} | ${row.case} | ${row.ours} | ${row.goal ?? ''} |`);
  } finally {
    await browser.close();
  }
}
