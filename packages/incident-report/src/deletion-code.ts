/**
 * The code that lets a person withdraw their report: made on the device, shown once with the
 * reference, and sent only as its SHA-256 (`deletionCodeSha256`). Sixteen characters in four
 * groups, from an alphabet without look-alikes (no 0/O, 1/I/L, U/V): about 78 bits.
 */
import { sha256Hex } from './evidence.js';

const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 16;

/** A new code such as `7K3M-Q9XP-2HVD-8RTW`, with every character equally likely. */
export function makeDeletionCode(): string {
  const picked: string[] = [];
  while (picked.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      // 240 is the largest multiple of 30 up to 256: bytes above it would favour some characters.
      if (byte < 240 && picked.length < length) picked.push(alphabet[byte % alphabet.length]);
    }
  }
  return picked.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * A code as the person typed it, in the form the device showed it: case, spaces and dashes do
 * not matter. Undefined when it cannot be one of our codes.
 */
export function normalizeDeletionCode(typed: string): string | undefined {
  const characters = typed.toUpperCase().replace(/[\s\-–—.]/g, '');
  if (characters.length !== length || [...characters].some((character) => !alphabet.includes(character))) {
    return undefined;
  }
  return characters.replace(/(.{4})(?!$)/g, '$1-');
}

/** What the report carries instead of the code: the SHA-256 of its UTF-8 text, lower-case hex. */
export const deletionCodeHash = (code: string) => sha256Hex(new TextEncoder().encode(code));
