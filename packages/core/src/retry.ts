/**
 * When to try a request again, and how long to wait: one rule for the feed loader and the report
 * outbox, so that both treat a server the same way.
 */

/** A status worth trying again by itself: the same request may well succeed in a moment. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The wait before attempt `attempt + 1` (0 for the first retry): exponential from `baseMs`, capped at
 * `maxMs`, with ±20 % jitter so that many clients do not come back at once, and never shorter than
 * the server's `Retry-After`.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, retryAfterMs = 0): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
  return Math.max(exponential, retryAfterMs);
}
