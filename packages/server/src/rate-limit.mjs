/**
 * Rate limits kept in the database, so that every server process on one PostgreSQL counts the same
 * window: a fixed-window counter per key, at most `max` hits per `windowMs`. The key is a keyed
 * hash of the client's address or e-mail (see `server-secrets.mjs`), never the value itself.
 *
 * One statement does the whole step (insert, or reset an ended window, or count one more), so two
 * processes taking from one key at once cannot both get the last hit. The step is also given as a
 * fragment (`counterStep`), so that the report receiver can count a hit in the same statement that
 * stores the report (one write instead of two: reports.mjs).
 */

/**
 * The counting step as SQL, with its parameters numbered from `first`: key, now, the end of a new
 * window. It returns `hits, window_ends_at` (the count after this hit).
 */
export function counterStep(first = 1) {
  const [key, now, end] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at) VALUES (${key}, 1, ${end}::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= ${now}::timestamptz THEN 1 ELSE c.hits + 1 END,
         window_ends_at = CASE WHEN c.window_ends_at <= ${now}::timestamptz THEN EXCLUDED.window_ends_at
                               ELSE c.window_ends_at END
       RETURNING hits, window_ends_at`;
}

/** How many keys over their limit a process remembers (each until its window ends). */
const rememberedRefusals = 10_000;

export function createRateLimiter(db, { clock = () => new Date(), hashKey }) {
  // Keys this process saw over their limit, with the end of that window. Within a fixed window the
  // count only grows, so a key over its limit stays over until the window ends, whatever other
  // processes count: `refusal` can answer without the database (nothing is read for a flood).
  const refused = new Map();

  /** The parameters of `counterStep` for one hit of `value`, its `max`, and how to read its answer. */
  async function hit(kind, value, { max, windowMs }) {
    const now = clock();
    const key = `${kind}:${await hashKey(value)}`;
    return {
      params: [key, now.toISOString(), new Date(now.getTime() + windowMs).toISOString()],
      max,
      /** `{ allowed }` or `{ allowed: false, retryAfterSeconds }` from the step's row. */
      settle({ hits, window_ends_at: endsAt }) {
        const ends = new Date(endsAt).getTime();
        if (hits <= max) return { allowed: true };
        if (refused.size >= rememberedRefusals) refused.delete(refused.keys().next().value);
        refused.set(key, ends);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
      },
    };
  }

  async function take(kind, value, limit) {
    const step = await hit(kind, value, limit);
    const { rows } = await db.query(counterStep(1), step.params);
    return step.settle(rows[0]);
  }

  /**
   * `{ allowed: false, retryAfterSeconds }` when this process already saw the key over its limit in
   * a window that has not ended; else undefined (count the hit with `take` or `counterStep`). Only
   * for kinds that are never cleared: `clear` in another process would not be seen here.
   */
  async function refusal(kind, value) {
    if (refused.size === 0) return undefined;
    const key = `${kind}:${await hashKey(value)}`;
    const ends = refused.get(key);
    if (ends === undefined) return undefined;
    const left = ends - clock().getTime();
    if (left <= 0) {
      refused.delete(key);
      return undefined;
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
  }

  /** Forget a key's count (a successful sign-in clears the account's failures). */
  async function clear(kind, value) {
    const key = `${kind}:${await hashKey(value)}`;
    refused.delete(key);
    await db.query('DELETE FROM rate_limit_counters WHERE key = $1', [key]);
  }

  return { take, hit, refusal, clear };
}

/** Drop the counters whose window has ended; returns how many went. */
export async function sweepRateLimits(db, now = new Date()) {
  const { rows } = await db.query(
    'DELETE FROM rate_limit_counters WHERE window_ends_at <= $1::timestamptz RETURNING key',
    [now.toISOString()],
  );
  return rows.length;
}
