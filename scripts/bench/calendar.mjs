/* global window, document -- code run in the page by page.evaluate */
/**
 * Bench section "calendar" (issue 18): <oc-event-calendar> against FullCalendar 6 (with its
 * iCalendar plugin and ical.js 1.x) and FullCalendar 7 (no iCalendar plugin exists for v7: the
 * feed is read with ical.js 2 and its series handed to the rrule plugin), on the same generated
 * ICS feed, in the same Chromium, interleaved, at 1× and 4× CPU:
 *  - feed response → month view with events in the DOM, and → list view (500, 2,000, 8,000 events);
 *    and the same from the page's start (navigation: the code's download, the feed's, the work);
 *  - the occurrences in one month against an independent expansion (the generator's own list);
 *  - gzip -9 bytes of every script and style sheet each page fetches;
 *  - the longest main-thread task from the response to the events shown (Long Tasks API).
 *
 * Ours is the drop-in build in `OC_CDN_OUT` (default packages/widgets/dist/cdn; build it with
 * `OC_CDN_OUT=/tmp/cdn npx rollup -c --silent`). The peers are installed on first use from
 * scripts/bench/peers/fullcalendar{6,7}/ (never root dependencies) and bundled with esbuild for
 * production. Run alone with `node scripts/bench/calendar.mjs` (OC_BENCH_RUNS, OC_BENCH_FULL=1 for
 * every size and view at both rates; by default 8,000 events are timed in the month view at 1× only,
 * and at 4× CPU only the 2,000-event month, so that the section stays within about seven minutes on
 * a quiet 2-core machine: FullCalendar alone needs 10-18 s per 8,000-event page). In the heavy peer
 * cases (8,000 events, and any case at 4× CPU) each FullCalendar is measured `ctx.peerRuns` times
 * (OC_BENCH_PEER_RUNS, 1 by default, every run with OC_BENCH_FULL=1) after its warm-up, spread
 * evenly among ours' runs; ours always gets every run. OC_BENCH_CASES (`2000:month:1,8000:list:4`)
 * and OC_BENCH_LIBS (`ours,FullCalendar 6`) pick cases by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WARSAW_VTIMEZONE } from '../../test/recurrence/warsaw-vtimezone.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const MONTH = { year: 2026, month: 6 };
const ORIGIN = 'http://calendar.bench.test';

// ---------------------------------------------------------------------------------------------
// The feed (issue 18): n VEVENTs in Europe/Warsaw with a VTIMEZONE; 90% single (about 10% of them
// all-day), 10% weekly (half COUNT=20, half UNTIL), 30% of the weekly ones with EXDATEs; spread
// over 2026. About 700 bytes per event, folded at 75 octets as exporters write.

function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');
const titles = [
  'Kawiarenka językowa',
  'Dyżur prawny dla cudzoziemców',
  'Warsztaty pisania CV',
  'Polski dla dzieci i młodzieży',
  'Spacer po Kazimierzu z przewodnikiem',
  'Grupa wsparcia dla rodziców',
  'Kino integracyjne: film z napisami',
];
const places = [
  'Biblioteka Kraków\\, ul. Powstania Warszawskiego 6\\, 31-549 Kraków',
  'Centrum Kultury Podgórza\\, ul. Sokolska 13\\, 30-510 Kraków',
  'Nowohuckie Centrum Kultury\\, al. Jana Pawła II 232\\, 31-913 Kraków',
];
const words =
  'Zapraszamy wszystkich mieszkańców Krakowa na spotkanie w przyjaznej atmosferze. Udział jest bezpłatny\\, ' +
  'zapisy nie są wymagane. Spotkanie prowadzą wolontariusze mówiący po polsku\\, ukraińsku i angielsku. ' +
  'Na miejscu dostępna jest pętla indukcyjna\\, a sala jest dostępna dla osób poruszających się na wózku. ' +
  'Prosimy o punktualne przybycie; w razie pytań prosimy o kontakt z organizatorem przez stronę wydarzenia.';

/** Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line) {
  const out = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** Wall time in Warsaw → UTC ms (EU rules: +2 from the last Sunday of March to that of October, 01:00 UTC). */
