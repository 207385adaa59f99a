/**
 * Bench section "receiver": the report receiver under load, measured as a client would
 * (packages/server/bench/reports-load.mjs): the server in its own process, open loop at 200
 * reports/s for 20 s after a 2 s warm-up, on the embedded PGlite and on PostgreSQL (DATABASE_URL,
 * or a throw-away cluster from the machine's initdb; skipped with a note when there is none).
 * Rows: p50 and p99 latency from each request's scheduled time to the end of its answer, and the
 * reports lost or stored twice (both must be 0). It uses no browser and no peer library.
 *
 * Alone: `node scripts/bench/receiver.mjs` (prints the rows as JSON).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const rate = 200;
const seconds = 20;

export async function run({ root = process.cwd(), log = console.log } = {}) {
  const server = (path) => pathToFileURL(join(root, 'packages/server', path)).href;
  const { run: loadCheck } = await import(server('bench/reports-load.mjs'));
  const { startPostgres } = await import(server('test/postgres.mjs'));
  const results = [await loadCheck({ rate, seconds, database: 'pglite', log })];
  const postgres = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startPostgres();
  if (postgres) {
    try {
      results.push(await loadCheck({ rate, seconds, database: 'postgres', databaseUrl: postgres.url, log }));
    } finally {
      await postgres.stop();
    }
  } else {
    log('  receiver: no PostgreSQL on this machine (set DATABASE_URL or install initdb): PostgreSQL skipped');
  }
  const rows = [];
  for (const result of results) {
    const name = result.database === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const kase = `${name}, ${rate}/s for ${seconds} s, open loop`;
    log(
      `  receiver ${name}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms; ` +
        `${result.achievedRate}/s sent (${result.lateStarts} late starts); ` +
        `${result.sentReports} reports, ${result.acknowledgedReports} acknowledged, ${result.storedRows} stored, ` +
        `lost ${result.lost}, twice ${result.duplicates}, failed ${result.failures} ${JSON.stringify(result.failedBy)}, ` +
        `retries answered alike ${result.repeatsAgreeing}/${result.repeatsAgreeing + result.repeatsDisagreeing}`,
    );
    rows.push(
      { figure: 'receiver: POST /api/reports latency p50', case: kase, unit: 'ms', ours: result.p50Ms, peers: {} },
      {
        figure: 'receiver: POST /api/reports latency p99',
        case: kase,
        unit: 'ms',
        ours: result.p99Ms,
        peers: {},
        goal: '≤ 20 ms',
      },
      {
        figure: 'receiver: reports lost or stored twice',
        case: kase,
        unit: 'reports',
        ours: result.lost + result.duplicates + result.repeatsDisagreeing,
        peers: {},
        goal: '0',
      },
      {
        figure: 'receiver: requests refused or unanswered',
        case: kase,
        unit: 'requests',
        ours: result.failures,
        peers: {},
        goal: '0',
      },
    );
  }
  return { rows, json: { rate, seconds, results } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows } = await run({ root: join(import.meta.dirname, '../..') });
  console.log(JSON.stringify(rows, null, 2));
}
