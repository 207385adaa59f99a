/**
 * Secrets the server makes for itself, stored in the database so that every process shares them.
 * Today one: the key of the HMAC that turns a client address or an e-mail into a rate-limit key,
 * so that the counters table never holds an address (an unkeyed hash of an IPv4 address is
 * reversed in seconds).
 */
import { createHmac, randomBytes } from 'node:crypto';

async function serverSecret(db, name) {
  await db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
  return rows[0].value;
}

/** `hashKey(value)`: a short keyed hash; the key is read from the database once per process. */
export function createKeyHasher(db) {
  let key;
  return async function hashKey(value) {
    key ??= serverSecret(db, 'rate-limit-key').catch((error) => {
      key = undefined; // try again on the next request
      throw error;
    });
    return createHmac('sha256', await key)
      .update(String(value))
      .digest('base64url')
      .slice(0, 32);
  };
}
