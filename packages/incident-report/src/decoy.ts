/** Same shape as the receiver's references, so that a bot cannot tell its report was not sent. */
export function decoyReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const pick = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => alphabet[byte % alphabet.length]).join('');
  return `KR-${pick()}-${pick()}`;
}
