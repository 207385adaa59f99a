/**
 * The API: services and events from the sample data, the report receiver, and the staff export.
 */
import { readFile } from 'node:fs/promises';
import { timingSafeEqual, createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { HttpError, clientAddress, readBody, readBodyBytes, sendJson, sendText } from './http.mjs';
import { deleteReport, findReport, listReports, reportsToCsv, storeReport } from './reports.mjs';
import {
  carriesMetadata,
  evidenceTypes,
  missingAttachments,
  readAttachment,
  sendEvidence,
  sniffImageType,
  storeAttachment,
} from './evidence.mjs';
import { recordAudit, reporterActor, tokenActor } from './staff/audit.mjs';

const resolvePackageFile = (specifier) => fileURLToPath(import.meta.resolve(specifier));

export async function loadReportSchema() {
  return JSON.parse(
    await readFile(resolvePackageFile('@open-city/incident-report/schema/incident-report.schema.json'), 'utf8'),
  );
}

const sampleFiles = {
  services: '@open-city/service-finder/sample/krakow-services.json',
  eventsIcs: '@open-city/event-calendar/sample/krakow-events.ics',
  eventsJson: '@open-city/event-calendar/sample/krakow-events.json',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (text) => createHash('sha256').update(text).digest();

/**
 * `limiter` is the database's rate limiter (rate-limit.mjs), shared by every process; `clock`
 * gives the time (a parameter, so that tests can move it).
 */
export function createApi({ config, db, schema, limiter, clock = () => new Date() }) {
  const validator = new Validator(schema, '2020-12', false);
  const { max, windowMs } = config.rateLimit;
  // Evidence: up to 5 images come with each report, and each may be sent again after a failure.
  const limits = {
    report: { max, windowMs },
    attachment: { max: max * 10, windowMs },
    withdrawal: { max, windowMs },
  };
  async function limit(kind, request) {
    const result = await limiter.take(kind, clientAddress(request, config.trustProxy), limits[kind]);
    if (!result.allowed) {
      throw new HttpError(429, 'Too many requests from this address; try again later.', {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
  }
  const adminTokenHash = config.adminToken ? createHash('sha256').update(config.adminToken).digest() : undefined;

  function cors(request, response) {
    const origin = request.headers.origin;
    if (origin && config.allowedOrigins.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Deletion-Code');
      response.setHeader('Access-Control-Max-Age', '600');
      return true;
    }
    return false;
  }

  async function receiveReport(request, response) {
    await limit('report', request);
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw new HttpError(415, 'Send the report as application/json.');
    }
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !uuidPattern.test(key)) {
      throw new HttpError(400, 'The Idempotency-Key header must be the report id (a UUID).');
    }
    const text = await readBody(request, config.bodyLimitBytes);
    let report;
    try {
      report = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The body is not valid JSON.');
    }
    const result = validator.validate(report);
    if (!result.valid) {
      const details = result.errors
        .filter((error) => error.keyword !== 'properties' && error.keyword !== '$ref' && error.keyword !== 'allOf')
        .slice(0, 20)
        .map((error) => `${error.instanceLocation || '#'}: ${error.error}`);
      throw new HttpError(422, 'The report does not match the report schema.', { details });
    }
    if (report.id !== key) throw new HttpError(422, 'The Idempotency-Key header must equal the report id.');
    const missing = await missingAttachments(db, report);
    if (missing.length > 0) {
      throw new HttpError(
        409,
        'Some attachments the report lists were not received with these bytes: send them first.',
        {
          details: missing.map((id) => `attachment ${id}`),
          code: 'attachments-missing',
        },
      );
    }
    const now = clock();
    const stored = await storeReport(db, { key, report, now });
    if (stored.status === 'conflict') {
      throw new HttpError(409, 'A different report was already received under this Idempotency-Key.');
    }
    if (stored.status === 'created') {
      await recordAudit(db, {
        at: now,
        actor: reporterActor,
        action: 'report-received',
        reference: stored.reference,
        details: { evidence: report.attachments?.length ?? 0 },
      });
    }
    sendJson(response, stored.status === 'created' ? 201 : 200, { reference: stored.reference });
  }

  /** PUT /api/reports/{reportId}/attachments/{attachmentId}: one evidence image, before its report. */
  async function receiveAttachment(request, response, reportId, attachmentId) {
    await limit('attachment', request);
    if (!uuidPattern.test(reportId) || !uuidPattern.test(attachmentId)) {
      throw new HttpError(400, 'Both the report id and the attachment id must be UUIDs.');
    }
    const declared = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!evidenceTypes.includes(declared)) {
      throw new HttpError(415, 'Send the image as image/jpeg, image/png or image/webp.');
    }
    const bytes = await readBodyBytes(request, config.attachmentLimitBytes);
    const type = sniffImageType(bytes);
    if (type !== declared) {
      throw new HttpError(
        415,
        `The bytes are not ${declared === 'image/jpeg' ? 'a JPEG' : `a ${declared.slice(6).toUpperCase()}`} image.`,
      );
    }
    if (carriesMetadata(bytes, type)) {
      throw new HttpError(
        422,
        'The image still carries EXIF or XMP metadata (which can hold a location): re-encode it.',
      );
    }
    const stored = await storeAttachment(db, {
      reportId: reportId.toLowerCase(),
      attachmentId: attachmentId.toLowerCase(),
      type,
      bytes,
      now: clock(),
    });
    const answers = {
      created: 201,
      repeat: 200,
      conflict: [409, 'Other bytes, or another report, were already received under this attachment id.'],
      closed: [409, 'This report was already received; it takes no more attachments.'],
      full: [409, 'A report takes at most 5 attachments.'],
    };
    const answer = answers[stored.status];
    if (Array.isArray(answer)) throw new HttpError(answer[0], answer[1], { code: `attachment-${stored.status}` });
    sendJson(response, answer, { id: attachmentId.toLowerCase(), bytes: bytes.length, sha256: stored.sha256 });
  }

  /**
   * DELETE /api/reports/{reference} with Deletion-Code: the reporter withdraws a report. The report
   * holds only the SHA-256 of the code. A wrong code and an unknown reference answer alike, so that
   * the answer does not tell which references exist.
   */
  async function withdrawReport(request, response, reference) {
    await limit('withdrawal', request);
    const code = String(request.headers['deletion-code'] ?? '').trim();
    if (!code || code.length > 200) throw new HttpError(400, 'Send the deletion code in the Deletion-Code header.');
    const { rows } = await db.query(
      `SELECT id, body->>'deletionCodeSha256' AS verifier FROM reports WHERE reference = $1`,
      [reference],
    );
    const given = sha256(code);
    const expected = /^[0-9a-f]{64}$/i.test(rows[0]?.verifier ?? '') ? Buffer.from(rows[0].verifier, 'hex') : undefined;
    // Compare with something of the same length even when there is nothing to compare with.
    const matches = timingSafeEqual(given, expected ?? sha256('no report')) && expected !== undefined;
    if (!matches) throw new HttpError(404, 'There is no report with this reference and deletion code.');
    await db.transaction((tx) =>
      deleteReport(tx, { id: rows[0].id, actor: reporterActor, reason: 'withdrawn', at: clock() }),
    );
    response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  function requireStaff(request) {
    if (!adminTokenHash) throw new HttpError(404, 'The staff export is off: set ADMIN_TOKEN to turn it on.');
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    const given = match ? createHash('sha256').update(match[1].trim()).digest() : undefined;
    if (!given || !timingSafeEqual(given, adminTokenHash)) {
      throw new HttpError(401, 'Staff only: send Authorization: Bearer <ADMIN_TOKEN>.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="reports"' },
      });
    }
  }

  async function exportReports(request, response, url) {
    requireStaff(request);
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 1000, 1), 10_000);
    const reports = await listReports(db, { limit, before: url.searchParams.get('before') || undefined });
    const wantsCsv = url.searchParams.get('format') === 'csv' || /text\/csv/.test(request.headers.accept ?? '');
    await recordAudit(db, {
      at: clock(),
      actor: tokenActor,
      action: 'export',
      details: {
        via: 'token',
        format: wantsCsv ? 'csv' : 'json',
        count: reports.length,
        references: reports.map((report) => report.reference),
      },
    });
    if (wantsCsv) {
      sendText(response, 200, reportsToCsv(reports), 'text/csv; charset=utf-8', {
        'Content-Disposition': 'attachment; filename="reports.csv"',
        'Cache-Control': 'no-store',
      });
    } else {
      sendJson(response, 200, { reports });
    }
  }

  async function oneReport(request, response, reference) {
    requireStaff(request);
    const report = await findReport(db, reference);
    if (!report) throw new HttpError(404, `No report ${reference}.`);
    await recordAudit(db, { at: clock(), actor: tokenActor, action: 'report-viewed', reference });
    sendJson(response, 200, report);
  }

  /** GET /api/reports/{reference}/attachments/{id}: an evidence image, for the token export. */
  async function tokenEvidence(request, response, reference, attachmentId) {
    requireStaff(request);
    const { rows } = await db.query('SELECT id FROM reports WHERE reference = $1', [reference]);
    const image =
      rows[0] && uuidPattern.test(attachmentId)
        ? await readAttachment(db, rows[0].id, attachmentId.toLowerCase())
        : undefined;
    if (!image) throw new HttpError(404, 'No such image.');
    await recordAudit(db, {
      at: clock(),
      actor: tokenActor,
      action: 'evidence-viewed',
      reference,
      details: { attachment: attachmentId },
    });
    sendEvidence(response, image, attachmentId.toLowerCase());
  }

  async function services(response, url) {
    const all = JSON.parse(await readFile(resolvePackageFile(sampleFiles.services), 'utf8'));
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page')) || 50, 1), 500);
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const page = Math.min(Math.max(Number(url.searchParams.get('page')) || 1, 1), totalPages);
    const contents = all.slice((page - 1) * perPage, page * perPage);
    if (url.searchParams.get('format') === 'ndjson') {
      sendText(
        response,
        200,
        contents.map((service) => JSON.stringify(service)).join('\n') + '\n',
        'application/x-ndjson; charset=utf-8',
      );
      return;
    }
    sendJson(
      response,
      200,
      {
        total_items: all.length,
        total_pages: totalPages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page === totalPages,
        empty: contents.length === 0,
        contents,
      },
      { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
    );
  }

  async function sampleFile(response, specifier, contentType) {
    let path;
    try {
      path = resolvePackageFile(specifier);
    } catch {
      throw new HttpError(404, 'This sample data is not installed.');
    }
    const text = await readFile(path, 'utf8');
    sendText(response, 200, text, contentType, {
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    });
  }

  function decodePart(part) {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new HttpError(400, 'The path is not valid.');
    }
  }

  /** Handles /api/*; returns false for other paths. */
  return async function handleApi(request, response, url) {
    const { pathname } = url;
    if (!pathname.startsWith('/api/')) return false;
    try {
      const allowed = cors(request, response);
      if (request.method === 'OPTIONS') {
        response.writeHead(allowed ? 204 : 403).end();
        return true;
      }
      // HEAD is a GET without a body (Node leaves the body out by itself).
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const route = `${method} ${pathname}`;
      if (route === 'GET /api/services') await services(response, url);
      else if (route === 'GET /api/events.ics')
        await sampleFile(response, sampleFiles.eventsIcs, 'text/calendar; charset=utf-8');
      else if (route === 'GET /api/events.json')
        await sampleFile(response, sampleFiles.eventsJson, 'application/ld+json; charset=utf-8');
      else if (route === 'POST /api/reports') await receiveReport(request, response);
      else if (route === 'GET /api/reports') await exportReports(request, response, url);
      else if (pathname.startsWith('/api/reports/')) {
        const parts = pathname.slice('/api/reports/'.length).split('/').map(decodePart);
        if (parts.length === 3 && parts[1] === 'attachments' && method === 'PUT')
          await receiveAttachment(request, response, parts[0], parts[2]);
        else if (parts.length === 3 && parts[1] === 'attachments' && method === 'GET')
          await tokenEvidence(request, response, parts[0], parts[2]);
        else if (parts.length === 1 && method === 'GET') await oneReport(request, response, parts[0]);
        else if (parts.length === 1 && method === 'DELETE') await withdrawReport(request, response, parts[0]);
        else throw new HttpError(404, 'No such API endpoint.');
      } else if (route === 'GET /api/health') {
        await db.query('SELECT 1');
        sendJson(response, 200, { ok: true, database: db.kind });
      } else throw new HttpError(404, 'No such API endpoint.');
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(
          response,
          error.status,
          {
            error: error.message,
            ...(error.code ? { code: error.code } : {}),
            ...(error.details ? { details: error.details } : {}),
          },
          error.headers,
        );
      } else if (error?.code === 'ENOENT') {
        sendJson(response, 404, { error: 'This sample data is not installed.' });
      } else {
        // Never log request bodies: reports hold special-category personal data.
        console.error(`${request.method} ${pathname} failed: ${error?.message ?? error}`);
        if (!response.headersSent)
          sendJson(response, 500, { error: 'Server error; the report was not stored. Try again.' });
        else response.end();
      }
    }
    return true;
  };
}
