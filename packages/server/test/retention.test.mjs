/**
 * Retention with a fake clock: a closed report past RETENTION_DAYS goes with its evidence and
 * leaves a tombstone; an open one stays and is flagged to admins; the daily job runs at start and
 * then every 24 hours, and logs how many went.
 */
import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/db/database.mjs';
import { describeRetention, runRetention, startRetentionJob } from '../src/retention.mjs';
import { validReport } from './report-fixture.mjs';
import {
  addAccount,
  fakeClock,
  pngBytes,
  postReport,
  putAttachment,
  sha256Hex,
  staffClient,
  startServer,
} from './staff-helpers.mjs';

const day = 24 * 60 * 60 * 1000;

describe('retention', () => {
  let db;
  let server;
  const clock = fakeClock(new Date('2026-01-10T08:00:00Z'));
  const admin = { email: 'dpo@krakow.example', password: 'retention admin password' };

  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    server = await startServer({ db, clock, env: { RETENTION_DAYS: '30' } });
    await addAccount(db, { ...admin, role: 'admin' });
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  async function send({ evidence = false } = {}) {
    const report = validReport();
    if (evidence) {
      const id = randomUUID();
      await putAttachment(server.base, report.id, id, pngBytes);
      report.attachments = [{ id, type: 'image/png', bytes: pngBytes.length, sha256: sha256Hex(pngBytes) }];
    }
    const { reference } = await (await postReport(server.base, report)).json();
    return { id: report.id, reference };
  }
  const setStatus = (id, status) => db.query('UPDATE reports SET status = $2 WHERE id = $1', [id, status]);
  const exists = async (id) => (await db.query('SELECT 1 FROM reports WHERE id = $1', [id])).rows.length === 1;

  it('deletes a closed report past retention with its evidence, keeps and flags an open one, keeps a recent one', async () => {
    const oldClosed = await send({ evidence: true });
    await setStatus(oldClosed.id, 'closed');
    const oldSpam = await send();
    await setStatus(oldSpam.id, 'spam');
    const oldOpen = await send();
    await setStatus(oldOpen.id, 'referred');
    const orphanReport = randomUUID();
    await putAttachment(server.base, orphanReport, randomUUID(), pngBytes); // its report never comes

    clock.advance(20 * day);
    const recentClosed = await send();
    await setStatus(recentClosed.id, 'closed');

    clock.advance(11 * day); // the first three are now 31 days old, the last 11
    const result = await runRetention(db, { retentionDays: 30, now: clock() });
    assert.deepEqual(result, { deleted: 2, evidence: 1, orphanEvidence: 1, overdueOpen: 1 });
    assert.equal(await exists(oldClosed.id), false);
    assert.equal(await exists(oldSpam.id), false);
    assert.equal(await exists(oldOpen.id), true, 'an open report is never deleted by the clock');
    assert.equal(await exists(recentClosed.id), true);
    const { rows: images } = await db.query('SELECT count(*)::int AS n FROM report_attachments');
    assert.equal(images[0].n, 0, 'the evidence went with its report, and the orphan too');

    const { rows } = await db.query(
      `SELECT actor_kind, details FROM audit_log WHERE report_reference = $1 AND action = 'report-deleted'`,
      [oldClosed.reference],
    );
    assert.equal(rows.length, 1, 'a tombstone');
    assert.equal(rows[0].actor_kind, 'system');
    const details = typeof rows[0].details === 'string' ? JSON.parse(rows[0].details) : rows[0].details;
    assert.deepEqual(details, { reason: 'retention', status: 'closed', evidence: 1, retentionDays: 30 });

    // Admins see the flag: a count at sign-in, and the overdue filter.
    const staff = staffClient(server.base);
    const session = await (await staff.signIn(admin.email, admin.password)).json();
    assert.equal(session.overdueOpen, 1);
    const overdue = await (await staff.request('GET', '/staff/api/reports?overdue=1')).json();
    assert.deepEqual(
      overdue.reports.map((report) => [report.reference, report.overdue]),
      [[oldOpen.reference, true]],
    );
    assert.equal(
      describeRetention(result, 30),
      'Retention (30 days): deleted 2 closed report(s) with 1 evidence image(s), 1 image(s) whose report never came; 1 open report(s) past retention flagged to admins.',
    );
  });

  it('runs at start and then daily, logging a line each time', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      const lines = [];
      const old = await send();
      await setStatus(old.id, 'closed');
      const jobClock = fakeClock(new Date(clock().getTime() + 10 * day));
      const job = startRetentionJob(db, { retentionDays: 30, clock: jobClock, log: (line) => lines.push(line) });
      await job.first;
      assert.equal(lines.length, 1);
      assert.match(lines[0], /deleted 0 closed report/);
      assert.equal(await exists(old.id), true);

      jobClock.advance(21 * day);
      mock.timers.tick(day);
      await new Promise((resolve) => setImmediate(resolve));
      while (lines.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      // This one, and the recent closed report of the test before, now also past 30 days.
      assert.match(lines[1], /deleted 2 closed report/);
      assert.equal(await exists(old.id), false);
      job.stop();
    } finally {
      mock.timers.reset();
    }
  });
});
