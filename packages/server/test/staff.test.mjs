/**
 * The staff side over real HTTP on loopback, on PGlite and on PostgreSQL: sign-in and its limits,
 * sessions, CSRF, two-factor, review of a report with evidence, export, the audit log, deletion
 * and withdrawal. Issue 14's "Done when" is the first test of each suite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/db/database.mjs';
import { validReport } from './report-fixture.mjs';
import { startPostgres } from './postgres.mjs';
import {
  addAccount,
  adminToken,
  codeFor,
  fakeClock,
  jpegBytes,
  jpegWithExif,
  pngBytes,
  postReport,
  putAttachment,
  sha256Hex,
  staffClient,
  startServer,
} from './staff-helpers.mjs';

const minute = 60 * 1000;

async function auditOf(db, reference) {
  const { rows } = await db.query(
    'SELECT actor_kind, actor_email, action, details FROM audit_log WHERE report_reference = $1 ORDER BY id',
    [reference],
  );
  return rows.map((row) => ({
    ...row,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}

/** A report with one PNG as evidence, sent as the form sends it: image first, then the report. */
async function sendReportWithEvidence(base, overrides = {}) {
  const report = validReport(overrides);
  const attachmentId = randomUUID();
  assert.equal((await putAttachment(base, report.id, attachmentId, pngBytes)).status, 201);
  report.attachments = [
    {
      id: attachmentId,
      type: 'image/png',
      bytes: pngBytes.length,
      sha256: sha256Hex(pngBytes),
      alt: 'Graffiti on the shelter',
    },
  ];
  const response = await postReport(base, report);
  assert.equal(response.status, 201);
  const { reference } = await response.json();
  return { report, reference, attachmentId };
}

