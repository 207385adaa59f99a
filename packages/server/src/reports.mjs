/**
 * The report receiver's storage rules: one row per report id, idempotent on the Idempotency-Key,
 * a conflict when a known key comes back with a different body.
 */
import { createHash } from 'node:crypto';
import { reportChoices, reportFields } from '@open-city/incident-report/schema/report-fields.js';
import { counterStep } from './rate-limit.mjs';
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
 * Store a validated report. Returns `{ status: 'created' | 'repeat', reference }`,
 * `{ status: 'conflict' }` when the key is known with another body, or `{ status: 'limited',
 * retryAfterSeconds }` when `limit` is given and its hit is over the limit (nothing stored).
 *
 * One statement does the whole write: the rate-limit hit (`limit`, from the limiter's `hit`:
 * rate-limit.mjs), the report, and its audit entry (`audit`: `{ actor, action, details }`): one
 * round trip and one commit instead of three, and never a report without its entry. The report
 * is inserted only when the hit is allowed, the entry only when the report was (a repeat or a
 * conflict adds nothing), so "stored once" stays the primary key's and the unique key's work
 * (ON CONFLICT DO NOTHING).
 */
export async function storeReport(db, { key, report, now = new Date(), audit, limit }) {
  const hash = bodyHash(report);
  const at = now.toISOString();
  const body = JSON.stringify(report);
  const searchText = foldForSearch(report.description);
  const entry = audit
    ? [
        audit.actor.kind,
        audit.actor.id ?? null,
        audit.actor.email ?? null,
        audit.action,
        JSON.stringify(audit.details ?? {}),
      ]
    : [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newReference();
    // The hit is counted once: a retry after a collided reference does not count again.
    const counted = limit && attempt === 0;
    const { rows } = await db.query(storeStatement({ audit: Boolean(audit), limit: counted }), [
      report.id,
      reference,
      key,
      body,
      hash,
      at,
      searchText,
      ...entry,
      ...(counted ? [...limit.params, limit.max] : []),
    ]);
    if (counted) {
      const allowed = limit.settle(rows[0]);
      if (!allowed.allowed) return { status: 'limited', retryAfterSeconds: allowed.retryAfterSeconds };
    }
    if (rows[0]?.reference) return { status: 'created', reference: rows[0].reference };
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

const reportColumns = 'id, reference, idempotency_key, body, body_sha256, received_at, status_changed_at, search_text';
const reportValues = '$1::uuid, $2::text, $3::text, $4::jsonb, $5::text, $6::timestamptz, $6::timestamptz, $7::text';
const statements = new Map();

/**
 * The statement for `storeReport`: $1–$7 the report, then $8–$12 the audit entry (when `audit`),
 * then the rate-limit step's three and the limit (when `limit`). With `limit` its one row is the hit's count
 * and window end, and the reference when the report was stored; without, a row only when stored.
 */
function storeStatement({ audit, limit }) {
  const name = `${audit}:${limit}`;
  if (statements.has(name)) return statements.get(name);
  const parts = [];
  if (limit) {
    parts.push(`hit AS (${counterStep(audit ? 13 : 8)})`);
    parts.push(`stored AS (
      INSERT INTO reports (${reportColumns}) SELECT ${reportValues} FROM hit WHERE hit.hits <= $${audit ? 16 : 11}::integer
      ON CONFLICT DO NOTHING RETURNING reference)`);
  } else {
    parts.push(`stored AS (
      INSERT INTO reports (${reportColumns}) VALUES (${reportValues})
      ON CONFLICT DO NOTHING RETURNING reference)`);
  }
  if (audit) {
    // The entry comes from the inserted row: none when the insert did nothing.
    parts.push(`entry AS (
      INSERT INTO audit_log (at, actor_kind, actor_id, actor_email, action, report_reference, details)
      SELECT $6::timestamptz, $8::text, $9::uuid, $10::text, $11::text, reference, $12::jsonb FROM stored)`);
  }
  const text = limit
    ? `WITH ${parts.join(',\n')}\nSELECT hit.hits, hit.window_ends_at, (SELECT reference FROM stored) AS reference FROM hit`
    : `WITH ${parts.join(',\n')}\nSELECT reference FROM stored`;
  statements.set(name, text);
  return text;
}

export async function listReports(db, { limit = 1000, before } = {}) {
  const { rows } = await db.query(
    `SELECT reference, body, received_at, status FROM reports
     WHERE ($1::timestamptz IS NULL OR received_at < $1)
     ORDER BY received_at DESC LIMIT $2`,
    [before ?? null, limit],
  );
  return rows.map(toExport);
}

export async function findReport(db, reference) {
  const { rows } = await db.query('SELECT reference, body, received_at, status FROM reports WHERE reference = $1', [
    reference,
  ]);
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
  return {
    reference: row.reference,
    receivedAt,
    ...(row.status ? { status: row.status } : {}),
    report: staffView(body),
  };
}

/**
 * Fields of the schema that staff are never given, with why. Every other field of the schema has a
 * column in the CSV (report-fields.test.mjs holds the two lists to the schema).
 */
export const fieldsNotExported = {
  // The deletion code's hash only lets the reporter withdraw; staff have no use for it.
  deletionCodeSha256: 'withdrawal only',
};

/** A stored body as staff see it: without the fields they are never given. */
export function staffView(body) {
  const report = { ...body };
  for (const field of Object.keys(fieldsNotExported)) delete report[field];
  return report;
}

/**
 * The export with a link to each evidence image: `{base}/{reference}/attachments/{id}`, where `base`
 * is the evidence route of whoever exports (`https://host/api/reports` for the token,
 * `https://host/staff/api/reports` for the console). The link needs the same credentials.
 */
export function withEvidenceLinks(exported, base) {
  return exported.map((item) => {
    const attachments = item.report?.attachments;
    if (!Array.isArray(attachments)) return item;
    const link = (id) => `${base}/${encodeURIComponent(item.reference)}/attachments/${encodeURIComponent(id)}`;
    return {
      ...item,
      report: { ...item.report, attachments: attachments.map((image) => ({ ...image, url: link(image.id) })) },
    };
  });
}

/** The origin a request came in on, for links back to this server (the Host the client used). */
export function requestOrigin(request, trustProxy = false) {
  const host = String(request.headers.host ?? '');
  const forwarded = trustProxy
    ? String(request.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        .trim()
    : '';
  const secure = forwarded ? forwarded === 'https' : Boolean(request.socket?.encrypted);
  // Only a plain host[:port]: anything else would make a link elsewhere.
  return /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)
    ? `${secure ? 'https' : 'http'}://${host}`
    : '';
}

const get = (value, path) => path.split('.').reduce((inner, key) => inner?.[key], value);
const joinList = (values) => (Array.isArray(values) ? values.join('; ') : values);

/**
 * The CSV's columns, from the schema's fields (report-fields.js): each field its column, nested
 * ones dotted; a list of items told apart by a key (`reportedElsewhere`) as the keys given and a
 * column per key and field (`reportedElsewhere.organisation.name`); a list of evidence images as
 * numbered columns, each with its link (`attachments.1.url`). Each column has a `value(report)`.
 */
export const csvColumns = reportFields
  .filter((field) => !(field.path in fieldsNotExported))
  .flatMap((field) => {
    if (field.kind !== 'list') return [{ name: field.path, value: (report) => joinList(get(report, field.path)) }];
    const items = (report) => (Array.isArray(get(report, field.path)) ? get(report, field.path) : []);
    const others = field.item.filter((name) => name !== field.key);
    if (field.key) {
      const keys = reportChoices[`${field.path}.${field.key}`] ?? [];
      return [
        {
          name: field.path,
          value: (report) =>
            items(report)
              .map((item) => item[field.key])
              .join('; '),
        },
        ...keys.flatMap((key) =>
          others.map((name) => ({
            name: `${field.path}.${key}.${name}`,
            value: (report) => items(report).find((item) => item[field.key] === key)?.[name],
          })),
        ),
      ];
    }
    return Array.from({ length: field.max ?? 1 }, (_, index) =>
      ['url', ...field.item].map((name) => ({
        name: `${field.path}.${index + 1}.${name}`,
        value: (report) => items(report)[index]?.[name],
      })),
    ).flat();
  });

const fixedColumns = [
  { name: 'reference', value: (_report, item) => item.reference },
  { name: 'receivedAt', value: (_report, item) => item.receivedAt },
  { name: 'status', value: (_report, item) => item.status },
];

/** One spreadsheet cell: formulas defused, quoted when needed. */
export function csvCell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // Spreadsheet formula injection: a cell starting with = + - @ (also full-width, also after
  // spaces), a tab or a line break is read as a formula; a leading apostrophe keeps it text.
  if (/^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Reports for a spreadsheet: one row each, a column for every field of the schema (in its order,
 * empty where a report has no answer), then any field a newer form sent that the schema here does
 * not know yet, flattened, so that nothing received is left out.
 */
export function reportsToCsv(reports) {
  const known = new Set(csvColumns.map((column) => column.name));
  const lists = new Set(reportFields.map((field) => field.path));
  const extra = [
    ...new Set(
      reports.flatMap(({ report }) =>
        Object.keys(flatten(staffView(report ?? {}))).filter((name) => !known.has(name) && !lists.has(name)),
      ),
    ),
  ].map((name) => ({ name, value: (report) => flatten(report)[name] }));
  const columns = [...fixedColumns, ...csvColumns, ...extra];
  const lines = reports.map((item) => {
    const report = staffView(item.report ?? {});
    return columns.map((column) => csvCell(column.value(report, item))).join(',');
  });
  return [columns.map((column) => column.name).join(','), ...lines].join('\r\n') + '\r\n';
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
