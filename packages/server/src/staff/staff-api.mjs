/**
 * The staff side under /staff/: the console's files, and the JSON API it uses under /staff/api/.
 * Every API call but sign-in needs a session cookie; every change also needs the session's CSRF
 * token in the X-CSRF-Token header. Each view, change, export and deletion is written to the audit
 * log in the same transaction as the change itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HttpError, clientAddress, readBody, sendJson, sendText } from '../http.mjs';
import { serveFile } from '../static-files.mjs';
import { deleteReport, reportsToCsv, requestOrigin, withEvidenceLinks } from '../reports.mjs';
import { readAttachment, sendEvidence } from '../evidence.mjs';
import { countOverdueOpenReports, retentionCutoff } from '../retention.mjs';
import { listAudit, recordAudit, staffActor } from './audit.mjs';
import { findAccountByEmail, normalizeEmail } from './accounts.mjs';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.mjs';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.mjs';
import { createOidcSignIn } from './oidc.mjs';
import {
  cookieAttributes,
  createSession,
  csrfHeader,
  csrfMatches,
  deleteOtherSessions,
  deleteSession,
  readCookie,
  readSession,
  sessionCookieName,
} from './sessions.mjs';
import {
  addNote,
  addReferral,
  changeStatus,
  findReports,
  hasReferral,
  readFilters,
  reportByReference,
  reportDetail,
  statuses,
} from './review.mjs';

export const consoleDir = fileURLToPath(new URL('../../dist/console/', import.meta.url));
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const jsonLimit = 32 * 1024;

export function createStaffApi({ config, db, clock, limiter }) {
  const { sessionIdleMs, signInWindowMs, signInMaxPerAccount, signInMaxPerAddress } = config.staff;
  const cutoff = () => retentionCutoff(config.retentionDays, clock());
  const oidc = createOidcSignIn({ config, db, clock, limiter });

  async function readJson(request) {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'Send application/json.');
    }
    let value;
    try {
      value = JSON.parse(await readBody(request, jsonLimit));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'The body is not valid JSON.');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'Send a JSON object.');
    return value;
  }

  /** The session of the request; `change` also checks its CSRF token (every state-changing call). */
  async function authenticate(request, { change = false, admin = false, allowPasswordChange = false } = {}) {
    const session = await readSession(db, readCookie(request, sessionCookieName), {
      now: clock(),
      idleMs: sessionIdleMs,
    });
    if (!session)
      throw new HttpError(401, 'Sign in first: there is no session, or it has expired.', { code: 'signed-out' });
    if (change && !csrfMatches(session, request.headers[csrfHeader])) {
      throw new HttpError(403, 'Refused: the request does not carry the CSRF token of this session.', { code: 'csrf' });
    }
    if (session.account.mustChangePassword && !allowPasswordChange) {
      throw new HttpError(403, 'Choose a new password first.', { code: 'password-change-required' });
    }
    if (admin && session.account.role !== 'admin')
      throw new HttpError(403, 'Only admins may do this.', { code: 'admin-only' });
    return session;
  }

  function sessionBody(session, extra = {}) {
    const { account } = session;
    return {
      account: { email: account.email, role: account.role, mustChangePassword: account.mustChangePassword },
      csrfToken: session.csrfToken,
      retentionDays: config.retentionDays,
      sessionIdleMinutes: Math.round(sessionIdleMs / 60_000),
      ...extra,
    };
  }

  async function overdueFor(session) {
    return session.account.role === 'admin'
      ? { overdueOpen: await countOverdueOpenReports(db, config.retentionDays, clock()) }
      : {};
  }

  async function signIn(request, response) {
    const body = await readJson(request);
    const email = normalizeEmail(body.email);
    const password = typeof body.password === 'string' ? body.password : '';
    const code = typeof body.code === 'string' ? body.code : undefined;
    if (!email || !password) throw new HttpError(400, 'Give an e-mail and a password.', { code: 'incomplete' });
    const address = clientAddress(request, config.trustProxy);
    const now = clock();
    // Attempts are counted before the password is checked, so that parallel guesses cannot pass
    // the limit; a successful sign-in clears the account's count.
    const windowed = { windowMs: signInWindowMs };
    const byAddress = await limiter.take('sign-in-address', address, { ...windowed, max: signInMaxPerAddress });
    const byAccount = await limiter.take('sign-in-account', email, { ...windowed, max: signInMaxPerAccount });
    const account = await findAccountByEmail(db, email);
    const actor = account ? staffActor(account) : { kind: 'staff' };
    if (!byAddress.allowed || !byAccount.allowed) {
      await recordAudit(db, { at: now, actor, action: 'sign-in-limited', details: { known: Boolean(account) } });
      const retryAfterSeconds = Math.max(byAddress.retryAfterSeconds ?? 0, byAccount.retryAfterSeconds ?? 0);
      throw new HttpError(429, 'Too many sign-in attempts. Wait a few minutes, then try again.', {
        code: 'limited',
        headers: { 'Retry-After': String(retryAfterSeconds) },
      });
    }
    const passwordOk = account ? await verifyPassword(password, account.password_hash) : await verifyDecoy(password);
    const refuse = async (why) => {
      // The e-mail typed is kept only when it names an account: a password typed into the e-mail
      // field must not land in the log.
      await recordAudit(db, { at: now, actor, action: 'sign-in-failed', details: { why } });
      throw new HttpError(401, 'The e-mail or the password is wrong.', { code: 'credentials' });
    };
    if (!account || !passwordOk) return refuse(account ? 'password' : 'unknown-account');
    if (account.disabled_at) return refuse('disabled');

    if (account.totp_required || account.totp_secret) {
      if (!account.totp_secret) {
        // Enrolment: the password was right, so show a secret for the authenticator app, and
        // take it into use once the first code from it is right.
        let secret = account.totp_pending_secret;
        if (!secret) {
          secret = newTotpSecret();
          await db.query('UPDATE staff_accounts SET totp_pending_secret = $2 WHERE id = $1', [account.id, secret]);
        }
        const step = code === undefined ? undefined : verifyTotp(secret, code, { at: now });
        if (step === undefined) {
          if (code !== undefined)
            await recordAudit(db, { at: now, actor, action: 'sign-in-failed', details: { why: 'code' } });
          throw new HttpError(401, code === undefined ? 'Set up your authenticator app.' : 'The code is wrong.', {
            code: code === undefined ? 'totp-enrolment' : 'totp-wrong',
            details: { secret, uri: otpauthUri({ secret, account: account.email }) },
          });
        }
        await db.query(
          'UPDATE staff_accounts SET totp_secret = $2, totp_pending_secret = NULL, totp_last_step = $3 WHERE id = $1',
          [account.id, secret, step],
        );
        await recordAudit(db, { at: now, actor, action: 'two-factor-enrolled' });
      } else {
        if (code === undefined) {
          throw new HttpError(401, 'Enter the code from your authenticator app.', { code: 'totp-required' });
        }
        const step = verifyTotp(account.totp_secret, code, { at: now, afterStep: account.totp_last_step });
        if (step === undefined) {
          await recordAudit(db, { at: now, actor, action: 'sign-in-failed', details: { why: 'code' } });
          throw new HttpError(401, 'The code is wrong, or it was used already. Wait for the next one.', {
            code: 'totp-wrong',
          });
        }
        // A code works once: the step is kept, and it and earlier ones are refused from now on.
        const { rows } = await db.query(
          'UPDATE staff_accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
          [account.id, step],
        );
        if (rows.length === 0)
          throw new HttpError(401, 'This code was used already. Wait for the next one.', { code: 'totp-wrong' });
      }
    }

    await limiter.clear('sign-in-account', email);
    const { id, csrfToken } = await createSession(db, account.id, now);
    await recordAudit(db, { at: now, actor, action: 'signed-in' });
    const session = {
      csrfToken,
      account: {
        id: account.id,
        email: account.email,
        role: account.role,
        mustChangePassword: account.must_change_password,
      },
    };
    sendJson(response, 200, sessionBody(session, await overdueFor(session)), {
      'Set-Cookie': `${sessionCookieName}=${id}; ${cookieAttributes(request, config)}`,
    });
  }

  async function signOut(request, response) {
    const session = await authenticate(request, { change: true, allowPasswordChange: true });
    await deleteSession(db, session.idSha256);
    await recordAudit(db, { at: clock(), actor: staffActor(session.account), action: 'signed-out' });
    response.writeHead(204, {
      'Set-Cookie': `${sessionCookieName}=; ${cookieAttributes(request, config)}; Max-Age=0`,
      'Cache-Control': 'no-store',
    });
    response.end();
  }

  async function changePassword(request, response) {
    const session = await authenticate(request, { change: true, allowPasswordChange: true });
    const body = await readJson(request);
    const { rows } = await db.query('SELECT password_hash FROM staff_accounts WHERE id = $1', [session.account.id]);
    if (!(await verifyPassword(String(body.current ?? ''), rows[0].password_hash))) {
      throw new HttpError(422, 'The current password is wrong.', { code: 'current-password' });
    }
    const problem = passwordProblem(body.next);
    if (problem) throw new HttpError(422, problem, { code: 'weak-password' });
    if (body.next === body.current) {
      throw new HttpError(422, 'Choose a password other than the one you were given.', { code: 'same-password' });
    }
    const now = clock();
    await db.query(
      'UPDATE staff_accounts SET password_hash = $2, must_change_password = false, password_changed_at = $3::timestamptz WHERE id = $1',
      [session.account.id, await hashPassword(body.next), now.toISOString()],
    );
    await deleteOtherSessions(db, session.account.id, session.idSha256);
    await recordAudit(db, { at: now, actor: staffActor(session.account), action: 'password-changed' });
    session.account.mustChangePassword = false;
    sendJson(response, 200, sessionBody(session, await overdueFor(session)));
  }

  async function listReports(request, response, url) {
    const session = await authenticate(request);
    const { filters, problems } = readFilters(url.searchParams);
    if (problems.length) throw new HttpError(400, 'Some filters are wrong.', { details: problems, code: 'filters' });
    if (filters.overdue && session.account.role !== 'admin') delete filters.overdue;
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 50, 1), 200);
    const before = url.searchParams.get('before');
    const [receivedAt, reference] = before ? before.split('|') : [];
    if (before && (Number.isNaN(Date.parse(receivedAt)) || !reference))
      throw new HttpError(400, 'before is not a page marker.');
    const reports = await findReports(db, {
      filters,
      limit: limit + 1,
      before: before ? { receivedAt, reference } : undefined,
      retentionCutoff: cutoff(),
    });
    const more = reports.length > limit;
    const page = reports.slice(0, limit);
    const last = page.at(-1);
    sendJson(response, 200, { reports: page, next: more && last ? `${last.receivedAt}|${last.reference}` : undefined });
  }

  async function loadReport(reference) {
    const row = await reportByReference(db, reference);
    if (!row)
      throw new HttpError(404, `There is no report ${reference}: it may have been deleted.`, { code: 'not-found' });
    return row;
  }

  async function showReport(request, response, reference) {
    const session = await authenticate(request);
    const row = await loadReport(reference);
    const now = clock();
    await recordAudit(db, {
      at: now,
      actor: staffActor(session.account),
      action: 'report-viewed',
      reference: row.reference,
    });
    const detail = await reportDetail(db, row, {
      retentionCutoff: cutoff(),
      withAudit: session.account.role === 'admin',
    });
    sendJson(response, 200, detail);
  }

  /** One change to a report and its audit entry, in one transaction; answers the updated page. */
  async function changeReport(request, response, reference, change) {
    const session = await authenticate(request, { change: true });
    const body = await readJson(request);
    const row = await loadReport(reference);
    const now = clock();
    const actor = staffActor(session.account);
    await db.transaction(async (tx) => {
      const entry = await change({ tx, row, body, now, account: session.account });
      if (entry) await recordAudit(tx, { at: now, actor, reference: row.reference, ...entry });
    });
    const updated = await loadReport(reference);
    sendJson(
      response,
      200,
      await reportDetail(db, updated, { retentionCutoff: cutoff(), withAudit: session.account.role === 'admin' }),
    );
  }

  const setStatus = async ({ tx, row, body, now }) => {
    const status = body.status;
    if (!statuses.includes(status))
      throw new HttpError(422, `status must be one of ${statuses.join(', ')}.`, { code: 'status' });
    if (status === 'referred' && !(await hasReferral(tx, row))) {
      throw new HttpError(422, 'Record to whom the report was referred first.', { code: 'referral-needed' });
    }
    const changed = await changeStatus(tx, row, status, now);
    return changed ? { action: 'status-changed', details: { from: row.status, to: status } } : undefined;
  };

  const note = async ({ tx, row, body, now, account }) => {
    const text = typeof body.text === 'string' ? body.text.trim() : '';
    if (!text || text.length > 5000) throw new HttpError(422, 'A note has 1 to 5,000 characters.', { code: 'note' });
    const id = await addNote(tx, row, account, text, now);
    return { action: 'note-added', details: { note: id } };
  };

  const refer = async ({ tx, row, body, now, account }) => {
    const to = typeof body.to === 'string' ? body.to.trim() : '';
    const on = typeof body.on === 'string' ? body.on : '';
    if (!to || to.length > 200) throw new HttpError(422, 'Say to whom (1 to 200 characters).', { code: 'referral-to' });
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(on) ||
      Number.isNaN(Date.parse(on)) ||
      Date.parse(on) > now.getTime() + 86_400_000
    ) {
      throw new HttpError(422, 'Give the date of the referral (YYYY-MM-DD, not in the future).', {
        code: 'referral-on',
      });
    }
    await addReferral(tx, row, account, { to, on }, now);
    // Recording a referral of a report still being read moves it on to "referred".
    if (row.status === 'new' || row.status === 'in-review') {
      await changeStatus(tx, row, 'referred', now);
      await recordAudit(tx, {
        at: now,
        actor: staffActor(account),
        action: 'status-changed',
        reference: row.reference,
        details: { from: row.status, to: 'referred' },
      });
    }
    return { action: 'referral-added', details: { to, on } };
  };

  async function removeReport(request, response, reference) {
    const session = await authenticate(request, { change: true, admin: true });
    const body = request.headers['content-type'] ? await readJson(request) : {};
    const row = await loadReport(reference);
    const why = typeof body.reason === 'string' ? body.reason.trim().slice(0, 500) : '';
    await db.transaction((tx) =>
      deleteReport(tx, {
        id: row.id,
        actor: staffActor(session.account),
        reason: 'admin',
        at: clock(),
        details: why ? { note: why } : {},
      }),
    );
    response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  async function evidence(request, response, reference, attachmentId) {
    const session = await authenticate(request);
    if (!uuidPattern.test(attachmentId)) throw new HttpError(404, 'No such image.');
    const row = await loadReport(reference);
    const image = await readAttachment(db, row.id, attachmentId);
    if (!image) throw new HttpError(404, 'No such image.');
    await recordAudit(db, {
      at: clock(),
      actor: staffActor(session.account),
      action: 'evidence-viewed',
      reference: row.reference,
      details: { attachment: attachmentId },
    });
    sendEvidence(response, image, attachmentId);
  }

  async function exportReports(request, response, url) {
    const session = await authenticate(request);
    const { filters, problems } = readFilters(url.searchParams);
    if (problems.length) throw new HttpError(400, 'Some filters are wrong.', { details: problems, code: 'filters' });
    if (filters.overdue && session.account.role !== 'admin') delete filters.overdue;
    const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'json';
    // Each evidence image as a link to the console's own route, opened with the staff session.
    const reports = withEvidenceLinks(
      await findReports(db, { filters, limit: 10_000, retentionCutoff: cutoff(), withBody: true }),
      `${requestOrigin(request, config.trustProxy)}/staff/api/reports`,
    );
    // The search text stays out of the log (it may be a name); that there was one is kept.
    const { q, ...logged } = filters;
    await recordAudit(db, {
      at: clock(),
      actor: staffActor(session.account),
      action: 'export',
      details: {
        via: 'console',
        format,
        filters: { ...logged, ...(q ? { search: true } : {}) },
        count: reports.length,
        references: reports.map((report) => report.reference),
      },
    });
    const stamp = clock().toISOString().slice(0, 10);
    const headers = {
      'Content-Disposition': `attachment; filename="reports-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
    };
    if (format === 'csv') sendText(response, 200, reportsToCsv(reports), 'text/csv; charset=utf-8', headers);
    else sendJson(response, 200, { exportedAt: clock().toISOString(), filters, reports }, headers);
  }

  async function auditLog(request, response, url) {
    await authenticate(request, { admin: true });
    const before = Number(url.searchParams.get('before')) || undefined;
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 100, 1), 500);
    const entries = await listAudit(db, {
      reference: url.searchParams.get('reference')?.trim() || undefined,
      actorEmail: url.searchParams.get('actor') ? normalizeEmail(url.searchParams.get('actor')) : undefined,
      action: url.searchParams.get('action') || undefined,
      before,
      limit: limit + 1,
    });
    const page = entries.slice(0, limit);
    sendJson(response, 200, { entries: page, next: entries.length > limit ? page.at(-1).id : undefined });
  }

  async function currentSession(request, response) {
    const session = await authenticate(request, { allowPasswordChange: true });
    sendJson(response, 200, sessionBody(session, await overdueFor(session)));
  }

  async function route(request, response, url) {
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const path = url.pathname.slice('/staff/api/'.length);
    const parts = path.split('/').map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        throw new HttpError(400, 'The path is not valid.');
      }
    });
    if (path === 'session') {
      if (method === 'GET') return currentSession(request, response);
      if (method === 'POST') return signIn(request, response);
      if (method === 'DELETE') return signOut(request, response);
    }
    if (path === 'password' && method === 'POST') return changePassword(request, response);
    if (path === 'sign-in-options' && method === 'GET') return sendJson(response, 200, { oidc: Boolean(oidc) });
    if (path === 'oidc/start' && method === 'GET' && oidc) return oidc.start(request, response);
    if (path === 'oidc/callback' && method === 'GET' && oidc) return oidc.callback(request, response, url);
    if (path === 'reports' && method === 'GET') return listReports(request, response, url);
    if (path === 'export' && method === 'GET') return exportReports(request, response, url);
    if (path === 'audit' && method === 'GET') return auditLog(request, response, url);
    if (parts[0] === 'reports' && parts[1]) {
      const reference = parts[1];
      if (parts.length === 2 && method === 'GET') return showReport(request, response, reference);
      if (parts.length === 2 && method === 'DELETE') return removeReport(request, response, reference);
      if (parts.length === 3 && method === 'POST') {
        const change = { status: setStatus, notes: note, referrals: refer }[parts[2]];
        if (change) return changeReport(request, response, reference, change);
      }
      if (parts.length === 4 && parts[2] === 'attachments' && method === 'GET') {
        return evidence(request, response, reference, parts[3].toLowerCase());
      }
    }
    throw new HttpError(404, 'No such staff API endpoint.');
  }

  /** Handles /staff and everything under it; returns false for other paths. */
  return async function handleStaff(request, response, url) {
    const { pathname } = url;
    if (pathname !== '/staff' && !pathname.startsWith('/staff/')) return false;
    if (pathname === '/staff') {
      response.writeHead(308, { Location: '/staff/' }).end();
      return true;
    }
    if (pathname.startsWith('/staff/api/')) {
      try {
        await route(request, response, url);
      } catch (error) {
        if (error instanceof HttpError) {
          sendJson(
            response,
            error.status,
            {
              error: error.message,
              ...(error.code ? { code: error.code } : {}),
              ...(error.details ? { details: error.details } : {}),
            },
            error.headers,
          );
        } else {
          // Never log bodies or values: they may be reports or passwords.
          console.error(`${request.method} ${pathname} failed: ${error?.message ?? error}`);
          if (!response.headersSent) sendJson(response, 500, { error: 'Server error. Try again.' });
          else response.end();
        }
      }
      return true;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return true;
    }
    if (!existsSync(consoleDir)) {
      sendText(response, 503, 'The staff console is not built: run "npm run build" at the repository root.\n');
      return true;
    }
    const relative = pathname.slice('/staff/'.length);
    // The console is one page (it routes in its hash): every path that is not a file gets it.
    const served =
      (relative && (await serveFile(request, response, consoleDir, relative))) ||
      (await serveFile(request, response, consoleDir, 'index.html'));
    if (!served) sendText(response, 404, 'Not found\n');
    return true;
  };
}
