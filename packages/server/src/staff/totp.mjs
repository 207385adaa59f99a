/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) on Node's crypto: HMAC-SHA-1,
 * 30-second steps, 6 digits, and one step either side for a clock that is a little off.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index === -1) throw new Error('Not a base32 secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226): the code for one counter value. */
export function hotp(key, counter, { digits = 6, algorithm = 'sha1' } = {}) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export const stepSeconds = 30;

export function timeStep(at = new Date()) {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

export function totp(key, at = new Date(), options) {
  return hotp(key, timeStep(at), options);
}

/**
 * Check a code typed by a person. Returns the matching time step (to refuse its reuse), or
 * undefined. `afterStep`: the last step already used; that one and earlier ones are refused.
 */
export function verifyTotp(secretBase32, code, { at = new Date(), afterStep } = {}) {
  const given = String(code ?? '').replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return undefined;
  const key = base32Decode(secretBase32);
  const now = timeStep(at);
  let matched;
  // Every candidate is compared, so the time taken does not tell which one matched.
  for (const step of [now - 1, now, now + 1]) {
    const same = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given));
    if (same && (afterStep === undefined || afterStep === null || step > Number(afterStep))) matched ??= step;
  }
  return matched;
}

export function newTotpSecret() {
  return base32Encode(randomBytes(20));
}

/** The enrolment URI an authenticator app reads (the "Key Uri Format" of Google Authenticator). */
export function otpauthUri({ secret, account, issuer = 'Open City staff' }) {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: String(stepSeconds) });
  return `otpauth://totp/${label}?${query}`;
}
