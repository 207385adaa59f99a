import { randomInt } from 'node:crypto';

// Crockford-style alphabet: no 0/O, 1/I/L, U, so a reference read over the phone is not misheard.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short reference a person can read out: "KR-7F3K-Q9XM". About 10^11 values. */
export function newReference() {
  const pick = (length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `KR-${pick(4)}-${pick(4)}`;
}
