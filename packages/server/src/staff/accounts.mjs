/**
 * Staff accounts: made, listed, disabled and reset on the server's machine (staff-cli.mjs), read
 * at sign-in. E-mails are kept in lower case, so that "Anna@City.pl" and "anna@city.pl" are one.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from './passwords.mjs';

export const roles = ['moderator', 'admin'];

export function normalizeEmail(email) {
  return String(email ?? '')
    .trim()
    .toLowerCase();
}

export function isEmail(email) {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 320;
}

export async function createAccount(
  db,
  { email, role = 'moderator', password, requireTwoFactor = false, mustChange = true, now = new Date() },
) {
  const address = normalizeEmail(email);
  if (!isEmail(address)) throw new Error(`"${email}" is not an e-mail address.`);
  if (!roles.includes(role)) throw new Error(`The role must be one of: ${roles.join(', ')}.`);
  const { rows } = await db.query(
    `INSERT INTO staff_accounts (id, email, role, password_hash, must_change_password, totp_required, created_at, password_changed_at)
     VALUES ($1, $2, $3, $4, $7, $5, $6, $6)
     ON CONFLICT (email) DO NOTHING
     RETURNING id`,
    [randomUUID(), address, role, await hashPassword(password), requireTwoFactor, now.toISOString(), mustChange],
  );
  if (rows.length === 0) throw new Error(`There is already an account for ${address}.`);
  return rows[0].id;
}

export async function findAccountByEmail(db, email) {
  const { rows } = await db.query('SELECT * FROM staff_accounts WHERE email = $1', [normalizeEmail(email)]);
  return rows[0];
}

export async function listAccounts(db) {
  const { rows } = await db.query(
    `SELECT email, role, disabled_at, totp_required, totp_secret IS NOT NULL AS totp_enrolled,
            must_change_password, created_at,
            (SELECT max(last_seen_at) FROM staff_sessions s WHERE s.account_id = a.id) AS last_seen_at
     FROM staff_accounts a ORDER BY email`,
  );
  return rows;
}

async function updateAccount(db, email, sql, params = []) {
  const { rows } = await db.query(`UPDATE staff_accounts SET ${sql} WHERE email = $1 RETURNING id`, [
    normalizeEmail(email),
    ...params,
  ]);
  if (rows.length === 0) throw new Error(`There is no account for ${normalizeEmail(email)}.`);
  return rows[0].id;
}

/** Disable an account and end its sessions at once. */
export async function disableAccount(db, email, now = new Date()) {
  const id = await updateAccount(db, email, 'disabled_at = COALESCE(disabled_at, $2::timestamptz)', [
    now.toISOString(),
  ]);
  await db.query('DELETE FROM staff_sessions WHERE account_id = $1', [id]);
}

export async function enableAccount(db, email) {
  await updateAccount(db, email, 'disabled_at = NULL');
}

/**
 * A new password for an account (a one-time one, to be changed at the next sign-in); its sessions
 * end. `resetTwoFactor` also forgets the authenticator (a lost phone): the person enrols again.
 */
export async function resetPassword(
  db,
  email,
  { password, resetTwoFactor = false, mustChange = true, now = new Date() },
) {
  const id = await updateAccount(
    db,
    email,
    `password_hash = $2, must_change_password = $3, password_changed_at = $4::timestamptz
     ${resetTwoFactor ? ', totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL' : ''}`,
    [await hashPassword(password), mustChange, now.toISOString()],
  );
  await db.query('DELETE FROM staff_sessions WHERE account_id = $1', [id]);
}

export async function setRole(db, email, role) {
  if (!roles.includes(role)) throw new Error(`The role must be one of: ${roles.join(', ')}.`);
  await updateAccount(db, email, 'role = $2', [role]);
}

/** Require a second factor (TOTP): the person enrols at their next sign-in. */
export async function requireTwoFactor(db, email, required = true) {
  await updateAccount(db, email, 'totp_required = $2', [required]);
}
