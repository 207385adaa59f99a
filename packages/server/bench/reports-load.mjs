/**
 * Load check of the report receiver on loopback: a bounded number of concurrent POSTs (each report
 * sent twice, as a client retrying after a lost answer would), then a count of what was stored.
 * Reports throughput and p50/p99 latency; fails if anything was lost or stored twice.
 */
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';
import { validReport } from '../test/report-fixture.mjs';

export async function run({ reports = 400, concurrency = 16, timeLimitMs = 60_000, databaseUrl } = {}) {
  const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: ':memory:' });
  const config = loadConfig({ RATE_LIMIT_MAX: String(reports * 4) });
  const server = createApp({ config, db, schema: await loadReportSchema() });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/reports`;

  const bodies = Array.from({ length: reports }, () => validReport());
  // Every report twice: the second is a retry that must come back with the same reference.
  const queue = bodies.flatMap((body) => [body, body]);
  const latencies = [];
  const references = new Map();
  let failures = 0;
  const started = performance.now();
  const deadline = started + timeLimitMs;

  async function worker() {
    for (let body = queue.shift(); body && performance.now() < deadline; body = queue.shift()) {
      const sent = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      latencies.push(performance.now() - sent);
      if (response.status !== 201 && response.status !== 200) {
        failures++;
        continue;
      }
      const known = references.get(body.id);
      if (known && known !== answer.reference) failures++;
      references.set(body.id, answer.reference);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const { rows } = await db.query(
    'SELECT count(*)::int AS stored, count(DISTINCT id)::int AS distinct_ids FROM reports',
  );
  server.close();
  await db.close();

  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    requests: latencies.length,
    concurrency,
    throughputPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
    p50Ms: Number(percentile(50).toFixed(2)),
    p99Ms: Number(percentile(99).toFixed(2)),
    sentReports: references.size,
    storedRows: rows[0].stored,
    duplicates: rows[0].stored - rows[0].distinct_ids,
    lost: references.size - rows[0].distinct_ids,
    failures,
  };
}
