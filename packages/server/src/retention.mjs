/**
 * Retention (docs/data-protection.md): a report is kept RETENTION_DAYS days from its receipt.
 * Then a finished one (closed, or spam) is deleted with its evidence, leaving a tombstone in the
 * audit log; an open one (new, in review, referred) is not deleted behind a caseworker's back but
 * flagged to admins in the console, who close or delete it. The same run clears what has no use
 * any more: evidence whose report never came, ended sessions, ended rate-limit windows.
 */
import { deleteExpiredReports } from './reports.mjs';
import { sweepRateLimits } from './rate-limit.mjs';
import { sweepSessions } from './staff/sessions.mjs';

export const finishedStatuses = ['closed', 'spam'];
export const openStatuses = ['new', 'in-review', 'referred'];
const dayMs = 24 * 60 * 60 * 1000;
// A form sends its images just before its report; a week covers the retries of a report queued offline.
const orphanEvidenceMs = 7 * dayMs;

export function retentionCutoff(retentionDays, now) {
  return new Date(now.getTime() - retentionDays * dayMs);
}

export async function countOverdueOpenReports(db, retentionDays, now = new Date()) {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM reports WHERE received_at < $1::timestamptz AND status = ANY($2::text[])',
    [retentionCutoff(retentionDays, now).toISOString(), openStatuses],
  );
  return rows[0].n;
}

/** One run. Returns `{ deleted, evidence, orphanEvidence, overdueOpen }`. */
export async function runRetention(db, { retentionDays, now = new Date(), sessionIdleMs = 30 * 60 * 1000 }) {
  const { reports: deleted, evidence } = await deleteExpiredReports(db, {
    retentionDays,
    statuses: finishedStatuses,
    now,
  });
  const orphans = await db.query(
    `DELETE FROM report_attachments a WHERE a.received_at < $1::timestamptz
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = a.report_id) RETURNING a.id`,
    [new Date(now.getTime() - orphanEvidenceMs).toISOString()],
  );
  await sweepSessions(db, { now, idleMs: sessionIdleMs });
  await db.query('DELETE FROM oidc_sign_ins WHERE created_at < $1::timestamptz', [
    new Date(now.getTime() - 10 * 60 * 1000).toISOString(),
  ]);
  await sweepRateLimits(db, now);
  const overdueOpen = await countOverdueOpenReports(db, retentionDays, now);
  return { deleted, evidence, orphanEvidence: orphans.rows.length, overdueOpen };
}

/** The sentence the server logs after each run: counts only, never a reference or content. */
export function describeRetention(result, retentionDays) {
  return (
    `Retention (${retentionDays} days): deleted ${result.deleted} closed report(s) with ${result.evidence} evidence image(s)` +
    `, ${result.orphanEvidence} image(s) whose report never came; ${result.overdueOpen} open report(s) past retention flagged to admins.`
  );
}

/**
 * The daily job: a run at once, then every 24 hours (timers that do not keep the process alive).
 * A run that fails is logged as an error and tried again after `retryMs`, doubling up to an hour,
 * until one succeeds: a purge is never silently skipped. `clock` and the timers are parameters so
 * that a test can drive the job with a fake clock.
 */
export function startRetentionJob(
  db,
  {
    retentionDays,
    sessionIdleMs,
    clock = () => new Date(),
    log = console.log,
    logError = console.error,
    timers = { setInterval, clearInterval, setTimeout, clearTimeout },
    intervalMs = dayMs,
    retryMs = 60 * 1000,
    maxRetryMs = 60 * 60 * 1000,
  },
) {
  let running;
  let retry;
  let failures = 0;
  let stopped = false;
  const run = () => {
    // Never two runs at once in one process (a slow database and a short interval).
    running ??= runRetention(db, { retentionDays, sessionIdleMs, now: clock() })
      .then((result) => {
        failures = 0;
        log(describeRetention(result, retentionDays));
        return result;
      })
      .catch((error) => {
        const delay = Math.min(retryMs * 2 ** failures, maxRetryMs);
        failures++;
        logError(
          `Retention run failed (${failures} time(s) in a row): ${error.message}. Trying again in ${Math.round(delay / 1000)} s.`,
        );
        if (!stopped) {
          timers.clearTimeout(retry);
          retry = timers.setTimeout(run, delay);
          retry?.unref?.();
        }
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const first = run();
  const timer = timers.setInterval(run, intervalMs);
  timer?.unref?.();
  return {
    first,
    run,
    stop: () => {
      stopped = true;
      timers.clearInterval(timer);
      timers.clearTimeout(retry);
    },
  };
}
