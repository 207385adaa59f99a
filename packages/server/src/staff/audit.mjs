/**
 * The audit log: every view of a report, status change, note, referral, export and deletion, and
 * every sign-in, with who, what and when. Append-only (the table's rules turn UPDATE and DELETE
 * into nothing); the console only reads it, and only admins may.
 * `details` never holds report content: a note's text or a description stays out of it.
 */
export async function recordAudit(db, { at = new Date(), actor, action, reference = null, details = {} }) {
  await db.query(
    `INSERT INTO audit_log (at, actor_kind, actor_id, actor_email, action, report_reference, details)
     VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7)`,
    [at.toISOString(), actor.kind, actor.id ?? null, actor.email ?? null, action, reference, JSON.stringify(details)],
  );
}

export const systemActor = { kind: 'system' };
export const reporterActor = { kind: 'reporter' };
export const tokenActor = { kind: 'token', email: 'ADMIN_TOKEN' };
export const staffActor = (account) => ({ kind: 'staff', id: account.id, email: account.email });

/** Newest first, paged by id: `before` is the id of the last entry of the page before. */
export async function listAudit(db, { reference, actorEmail, action, before, limit = 100 } = {}) {
  const { rows } = await db.query(
    `SELECT id, at, actor_kind, actor_email, action, report_reference, details FROM audit_log
     WHERE ($1::text IS NULL OR report_reference = $1)
       AND ($2::text IS NULL OR actor_email = $2)
       AND ($3::text IS NULL OR action = $3)
       AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [reference ?? null, actorEmail ?? null, action ?? null, before ?? null, limit],
  );
  return rows.map(toEntry);
}

export function toEntry(row) {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor_kind === 'staff' ? row.actor_email : row.actor_kind,
    actorKind: row.actor_kind,
    action: row.action,
    reference: row.report_reference ?? undefined,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : (row.details ?? {}),
  };
}
