#!/usr/bin/env node
/**
 * `npm run bench`: what the widgets cost, measured beside the libraries people use instead.
 *
 * A runner of sections, each a module `scripts/bench/<name>.mjs` exporting
 * `async function run(ctx)` with ctx = `{ browser, base, root, runs, cpuRates, log }`:
 *  - browser: one headless Chromium (playwright-core) for every section;
 *  - base: the URL of the reference server, started here in its own process (packages/server,
 *    a throw-away data directory), so that a section measures it as a client would;
 *  - root: the repository; runs: measured runs per case (at least 7, after a warm-up);
 *  - cpuRates: [1, 4] (CDP `Emulation.setCPUThrottlingRate`); log: progress lines.
 *  - peerRuns: measured runs of a peer in the heavy peer cases (FullCalendar at 8,000 events and at
 *    4× CPU, Fuse.js and MiniSearch at 50,000 services and at 4×, where one run of a peer takes
 *    seconds): `OC_BENCH_PEER_RUNS`, 1 by default (so that the whole bench keeps within 15
 *    minutes on a 2-core machine), `runs` with OC_BENCH_FULL=1; every other case, and ours always,
 *    gets `runs`;
 *  - full: OC_BENCH_FULL=1 (every case of every section).
 * It returns `{ rows: [{ figure, case, unit, ours, peers: { [peer]: number }, peerRuns?, goal? }], json }`;
 * `peerRuns: { [peer]: n }` says a peer's figure is a median of n runs, marked in the table when n < 7;
 * `firstQueryOnly: [peer]` that a peer's keystroke figure is of the first query only, marked `†`.
 *
 * The drop-in build is made once into .cache/bench/cdn (`OC_CDN_OUT` for every section; set it to
 * measure another build as it is). The runner prints one table (ours, each peer, ours ÷ peer, the
 * goal) and writes everything to .cache/bench.json, with the date and the machine.
 *
 *   npm run bench                         the figures of issue 18: sizes, calendar, finder, receiver
 *   OC_BENCH_FULL=1 npm run bench         every section (demo, finder-map, hostile too) and every case
 *   npm run bench -- --only=finder,sizes  some of them, extras included when named (or OC_BENCH_ONLY)
 *   OC_BENCH_RUNS=9 npm run bench         more runs per case
 *   OC_BENCH_PEER_RUNS=7 npm run bench    more runs of the peers in their heavy cases (default 1)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';
import { root, run as runCommand } from './run.mjs';

/** Sections in this order; any other file in scripts/bench/ runs after them, by name. */
const ORDER = ['sizes', 'demo', 'calendar', 'finder', 'finder-map', 'hostile', 'receiver'];
/** Sections that hold none of issue 18's figures: only with OC_BENCH_FULL=1, or when named in --only. */
const EXTRAS = ['demo', 'finder-map', 'hostile'];
const full = process.env.OC_BENCH_FULL === '1';

const only = (process.argv.find((arg) => arg.startsWith('--only='))?.slice(7) ?? process.env.OC_BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const runs = Math.max(7, Number(process.env.OC_BENCH_RUNS ?? 7) || 7);
const peerRuns = full ? runs : Math.max(1, Number(process.env.OC_BENCH_PEER_RUNS ?? 1) || 1);
const started = Date.now();

const available = readdirSync(join(root, 'scripts/bench'))
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => file.slice(0, -4))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const sections = available.filter((name) => (only.length > 0 ? only.includes(name) : full || !EXTRAS.includes(name)));
const skipped = available.filter((name) => !sections.includes(name));

function rank(name) {
  const at = ORDER.indexOf(name);
  return at < 0 ? ORDER.length : at;
}

if (!process.env.OC_CDN_OUT) {
  const cdn = join(root, '.cache/bench/cdn');
  rmSync(cdn, { recursive: true, force: true });
  console.log('Building the drop-in entries into .cache/bench/cdn…');
  await runCommand('node', ['scripts/localize.mjs', 'build'], { quiet: true });
  await runCommand('npx', ['rollup', '-c', '--silent'], { quiet: true, env: { ...process.env, OC_CDN_OUT: cdn } });
  process.env.OC_CDN_OUT = cdn;
}

const server = await startReferenceServer();
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
const results = {
  date: new Date().toISOString(),
  machine: machine(await browser.version()),
  runs,
  peerRuns,
  full,
  ran: sections,
  skipped,
  sections: {},
};
console.log(
  `${results.machine}\nSections: ${sections.join(', ')}` +
    (skipped.length ? ` (not run: ${skipped.join(', ')}; OC_BENCH_FULL=1 or --only= runs them)` : '') +
    `; ${runs} runs per case after a warm-up` +
    (peerRuns < runs ? `, ${peerRuns} of each peer in its heavy cases.\n` : '.\n'),
);

