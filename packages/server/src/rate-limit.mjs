/**
 * A fixed-window counter per client: at most `max` requests per `windowMs`. In memory, so per
 * process; enough for one server, and it forgets everything on restart.
 */
export function createRateLimiter({ max, windowMs, now = () => Date.now() }) {
  const windows = new Map();
  let lastSweep = now();
  return function take(client) {
    const time = now();
    if (time - lastSweep > windowMs) {
      for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
      lastSweep = time;
    }
    let window = windows.get(client);
    if (!window || window.resetAt <= time) {
      window = { count: 0, resetAt: time + windowMs };
      windows.set(client, window);
    }
    window.count++;
    return window.count <= max
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: Math.ceil((window.resetAt - time) / 1000) };
  };
}
