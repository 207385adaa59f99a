/**
 * Password hashing with Node's scrypt: a random salt per password, parameters stored with the hash
 * (so they can be raised later without breaking old hashes), comparison in constant time.
 * Stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64url).
 */
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback);

// N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash on a small server (OWASP's minimum is 2^17
// with r = 8 and p = 1 for interactive logins at 128 MiB; this is the same cost class at a quarter
// of the memory, so that several sign-ins at once do not exhaust a small machine).
const defaults = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

export const passwordRules = { minLength: 12, maxLength: 200 };

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password) {
  if (typeof password !== 'string' || password.length < passwordRules.minLength)
    return `A password needs at least ${passwordRules.minLength} characters.`;
  if (password.length > passwordRules.maxLength)
    return `A password can have at most ${passwordRules.maxLength} characters.`;
  return undefined;
}

export async function hashPassword(password, params = defaults) {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = params;
  const hash = await scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function verifyPassword(password, stored) {
  const [scheme, N, r, p, salt, hash] = String(stored).split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(String(password).normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(N) * Number(r),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a password nobody knows, checked when the e-mail is unknown, so that the answer takes
 * as long as for a known account and does not tell which e-mails have one.
 */
let decoyHash;
export async function verifyDecoy(password) {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoyHash);
  return false;
}

// No 0/O, 1/I/l: a one-time password is read off a terminal and typed.
const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 20 characters (about 115 bits), in groups of five for reading. */
export function newOneTimePassword() {
  const chars = Array.from({ length: 20 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]);
  return chars.join('').match(/.{5}/g).join('-');
}
