/* global window, document, requestIdleCallback, MutationObserver -- code run in the page by page.evaluate */
/**
 * Bench section "finder" (issues 11 and 18): <oc-service-finder> against Fuse.js and MiniSearch, on
 * the same generated HSDS 3.0 services (Polish names, descriptions, languages, categories), in the
 * same Chromium, interleaved, median of the runs after a warm-up:
 *  - feed response → first results in the DOM (ours: the element, through its production bundle;
 *    the peers: fetch, JSON.parse, index, and a list of 20), with the longest main-thread task in
 *    between (Long Tasks API: 0 means none over 50 ms): 1,000 and 10,000 services at 1× and 4×
 *    CPU; 50,000 at 1×, ours both paged (50 pages of 1,000) and as NDJSON, the peers one JSON array;
 *  - index time (from parsed records to a complete index) and per-keystroke time of the search
 *    alone (all results ranked), and with the DOM (the element's render, or the peers' list of 20),
 *    over four queries typed letter by letter;
 *  - the labelled query set (packages/service-finder/test/search-quality.ts): recall on the first
 *    page, top-1 and mean rank, for us and each peer.
 * The peers are installed on first use from scripts/bench/peers/search/ (never root dependencies).
 * Run alone: `node scripts/bench/finder.mjs` (OC_BENCH_RUNS; OC_BENCH_FULL=1 adds 1,000 and 50,000
 * services at 4× CPU).
 *
 * To keep the whole bench within minutes (issue 18), by default:
 *  - in the heavy peer cases (50,000 services, and any size at 4× CPU: MiniSearch needs 8-13 s there
 *    to index, Fuse.js 2-6 s a keystroke), each peer's first results and index are measured
 *    `ctx.peerRuns` times (OC_BENCH_PEER_RUNS, 1 by default) after its warm-up, spread among ours'
 *    runs; ours always gets every run;
 *  - Fuse.js's "search alone" is timed inside the keystrokes of its page (the same call, all results
 *    ranked, before its list of 20 is drawn), rather than typing every query a second time in the
 *    engine page (41 keystrokes of 0.1-6 s each);
 *  - a peer whose keystrokes take over two seconds each types the first query only (SLOW_KEYSTROKE_MS).
 * OC_BENCH_FULL=1 restores every run, every query and the engine's own peer keystrokes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const peersDir = join(here, 'peers/search');
const PEERS = ['Fuse.js', 'MiniSearch'];
/**
 * The peers whose search alone is timed inside their page's keystrokes by default (see above):
 * Fuse.js, at 0.1-6 s a keystroke; MiniSearch's keystrokes of a few ms stay in the engine page, warm.
 */
const PAGE_TIMED = ['Fuse.js'];
/** What a visitor types, letter by letter: Polish, with and without diacritics, and a language. */
const QUERIES = ['pomoc prawna', 'lekarz', 'ukrainski', 'kurs polskiego'];
/**
 * The queries typed on `count` services: two of them at 50,000 (Fuse.js takes seconds a keystroke
 * there). Not fewer at 4× CPU: the first two queries alone move our median there from 11 to 22 ms
 * (session 4's quiet run), and with it the ratio to MiniSearch.
 */
const typed = (count) => (count >= 50_000 ? QUERIES.slice(0, 2) : QUERIES);
/**
 * A peer whose keystrokes take longer than this (their median over the first query) types only
 * that query, by default: Fuse.js at 10,000 services at 4× CPU and at 50,000 takes 3-6 s a
 * keystroke, whatever is typed, and its 41 keystrokes were 2-3 of the bench's minutes (at 10,000
 * and 1× it takes 0.8-1.1 s, under the line, and types every query).
 * OC_BENCH_FULL=1 has it type every query.
 */
const SLOW_KEYSTROKE_MS = 2000;
/** Is the i-th of `runs` runs (0-based; -1 the warm-up) one of the `n` a peer is measured in? Spread evenly, the last included. */
const peerTurn = (i, n, runs) => i < 0 || n >= runs || Math.floor(((i + 1) * n) / runs) > Math.floor((i * n) / runs);

// ---------------------------------------------------------------------------------------------
// The services: HSDS 3.0 records as a Polish city's directory would hold them.

