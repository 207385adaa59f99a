/**
 * What staff do with a report: find it (filters, search), read it with its evidence, notes,
 * referrals and history, move it through its statuses, note, refer. Every query is plain SQL that
 * runs the same on PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { attachmentsOf } from '../evidence.mjs';
import { foldForSearch, staffView } from '../reports.mjs';
import { listAudit } from './audit.mjs';

export const statuses = ['new', 'in-review', 'referred', 'closed', 'spam'];

/** Filters from a query string; each wrong one is named in `problems`. */
export function readFilters(params) {
  const problems = [];
  const text = (name, max = 200) => {
    const value = params.get(name)?.trim();
    if (!value) return undefined;
    if (value.length > max) problems.push(`${name} is longer than ${max} characters`);
    return value.slice(0, max);
  };
  const instant = (name) => {
    const value = text(name, 40);
    if (value === undefined) return undefined;
    const time = Date.parse(value);
    if (Number.isNaN(time)) {
      problems.push(`${name} must be a date or an ISO 8601 time`);
      return undefined;
    }
    return new Date(time).toISOString();
  };
  const filters = {
    status: text('status', 20),
    bias: text('bias', 60),
    type: text('type', 60),
    district: text('district', 100),
    place: text('place', 10),
    from: instant('from'),
    to: instant('to'),
    evidence: text('evidence', 5),
    q: text('q', 200),
    overdue: params.get('overdue') === '1' ? true : undefined,
  };
  if (filters.status && !statuses.includes(filters.status))
    problems.push(`status must be one of ${statuses.join(', ')}`);
  if (filters.place && !['online', 'offline'].includes(filters.place)) problems.push('place must be online or offline');
  if (filters.evidence && !['yes', 'no'].includes(filters.evidence)) problems.push('evidence must be yes or no');
  for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
  return { filters, problems };
}

const escapeLike = (text) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Reports matching `filters`, newest first. `before` pages on: `{ receivedAt, reference }` of the
 * last row of the page before. `retentionCutoff` is needed for the `overdue` filter.
 */
