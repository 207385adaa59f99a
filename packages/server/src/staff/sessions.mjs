/**
 * Sessions of staff members, in the database so that every server process knows them. The cookie
 * holds 32 random bytes; the table holds only their SHA-256. A session ends after 30 minutes
 * without a request (idle), after 12 hours in any case, at sign-out, and when its account is
 * disabled or its password reset. Each has its own CSRF token (synchronizer token), which the
 * console sends in a header with every change.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const sessionCookieName = 'oc_staff_session';
export const csrfHeader = 'x-csrf-token';
const absoluteLifetimeMs = 12 * 60 * 60 * 1000;

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

export async function createSession(db, accountId, now = new Date(), via = 'password') {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO staff_sessions (id_sha256, account_id, csrf_token, created_at, last_seen_at, via)
     VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz, $5)`,
    [sha256(id), accountId, csrfToken, now.toISOString(), via],
  );
  return { id, csrfToken };
}

/**
 * The session of a cookie value with its account, touched (its idle time starts again), or
 * undefined when there is none, it has expired, or the account is disabled.
 */
export async function readSession(db, id, { now = new Date(), idleMs }) {
  if (typeof id !== 'string' || id.length < 20 || id.length > 100) return undefined;
  const { rows } = await db.query(
    `UPDATE staff_sessions s SET last_seen_at = $2::timestamptz
     FROM staff_accounts a
     WHERE s.id_sha256 = $1 AND a.id = s.account_id AND a.disabled_at IS NULL
       AND s.last_seen_at > $3::timestamptz AND s.created_at > $4::timestamptz
     RETURNING s.id_sha256, s.csrf_token, s.via, a.id AS account_id, a.email, a.role, a.must_change_password`,
    [
      sha256(id),
      now.toISOString(),
      new Date(now.getTime() - idleMs).toISOString(),
      new Date(now.getTime() - absoluteLifetimeMs).toISOString(),
    ],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    idSha256: row.id_sha256,
    csrfToken: row.csrf_token,
    via: row.via,
    account: {
      id: row.account_id,
      email: row.email,
      role: row.role,
      // Through the identity provider the password is not used, so there is none to choose.
      mustChangePassword: row.must_change_password && row.via === 'password',
    },
  };
}

export function csrfMatches(session, given) {
  if (typeof given !== 'string' || given.length === 0) return false;
  const expected = Buffer.from(sha256(session.csrfToken));
  return timingSafeEqual(Buffer.from(sha256(given)), expected);
}

export async function deleteSession(db, idSha256) {
  await db.query('DELETE FROM staff_sessions WHERE id_sha256 = $1', [idSha256]);
}

/** Other sessions of an account end when its password changes. */
export async function deleteOtherSessions(db, accountId, keepIdSha256) {
  await db.query('DELETE FROM staff_sessions WHERE account_id = $1 AND id_sha256 <> $2', [accountId, keepIdSha256]);
}

export async function sweepSessions(db, { now = new Date(), idleMs }) {
  const { rows } = await db.query(
    'DELETE FROM staff_sessions WHERE last_seen_at <= $1::timestamptz OR created_at <= $2::timestamptz RETURNING 1',
    [new Date(now.getTime() - idleMs).toISOString(), new Date(now.getTime() - absoluteLifetimeMs).toISOString()],
  );
  return rows.length;
}

export function readCookie(request, name) {
  for (const part of String(request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** `Secure` when the browser reached us over HTTPS: directly, or through a proxy we trust. */
export function cookieAttributes(request, config) {
  const https =
    request.socket.encrypted ||
    config.secureCookies ||
    (config.trustProxy &&
      String(request.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim() === 'https');
  return `Path=/staff; HttpOnly; SameSite=Strict${https ? '; Secure' : ''}`;
}