try {
  for (const name of sections) {
    const sectionStarted = Date.now();
    console.log(`── ${name}`);
    try {
      const module = await import(pathToFileURL(join(root, 'scripts/bench', `${name}.mjs`)).href);
      const { rows = [], json } = await module.run({
        browser,
        base: server.base,
        root,
        runs,
        peerRuns,
        full,
        cpuRates: [1, 4],
        log: (text) => console.log(text),
      });
      results.sections[name] = { seconds: Math.round((Date.now() - sectionStarted) / 1000), rows, json };
    } catch (error) {
      console.error(`  ${name} failed: ${error.stack ?? error}`);
      results.sections[name] = { failed: String(error.message ?? error) };
      process.exitCode = 1;
    }
    console.log(`  (${Math.round((Date.now() - sectionStarted) / 1000)} s)\n`);
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log(table(results.sections));
if (skipped.length) console.log(`Not run: ${skipped.join(', ')} (OC_BENCH_FULL=1, or --only=).`);
results.seconds = Math.round((Date.now() - started) / 1000);
console.log(`\n${results.machine}; ${results.date}; the whole bench took ${results.seconds} s.`);
mkdirSync(join(root, '.cache'), { recursive: true });
writeFileSync(join(root, '.cache/bench.json'), JSON.stringify(results, null, 2));
console.log('Written to .cache/bench.json.');

/**
 * One Markdown table of every section's rows: ours, each peer, and ours ÷ each peer. A peer's
 * figure from fewer than 7 runs carries the count as a superscript (`9962³`), a keystroke figure
 * from the first query only a `†` (`3128†`), both explained below.
 */
function table(bySection) {
  const lines = [
    '| section | figure | case | unit | ours | peers | ours ÷ peer | goal |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const number = (value) =>
    typeof value !== 'number'
      ? String(value ?? '–')
      : Number.isInteger(value)
        ? String(value)
        : value.toFixed(value < 10 ? 2 : 1);
  const superscript = (n) => [...String(n)].map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[digit]).join('');
  const fewer = new Set();
  let firstQueryOnly = false;
  const mark = (row, peer) => {
    let marks = '';
    if (row.firstQueryOnly?.includes(peer)) {
      firstQueryOnly = true;
      marks += '†';
    }
    const n = row.peerRuns?.[peer];
    if (typeof n !== 'number' || n >= 7) return marks;
    fewer.add(n);
    return marks + superscript(n);
  };
  for (const [name, section] of Object.entries(bySection)) {
    if (section.failed) {
      lines.push(`| ${name} | failed: ${section.failed} | | | | | | |`);
      continue;
    }
    for (const row of section.rows) {
      const peers = Object.entries(row.peers ?? {});
      const ratio = ([, value]) =>
        typeof value === 'number' && value > 0 && typeof row.ours === 'number'
          ? `${(row.ours / value).toFixed(2)}×`
          : '–';
      lines.push(
        `| ${name} | ${row.figure} | ${row.case ?? ''} | ${row.unit ?? ''} | ${number(row.ours)} | ` +
          `${peers.map(([peer, value]) => `${peer} ${number(value)}${mark(row, peer)}`).join('; ') || '–'} | ` +
          `${peers.map(ratio).join('; ') || '–'} | ${row.goal ?? ''} |`,
      );
    }
  }
  for (const n of [...fewer].sort())
    lines.push(
      `\n${superscript(n)} the peer's ${n === 1 ? 'one run' : `median of ${n} runs`} after a warm-up (its heavy cases: OC_BENCH_PEER_RUNS; ` +
        `OC_BENCH_FULL=1 gives it ${runs}); ours is always the median of ${runs}.`,
    );
  if (firstQueryOnly)
    lines.push(
      '\n† the peer typed the first query only: its keystrokes took over two seconds each (OC_BENCH_FULL=1 types ' +
        'every query); ours types them all.',
    );
  return lines.join('\n');
}

function machine(chromiumVersion) {
  const cpu = cpus();
  return (
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `${osType()} ${release()}, Node ${process.versions.node}, Chromium ${chromiumVersion}`
  );
}

/** The reference server (packages/server) in a process of its own, on a free port, with a fresh data directory. */
async function startReferenceServer() {
  const port = await new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
    probe.on('error', reject);
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'oc-bench-'));
  const child = spawn(process.execPath, ['packages/server/src/main.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the reference server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/services`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the reference server did not start within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