function staffSuite(name, openDb) {
  describe(`staff side on ${name}`, () => {
    let db;
    let server;
    const clock = fakeClock();
    const moderator = { email: 'moderator@krakow.example', password: 'moderator password 1' };
    const admin = { email: 'admin@krakow.example', password: 'admin password 12345' };

    before(async () => {
      db = await openDb();
      server = await startServer({ db, clock, env: { SIGN_IN_MAX_PER_ACCOUNT: '3', RETENTION_DAYS: '30' } });
      await addAccount(db, { ...moderator, role: 'moderator' });
      await addAccount(db, { ...admin, role: 'admin' });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    it('signs in (a wrong password fails, then the account is limited), reviews a report with evidence, and the audit log shows it all', async () => {
      // Sign-in: three wrong passwords, then even the right one is refused until the window ends.
      const limited = staffClient(server.base);
      for (let attempt = 0; attempt < 3; attempt++) {
        const wrong = await limited.signIn(moderator.email, 'not the password');
        assert.equal(wrong.status, 401);
        assert.equal((await wrong.json()).code, 'credentials');
      }
      const refused = await limited.signIn(moderator.email, moderator.password);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(limited.cookie, undefined, 'no session while limited');
      clock.advance(16 * minute);

      const { reference, attachmentId } = await sendReportWithEvidence(server.base);
      const staff = staffClient(server.base);
      const signedIn = await staff.signIn(moderator.email, moderator.password);
      assert.equal(signedIn.status, 200);
      const session = await signedIn.json();
      assert.equal(session.account.role, 'moderator');
      assert.ok(session.csrfToken.length >= 32);

      // The inbox finds it among reports with evidence, newest first.
      const inbox = await (await staff.request('GET', '/staff/api/reports?evidence=yes')).json();
      assert.equal(inbox.reports[0].reference, reference);
      assert.equal(inbox.reports[0].status, 'new');
      assert.equal(inbox.reports[0].evidence, 1);

      // The report page, then its image.
      const page = await (await staff.request('GET', `/staff/api/reports/${reference}`)).json();
      assert.equal(page.report.description, validReport().description);
      assert.equal(page.attachments.length, 1);
      assert.equal(page.attachments[0].alt, 'Graffiti on the shelter');
      const image = await staff.request('GET', page.attachments[0].url);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/png');
      assert.equal(image.headers.get('cache-control'), 'no-store');
      assert.match(image.headers.get('content-disposition'), /^inline; filename="evidence-[0-9a-f-]+\.png"$/);
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), pngBytes);

      // Status, note, referral.
      const reviewing = await staff.request('POST', `/staff/api/reports/${reference}/status`, {
        body: { status: 'in-review' },
      });
      assert.equal(reviewing.status, 200);
      assert.equal((await reviewing.json()).status, 'in-review');
      const noted = await staff.request('POST', `/staff/api/reports/${reference}/notes`, {
        body: { text: 'Called the transport company about the shelter.' },
      });
      assert.equal(noted.status, 200);
      assert.equal((await noted.json()).notes[0].author, moderator.email);
      const referred = await staff.request('POST', `/staff/api/reports/${reference}/referrals`, {
        body: { to: 'Policja, KMP Kraków', on: '2026-11-24' },
      });
      const afterReferral = await referred.json();
      assert.equal(afterReferral.status, 'referred');
      assert.deepEqual(
        afterReferral.referrals.map(({ to, on, recordedBy }) => ({ to, on, recordedBy })),
        [{ to: 'Policja, KMP Kraków', on: '2026-11-24', recordedBy: moderator.email }],
      );

      // Exports of the current filters, CSV and JSON.
      const csv = await staff.request('GET', '/staff/api/export?format=csv&evidence=yes&status=referred');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-disposition'), /attachment; filename="reports-.*\.csv"/);
      const csvText = await csv.text();
      assert.match(csvText.split('\r\n')[0], /^reference,receivedAt,status,schemaVersion,id,/);
      assert.match(csvText, new RegExp(`${reference},[^,]+,referred,`));
      const json = await (await staff.request('GET', '/staff/api/export?format=json&status=referred')).json();
      assert.deepEqual(
        json.reports.map((item) => item.reference),
        [reference],
      );
      assert.equal(json.reports[0].report.deletionCodeSha256, undefined);

      // An admin reads the audit log: every step is there, with who did it.
      const adminClient = staffClient(server.base);
      assert.equal((await adminClient.signIn(admin.email, admin.password)).status, 200);
      const audit = await (await adminClient.request('GET', '/staff/api/audit?limit=500')).json();
      const ofReport = audit.entries
        .filter((entry) => entry.reference === reference)
        .map((entry) => [entry.actor, entry.action]);
      assert.deepEqual(ofReport.reverse(), [
        ['reporter', 'report-received'],
        [moderator.email, 'report-viewed'],
        [moderator.email, 'evidence-viewed'],
        [moderator.email, 'status-changed'],
        [moderator.email, 'note-added'],
        [moderator.email, 'status-changed'],
        [moderator.email, 'referral-added'],
      ]);
      const exports = audit.entries.filter((entry) => entry.action === 'export');
      assert.deepEqual(
        exports.map((entry) => [entry.actor, entry.details.format, entry.details.references.includes(reference)]),
        [
          [moderator.email, 'json', true],
          [moderator.email, 'csv', true],
        ],
      );
      const signIns = audit.entries.filter(
        (entry) => entry.actor === moderator.email && entry.action.startsWith('sign'),
      );
      assert.deepEqual(signIns.map((entry) => entry.action).reverse(), [
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-failed',
        'sign-in-limited',
        'signed-in',
      ]);
      assert.doesNotMatch(JSON.stringify(audit), /Called the transport company/, 'no note text in the audit log');
      assert.equal(page.attachments[0].id, attachmentId);
    });

    it('refuses a request without a session, and a change without or with a foreign CSRF token', async () => {
      const { reference } = await sendReportWithEvidence(server.base);
      const anonymous = staffClient(server.base);
      assert.equal((await anonymous.request('GET', '/staff/api/reports')).status, 401);
      assert.equal((await anonymous.request('GET', `/staff/api/reports/${reference}`)).status, 401);
      const evidence = `/staff/api/reports/${reference}/attachments/${randomUUID()}`;
      assert.equal((await anonymous.request('GET', evidence)).status, 401);

      const first = staffClient(server.base);
      const second = staffClient(server.base);
      await first.signIn(moderator.email, moderator.password);
      await second.signIn(admin.email, admin.password);
      assert.notEqual(first.csrf, second.csrf);

      const without = await first.request('POST', `/staff/api/reports/${reference}/status`, {
        body: { status: 'spam' },
        withCsrf: false,
      });
      assert.equal(without.status, 403);
      assert.equal((await without.json()).code, 'csrf');
      first.setCsrf(second.csrf);
      const foreign = await first.request('POST', `/staff/api/reports/${reference}/status`, {
        body: { status: 'spam' },
      });
      assert.equal(foreign.status, 403);
      const { rows } = await db.query('SELECT status FROM reports WHERE reference = $1', [reference]);
      assert.equal(rows[0].status, 'new', 'nothing changed');
      // Signing out is a change too.
      assert.equal((await first.request('DELETE', '/staff/api/session', { withCsrf: false })).status, 403);
    });

    it('ends a session after 30 minutes without a request, and at sign-out', async () => {
      const staff = staffClient(server.base);
      await staff.signIn(moderator.email, moderator.password);
      clock.advance(29 * minute);
      assert.equal((await staff.request('GET', '/staff/api/session')).status, 200);
      clock.advance(29 * minute);
      assert.equal(
        (await staff.request('GET', '/staff/api/session')).status,
        200,
        'each request restarts the idle time',
      );
      clock.advance(31 * minute);
      assert.equal((await staff.request('GET', '/staff/api/session')).status, 401);

      const other = staffClient(server.base);
      await other.signIn(moderator.email, moderator.password);
      const cookie = other.cookie;
      assert.equal((await other.request('DELETE', '/staff/api/session')).status, 204);
      other.setCookie(cookie);
      assert.equal((await other.request('GET', '/staff/api/session')).status, 401, 'the old cookie is dead');
    });

    it('sets the session cookie HttpOnly, SameSite=Strict, Path=/staff, and Secure behind a trusted HTTPS proxy', async () => {
      const response = await fetch(`${server.base}/staff/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify(moderator),
      });
      const cookie = response.headers.get('set-cookie');
      assert.match(
        cookie,
        /^oc_staff_session=[\w-]{40,}; Path=\/staff; HttpOnly; SameSite=Strict$/,
        'untrusted proxy: no Secure',
      );
      const { rows } = await db.query('SELECT id_sha256 FROM staff_sessions');
      const id = cookie.split(';')[0].split('=')[1];
      assert.ok(!rows.some((row) => row.id_sha256 === id), 'only a hash of the id is stored');

      const proxied = await startServer({ db, clock, env: { TRUST_PROXY: '1' } });
      try {
        const behind = await fetch(`${proxied.base}/staff/api/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' },
          body: JSON.stringify(moderator),
        });
        assert.match(behind.headers.get('set-cookie'), /; Secure$/);
      } finally {
        await proxied.close();
      }
    });

    it('asks a new account for its own password first', async () => {
      await addAccount(db, { email: 'new@krakow.example', password: 'one-time-pass-123', mustChange: true });
      const staff = staffClient(server.base);
      const signedIn = await (await staff.signIn('NEW@krakow.example', 'one-time-pass-123')).json();
      assert.equal(signedIn.account.mustChangePassword, true);
      const blocked = await staff.request('GET', '/staff/api/reports');
      assert.equal(blocked.status, 403);
      assert.equal((await blocked.json()).code, 'password-change-required');
      const weak = await staff.request('POST', '/staff/api/password', {
        body: { current: 'one-time-pass-123', next: 'short' },
      });
      assert.equal(weak.status, 422);
      const changed = await staff.request('POST', '/staff/api/password', {
        body: { current: 'one-time-pass-123', next: 'my own long password' },
      });
      assert.equal(changed.status, 200);
      assert.equal((await staff.request('GET', '/staff/api/reports')).status, 200);
      const again = staffClient(server.base);
      assert.equal((await again.signIn('new@krakow.example', 'one-time-pass-123')).status, 401);
      assert.equal((await again.signIn('new@krakow.example', 'my own long password')).status, 200);
    });

    it('enrols a second factor when an admin requires it, then asks for a code each time, and a code works once', async () => {
      await addAccount(db, {
        email: 'twofactor@krakow.example',
        password: 'two factor password',
        requireTwoFactor: true,
      });
      const staff = staffClient(server.base);
      const enrol = await staff.signIn('twofactor@krakow.example', 'two factor password');
      assert.equal(enrol.status, 401);
      const enrolment = await enrol.json();
      assert.equal(enrolment.code, 'totp-enrolment');
      const { secret, uri } = enrolment.details;
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.match(
        uri,
        /^otpauth:\/\/totp\/Open%20City%20staff%3Atwofactor%40krakow\.example\?secret=[A-Z2-7]+&issuer=/,
      );
      const wrong = await staff.signIn('twofactor@krakow.example', 'two factor password', {
        code: '000000' === codeFor(secret, clock()) ? '111111' : '000000',
      });
      assert.equal((await wrong.json()).code, 'totp-wrong');
      const enrolled = await staff.signIn('twofactor@krakow.example', 'two factor password', {
        code: codeFor(secret, clock()),
      });
      assert.equal(enrolled.status, 200);

      clock.advance(60 * 1000);
      const next = staffClient(server.base);
      const needsCode = await next.signIn('twofactor@krakow.example', 'two factor password');
      assert.equal((await needsCode.json()).code, 'totp-required');
      const code = codeFor(secret, clock());
      assert.equal((await next.signIn('twofactor@krakow.example', 'two factor password', { code })).status, 200);
      const replay = await staffClient(server.base).signIn('twofactor@krakow.example', 'two factor password', { code });
      assert.equal(replay.status, 401, 'the same code twice is refused');
      clock.advance(16 * minute); // past the sign-in window: the attempts above counted
    });

    it('lets only admins read the audit log and delete a report, which removes its evidence and leaves a tombstone', async () => {
      const { report, reference, attachmentId } = await sendReportWithEvidence(server.base);
      const staff = staffClient(server.base);
      await staff.signIn(moderator.email, moderator.password);
      assert.equal((await staff.request('GET', '/staff/api/audit')).status, 403);
      assert.equal((await staff.request('DELETE', `/staff/api/reports/${reference}`)).status, 403);

      const adminClient = staffClient(server.base);
      await adminClient.signIn(admin.email, admin.password);
      const deleted = await adminClient.request('DELETE', `/staff/api/reports/${reference}`, {
        body: { reason: 'Asked by the reporter on the phone' },
      });
      assert.equal(deleted.status, 204);
      assert.equal((await db.query('SELECT 1 FROM reports WHERE id = $1', [report.id])).rows.length, 0);
      assert.equal((await db.query('SELECT 1 FROM report_attachments WHERE id = $1', [attachmentId])).rows.length, 0);
      assert.equal((await staff.request('GET', `/staff/api/reports/${reference}`)).status, 404);
      const tombstone = (await auditOf(db, reference)).at(-1);
      assert.equal(tombstone.action, 'report-deleted');
      assert.equal(tombstone.actor_email, admin.email);
      assert.equal(tombstone.details.reason, 'admin');
      assert.equal(tombstone.details.evidence, 1);
    });

    it('keeps the audit log append-only', async () => {
      const { rows: before } = await db.query('SELECT count(*)::int AS n, max(action) AS a FROM audit_log');
      await db.query(`UPDATE audit_log SET action = 'rewritten'`);
      await db.query('DELETE FROM audit_log');
      const { rows: after } = await db.query('SELECT count(*)::int AS n, max(action) AS a FROM audit_log');
      assert.deepEqual(after, before);
      const adminClient = staffClient(server.base);
      await adminClient.signIn(admin.email, admin.password);
      assert.equal((await adminClient.request('DELETE', '/staff/api/audit')).status, 404);
      assert.equal((await adminClient.request('POST', '/staff/api/audit', { body: {} })).status, 404);
    });

    it('filters the inbox by status, bias, type, district, place, dates, evidence and words of the description', async () => {
      const online = validReport({
        place: { kind: 'online', url: 'https://social.example/post/1' },
        biasMotivations: ['religion'],
        incidentTypes: ['online-hate'],
        description: 'Komentarze przeciwko muzułmanom pod artykułem.',
      });
      assert.equal((await postReport(server.base, online)).status, 201);
      clock.advance(2 * 24 * 60 * minute);
      const { reference: withEvidence } = await sendReportWithEvidence(server.base, {
        place: { kind: 'offline', description: 'Plac Centralny', district: 'XVIII Nowa Huta' },
      });
      const staff = staffClient(server.base);
      await staff.signIn(moderator.email, moderator.password);
      const find = async (query) =>
        (await (await staff.request('GET', `/staff/api/reports?${query}`)).json()).reports.map(
          (item) => item.reference,
        );
      const onlineReference = (await db.query('SELECT reference FROM reports WHERE id = $1', [online.id])).rows[0]
        .reference;
      assert.deepEqual(await find('place=online'), [onlineReference]);
      assert.deepEqual(await find('bias=religion'), [onlineReference]);
      assert.deepEqual(await find('type=online-hate'), [onlineReference]);
      assert.deepEqual(await find('q=MUZUŁMANOM'), [onlineReference], 'search ignores case, Polish letters too');
      assert.deepEqual(await find('q=muzulmanom%20pod'), [onlineReference], 'and diacritics');
      assert.deepEqual(await find('district=xviii%20nowa%20huta'), [withEvidence]);
      const today = clock().toISOString();
      const yesterday = new Date(clock().getTime() - 24 * 60 * minute).toISOString();
      assert.deepEqual(await find(`from=${yesterday}&place=offline`), [withEvidence]);
      assert.ok(!(await find(`to=${yesterday}`)).includes(withEvidence));
      assert.ok((await find(`to=${today}&from=${yesterday}`)).length === 0, 'to is exclusive');
      assert.ok(!(await find('evidence=no')).includes(withEvidence));
      assert.ok((await find('status=new')).includes(withEvidence));
      assert.deepEqual(await find('status=closed&place=online'), []);
      assert.equal((await staff.request('GET', '/staff/api/reports?status=bogus')).status, 400);
      // Paging: one at a time, newest first, with nothing lost.
      const firstPage = await (await staff.request('GET', '/staff/api/reports?limit=1')).json();
      assert.equal(firstPage.reports[0].reference, withEvidence);
      const secondPage = await (
        await staff.request('GET', `/staff/api/reports?limit=1&before=${encodeURIComponent(firstPage.next)}`)
      ).json();
      assert.equal(secondPage.reports[0].reference, onlineReference);
    });

    it('keeps the bearer-token export, and writes it to the audit log', async () => {
      const response = await fetch(`${server.base}/api/reports?format=csv`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      });
      assert.equal(response.status, 200);
      await response.text();
      const { rows } = await db.query(
        `SELECT actor_kind, details FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1`,
      );
      const details = typeof rows[0].details === 'string' ? JSON.parse(rows[0].details) : rows[0].details;
      assert.equal(rows[0].actor_kind, 'token');
      assert.equal(details.via, 'token');
      assert.equal(details.format, 'csv');
      assert.ok(details.count >= 1);
    });
  });
}