function warsawToUtc(y, m, d, h, min) {
  const lastSunday = (month) => {
    const last = new Date(Date.UTC(y, month, 0));
    return Date.UTC(y, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const guess = Date.UTC(y, m - 1, d, h, min) - 3_600_000;
  const summer = guess >= lastSunday(3) && guess < lastSunday(10);
  return Date.UTC(y, m - 1, d, h, min) - (summer ? 2 : 1) * 3_600_000;
}

const local = (y, m, d, h, min) => `${y}${pad(m)}${pad(d)}T${pad(h)}${pad(min)}00`;
const utcStamp = (ms) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dateStamp = (y, m, d) => `${y}${pad(m)}${pad(d)}`;

/**
 * The feed's text, and every occurrence it holds as `uid|start|end` (ISO instants; all-day ones as
 * `uid|YYYY-MM-DD|YYYY-MM-DD`): the independent expansion, by construction.
 */
export function generateFeed(count) {
  const next = random(count * 31 + 7);
  const seriesCount = Math.round(count / 10);
  const withExdate = Math.round((seriesCount * 60) / 200);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Open City//bench calendar//PL', 'CALSCALE:GREGORIAN'];
  lines.push('X-WR-CALNAME:Wydarzenia w Krakowie', 'X-WR-TIMEZONE:Europe/Warsaw');
  lines.push(...WARSAW_VTIMEZONE);

  const occurrences = [];
  for (let i = 0; i < count; i++) {
    const uid = `ev-${i}@bench.open-city.test`;
    const dayOfYear = Math.floor(next() * 365);
    const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear));
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const hour = 8 + Math.floor(next() * 11);
    const minute = [0, 15, 30, 45][Math.floor(next() * 4)];
    const hours = 1 + Math.floor(next() * 3);
    const isSeries = i % 10 === 9;
    const allDay = !isSeries && i % 10 === 4;
    const title = `${titles[i % titles.length]} nr ${i}`;
    lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T080000Z', 'SEQUENCE:0');
    if (allDay) {
      const end = new Date(Date.UTC(y, m - 1, d + 1));
      lines.push(
        `DTSTART;VALUE=DATE:${dateStamp(y, m, d)}`,
        `DTEND;VALUE=DATE:${dateStamp(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate())}`,
      );
      occurrences.push(`${uid}|${date.toISOString().slice(0, 10)}|${end.toISOString().slice(0, 10)}`);
    } else {
      lines.push(
        `DTSTART;TZID=Europe/Warsaw:${local(y, m, d, hour, minute)}`,
        `DTEND;TZID=Europe/Warsaw:${local(y, m, d, hour + hours, minute)}`,
      );
    }
    if (isSeries) {
      const seriesIndex = (i - 9) / 10;
      const counted = seriesIndex % 2 === 0;
      const weeks = counted ? 20 : 8 + Math.floor(next() * 30);
      const dates = Array.from({ length: weeks }, (_, w) => new Date(Date.UTC(y, m - 1, d + 7 * w)));
      const excluded = new Set();
      if (seriesIndex < withExdate) {
        excluded.add(1 + (seriesIndex % 5));
        if (seriesIndex % 3 === 0) excluded.add(6 + (seriesIndex % 2));
      }
      if (counted) lines.push('RRULE:FREQ=WEEKLY;COUNT=20');
      else {
        const last = dates[dates.length - 1];
        const until = warsawToUtc(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate(), 23, 59);
        lines.push(`RRULE:FREQ=WEEKLY;UNTIL=${utcStamp(until)}`);
      }
      if (excluded.size > 0) {
        const values = [...excluded].map((w) => {
          const at = dates[w];
          return local(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), hour, minute);
        });
        lines.push(`EXDATE;TZID=Europe/Warsaw:${values.join(',')}`);
      }
      dates.forEach((at, w) => {
        if (excluded.has(w)) return;
        const [ay, am, ad] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
        const start = warsawToUtc(ay, am, ad, hour, minute);
        const end = warsawToUtc(ay, am, ad, hour + hours, minute);
        occurrences.push(`${uid}|${new Date(start).toISOString()}|${new Date(end).toISOString()}`);
      });
    } else if (!allDay) {
      const start = warsawToUtc(y, m, d, hour, minute);
      const end = warsawToUtc(y, m, d, hour + hours, minute);
      occurrences.push(`${uid}|${new Date(start).toISOString()}|${new Date(end).toISOString()}`);
    }
    lines.push(
      fold(`SUMMARY;LANGUAGE=pl:${title}`),
      fold(`DESCRIPTION:${title}. ${words.slice(0, 100 + Math.floor(next() * 160))}`),
      fold(`LOCATION:${places[i % places.length]}`),
      `CATEGORIES:${['Kultura', 'Edukacja', 'Porady', 'Dzieci'][i % 4]}`,
      `URL:https://wydarzenia.example.org/krakow/${i}`,
      fold(`ORGANIZER;CN="Fundacja Otwarty Kraków":mailto:kontakt${i % 20}@example.org`),
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return { text: lines.join('\r\n') + '\r\n', occurrences };
}

/** The generator's occurrences that overlap a month in Warsaw, as `uid|start` keys. */
function expectedInMonth(occurrences, { year, month }) {
  const from = warsawToUtc(year, month, 1, 0, 0);
  const to = warsawToUtc(year, month + 1, 1, 0, 0);
  const firstDay = `${year}-${pad(month)}-01`;
  const nextFirst = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  const keys = [];
  for (const item of occurrences) {
    const [uid, start, end] = item.split('|');
    if (start.length === 10) {
      if (start < nextFirst && end > firstDay) keys.push(`${uid}|${start}`);
    } else if (Date.parse(start) < to && Date.parse(end) > from) keys.push(`${uid}|${start}`);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The pages.

const PEERS = ['FullCalendar 6', 'FullCalendar 7'];

function ensurePeer(folder) {
  const dir = join(here, 'peers', folder);
  if (!existsSync(join(dir, 'node_modules'))) {
    const lock = existsSync(join(dir, 'package-lock.json'));
    execFileSync('npm', [lock ? 'ci' : 'install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts'], {
      stdio: 'inherit',
    });
  }
  return dir;
}

/**
 * A peer's page script, bundled by esbuild for production. `window.benchShow(view)` makes the
 * calendar, `window.benchOccurrences()` the month's occurrences it holds (as `uid|start`).
 */
const peerSources = {
  'FullCalendar 6': `
    import { Calendar } from '@fullcalendar/core';
    import dayGridPlugin from '@fullcalendar/daygrid';
    import listPlugin from '@fullcalendar/list';
    import iCalendarPlugin from '@fullcalendar/icalendar';
    let calendar;
    window.benchShow = (view) => {
      calendar = new Calendar(document.getElementById('calendar'), {
        plugins: [dayGridPlugin, listPlugin, iCalendarPlugin],
        initialView: view === 'list' ? 'listMonth' : 'dayGridMonth',
        initialDate: '${MONTH.year}-${pad(MONTH.month)}-01',
        events: { url: '/feeds/events.ics', format: 'ics' },
      });
      calendar.render();
    };
    window.benchOccurrences = () => occurrencesOf(calendar);
    ${occurrencesOf.toString()}
  `,
  'FullCalendar 7': `
    import { Calendar } from 'fullcalendar';
    import dayGridPlugin from 'fullcalendar/daygrid';
    import listPlugin from 'fullcalendar/list';
    import classicThemePlugin from 'fullcalendar/themes/classic';
    import rrulePlugin from '@fullcalendar/rrule';
    import ICAL from 'ical.js';
    import 'fullcalendar/skeleton.css';
    import 'fullcalendar/themes/classic/theme.css';
    import 'fullcalendar/themes/classic/palette.css';
    const iso = (time) => time.isDate ? time.toString() : time.toJSDate().toISOString();
    function toInputs(text) {
      const root = new ICAL.Component(ICAL.parse(text));
      for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      return root.getAllSubcomponents('vevent').map((component) => {
        const event = new ICAL.Event(component);
        const input = { id: event.uid, title: event.summary, start: iso(event.startDate), allDay: event.startDate.isDate };
        if (event.endDate) input.end = iso(event.endDate);
        const rule = component.getFirstPropertyValue('rrule');
        if (rule) {
          const ms = event.endDate.toJSDate() - event.startDate.toJSDate();
          const wall = event.startDate.toString().replace(/[-:]/g, '');
          input.rrule = 'DTSTART;TZID=' + event.startDate.zone.tzid + ':' + wall + '\\nRRULE:' + rule.toString();
          input.duration = ms;
          input.exdate = component.getAllProperties('exdate').flatMap((p) => p.getValues()).map((t) => t.toJSDate().toISOString());
          delete input.start;
          delete input.end;
        }
        return input;
      });
    }
    let calendar;
    window.benchShow = (view) => {
      calendar = new Calendar(document.getElementById('calendar'), {
        plugins: [dayGridPlugin, listPlugin, classicThemePlugin, rrulePlugin],
        initialView: view === 'list' ? 'listMonth' : 'dayGridMonth',
        initialDate: '${MONTH.year}-${pad(MONTH.month)}-01',
        events: (info, success, failure) => {
          fetch('/feeds/events.ics').then((r) => r.text()).then((text) => success(toInputs(text)), failure);
        },
      });
      calendar.render();
    };
    window.benchOccurrences = () => occurrencesOf(calendar);
    ${occurrencesOf.toString()}
  `,
};

/** In a peer's page: the instances FullCalendar holds for the month shown, as `uid|start`. */
function occurrencesOf(calendar) {
  const from = calendar.view.currentStart.getTime();
  const to = calendar.view.currentEnd.getTime();
  const keys = new Set();
  for (const event of calendar.getEvents()) {
    const start = event.start;
    const end = event.end ?? new Date(start.getTime() + (event.allDay ? 86_400_000 : 3_600_000));
    if (start.getTime() >= to || end.getTime() <= from) continue;
    // The page runs in Europe/Warsaw and FullCalendar in its 'local' zone: real instants, local dates.
    const day = (d) =>
      d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    const key = event.allDay ? day(start) : start.toISOString();
    // FullCalendar 6's iCalendar plugin keeps no UID: the generator's titles are unique (`… nr 12`).
    const number = / nr (\d+)$/.exec(event.title)?.[1];
    keys.add(`ev-${number}@bench.open-city.test|${key}`);
  }
  return [...keys];
}

async function bundlePeer(name, log) {
  const folder = name === 'FullCalendar 6' ? 'fullcalendar6' : 'fullcalendar7';
  const dir = ensurePeer(folder);
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: peerSources[name], resolveDir: dir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: '/virtual',
    write: false,
    logLevel: 'silent',
  });
  const files = {};
  for (const file of result.outputFiles) files[file.path.endsWith('.css') ? '/peer.css' : '/peer.js'] = file.contents;
  log?.(`  ${name}: ${(gzipSync(files['/peer.js'], { level: 9 }).length / 1024).toFixed(1)} KB gzip of script`);
  return files;
}

function pageHtml(lib, view, css) {
  if (lib === 'ours') {
    return (
      `<!doctype html><html lang="pl"><head><meta charset="utf-8"></head><body>` +
      `<oc-event-calendar src="/feeds/events.ics" month="${MONTH.year}-${pad(MONTH.month)}" view="${view}" ` +
      `time-zone="Europe/Warsaw"></oc-event-calendar>` +
      `<script type="module" src="/cdn/event-calendar.js"></script></body></html>`
    );
  }
  return (
    `<!doctype html><html lang="pl"><head><meta charset="utf-8">` +
    (css ? '<link rel="stylesheet" href="/peer.css">' : '') +
    '</head>' +
    `<body><div id="calendar"></div><script type="module">` +
    `import '/peer.js'; window.benchShow(${JSON.stringify(view)});</script></body></html>`
  );
}

const gzipped = new Map();
/** gzip -9 bytes of a body served, computed once per file (the same file is served on every page). */
function gzipBytes(key, body) {
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }).length);
  return gzipped.get(key);
}

