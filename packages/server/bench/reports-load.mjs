#!/usr/bin/env node
/**
 * Load check of the report receiver, measured as a client would: the server runs in its own
 * process (`src/main.mjs`, as deployed), and this process sends reports open-loop at a fixed rate
 * (each request leaves at its scheduled time, whether or not earlier ones were answered), so a
 * slow answer cannot hold back the next request and hide itself. Latency is counted from the
 * scheduled time to the end of the answer. One request in ten is a retry of a report sent about
 * half a second before (as a client whose answer was lost), which must get the same reference.
 * Afterwards the database is counted: every report the receiver acknowledged is stored, and none
 * twice; requests that were refused or not answered are counted apart (by status), and make the
 * run fail too, since a client would have to send them again.
 *
 *   node packages/server/bench/reports-load.mjs [--rate 200] [--seconds 10] [--postgres]
 *
 * On PostgreSQL it uses DATABASE_URL when given, else starts a throw-away server with the
 * machine's initdb (test/postgres.mjs), else says it cannot.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.mjs';
import { validReport } from '../test/report-fixture.mjs';
import { freePort } from '../test/staff-helpers.mjs';

const mainScript = fileURLToPath(new URL('../src/main.mjs', import.meta.url));

/** Start `src/main.mjs` in a child process; resolves once it listens. */
async function startServerProcess(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [mainScript], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 300_000);
    const seen = (chunk) => {
      output += chunk;
      if (/Open City Widgets demo:/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** POST one report over a kept-alive connection; resolves to { status, reference, endedAt }. */
function post(agent, url, body) {
  return new Promise((resolve) => {
    const text = JSON.stringify(body);
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          'Idempotency-Key': body.id,
        },
      },
      (response) => {
        let answer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (answer += chunk));
        response.on('end', () => {
          let reference;
          try {
            reference = JSON.parse(answer).reference;
          } catch {
            // not JSON: counted as a failure below
          }
          resolve({ status: response.statusCode, reference, endedAt: performance.now() });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, error: error.message, endedAt: performance.now() }));
    req.end(text);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (value) => Number(value.toFixed(2));

/**
 * Send `rate` requests a second for `seconds` (after `warmupSeconds` at the same rate, not
 * counted in the latencies) to `base`. Returns the latencies and what each report got back.
 */
async function openLoop(base, { rate, seconds, warmupSeconds }) {
  const url = `${base}/api/reports`;
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const interval = 1000 / rate;
  const total = Math.round((seconds + warmupSeconds) * rate);
  const warmup = Math.round(warmupSeconds * rate);
  const retryLag = Math.round(rate / 2); // a retry goes about half a second after its first try
  const sentReports = [];
  const plan = [];
  for (let index = 0; index < total; index++) {
    // Every tenth request (once there is something to retry) repeats an earlier report.
    const retry = index % 10 === 9 && index > retryLag;
    if (retry) plan.push({ retryOf: plan[index - retryLag].report ?? plan[index - retryLag].retryOf });
    else {
      const report = validReport({ schemaVersion: 2 });
      sentReports.push(report);
      plan.push({ report });
    }
  }
  const latencies = [];
  const answers = new Map();
  let failures = 0;
  const failedBy = {};
  const acknowledged = new Set();
  let repeatsAgreeing = 0;
  let repeatsDisagreeing = 0;
  let lateStarts = 0;
  const pending = [];
  const started = performance.now() + 50;
  for (let index = 0; index < total; index++) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // A request more than 5 ms behind its schedule is counted: the client, not the server, was slow.
    if (performance.now() - due > 5) lateStarts++;
    const step = plan[index];
    const body = step.report ?? step.retryOf;
    pending.push(
      post(agent, url, body).then((answer) => {
        if (index >= warmup) latencies.push(answer.endedAt - due);
        const ok = answer.status === 201 || answer.status === 200;
        if (!ok || !answer.reference) {
          failures++;
          const why = answer.status ? `HTTP ${answer.status}` : (answer.error ?? 'no answer');
          failedBy[why] = (failedBy[why] ?? 0) + 1;
          return;
        }
        acknowledged.add(body.id);
        if (step.retryOf) {
          // The first try may still be in flight; compared once everything is back.
          answers.set(`${body.id}:retry:${index}`, answer.reference);
        } else answers.set(body.id, answer.reference);
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = performance.now() - started;
  agent.destroy();
  for (const [key, reference] of answers) {
    const [id, kind] = key.split(':');
    if (kind !== 'retry') continue;
    if (answers.get(id) === reference) repeatsAgreeing++;
    else repeatsDisagreeing++;
  }
  latencies.sort((a, b) => a - b);
  return {
    sentReports,
    acknowledged,
    failedBy,
    requests: total,
    measured: latencies.length,
    achievedRate: Math.round((total / elapsed) * 1000),
    lateStarts,
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1)),
    failures,
    repeatsAgreeing,
    repeatsDisagreeing,
  };
}

/**
 * One load check on one database. `database` is `pglite` (a data folder on disk, as a single
 * server is deployed) or `postgres` (`databaseUrl`). Returns the figures, and `ok` when nothing
 * was lost, stored twice, refused or answered differently on a retry.
 */
export async function run({
  rate = 200,
  seconds = 10,
  warmupSeconds = 2,
  database = 'pglite',
  databaseUrl,
  log = () => {},
} = {}) {
  const dataDir = database === 'pglite' ? mkdtempSync(join(tmpdir(), 'oc-receiver-load-')) : undefined;
  const env = {
    RATE_LIMIT_MAX: String(rate * 3600),
    RETENTION_DAYS: '365',
    ...(database === 'postgres' ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir, DATABASE_URL: '' }),
  };
  if (database === 'postgres') {
    // A clean table: earlier runs on the same database would be counted too.
    const db = await openDatabase({ databaseUrl });
    await db.query('DELETE FROM reports');
    await db.close();
  }
  const server = await startServerProcess(env);
  log(`receiver (${database}) in process ${server.pid}: ${rate} reports/s for ${seconds} s, open loop`);
  let result;
  try {
    result = await openLoop(server.base, { rate, seconds, warmupSeconds });
  } finally {
    await server.stop();
  }
  const db = await openDatabase(database === 'postgres' ? { databaseUrl } : { dataDir });
  const { rows } = await db.query('SELECT id FROM reports');
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const stored = new Map();
  for (const { id } of rows) stored.set(id, (stored.get(id) ?? 0) + 1);
  const sent = result.sentReports.map((report) => report.id);
  // Lost: the receiver said it had the report (201 or 200) and it is not in the database.
  const lost = [...result.acknowledged].filter((id) => !stored.has(id)).length;
  const duplicates = [...stored.values()].filter((count) => count > 1).length;
  const { sentReports: _sent, acknowledged, ...figures } = result;
  return {
    database,
    rate,
    seconds,
    ...figures,
    sentReports: sent.length,
    acknowledgedReports: acknowledged.size,
    storedRows: rows.length,
    lost,
    duplicates,
    ok: lost === 0 && duplicates === 0 && figures.failures === 0 && figures.repeatsDisagreeing === 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(args[index + 1]);
  };
  let databaseUrl = process.env.DATABASE_URL;
  let stopPostgres;
  if (args.includes('--postgres') && !databaseUrl) {
    const { startPostgres } = await import('../test/postgres.mjs');
    const postgres = await startPostgres();
    if (!postgres) {
      console.error('No PostgreSQL here: set DATABASE_URL, or install PostgreSQL (initdb, pg_ctl).');
      process.exit(1);
    }
    databaseUrl = postgres.url;
    stopPostgres = postgres.stop;
  }
  try {
    const result = await run({
      rate: option('rate', 200),
      seconds: option('seconds', 10),
      database: args.includes('--postgres') ? 'postgres' : 'pglite',
      databaseUrl,
      log: console.log,
    });
    console.log(JSON.stringify(result, null, 2));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await stopPostgres?.();
  }
}