function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const kinds = [
  'Bezpłatna porada prawna',
  'Kurs języka polskiego',
  'Pomoc psychologiczna',
  'Punkt informacyjny dla cudzoziemców',
  'Doradztwo zawodowe',
  'Pomoc w szukaniu mieszkania',
  'Lekarz rodzinny',
  'Zajęcia dla dzieci i młodzieży',
  'Tłumaczenie dokumentów',
  'Wsparcie dla rodzin',
  'Noclegownia',
  'Świetlica integracyjna',
];
const districts = [
  'Stare Miasto',
  'Podgórze',
  'Nowa Huta',
  'Krowodrza',
  'Prądnik Biały',
  'Dębniki',
  'Bieżanów',
  'Łagiewniki',
];
const sentences = [
  'Pomagamy cudzoziemcom mieszkającym w Krakowie w sprawach urzędowych.',
  'Porady są bezpłatne i poufne, bez wcześniejszych zapisów.',
  'Rozmawiamy po polsku, ukraińsku, rosyjsku i angielsku.',
  'Zabierz ze sobą paszport lub kartę pobytu.',
  'Zajęcia prowadzą doświadczeni nauczyciele i wolontariusze.',
  'Lokal jest dostępny dla osób poruszających się na wózku.',
  'W nagłych sprawach zadzwoń wcześniej i umów się na spotkanie.',
  'Wspieramy także w wypełnianiu wniosków o zezwolenie na pobyt i pracę.',
];
const streets = [
  'ul. Długa',
  'ul. Wielicka',
  'al. Powstania Warszawskiego',
  'ul. Józefińska',
  'os. Centrum',
  'ul. Grodzka',
  'ul. Lubicz',
  'ul. Kalwaryjska',
];
const orgWords = ['Fundacja', 'Stowarzyszenie', 'Centrum', 'Ośrodek', 'Punkt', 'Klub'];
const orgNames = [
  'Otwarty Kraków',
  'Dom Sąsiedzki',
  'Nowy Start',
  'Wspólna Droga',
  'Most',
  'Przystań',
  'Horyzont',
  'Razem',
];
const spoken = ['uk', 'ru', 'en', 'ar', 'be', 'ka', 'vi', 'es', 'tr', 'fa', 'hi'];
const topics = [
  ['Prawo', ['Pomoc prawna', 'Pobyt i dokumenty', 'Prawo pracy', 'Ochrona międzynarodowa']],
  ['Zdrowie', ['Lekarz', 'Zdrowie psychiczne', 'Ubezpieczenie zdrowotne', 'Szpital']],
  ['Edukacja', ['Nauka polskiego', 'Szkoła', 'Kursy zawodowe', 'Biblioteka']],
  ['Praca', ['Oferty pracy', 'Doradztwo zawodowe', 'Zezwolenia na pracę', 'Własna firma']],
  ['Mieszkanie', ['Schronienie', 'Wynajem mieszkania', 'Dodatki mieszkaniowe', 'Meldunek']],
  ['Rodzina', ['Dzieci', 'Świadczenia', 'Przemoc domowa', 'Opieka']],
  ['Integracja', ['Spotkania', 'Kultura', 'Wolontariat', 'Sport']],
  ['Pomoc doraźna', ['Żywność', 'Odzież', 'Telefon zaufania', 'Interwencja kryzysowa']],
];
/** A UUID per kind of record (four hex digits) and number. */
const uuid = (kind, i) => `${i.toString(16).padStart(8, '0')}-${kind.padStart(4, '0')}-4000-8000-000000000000`;