function evidenceSuite(name, openDb) {
  describe(`evidence and withdrawal on ${name}`, () => {
    let db;
    let server;
    before(async () => {
      db = await openDb();
      server = await startServer({ db, env: { ATTACHMENT_LIMIT: '2048' } });
    });
    after(async () => {
      await server?.close();
      await db?.close();
    });

    it('takes JPEG, PNG and WebP by their bytes; a repeat with the same bytes is 200, other bytes 409', async () => {
      const reportId = randomUUID();
      const id = randomUUID();
      const first = await putAttachment(server.base, reportId, id, pngBytes);
      assert.equal(first.status, 201);
      assert.deepEqual(await first.json(), { id, bytes: pngBytes.length, sha256: sha256Hex(pngBytes) });
      assert.equal((await putAttachment(server.base, reportId, id, pngBytes)).status, 200);
      assert.equal((await putAttachment(server.base, reportId, id, jpegBytes, 'image/jpeg')).status, 409);
      assert.equal(
        (await putAttachment(server.base, randomUUID(), id, pngBytes)).status,
        409,
        'same id, another report',
      );
      assert.equal((await putAttachment(server.base, reportId, randomUUID(), jpegBytes, 'image/jpeg')).status, 201);
      const webp = Buffer.concat([Buffer.from('RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0', 'latin1'), Buffer.alloc(14)]);
      assert.equal((await putAttachment(server.base, reportId, randomUUID(), webp, 'image/webp')).status, 201);
    });

    it('refuses what is not an image of its type, metadata, oversize, and ids that are not UUIDs', async () => {
      const reportId = randomUUID();
      assert.equal((await putAttachment(server.base, reportId, randomUUID(), pngBytes, 'image/jpeg')).status, 415);
      assert.equal(
        (await putAttachment(server.base, reportId, randomUUID(), Buffer.from('GIF89a....'), 'image/gif')).status,
        415,
      );
      assert.equal(
        (await putAttachment(server.base, reportId, randomUUID(), Buffer.from('<svg/>'), 'image/png')).status,
        415,
      );
      assert.equal(
        (await putAttachment(server.base, reportId, randomUUID(), jpegWithExif(), 'image/jpeg')).status,
        422,
      );
      const big = Buffer.concat([pngBytes, Buffer.alloc(4096)]);
      assert.equal((await putAttachment(server.base, reportId, randomUUID(), big)).status, 413);
      assert.equal((await putAttachment(server.base, 'not-a-uuid', randomUUID(), pngBytes)).status, 400);
      assert.equal((await putAttachment(server.base, reportId, '12345', pngBytes)).status, 400);
    });

    it('refuses (409) a report whose attachments were not all received with matching bytes, then takes it', async () => {
      const report = validReport();
      const id = randomUUID();
      report.attachments = [{ id, type: 'image/png', bytes: pngBytes.length, sha256: sha256Hex(pngBytes), alt: '' }];
      const early = await postReport(server.base, report);
      assert.equal(early.status, 409);
      assert.equal((await early.json()).code, 'attachments-missing');
      await putAttachment(server.base, report.id, id, pngBytes);
      const wrongHash = { ...report, attachments: [{ ...report.attachments[0], sha256: 'a'.repeat(64) }] };
      assert.equal((await postReport(server.base, wrongHash)).status, 409);
      assert.equal((await postReport(server.base, report)).status, 201);
      assert.equal((await postReport(server.base, report)).status, 200, 'a retry');
      assert.equal(
        (await putAttachment(server.base, report.id, randomUUID(), pngBytes)).status,
        409,
        'received: closed',
      );
    });

    it('lets the reporter withdraw a report with the deletion code, removing its evidence; nothing else can', async () => {
      const code = 'K7PX-93QM-TR2D';
      const report = validReport({ deletionCodeSha256: sha256Hex(Buffer.from(code)) });
      const id = randomUUID();
      await putAttachment(server.base, report.id, id, pngBytes);
      report.attachments = [{ id, type: 'image/png', bytes: pngBytes.length, sha256: sha256Hex(pngBytes) }];
      const { reference } = await (await postReport(server.base, report)).json();
      const withdraw = (headers) => fetch(`${server.base}/api/reports/${reference}`, { method: 'DELETE', headers });
      assert.equal((await withdraw({})).status, 400);
      assert.equal((await withdraw({ 'Deletion-Code': 'K7PX-93QM-XXXX' })).status, 404);
      const unknown = await fetch(`${server.base}/api/reports/KR-2222-2222`, {
        method: 'DELETE',
        headers: { 'Deletion-Code': code },
      });
      assert.equal(unknown.status, 404);
      assert.equal((await withdraw({ 'Deletion-Code': code })).status, 204);
      assert.equal((await db.query('SELECT 1 FROM reports WHERE id = $1', [report.id])).rows.length, 0);
      assert.equal(
        (await db.query('SELECT 1 FROM report_attachments WHERE report_id = $1', [report.id])).rows.length,
        0,
      );
      assert.equal((await withdraw({ 'Deletion-Code': code })).status, 404, 'gone');
      const trail = await auditOf(db, reference);
      assert.deepEqual(
        trail.map((entry) => [entry.actor_kind, entry.action, entry.details.reason]),
        [
          ['reporter', 'report-received', undefined],
          ['reporter', 'report-deleted', 'withdrawn'],
        ],
      );
      const { rows } = await db.query('SELECT details::text AS d FROM audit_log');
      assert.ok(!rows.some((row) => row.d.includes(code)), 'the code is not logged');
    });

    it('lets partner pages withdraw and send evidence across origins (CORS)', async () => {
      const partner = await startServer({ db, env: { ALLOWED_ORIGINS: 'https://partner.example' } });
      try {
        const preflight = await fetch(`${partner.base}/api/reports/KR-2222-2222`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'DELETE' },
        });
        assert.equal(preflight.status, 204);
        assert.match(preflight.headers.get('access-control-allow-methods'), /PUT/);
        assert.match(preflight.headers.get('access-control-allow-methods'), /DELETE/);
        assert.match(preflight.headers.get('access-control-allow-headers'), /Deletion-Code/);
      } finally {
        await partner.close();
      }
    });
  });
}

staffSuite('PGlite', () => openDatabase({ dataDir: ':memory:' }));
evidenceSuite('PGlite', () => openDatabase({ dataDir: ':memory:' }));

describe('staff side on PostgreSQL', async () => {
  const postgres = await startPostgres().catch((error) => {
    console.warn(`PostgreSQL could not be started: ${error.message}`);
    return undefined;
  });
  if (!postgres) {
    it('needs PostgreSQL (install postgresql, or set TEST_DATABASE_URL)', { skip: true }, () => {});
    return;
  }
  after(() => postgres.stop());
  staffSuite('PostgreSQL', () => openDatabase({ databaseUrl: postgres.url }));
  evidenceSuite('PostgreSQL', () => openDatabase({ databaseUrl: postgres.url }));
});
