/**
 * Rate limits kept in the database, so that every server process on one PostgreSQL counts the same
 * window: a fixed-window counter per key, at most `max` hits per `windowMs`. The key is a keyed
 * hash of the client's address or e-mail (see `server-secrets.mjs`), never the value itself.
 *
 * One statement does the whole step (insert, or reset an ended window, or count one more), so two
 * processes taking from one key at once cannot both get the last hit.
 */
export function createRateLimiter(db, { clock = () => new Date(), hashKey }) {
  async function take(kind, value, { max, windowMs }) {
    const now = clock();
    const key = `${kind}:${await hashKey(value)}`;
    const { rows } = await db.query(
      `INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at) VALUES ($1, 1, $3::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= $2::timestamptz THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= $2::timestamptz THEN EXCLUDED.window_ends_at
                               ELSE c.window_ends_at END
       RETURNING hits, window_ends_at`,
      [key, now.toISOString(), new Date(now.getTime() + windowMs).toISOString()],
    );
    const { hits, window_ends_at: endsAt } = rows[0];
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(endsAt).getTime() - now.getTime()) / 1000));
    return hits <= max ? { allowed: true } : { allowed: false, retryAfterSeconds };
  }

  /** Forget a key's count (a successful sign-in clears the account's failures). */
  async function clear(kind, value) {
    await db.query('DELETE FROM rate_limit_counters WHERE key = $1', [`${kind}:${await hashKey(value)}`]);
  }

  return { take, clear };
}

/** Drop the counters whose window has ended; returns how many went. */
export async function sweepRateLimits(db, now = new Date()) {
  const { rows } = await db.query(
    'DELETE FROM rate_limit_counters WHERE window_ends_at <= $1::timestamptz RETURNING key',
    [now.toISOString()],
  );
  return rows.length;
}
