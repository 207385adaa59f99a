/**
 * The reference server over real HTTP on loopback, against PGlite always and PostgreSQL when one is
 * installed (or TEST_DATABASE_URL is given).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { listMigrations } from '../src/db/migrate.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';
import { purgeExpired, reportsToCsv } from '../src/reports.mjs';
import { validReport } from './report-fixture.mjs';
import { startPostgres } from './postgres.mjs';

const adminToken = 'test-admin-token-0123456789';

async function startServer({ db, env = {} }) {
  const config = loadConfig({
    ADMIN_TOKEN: adminToken,
    ALLOWED_ORIGINS: 'https://partner.example',
    RATE_LIMIT_MAX: '1000',
    ...env,
  });
  const server = createApp({ config, db, schema: await loadReportSchema() });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

function post(base, report, { key = report.id, headers = {}, body } = {}) {
  return fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers },
    body: body ?? JSON.stringify(report),
  });
}

const staff = { Authorization: `Bearer ${adminToken}` };

function receiverSuite(name, openDb) {
  describe(`report receiver on ${name}`, () => {
    let db;
    let server;
    before(async () => {
      db = await openDb();
      server = await startServer({ db });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    it('stores a valid report once and answers 201 with a short reference', async () => {
      const report = validReport();
      const response = await post(server.base, report);
      assert.equal(response.status, 201);
      const { reference } = await response.json();
      assert.match(reference, /^KR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const stored = await (await fetch(`${server.base}/api/reports/${reference}`, { headers: staff })).json();
      assert.deepEqual(stored.report, report);
    });

    it('answers a repeat with 200 and the same reference, without a second row', async () => {
      const report = validReport();
      const first = await (await post(server.base, report)).json();
      const again = await post(server.base, report);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), first);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM reports WHERE id = $1', [report.id]);
      assert.equal(rows[0].n, 1);
    });

    it('stores concurrent repeats of one report once', async () => {
      const report = validReport();
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(server.base, report)));
      const references = new Set(await Promise.all(answers.map(async (answer) => (await answer.json()).reference)));
      assert.equal(references.size, 1);
      assert.deepEqual(answers.map((answer) => answer.status).filter((status) => status === 201).length, 1);
    });

    it('refuses a different body under a known key with 409', async () => {
      const report = validReport();
      await post(server.base, report);
      const changed = { ...report, description: `${report.description} (changed)` };
      const response = await post(server.base, changed);
      assert.equal(response.status, 409);
    });

    it('says why a report is invalid (422 with details)', async () => {
      const report = { ...validReport(), unexpected: true };
      delete report.incidentTypes;
      const response = await post(server.base, report);
      assert.equal(response.status, 422);
      const body = await response.json();
      assert.match(body.error, /schema/);
      assert.ok(body.details.length > 0, 'details list what is wrong');
    });

    it('refuses a key that is not the report id, a missing key, bad JSON and another content type', async () => {
      const report = validReport();
      assert.equal((await post(server.base, report, { key: randomUUID() })).status, 422);
      assert.equal((await post(server.base, report, { key: 'not-a-uuid' })).status, 400);
      assert.equal((await post(server.base, report, { body: '{"id":' })).status, 400);
      assert.equal((await post(server.base, report, { headers: { 'Content-Type': 'text/plain' } })).status, 415);
    });

    it('writes the audit entry with the report: one for a stored report, none for a repeat or a conflict', async () => {
      const report = validReport();
      const { reference } = await (await post(server.base, report)).json();
      assert.equal((await post(server.base, report)).status, 200);
      assert.equal((await post(server.base, { ...report, description: 'Inny opis.' })).status, 409);
      const { rows } = await db.query(
        `SELECT actor_kind, actor_email, details FROM audit_log WHERE report_reference = $1 AND action = 'report-received'`,
        [reference],
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0].actor_kind, 'reporter');
      assert.equal(rows[0].actor_email, null);
      const details = typeof rows[0].details === 'string' ? JSON.parse(rows[0].details) : rows[0].details;
      assert.deepEqual(details, { evidence: 0 });
    });

    it('counts every request against the rate limit once, valid or not, and stores nothing past it', async () => {
      // A server of its own with a small limit; the counters of the tests before are forgotten.
      await db.query('DELETE FROM rate_limit_counters');
      const limited = await startServer({ db, env: { RATE_LIMIT_MAX: '4' } });
      try {
        const report = validReport();
        const late = validReport();
        const statuses = [];
        for (const send of [
          () => post(limited.base, report, { body: '{"id":' }),
          () => post(limited.base, report, { headers: { 'Content-Type': 'text/plain' } }),
          () => post(limited.base, report),
          () => post(limited.base, report),
          () => post(limited.base, late),
          () => post(limited.base, late, { body: '{"id":' }),
          () => post(limited.base, report),
        ]) {
          const response = await send();
          statuses.push(response.status);
          if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
        }
        assert.deepEqual(statuses, [400, 415, 201, 200, 429, 429, 429]);
        const { rows } = await db.query('SELECT count(*)::int AS n FROM reports WHERE id = $1', [late.id]);
        assert.equal(rows[0].n, 0, 'a report refused with 429 is not stored');
      } finally {
        await limited.close();
      }
    });

    it('lets exactly the limit through when reports over it arrive at once', async () => {
      await db.query('DELETE FROM rate_limit_counters');
      const limited = await startServer({ db, env: { RATE_LIMIT_MAX: '5' } });
      try {
        const reports = Array.from({ length: 12 }, () => validReport());
        const statuses = await Promise.all(reports.map(async (report) => (await post(limited.base, report)).status));
        assert.equal(statuses.filter((status) => status === 201).length, 5);
        assert.equal(statuses.filter((status) => status === 429).length, 7);
        const { rows } = await db.query('SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[])', [
          reports.map((report) => report.id),
        ]);
        assert.equal(rows[0].n, 5);
      } finally {
        await limited.close();
        await db.query('DELETE FROM rate_limit_counters');
      }
    });

    it('refuses an oversize body with 413', async () => {
      const report = validReport();
      const response = await post(server.base, report, {
        body: JSON.stringify({ ...report, description: 'x'.repeat(100_000) }),
      });
      assert.equal(response.status, 413);
    });

    it('exports reports only to staff, as JSON and CSV', async () => {
      assert.equal((await fetch(`${server.base}/api/reports`)).status, 401);
      assert.equal(
        (await fetch(`${server.base}/api/reports`, { headers: { Authorization: 'Bearer wrong-token-wrong-token' } }))
          .status,
        401,
      );
      const json = await (await fetch(`${server.base}/api/reports`, { headers: staff })).json();
      assert.ok(json.reports.length >= 1);
      assert.ok(json.reports[0].reference && json.reports[0].receivedAt && json.reports[0].report.id);
      const csv = await fetch(`${server.base}/api/reports?format=csv`, { headers: staff });
      assert.match(csv.headers.get('content-type'), /text\/csv/);
      const text = await csv.text();
      assert.match(
        text.split('\r\n')[0],
        /^reference,receivedAt,status,schemaVersion,id,createdAt,locale,reporterRole,/,
      );
      assert.equal(text.trim().split('\r\n').length, json.reports.length + 1);
    });

    it('keeps reports across a restart', async () => {
      const report = validReport();
      const { reference } = await (await post(server.base, report)).json();
      await server.close();
      server = await startServer({ db });
      const again = await fetch(`${server.base}/api/reports/${reference}`, { headers: staff });
      assert.equal(again.status, 200);
    });

    it('purges reports past their retention', async () => {
      const report = validReport();
      await post(server.base, report);
      await db.query(`UPDATE reports SET received_at = now() - interval '40 days' WHERE id = $1`, [report.id]);
      const removed = await purgeExpired(db, 30);
      assert.ok(removed >= 1);
      const { rows } = await db.query('SELECT 1 FROM reports WHERE id = $1', [report.id]);
      assert.equal(rows.length, 0);
    });
  });
}

receiverSuite('PGlite', () => openDatabase({ dataDir: ':memory:' }));

describe('report receiver on PostgreSQL', async () => {
  const postgres = await startPostgres().catch((error) => {
    console.warn(`PostgreSQL could not be started: ${error.message}`);
    return undefined;
  });
  if (!postgres) {
    it('needs PostgreSQL (install postgresql, or set TEST_DATABASE_URL)', { skip: true }, () => {});
    return;
  }
  after(() => postgres.stop());
  receiverSuite('PostgreSQL', () => openDatabase({ databaseUrl: postgres.url }));
});

describe('PGlite on disk', () => {
  it('creates the database on first start, migrates once, and keeps data after reopening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-pglite-'));
    try {
      let db = await openDatabase({ dataDir: dir });
      const report = validReport();
      await db.query(
        `INSERT INTO reports (id, reference, idempotency_key, body, body_sha256) VALUES ($1, 'KR-TEST-0001', $2, $3, 'x')`,
        [report.id, report.id, JSON.stringify(report)],
      );
      await db.close();
      db = await openDatabase({ dataDir: dir });
      const { rows } = await db.query('SELECT reference FROM reports');
      assert.deepEqual(rows, [{ reference: 'KR-TEST-0001' }]);
      const migrations = await db.query('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(migrations.rows[0].n, listMigrations().length, 'each migration applied once');
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTTP edges', () => {
  let db;
  let server;
  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    server = await startServer({ db, env: { RATE_LIMIT_MAX: '3' } });
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  it('limits reports per client with 429 and Retry-After', async () => {
    const statuses = [];
    let retryAfter;
    for (let i = 0; i < 5; i++) {
      const response = await post(server.base, validReport());
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    assert.ok(Number(retryAfter) > 0);
  });

  it('allows configured partner origins by CORS, and only them', async () => {
    const preflight = await fetch(`${server.base}/api/reports`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://partner.example');
    assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    const stranger = await fetch(`${server.base}/api/reports`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
  });

  it('turns the staff export off without ADMIN_TOKEN', async () => {
    const config = loadConfig({});
    const bare = createApp({ config, db, schema: await loadReportSchema() });
    await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${bare.address().port}/api/reports`, { headers: staff });
    assert.equal(response.status, 404);
    assert.match((await response.json()).error, /ADMIN_TOKEN/);
    await new Promise((resolve) => bare.close(resolve));
  });

  it('sends a strict CSP without unsafe-inline on the demo pages', async () => {
    const response = await fetch(`${server.base}/`);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /style-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /require-trusted-types-for 'script'/);
  });

  it('serves HSDS services with the HSDS API paging', async () => {
    const page = await (await fetch(`${server.base}/api/services?page=2&per_page=10`)).json();
    assert.equal(page.page_number, 2);
    assert.equal(page.size, 10);
    assert.ok(page.total_items >= 40);
    assert.equal(page.total_pages, Math.ceil(page.total_items / 10));
    assert.equal(page.contents.length, 10);
    assert.ok(page.contents.every((service) => service.id && service.name));
  });

  it('serves the events feeds', async () => {
    const ics = await fetch(`${server.base}/api/events.ics`);
    assert.match(ics.headers.get('content-type'), /text\/calendar/);
    assert.match(await ics.text(), /^BEGIN:VCALENDAR/);
    const head = await fetch(`${server.base}/api/events.ics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    const json = await (await fetch(`${server.base}/api/events.json`)).json();
    assert.ok(json);
  });

  it('refuses configuration mistakes with a sentence that says what to fix', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT="eighty" must be a number/);
    assert.throws(() => loadConfig({ ADMIN_TOKEN: 'short' }), /ADMIN_TOKEN must be at least 16/);
    assert.throws(() => loadConfig({ ALLOWED_ORIGINS: 'partner' }), /not an origin/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  });

  it('writes CSV that a spreadsheet cannot mistake for formulas', () => {
    const csv = reportsToCsv([
      {
        reference: 'KR-1',
        receivedAt: '2026-11-24T10:00:00.000Z',
        report: { description: '=HYPERLINK("x")', place: { kind: 'online' } },
      },
    ]);
    assert.match(csv, /"'=HYPERLINK\(""x""\)"/);
    assert.match(csv.split('\r\n')[0], /place\.kind/);
  });
});