/** `count` HSDS 3.0 services, the same for every run. */
export function generateServices(count) {
  const next = random(20_261_201);
  const pick = (values) => values[Math.floor(next() * values.length)];
  const terms = topics.flatMap(([parent, children], p) => [
    { id: uuid('d0', p), name: parent, description: parent },
    ...children.map((name, c) => ({ id: uuid('d1', p * 10 + c), name, description: name, parent_id: uuid('d0', p) })),
  ]);
  const children = terms.filter((term) => term.parent_id);
  return Array.from({ length: count }, (_, i) => {
    const id = uuid('5', i);
    const locationId = uuid('6', i);
    const languages = ['pl', ...new Set([pick(spoken), pick(spoken)].slice(0, 1 + Math.floor(next() * 2)))];
    const categories = [...new Set([pick(children), pick(children)].slice(0, 1 + Math.floor(next() * 2)))];
    const opens = 7 + Math.floor(next() * 4);
    return {
      id,
      name: `${pick(kinds)} – ${pick(districts)} ${i + 1}`,
      description: `${pick(sentences)} ${pick(sentences)}`,
      status: 'active',
      organization: {
        id: uuid('7', i % 300),
        name: `${orgWords[i % 6]} ${orgNames[Math.floor(i / 6) % 8]} ${Math.floor(i / 48) % 7 || ''}`.trim(),
      },
      languages: languages.map((code, l) => ({ id: uuid('8', i * 4 + l), code })),
      service_at_locations: [
        {
          id: uuid('9', i),
          location: {
            id: locationId,
            location_type: 'physical',
            latitude: +(49.98 + next() * 0.14).toFixed(5),
            longitude: +(19.82 + next() * 0.3).toFixed(5),
            addresses: [
              {
                id: uuid('a', i),
                address_1: `${pick(streets)} ${1 + Math.floor(next() * 120)}`,
                city: 'Kraków',
                postal_code: `3${Math.floor(next() * 10)}-${String(Math.floor(next() * 1000)).padStart(3, '0')}`,
                country: 'PL',
              },
            ],
          },
        },
      ],
      schedules: [
        {
          id: uuid('b', i),
          freq: 'WEEKLY',
          byday: 'MO,TU,WE,TH,FR',
          opens_at: `${String(opens).padStart(2, '0')}:00`,
          closes_at: '16:00',
        },
      ],
      attributes: categories.map((term, c) => ({ id: uuid('c', i * 2 + c), taxonomy_term: term })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A local HTTP server: the pages, the bundles and the feeds, from memory (real HTTP, one origin).

function serve(files) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const file = files(url);
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': Buffer.byteLength(file.body),
      'Cache-Control': 'no-store',
    });
    response.end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function bundle(contents, resolveDir, root) {
  const result = await esbuild({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['@open-city/source'],
    nodePaths: [join(peersDir, 'node_modules'), join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

function installPeers(log) {
  if (existsSync(join(peersDir, 'node_modules/fuse.js')) && existsSync(join(peersDir, 'node_modules/minisearch')))
    return;
  log('  installing Fuse.js and MiniSearch into scripts/bench/peers/search …');
  const lock = existsSync(join(peersDir, 'package-lock.json'));
  execFileSync('npm', [lock ? 'ci' : 'install', '--prefix', peersDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const round = (value, digits = 1) => (Number.isFinite(value) ? +value.toFixed(digits) : value);

// ---------------------------------------------------------------------------------------------
// In the page.

/** Long tasks from navigation on, kept for the measuring code. */
function observeLongTasks() {
  window.benchTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

async function newTab(browser, rate) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(observeLongTasks);
  return page;
}

/** Ours: the element on a page, from the feed's response to the first card; then keystrokes. */
async function measureOurs(browser, origin, feedPath, rate, typing) {
  const page = await newTab(browser, rate);
  try {
    await page.goto(`${origin}/ours.html?feed=${encodeURIComponent(feedPath)}`);
    return await page.evaluate(
      async ({ feedPath, typing }) => {
        const element = document.querySelector('oc-service-finder');
        const deadline = performance.now() + 180_000;
        // When the first card enters the DOM: a MutationObserver on the shadow root (made when the
        // element is defined, long before the feed is in) sees it at once; a timer that polls would
        // see it only when the page next runs timers, a slice or more of the reading later.
        let cardAt;
        const hasCard = () => element.shadowRoot?.querySelector('[part~="card"]');
        while (!element.shadowRoot) await new Promise((resolve) => setTimeout(resolve, 1));
        const observer = new MutationObserver(() => {
          if (cardAt === undefined && hasCard()) cardAt = performance.now();
        });
        observer.observe(element.shadowRoot, { childList: true, subtree: true });
        if (hasCard()) cardAt = performance.now();
        while (!hasCard()) {
          if (performance.now() > deadline) throw new Error(`no results for ${feedPath} within 3 minutes`);
          const problem = element.shadowRoot?.querySelector('[part~="error"]');
          if (problem) throw new Error(`${feedPath}: ${problem.textContent.trim()}`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        observer.disconnect();
        const seenAt = performance.now();
        const shownAt = cardAt ?? seenAt;
        const cards = element.shadowRoot.querySelectorAll('[part~="card"]').length;
        // The feed is read as it streams in: the first results can be shown before its response
        // ends, and its Resource Timing entry is made a little after its body has been read. Wait
        // for it, rather than timing from 0, the page's start: that made the first results look
        // bimodal (0.15 or 0.7 s at 10,000 services).
        const feedEntry = () =>
          performance.getEntriesByType('resource').find((e) => e.name.includes(feedPath.split('?')[0]));
        while (!feedEntry()) {
          if (performance.now() > deadline) throw new Error(`${feedPath} never finished loading`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const from = feedEntry().responseEnd;
        const longest = (start, end) =>
          Math.max(0, ...window.benchTasks.filter(([s, d]) => s + d > start && s < end).map(([, d]) => d));
        const result = {
          // 0 when they were shown before the response ended.
          firstMs: Math.max(0, shownAt - from),
          beforeResponseEnd: shownAt < from,
          seenByTimerMs: Math.max(0, seenAt - from),
          longestMs: longest(from, shownAt),
          cards,
          keys: [],
          keysLongestMs: 0,
        };
        if (typing) {
          // The rest of the feed and the index are read in slices after the first results: typing
          // starts when the page is idle again (two idle periods of 40 ms or more in a row: short
          // ones come between slices), as a visitor's first keystroke comes well after the results.
          for (let quiet = 0; quiet < 2;) {
            const left = await new Promise((resolve) =>
              requestIdleCallback((idle) => resolve(idle.timeRemaining()), { timeout: 20_000 }),
            );
            quiet = left >= 40 ? quiet + 1 : 0;
          }
          const input = element.shadowRoot.querySelector('#q');
          const typedFrom = performance.now();
          for (const query of typing) {
            for (let i = 1; i <= query.length; i++) {
              const started = performance.now();
              input.value = query.slice(0, i);
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
              await element.updateComplete;
              result.keys.push(performance.now() - started);
            }
          }
          result.keysLongestMs = longest(typedFrom, performance.now());
          result.cardsAfterTyping = element.shadowRoot.querySelectorAll('[part~="card"]').length;
        }
        return result;
      },
      { feedPath, typing },
    );
  } finally {
    await page.close();
  }
}

/** A peer: fetch, parse, index and a list of 20, from the response to the list; then keystrokes. */
async function measurePeer(browser, origin, lib, feedPath, rate, typing, slowKeystrokeMs = 0) {
  const page = await newTab(browser, rate);
  try {
    await page.goto(`${origin}/peer.html`);
    await page.waitForFunction(() => window.benchHarness);
    return await page.evaluate(
      async ({ lib, feedPath, typing, slowKeystrokeMs }) => {
        const view = await window.benchHarness.peerPage(lib, feedPath);
        const shownAt = performance.now();
        // As for ours: the feed's Resource Timing entry may come a little after its body.
        const feedEntry = () => performance.getEntriesByType('resource').find((e) => e.name.includes(feedPath));
        while (!feedEntry()) await new Promise((resolve) => setTimeout(resolve, 5));
        const from = feedEntry().responseEnd;
        const longest = (start, end) =>
          Math.max(0, ...window.benchTasks.filter(([s, d]) => s + d > start && s < end).map(([, d]) => d));
        const result = {
          firstMs: shownAt - from,
          longestMs: longest(from, shownAt),
          keys: [],
          searchKeys: [],
          keysLongestMs: 0,
        };
        if (typing) {
          const typedFrom = performance.now();
          for (const query of typing) {
            for (let i = 1; i <= query.length; i++) {
              const started = performance.now();
              result.searchKeys.push(view.type(query.slice(0, i)));
              result.keys.push(performance.now() - started);
              await new Promise((resolve) => setTimeout(resolve, 0));
            }
            const sorted = [...result.keys].sort((a, b) => a - b);
            if (slowKeystrokeMs > 0 && sorted[Math.floor(sorted.length / 2)] > slowKeystrokeMs) {
              result.firstQueryOnly = typing.length > 1;
              break;
            }
          }
          result.keysLongestMs = longest(typedFrom, performance.now());
        }
        return result;
      },
      { lib, feedPath, typing, slowKeystrokeMs },
    );
  } finally {
    await page.close();
  }
}

/**
 * Index time and search alone for each library (no DOM), `runs` times interleaved, after a warm-up
 * (`counts[lib]` of them for a peer, spread among ours'). A peer types `peerQueries[lib]` ([] when
 * their page's keystrokes timed the search already).
 */
async function measureEngine(browser, origin, feedPath, rate, runs, libs, queries, counts, peerQueries) {
  const page = await newTab(browser, rate);
  try {
    await page.goto(`${origin}/peer.html`);
    await page.waitForFunction(() => window.benchHarness);
    return await page.evaluate(
      async ({ feedPath, runs, libs, queries, counts, peerQueries }) => {
        const peerTurn = (i, n) => i < 0 || n >= runs || Math.floor(((i + 1) * n) / runs) > Math.floor((i * n) / runs);
        const { engine } = window.benchHarness;
        const feedText = await (await fetch(feedPath)).text();
        const data = engine.load(feedText);
        const out = Object.fromEntries(libs.map((lib) => [lib, { indexMs: [], keys: [] }]));
        // Ours read as the element reads it, in slices: its longest task, and prepare() afterwards.
        out.sliced = { loadMs: [], longestTaskMs: [], prepareMs: [] };
        for (let run = -1; run < runs; run++) {
          const sliced = await engine.loadInSlices(feedText);
          if (run < 0) continue;
          for (const key of Object.keys(out.sliced)) out.sliced[key].push(sliced[key]);
        }
        for (let run = -1; run < runs; run++) {
          for (const lib of libs) {
            if (!peerTurn(run, counts[lib])) continue;
            const ms = engine.index(data, lib);
            if (run >= 0) out[lib].indexMs.push(ms);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
        for (const lib of libs) {
          const typing = lib === 'ours' ? queries : peerQueries[lib];
          if (typing.length === 0) continue;
          engine.keystrokes(data, lib, typing.slice(0, 1)); // warm-up
          out[lib].keys = engine.keystrokes(data, lib, typing);
        }
        return out;
      },
      { feedPath, runs, libs, queries, counts, peerQueries },
    );
  } finally {
    await page.close();
  }
}

/** A case's wall time and runs per library, and the seconds inside its measured intervals (warm-up as a run; keystrokes included). */
function wallOf(caseStarted, samples, key, libs) {
  const sum = (values = []) => values.reduce((a, b) => a + b, 0);
  let measured = 0;
  for (const lib of libs) {
    const values = samples[lib][key];
    measured += (sum(values) * (values.length + 1)) / Math.max(1, values.length) + sum(samples[lib].keys);
  }
  return {
    seconds: Math.round((Date.now() - caseStarted) / 1000),
    measuredSeconds: Math.round(measured / 1000),
    runs: Object.fromEntries(libs.map((lib) => [lib, samples[lib][key].length])),
  };
}

// ---------------------------------------------------------------------------------------------

export async function run(ctx) {
  const { browser, root, log = console.log } = ctx;
  const runs = Math.max(7, ctx.runs ?? 7);
  const cpuRates = ctx.cpuRates ?? [1, 4];
  const full = ctx.full ?? process.env.OC_BENCH_FULL === '1';
  const heavyPeerRuns = full ? runs : Math.max(1, ctx.peerRuns ?? (Number(process.env.OC_BENCH_PEER_RUNS ?? 1) || 1));
  /** Runs of each library in a case: ours always `runs`; a peer `heavyPeerRuns` at 50,000 services or 4× CPU. */
  const countsFor = (count, rate, libs) =>
    Object.fromEntries(
      libs.map((lib) => [lib, PEERS.includes(lib) && (count >= 50_000 || rate > 1) ? heavyPeerRuns : runs]),
    );
  installPeers(log);
  const started = Date.now();

  const ours = await bundle(`import '@open-city/service-finder/define.js';`, root, root);
  const harness = await bundle(
    `import * as harness from './harness.js'; window.benchHarness = harness;`,
    peersDir,
    root,
  );
  const sizes = (process.env.OC_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
  // A shorter run on a busy machine: OC_BENCH_ENGINE_SIZES=10000 (index and search alone).
  const engineSizes = (process.env.OC_BENCH_ENGINE_SIZES ?? sizes.join(',')).split(',').map(Number);
  const feeds = new Map();
  for (const count of sizes) {
    const services = generateServices(count);
    const json = JSON.stringify(services);
    feeds.set(`/feeds/services-${count}.json`, { type: 'application/json', body: json });
    if (count === 50_000) {
      feeds.set(`/feeds/services-${count}.ndjson`, {
        type: 'application/x-ndjson',
        body: services.map((service) => JSON.stringify(service)).join('\n') + '\n',
      });
      const perPage = 1000;
      const totalPages = Math.ceil(count / perPage);
      for (let page = 1; page <= totalPages; page++) {
        const contents = services.slice((page - 1) * perPage, page * perPage);
        feeds.set(`/feeds/paged-${count}?page=${page}`, {
          type: 'application/json',
          body: JSON.stringify({
            total_items: count,
            total_pages: totalPages,
            page_number: page,
            size: contents.length,
            contents,
          }),
        });
      }
    }
  }
  log(
    `  generated feeds: ${sizes.map((n) => `${n.toLocaleString('en')} services ${(feeds.get(`/feeds/services-${n}.json`).body.length / 1e6).toFixed(1)} MB`).join(', ')}`,
  );
  const sample = Object.fromEntries(
    ['en', 'pl', 'uk', 'ru', 'ar'].map((lang) => [
      lang,
      readFileSync(
        join(root, `packages/service-finder/sample/krakow-services${lang === 'en' ? '' : `.${lang}`}.json`),
        'utf8',
      ),
    ]),
  );
  const html = (body) => ({
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="pl"><head><meta charset="utf-8"></head><body>${body}</body></html>`,
  });
  const server = await serve((url) => {
    if (url.pathname === '/ours.html')
      return html(
        `<oc-service-finder src="${url.searchParams.get('feed')}"></oc-service-finder><script type="module" src="/ours.js"></script>`,
      );
    if (url.pathname === '/peer.html') return html('<script type="module" src="/harness.js"></script>');
    if (url.pathname === '/ours.js') return { type: 'text/javascript', body: ours };
    if (url.pathname === '/harness.js') return { type: 'text/javascript', body: harness };
    if (url.pathname.startsWith('/feeds/paged-'))
      return feeds.get(`${url.pathname}?page=${url.searchParams.get('page') ?? 1}`);
    return feeds.get(url.pathname);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const rows = [];
  const json = { queries: QUERIES, cases: {}, wall: {} };
  /** The peers' search-alone keystrokes timed in their pages, by `count:rate`. */
  const pageSearch = new Map();

  try {
    // 1. Search quality on the Kraków sample.
    {
      const page = await browser.newPage();
      await page.goto(`${origin}/peer.html`);
      await page.waitForFunction(() => window.benchHarness);
      const quality = await page.evaluate((texts) => window.benchHarness.quality(texts), sample);
      await page.close();
      json.quality = quality;
      const peersOf = (key, digits = 2) =>
        Object.fromEntries(PEERS.map((peer) => [peer, round(quality[peer][key], digits)]));
      const set = `${quality.queries} labelled queries, en pl uk ru ar be fa`;
      rows.push({
        figure: 'finder search: recall on the first page',
        case: set,
        unit: 'share',
        ours: round(quality.ours.recall, 2),
        peers: peersOf('recall'),
      });
      rows.push({
        figure: 'finder search: top-1 (first result expected)',
        case: set,
        unit: 'share',
        ours: round(quality.ours.top1, 2),
        peers: peersOf('top1'),
      });
      rows.push({
        figure: 'finder search: mean rank of the first expected result',
        case: set,
        unit: 'rank',
        ours: round(quality.ours.meanRank, 2),
        peers: peersOf('meanRank'),
      });
      log(
        `  quality: ours recall ${quality.ours.recall.toFixed(2)}, top-1 ${quality.ours.top1.toFixed(2)}; misses ${quality.ours.misses.join(', ') || 'none'}`,
      );
    }

    // 3. Feed response → first results, and keystrokes with the DOM.
    const cases = [];
    for (const count of sizes)
      for (const rate of cpuRates) if (rate === 1 || count === 10_000 || full) cases.push([count, rate]);
    for (const [count, rate] of cases) {
      const caseStarted = Date.now();
      const label = `${count.toLocaleString('en')} services, ${rate}× CPU`;
      const variants =
        count === 50_000
          ? [
              ['ours, paged', `/feeds/paged-${count}`],
              ['ours, NDJSON', `/feeds/services-${count}.ndjson`],
            ]
          : [['ours', `/feeds/services-${count}.json`]];
      const libs = [...variants.map(([name]) => name), ...PEERS];
      const counts = countsFor(count, rate, libs);
      const samples = Object.fromEntries(
        libs.map((lib) => [lib, { firstMs: [], seenByTimerMs: [], longestMs: [], keys: [], keysLongestMs: [] }]),
      );
      for (let i = -1; i < runs; i++) {
        const typing = i === runs - 1 ? typed(count) : undefined; // keystrokes on the last run's page
        for (const lib of libs) {
          if (!peerTurn(i, counts[lib], runs)) continue;
          const variant = variants.find(([name]) => name === lib);
          const metrics = variant
            ? await measureOurs(browser, origin, variant[1], rate, typing)
            : await measurePeer(
                browser,
                origin,
                lib,
                `/feeds/services-${count}.json`,
                rate,
                typing,
                full ? 0 : SLOW_KEYSTROKE_MS,
              );
          if (i < 0) continue;
          const sample = samples[lib];
          sample.firstMs.push(metrics.firstMs);
          if (metrics.beforeResponseEnd) sample.beforeResponseEnd = (sample.beforeResponseEnd ?? 0) + 1;
          if (metrics.seenByTimerMs !== undefined) sample.seenByTimerMs.push(metrics.seenByTimerMs);
          sample.longestMs.push(metrics.longestMs);
          if (typing) {
            sample.keys = metrics.keys;
            sample.keysLongestMs = [metrics.keysLongestMs];
            if (variant) sample.cards = metrics.cardsAfterTyping;
            else sample.searchKeys = metrics.searchKeys;
            if (metrics.firstQueryOnly) sample.firstQueryOnly = true;
          }
        }
      }
      for (const lib of libs) samples[lib].runs = samples[lib].firstMs.length;
      json.cases[`page ${label}`] = samples;
      const firstQueryOnly = PEERS.filter((peer) => samples[peer].firstQueryOnly);
      pageSearch.set(`${count}:${rate}`, {
        keys: Object.fromEntries(PEERS.map((peer) => [peer, samples[peer].searchKeys])),
        firstQueryOnly,
      });
      const peerRuns = Object.fromEntries(PEERS.map((peer) => [peer, samples[peer].runs]));
      for (const [name] of variants) {
        const mine = samples[name];
        const peerValue = (key, pick) =>
          Object.fromEntries(PEERS.map((peer) => [peer, round(pick(samples[peer][key]))]));
        const what = variants.length > 1 ? `${label}; ${name.replace('ours, ', '')} (peers: one JSON array)` : label;
        rows.push({
          figure: 'finder: feed response → first results in the DOM (median)',
          case: what,
          unit: 'ms',
          ours: round(median(mine.firstMs), 0),
          peers: peerValue('firstMs', median),
          peerRuns,
          goal: count === 10_000 && rate === 1 ? '≤ 250 ms, ≤ 1.5× Fuse.js' : undefined,
        });
        rows.push({
          figure: 'finder: longest main-thread task, response → first results (median)',
          case: what,
          unit: 'ms',
          ours: round(median(mine.longestMs), 0),
          peers: peerValue('longestMs', median),
          peerRuns,
          goal: rate === 1 ? '≤ 200 ms' : undefined,
        });
        rows.push({
          figure: 'finder keystroke: with the DOM (median)',
          case: what,
          unit: 'ms',
          ours: round(median(mine.keys), 2),
          peers: peerValue('keys', median),
          firstQueryOnly,
          goal: rate === 1 ? (count === 50_000 ? '≤ 10 ms' : '≤ 4 ms') : undefined,
        });
        rows.push({
          figure: 'finder keystroke: with the DOM, worst',
          case: what,
          unit: 'ms',
          ours: round(Math.max(...mine.keys)),
          peers: peerValue('keys', (keys) => Math.max(...keys)),
          firstQueryOnly,
          goal: count === 10_000 && rate === 1 ? '≤ 30 ms' : undefined,
        });
        log(
          `  ${what}: first results ${median(mine.firstMs).toFixed(0)} ms (seen by a 2 ms timer ${median(mine.seenByTimerMs).toFixed(0)}; Fuse.js ${median(samples['Fuse.js'].firstMs).toFixed(0)}, MiniSearch ${median(samples.MiniSearch.firstMs).toFixed(0)}); keystroke ${median(mine.keys).toFixed(2)} ms${mine.beforeResponseEnd ? `; shown before the response ended in ${mine.beforeResponseEnd} of ${mine.firstMs.length} runs` : ''}`,
        );
      }
      json.wall[`page ${label}`] = wallOf(caseStarted, samples, 'firstMs', libs);
      log(
        `    [page ${label}: ${json.wall[`page ${label}`].seconds} s; runs ${JSON.stringify(json.wall[`page ${label}`].runs)}]`,
      );
    }
    // 2. Index and search alone.
    for (const count of engineSizes) {
      for (const rate of cpuRates) {
        if (rate !== 1 && count !== 10_000 && !full) continue;
        const caseStarted = Date.now();
        const libs = ['ours', ...PEERS];
        const counts = countsFor(count, rate, libs);
        // A peer's search alone: from its page's keystrokes when that case ran (not with OC_BENCH_FULL=1).
        const fromPage = !full && pageSearch.get(`${count}:${rate}`);
        const peerQueries = Object.fromEntries(
          PEERS.map((peer) => [peer, fromPage && PAGE_TIMED.includes(peer) ? [] : typed(count)]),
        );
        const engine = await measureEngine(
          browser,
          origin,
          `/feeds/services-${count}.json`,
          rate,
          runs,
          libs,
          typed(count),
          counts,
          peerQueries,
        );
        const wall = wallOf(caseStarted, engine, 'indexMs', libs);
        if (fromPage) {
          for (const peer of PAGE_TIMED) engine[peer].keys = fromPage.keys[peer];
          engine.searchAloneTimedInPage = PAGE_TIMED;
        }
        const label = `${count.toLocaleString('en')} services, ${rate}× CPU`;
        json.cases[`engine ${label}`] = engine;
        const peerRuns = Object.fromEntries(PEERS.map((peer) => [peer, engine[peer].indexMs.length]));
        const of = (key, pick) => Object.fromEntries(PEERS.map((peer) => [peer, round(pick(engine[peer][key]), 2)]));
        rows.push({
          figure: 'finder index: parsed records → complete index (median)',
          case: label,
          unit: 'ms',
          ours: round(median(engine.ours.indexMs)),
          peers: of('indexMs', median),
          peerRuns,
          goal: count === 10_000 && rate === 1 ? '≤ 100 ms' : undefined,
        });
        if (rate === 1) {
          rows.push({
            figure: 'finder: records read in slices, longest main-thread task (median)',
            case: label,
            unit: 'ms',
            ours: round(median(engine.sliced.longestTaskMs), 0),
            peers: {},
            goal: '≤ 200 ms',
          });
          rows.push({
            figure: 'finder: prepare() once the feed is read (made ahead; median)',
            case: label,
            unit: 'ms',
            ours: round(median(engine.sliced.prepareMs), 2),
            peers: {},
            goal: '≤ 5 ms',
          });
        }
        rows.push({
          figure: 'finder keystroke: search alone (median)',
          case: label,
          unit: 'ms',
          ours: round(median(engine.ours.keys), 2),
          peers: of('keys', median),
          firstQueryOnly: fromPage ? fromPage.firstQueryOnly.filter((peer) => PAGE_TIMED.includes(peer)) : [],
          goal: count === 10_000 && rate === 1 ? '≤ 2 ms' : undefined,
        });
        log(
          `  engine ${label}: index ${median(engine.ours.indexMs).toFixed(0)} ms (Fuse.js ${median(engine['Fuse.js'].indexMs).toFixed(0)}, MiniSearch ${median(engine.MiniSearch.indexMs).toFixed(0)}); search ${median(engine.ours.keys).toFixed(2)} ms`,
        );
        json.wall[`engine ${label}`] = wall;
        log(
          `    [engine ${label}: ${json.wall[`engine ${label}`].seconds} s; runs ${JSON.stringify(json.wall[`engine ${label}`].runs)}]`,
        );
      }
    }
  } finally {
    server.close();
  }
  json.seconds = Math.round((Date.now() - started) / 1000);
  return { rows, json };
}

// Run alone: node scripts/bench/finder.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(here, '../..');
  const { chromium } = await import('playwright-core');
  const { chromeArgs, findChrome } = await import('../chrome.mjs');
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  try {
    const result = await run({
      browser,
      root,
      runs: Number(process.env.OC_BENCH_RUNS ?? 7),
      cpuRates: [1, 4],
      log: console.log,
    });
    console.log(
      `\n| figure | case | unit | ours | ${PEERS.join(' | ')} | ${PEERS.map((p) => `ours ÷ ${p}`).join(' | ')} | goal |`,
    );
    console.log(`|${'---|'.repeat(5 + PEERS.length * 2)}`);
    for (const row of result.rows) {
      const ratio = (peer) => (row.peers[peer] ? (row.ours / row.peers[peer]).toFixed(2) : '–');
      console.log(
        `| ${row.figure} | ${row.case} | ${row.unit} | ${row.ours} | ${PEERS.map((p) => row.peers[p]).join(' | ')} | ${PEERS.map(ratio).join(' | ')} | ${row.goal ?? ''} |`,
      );
    }
    console.log(`\n${result.json.seconds} s`);
  } finally {
    await browser.close();
  }
}