export async function findReports(db, { filters = {}, limit = 50, before, retentionCutoff, withBody = false }) {
  const conditions = [];
  const params = [];
  const add = (sql, value) => {
    params.push(value);
    conditions.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (filters.status) add('status = $?', filters.status);
  if (filters.bias) add(`body->'biasMotivations' @> jsonb_build_array($?::text)`, filters.bias);
  if (filters.type) add(`body->'incidentTypes' @> jsonb_build_array($?::text)`, filters.type);
  if (filters.district) add(`lower(body->'place'->>'district') = lower($?)`, filters.district);
  if (filters.place) add(`body->'place'->>'kind' = $?`, filters.place);
  if (filters.from) add('received_at >= $?::timestamptz', filters.from);
  if (filters.to) add('received_at < $?::timestamptz', filters.to);
  if (filters.evidence === 'yes') conditions.push(`jsonb_array_length(COALESCE(body->'attachments', '[]'::jsonb)) > 0`);
  if (filters.evidence === 'no') conditions.push(`jsonb_array_length(COALESCE(body->'attachments', '[]'::jsonb)) = 0`);
  if (filters.q) {
    // Reports stored before search_text existed fall back to lower(); a reference matches whole.
    add(
      `COALESCE(search_text, lower(body->>'description')) LIKE '%' || $? || '%'`,
      escapeLike(foldForSearch(filters.q)),
    );
    conditions[conditions.length - 1] = `(${conditions.at(-1)} OR reference = upper($${params.length}))`;
  }
  if (filters.overdue && retentionCutoff) {
    add('received_at < $?::timestamptz', retentionCutoff.toISOString());
    conditions.push(`status IN ('new', 'in-review', 'referred')`);
  }
  if (before) {
    params.push(before.receivedAt, before.reference);
    conditions.push(`(received_at, reference) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(limit);
  const { rows } = await db.query(
    `SELECT id, reference, body, received_at, status, status_changed_at FROM reports
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY received_at DESC, reference DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => (withBody ? toFull(row) : toSummary(row, retentionCutoff)));
}

const bodyOf = (row) => {
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  return staffView(body);
};
const iso = (value) => new Date(value).toISOString();

function toSummary(row, retentionCutoff) {
  const report = bodyOf(row);
  return {
    reference: row.reference,
    receivedAt: iso(row.received_at),
    status: row.status,
    incidentTypes: report.incidentTypes ?? [],
    biasMotivations: report.biasMotivations ?? [],
    place: { kind: report.place?.kind, district: report.place?.district },
    occurredOn: report.occurredOn,
    excerpt: String(report.description ?? '').slice(0, 160),
    evidence: Array.isArray(report.attachments) ? report.attachments.length : 0,
    overdue:
      Boolean(retentionCutoff) &&
      new Date(row.received_at) < retentionCutoff &&
      !['closed', 'spam'].includes(row.status),
  };
}

function toFull(row) {
  return { reference: row.reference, receivedAt: iso(row.received_at), status: row.status, report: bodyOf(row) };
}

export async function reportByReference(db, reference) {
  const { rows } = await db.query(
    'SELECT id, reference, body, received_at, status, status_changed_at FROM reports WHERE reference = $1',
    [reference],
  );
  return rows[0];
}

/** Everything the report page shows. */
export async function reportDetail(db, row, { retentionCutoff, withAudit }) {
  const report = bodyOf(row);
  const [attachments, notes, referrals, history] = await Promise.all([
    attachmentsOf(db, row.id),
    db.query(
      `SELECT n.id, n.body, n.created_at, a.email FROM report_notes n JOIN staff_accounts a ON a.id = n.author_id
       WHERE n.report_id = $1 ORDER BY n.created_at, n.id`,
      [row.id],
    ),
    db.query(
      `SELECT r.id, r.referred_to, to_char(r.referred_on, 'YYYY-MM-DD') AS referred_on, r.recorded_at, a.email FROM report_referrals r
       JOIN staff_accounts a ON a.id = r.recorded_by WHERE r.report_id = $1 ORDER BY r.recorded_at, r.id`,
      [row.id],
    ),
    listAudit(db, { reference: row.reference, limit: 500 }),
  ]);
  const listed = new Map((report.attachments ?? []).map((item) => [item.id, item]));
  // Moderators see what happened to the report; admins also see who opened it (the audit log).
  const shown = withAudit ? history : history.filter((entry) => !entry.action.endsWith('-viewed'));
  return {
    reference: row.reference,
    receivedAt: iso(row.received_at),
    status: row.status,
    statusChangedAt: iso(row.status_changed_at),
    overdue: new Date(row.received_at) < retentionCutoff && !['closed', 'spam'].includes(row.status),
    report,
    attachments: attachments.map((item) => ({
      id: item.id,
      type: item.content_type,
      bytes: item.bytes,
      alt: listed.get(item.id)?.alt ?? '',
      url: `/staff/api/reports/${encodeURIComponent(row.reference)}/attachments/${item.id}`,
    })),
    notes: notes.rows.map((note) => ({ id: note.id, at: iso(note.created_at), author: note.email, text: note.body })),
    referrals: referrals.rows.map((item) => ({
      id: item.id,
      to: item.referred_to,
      on: item.referred_on,
      recordedAt: iso(item.recorded_at),
      recordedBy: item.email,
    })),
    history: shown.reverse(),
  };
}

export async function changeStatus(tx, row, status, now) {
  const { rows } = await tx.query(
    `UPDATE reports SET status = $2, status_changed_at = $3::timestamptz WHERE id = $1 AND status <> $2 RETURNING status`,
    [row.id, status, now.toISOString()],
  );
  return rows.length === 1;
}

export async function addNote(tx, row, account, text, now) {
  const id = randomUUID();
  await tx.query(
    'INSERT INTO report_notes (id, report_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5::timestamptz)',
    [id, row.id, account.id, text, now.toISOString()],
  );
  return id;
}

export async function addReferral(tx, row, account, { to, on }, now) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO report_referrals (id, report_id, referred_to, referred_on, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4::date, $5, $6::timestamptz)`,
    [id, row.id, to, on, account.id, now.toISOString()],
  );
  return id;
}

export async function hasReferral(db, row) {
  const { rows } = await db.query('SELECT 1 FROM report_referrals WHERE report_id = $1 LIMIT 1', [row.id]);
  return rows.length > 0;
}
