/**
 * The report receiver's storage rules: one row per report id, idempotent on the Idempotency-Key,
 * a conflict when a known key comes back with a different body.
 */
import { createHash } from 'node:crypto';
import { newReference } from './reference.mjs';
import { recordAudit, systemActor } from './staff/audit.mjs';

/**
 * Text folded for search: lower case, without diacritics, with ł as l (which Unicode does not
 * decompose), so that "muzulmanom" finds "Muzułmanom".
 */
export function foldForSearch(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}

/** A stable hash of a JSON value: keys sorted, so the same report hashes the same however it is spelled. */
export function bodyHash(value) {
  const canonical = (v) =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : v && typeof v === 'object'
        ? `{${Object.keys(v)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonical(v[key])}`)
            .join(',')}}`
        : JSON.stringify(v);
  return createHash('sha256').update(canonical(value)).digest('hex');
}

/**
 * Store a validated report. Returns `{ status: 'created' | 'repeat', reference }` or
 * `{ status: 'conflict' }` when the key is known with another body.
 */
export async function storeReport(db, { key, report, now = new Date() }) {
  const hash = bodyHash(report);
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newReference();
    const { rows } = await db.query(
      `INSERT INTO reports (id, reference, idempotency_key, body, body_sha256, received_at, status_changed_at, search_text)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz, $7)
       ON CONFLICT DO NOTHING
       RETURNING reference`,
      [report.id, reference, key, JSON.stringify(report), hash, now.toISOString(), foldForSearch(report.description)],
    );
    if (rows.length === 1) return { status: 'created', reference: rows[0].reference };
    const existing = await db.query(
      'SELECT reference, body_sha256 FROM reports WHERE idempotency_key = $1 OR id = $2',
      [key, report.id],
    );
    if (existing.rows.length > 0) {
      const row = existing.rows[0];
      return row.body_sha256 === hash ? { status: 'repeat', reference: row.reference } : { status: 'conflict' };
    }
    // Otherwise the random reference collided: try another.
  }
  throw new Error('Could not allocate a unique reference');
}

export async function listReports(db, { limit = 1000, before } = {}) {
  const { rows } = await db.query(
    `SELECT reference, body, received_at FROM reports
     WHERE ($1::timestamptz IS NULL OR received_at < $1)
     ORDER BY received_at DESC LIMIT $2`,
    [before ?? null, limit],
  );
  return rows.map(toExport);
}

export async function findReport(db, reference) {
  const { rows } = await db.query('SELECT reference, body, received_at FROM reports WHERE reference = $1', [reference]);
  return rows[0] ? toExport(rows[0]) : undefined;
}

/**
 * Delete one report (by id) with its evidence, notes and referrals, leaving only a tombstone in the
 * audit log: its reference, why, and by whom. Runs in the caller's transaction when given one.
 * Returns `{ reference, evidence }` (how many images went), or undefined when it was already gone.
 */
export async function deleteReport(tx, { id, actor, reason, at = new Date(), details = {} }) {
  const { rows } = await tx.query('DELETE FROM reports WHERE id = $1 RETURNING reference, status', [id]);
  if (rows.length === 0) return undefined;
  const evidence = await tx.query('DELETE FROM report_attachments WHERE report_id = $1 RETURNING id', [id]);
  await recordAudit(tx, {
    at,
    actor,
    action: 'report-deleted',
    reference: rows[0].reference,
    details: { reason, status: rows[0].status, evidence: evidence.rows.length, ...details },
  });
  return { reference: rows[0].reference, evidence: evidence.rows.length };
}

/**
 * Delete reports received more than `retentionDays` ago, with their evidence, each leaving a
 * tombstone. `statuses` limits it to reports in those review states (the daily job passes the
 * finished ones: closed and spam); without it every report goes. Returns how many went.
 */
export async function purgeExpired(db, retentionDays, options = {}) {
  return (await deleteExpiredReports(db, { retentionDays, ...options })).reports;
}

/** As `purgeExpired`, answering `{ reports, evidence }`: how many reports and images went. */
export async function deleteExpiredReports(db, { retentionDays, statuses, now = new Date() }) {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  const { rows } = await db.query(
    `SELECT id FROM reports WHERE received_at < $1::timestamptz AND ($2::text[] IS NULL OR status = ANY($2::text[]))`,
    [cutoff, statuses ?? null],
  );
  let removed = 0;
  let evidence = 0;
  for (const { id } of rows) {
    // One transaction per report: a long purge never holds every row at once, and two servers
    // purging together each delete a report once (the loser's DELETE finds nothing).
    const gone = await db.transaction((tx) =>
      deleteReport(tx, { id, actor: systemActor, reason: 'retention', at: now, details: { retentionDays } }),
    );
    if (gone) {
      removed++;
      evidence += gone.evidence;
    }
  }
  return { reports: removed, evidence };
}

function toExport(row) {
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  const receivedAt =
    row.received_at instanceof Date ? row.received_at.toISOString() : new Date(row.received_at).toISOString();
  // The deletion code's hash only lets the reporter withdraw; staff have no use for it.
  const { deletionCodeSha256: _verifier, ...report } = body;
  return { reference: row.reference, receivedAt, report };
}

const csvColumnOrder = [
  'reference',
  'receivedAt',
  'status',
  'id',
  'createdAt',
  'locale',
  'reporterRole',
  'incidentTypes',
  'incidentTypeOther',
  'biasMotivations',
  'biasMotivationOther',
  'place',
  'occurredOn',
  'occurredAt',
  'description',
  'reportedToPolice',
  'anonymous',
  'contact',
  'consent',
  'schemaVersion',
];

/** Flatten reports for a spreadsheet: one row each, nested fields as dotted columns, lists joined. */
export function reportsToCsv(reports) {
  const rows = reports.map(({ reference, receivedAt, status, report }) => ({
    reference,
    receivedAt,
    ...(status ? { status } : {}),
    ...flatten(report),
  }));
  // jsonb keeps keys in its own order; put the columns in the order a reader of a report expects.
  const rank = (column) => {
    const index = csvColumnOrder.indexOf(column.split('.')[0]);
    return index === -1 ? csvColumnOrder.length : index;
  };
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort((a, b) => rank(a) - rank(b));
  const cell = (value) => {
    if (value === undefined || value === null) return '';
    let text = String(value);
    // Spreadsheet formula injection: a cell starting with = + - @ is read as a formula.
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\r\n') +
    '\r\n'
  );
}

function flatten(value, prefix = '', into = {}) {
  for (const [key, inner] of Object.entries(value ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(inner))
      into[name] = inner.map((item) => (typeof item === 'object' ? JSON.stringify(item) : item)).join('; ');
    else if (inner && typeof inner === 'object') flatten(inner, name, into);
    else into[name] = inner;
  }
  return into;
}