/** One page load: ms from the feed's response to events in the DOM, the longest task, the bytes. */
async function measure(browser, { lib, view, rate, feedText, peerFiles, cdn, withOccurrences }) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, timezoneId: 'Europe/Warsaw' });
  const bytes = [];
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      let body;
      let type = 'text/javascript';
      if (pathname === '/') [body, type] = [pageHtml(lib, view, Boolean(peerFiles?.['/peer.css'])), 'text/html'];
      else if (pathname === '/feeds/events.ics') [body, type] = [feedText, 'text/calendar; charset=utf-8'];
      else if (lib !== 'ours' && peerFiles[pathname]) {
        body = Buffer.from(peerFiles[pathname]);
        if (pathname.endsWith('.css')) type = 'text/css';
      } else if (lib === 'ours' && pathname.startsWith('/cdn/')) {
        const file = join(cdn, pathname.slice(5));
        if (existsSync(file)) body = readFileSync(file);
      }
      if (body === undefined) return route.fulfill({ status: 404, body: '' });
      if (pathname !== '/' && pathname !== '/feeds/events.ics') bytes.push(gzipBytes(`${lib} ${pathname}`, body));
      return route.fulfill({ status: 200, contentType: type, body });
    });
    await page.addInitScript(() => {
      window.benchTasks = [];
      window.benchObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchTasks.push([entry.startTime, entry.duration]);
      });
      window.benchObserver.observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${ORIGIN}/`);
    const metrics = await page.evaluate(
      async ({ lib }) => {
        const found = () => {
          if (lib === 'ours') {
            const root = document.querySelector('oc-event-calendar')?.shadowRoot;
            return root?.querySelector('[part~="event"]');
          }
          // FullCalendar 7 hashes its class names: an event's title in the calendar, in any view.
          return document.getElementById('calendar')?.textContent.includes(' nr ');
        };
        const started = performance.now();
        while (!found()) {
          if (performance.now() - started > 120_000) throw new Error(`${lib} showed no event in 2 minutes`);
          await new Promise((resolve) => setTimeout(resolve, 4));
        }
        const shownAt = performance.now();
        // Long tasks that ended before now are queued to the observer already: take them, rather
        // than waiting for its callback (a fixed 60 ms wait before).
        for (const entry of window.benchObserver.takeRecords())
          window.benchTasks.push([entry.startTime, entry.duration]);
        // The feed's Resource Timing entry is made a little after its body is read: wait for it
        // (timing from 0, the page's start, would make a run look seconds long).
        const feedEntry = () =>
          performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/events.ics'));
        while (!feedEntry()) {
          if (performance.now() - started > 120_000) throw new Error(`the feed of ${lib} never finished loading`);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const from = feedEntry().responseEnd;
        const tasks = window.benchTasks.filter(([start, duration]) => start + duration > from && start < shownAt);
        // pageMs: from the page's start (navigation), what a visitor waits: code, feed and work.
        return {
          ms: shownAt - from,
          pageMs: shownAt,
          longestTaskMs: Math.max(0, ...tasks.map(([, duration]) => duration)),
        };
      },
      { lib },
    );
    if (withOccurrences) {
      metrics.occurrences =
        lib === 'ours'
          ? await page.evaluate(async ({ year, month }) => {
              // What the element shows for the month: its parsed feed, expanded as its views do.
              const element = document.querySelector('oc-event-calendar');
              await element.loaded;
              const feed = element.feeds[0].data;
              // The page runs in Europe/Warsaw: local midnights are Warsaw's.
              const range = { start: new Date(year, month - 1, 1), end: new Date(year, month, 1) };
              const day = (d) => d.year + '-' + String(d.month).padStart(2, '0') + '-' + String(d.day).padStart(2, '0');
              return feed
                .expand(range, 'Europe/Warsaw', 5000)
                .map((o) => o.event.uid + '|' + (o.allDay ? day(o.startDate) : o.start.toISOString()));
            }, MONTH)
          : await page.evaluate(() => window.benchOccurrences());
    }
    metrics.bytes = bytes.reduce((sum, n) => sum + n, 0);
    return metrics;
  } finally {
    await page.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The cases to time: [events, view, rate]. */
function cases(cpuRates, full) {
  if (process.env.OC_BENCH_CASES) {
    return process.env.OC_BENCH_CASES.split(',').map((item) => {
      const [events, view, rate] = item.split(':');
      return [Number(events), view, Number(rate)];
    });
  }
  const out = [];
  for (const rate of cpuRates) {
    for (const events of [500, 2000, 8000]) {
      for (const view of ['month', 'list']) {
        // By default: 8,000 events in the month view at 1× only, and at 4× the 2,000-event month (the goal).
        if (!full && events === 8000 && (view === 'list' || rate !== 1)) continue;
        if (!full && rate !== 1 && (events !== 2000 || view === 'list')) continue;
        out.push([events, view, rate]);
      }
    }
  }
  return out;
}

/** Is the i-th of `runs` runs (0-based) one of the `n` a peer is measured in? Spread evenly, the last included. */
const peerTurn = (i, n, runs) => i < 0 || n >= runs || Math.floor(((i + 1) * n) / runs) > Math.floor((i * n) / runs);

export async function run(ctx) {
  const { browser, root, log = console.log } = ctx;
  const runs = Math.max(7, ctx.runs ?? 7);
  const cpuRates = ctx.cpuRates ?? [1, 4];
  const full = ctx.full ?? process.env.OC_BENCH_FULL === '1';
  const heavyPeerRuns = full ? runs : Math.max(1, ctx.peerRuns ?? (Number(process.env.OC_BENCH_PEER_RUNS ?? 1) || 1));
  const cdn = process.env.OC_CDN_OUT ?? join(root, 'packages/widgets/dist/cdn');
  if (!existsSync(join(cdn, 'event-calendar.js'))) throw new Error(`no drop-in build in ${cdn}: run rollup first`);
  const peerFiles = {};
  const libs = ['ours', ...PEERS].filter(
    (lib) => !process.env.OC_BENCH_LIBS || process.env.OC_BENCH_LIBS.split(',').includes(lib),
  );
  for (const name of PEERS) if (libs.includes(name)) peerFiles[name] = await bundlePeer(name, log);
  const feeds = Object.fromEntries([500, 2000, 8000].map((n) => [n, generateFeed(n)]));
  log(`  feed of 2,000 events: ${(feeds[2000].text.length / 1e6).toFixed(2)} MB`);
  const rows = [];
  const json = { month: MONTH, cases: {}, wall: {} };
  const started = Date.now();

  // Correctness first: the month's occurrences each calendar holds, against the generator's.
  const expected = expectedInMonth(feeds[2000].occurrences, MONTH);
  const wanted = new Set(expected);
  const recurringWanted = expected.filter((key) => Number(key.split('|')[0].match(/\d+/)[0]) % 10 === 9).length;
  const right = {};
  for (const lib of libs) {
    const metrics = await measure(browser, {
      lib,
      view: 'month',
      rate: 1,
      feedText: feeds[2000].text,
      peerFiles: peerFiles[lib],
      cdn,
      withOccurrences: true,
    });
    const got = new Set(metrics.occurrences ?? []);
    right[lib] = [...got].filter((key) => wanted.has(key)).length;
    json.cases[`occurrences ${lib}`] = { found: got.size, right: right[lib], expected: wanted.size };
    if (lib === 'ours') json.bytes = { ours: metrics.bytes };
    else json.bytes[lib] = metrics.bytes;
  }
  log(
    `  June, 2,000 events: ${wanted.size} occurrences expected; right: ` +
      libs.map((lib) => `${lib} ${right[lib]} of ${json.cases[`occurrences ${lib}`].found}`).join(', ') +
      `; bytes (gzip -9): ${libs.map((lib) => `${lib} ${json.bytes[lib]}`).join(', ')}`,
  );
  rows.push({
    figure: 'calendar: June occurrences matching an independent expansion (2,000 events)',
    case: `${wanted.size} expected, ${recurringWanted} recurring`,
    unit: 'count',
    ours: right.ours,
    peers: { [PEERS[0]]: right[PEERS[0]], [PEERS[1]]: right[PEERS[1]] },
    goal: `= ${wanted.size}`,
  });
  rows.push({
    figure: 'calendar: bytes fetched to show an ICS feed (gzip -9, feed excluded)',
    case: 'month view',
    unit: 'KB',
    ours: +(json.bytes.ours / 1000).toFixed(1),
    peers: Object.fromEntries(PEERS.map((p) => [p, +(json.bytes[p] / 1000).toFixed(1)])),
    goal: '≤ 45 KB',
  });

  for (const [events, view, rate] of cases(cpuRates, full)) {
    const caseStarted = Date.now();
    const samples = Object.fromEntries(libs.map((lib) => [lib, { ms: [], pageMs: [], longest: [] }]));
    // FullCalendar needs 10-18 s a page at 8,000 events, 5-11 s at 4× CPU: fewer runs of it there.
    const heavy = events >= 8000 || rate > 1;
    const counts = Object.fromEntries(libs.map((lib) => [lib, lib === 'ours' || !heavy ? runs : heavyPeerRuns]));
    // A warm-up of each, then the runs, interleaved.
    for (let i = -1; i < runs; i++) {
      for (const lib of libs) {
        if (!peerTurn(i, counts[lib], runs)) continue;
        const metrics = await measure(browser, {
          lib,
          view,
          rate,
          feedText: feeds[events].text,
          peerFiles: peerFiles[lib],
          cdn,
        });
        if (i < 0) continue;
        samples[lib].ms.push(metrics.ms);
        samples[lib].pageMs.push(metrics.pageMs);
        samples[lib].longest.push(metrics.longestTaskMs);
      }
    }
    const name = `${events.toLocaleString('en')} events, ${view}, ${rate}× CPU`;
    json.cases[name] = samples;
    for (const lib of libs) samples[lib].runs = samples[lib].ms.length;
    const peerRuns = Object.fromEntries(PEERS.filter((p) => libs.includes(p)).map((p) => [p, samples[p].ms.length]));
    const caseSeconds = Math.round((Date.now() - caseStarted) / 1000);
    const measuredSeconds = Math.round(
      libs.reduce(
        (sum, lib) => sum + (samples[lib].ms.reduce((a, b) => a + b, 0) * (samples[lib].runs + 1)) / samples[lib].runs,
        0,
      ) / 1000,
    );
    // Wall time of the case against the time inside the measured intervals (warm-up counted as a run).
    json.wall[name] = {
      seconds: caseSeconds,
      measuredSeconds,
      runs: Object.fromEntries(libs.map((lib) => [lib, samples[lib].runs])),
    };
    const goal =
      view === 'month' && events === 2000
        ? '≤ 0.15× FC6, ≤ 0.2× FC7'
        : view === 'month' && events === 8000 && rate === 1
          ? '≤ 0.1× FC6'
          : undefined;
    const ms = Object.fromEntries(libs.map((lib) => [lib, Math.round(median(samples[lib].ms))]));
    rows.push({
      figure: `calendar: response → ${view} view with events in the DOM`,
      case: name,
      unit: 'ms',
      ours: ms.ours,
      peers: { [PEERS[0]]: ms[PEERS[0]], [PEERS[1]]: ms[PEERS[1]] },
      peerRuns,
      ...(goal ? { goal } : {}),
    });
    const pageMs = Object.fromEntries(libs.map((lib) => [lib, Math.round(median(samples[lib].pageMs))]));
    rows.push({
      figure: `calendar: page start → ${view} view with events in the DOM (code, feed and work)`,
      case: name,
      unit: 'ms',
      ours: pageMs.ours,
      peers: { [PEERS[0]]: pageMs[PEERS[0]], [PEERS[1]]: pageMs[PEERS[1]] },
      peerRuns,
    });
    const longest = Object.fromEntries(libs.map((lib) => [lib, Math.round(Math.max(...samples[lib].longest))]));
    rows.push({
      figure: 'calendar: longest main-thread task (worst run)',
      case: name,
      unit: 'ms',
      ours: longest.ours,
      peers: { [PEERS[0]]: longest[PEERS[0]], [PEERS[1]]: longest[PEERS[1]] },
      peerRuns,
      ...(rate === 1 ? { goal: '≤ 200 ms' } : {}),
    });
    log(
      `  ${name.padEnd(30)} ours ${ms.ours} ms (longest ${longest.ours}; from the page's start ${pageMs.ours}), FC6 ${ms[PEERS[0]]} (${pageMs[PEERS[0]]}), FC7 ${ms[PEERS[1]]} (${pageMs[PEERS[1]]})` +
        (heavy && heavyPeerRuns < runs ? ` (peers ${heavyPeerRuns} runs)` : '') +
        `  [case ${caseSeconds} s, in the measured intervals about ${measuredSeconds} s; ` +
        `${Math.round((Date.now() - started) / 1000)} s]`,
    );
  }
  return { rows, json };
}

// Run alone: node scripts/bench/calendar.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(here, '../..');
  const { chromium } = await import('playwright-core');
  const { chromeArgs, findChrome } = await import('../chrome.mjs');
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  try {
    const only = process.env.OC_BENCH_ONLY;
    const result = await run({
      browser,
      root,
      base: ORIGIN,
      runs: Number(process.env.OC_BENCH_RUNS ?? 7),
      cpuRates: only ? [1] : [1, 4],
      log: console.log,
    });
    console.log(`\n| figure | case | unit | ours | ${PEERS.join(' | ')} | ours ÷ FC6 | ours ÷ FC7 | goal |`);
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of result.rows) {
      const ratio = (peer) => (row.peers[peer] ? (row.ours / row.peers[peer]).toFixed(2) : '–');
      console.log(
        `| ${row.figure} | ${row.case} | ${row.unit} | ${row.ours} | ${PEERS.map((p) => row.peers[p]).join(' | ')} | ` +
          `${ratio(PEERS[0])} | ${ratio(PEERS[1])} | ${row.goal ?? ''} |`,
      );
    }
  } finally {
    await browser.close();
  }
}
