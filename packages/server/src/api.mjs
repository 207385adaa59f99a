/**
 * The API: services and events from the sample data, the report receiver, and the staff export.
 */
import { readFile } from 'node:fs/promises';
import { timingSafeEqual, createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { HttpError, clientAddress, readBody, readBodyBytes, sendJson, sendText } from './http.mjs';
import {
  deleteReport,
  findReport,
  listReports,
  reportsToCsv,
  requestOrigin,
  storeReport,
  withEvidenceLinks,
} from './reports.mjs';
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
import { contentLanguageHeader, requestedLanguage } from './content/languages.mjs';
import { createServicesFeed } from './content/services-feed.mjs';
import { buildIcs, buildJsonLd, loadEventsTemplate } from './content/events-feed.mjs';

const resolvePackageFile = (specifier) => fileURLToPath(import.meta.resolve(specifier));

export async function loadReportSchema() {
  return JSON.parse(
    await readFile(resolvePackageFile('@open-city/incident-report/schema/incident-report.schema.json'), 'utf8'),
  );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (text) => createHash('sha256').update(text).digest();

/**
 * `limiter` is the database's rate limiter (rate-limit.mjs), shared by every process; `clock`
 * gives the time (a parameter, so that tests can move it).
 */
export function createApi({ config, db, schema, limiter, clock = () => new Date(), servicesFeed }) {
  const validator = new Validator(schema, '2020-12', false);
  const emailMaxLength = schema?.properties?.contact?.properties?.email?.maxLength ?? 254;
  const servicesIn = servicesFeed ?? createServicesFeed();
  let eventsTemplate;
  const { max, windowMs } = config.rateLimit;
  // Evidence: up to 5 images come with each report, and each may be sent again after a failure.
  const limits = {
    report: { max, windowMs },
    attachment: { max: max * 10, windowMs },
    withdrawal: { max, windowMs },
  };
  async function limit(kind, request) {
    const result = await limiter.take(kind, clientAddress(request, config.trustProxy), limits[kind]);
    if (!result.allowed) throw tooMany(result);
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

  const tooMany = ({ retryAfterSeconds }) =>
    new HttpError(429, 'Too many requests from this address; try again later.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });

  /**
   * POST /api/reports. The rate-limit hit of a valid report is counted in the statement that
   * stores it (one write a report: reports.mjs); a request refused for any other reason counts
   * its hit before the answer, so every request counts once and a client over its limit hears
   * 429 whatever it sent, as when the hit came first. A client this process already saw over its
   * limit is answered at once, its body unread.
   */
  async function receiveReport(request, response) {
    const address = clientAddress(request, config.trustProxy);
    const known = await limiter.refusal('report', address);
    if (known) throw tooMany(known);
    let key;
    let report;
    try {
      ({ key, report } = await readReport(request));
    } catch (error) {
      await limit('report', request);
      throw error;
    }
    const now = clock();
    const stored = await storeReport(db, {
      key,
      report,
      now,
      audit: {
        actor: reporterActor,
        action: 'report-received',
        details: { evidence: report.attachments?.length ?? 0 },
      },
      limit: await limiter.hit('report', address, limits.report),
    });
    if (stored.status === 'limited') throw tooMany(stored);
    if (stored.status === 'conflict') {
      throw new HttpError(409, 'A different report was already received under this Idempotency-Key.');
    }
    sendJson(response, stored.status === 'created' ? 201 : 200, { reference: stored.reference });
  }

  /** A report's request read and checked: `{ key, report }`, or the HttpError that says why not. */
  async function readReport(request) {
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
    // Lengths first: no pattern ever runs over an oversize value (the schema checks them again).
    const email = report?.contact?.email;
    if (typeof email === 'string' && email.length > emailMaxLength) {
      throw new HttpError(422, 'The report does not match the report schema.', {
        details: [`/contact/email: longer than ${emailMaxLength} characters`],
      });
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
    return { key, report };
  }

  /** PUT /api/reports/{reportId}/attachments/{attachmentId}: one evidence image, before its report. */
  async function receiveAttachment(request, response, rawReportId, rawAttachmentId) {
    await limit('attachment', request);
    const reportId = decodePart(rawReportId);
    const attachmentId = decodePart(rawAttachmentId);
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
  async function withdrawReport(request, response, rawReference) {
    await limit('withdrawal', request);
    const reference = decodePart(rawReference);
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
    const limit = integerParam(url, 'limit', { fallback: 1000, min: 1, max: 10_000 });
    const before = instantParam(url, 'before');
    const format = choiceParam(url, 'format', ['json', 'csv'], undefined);
    // Each evidence image as a link, fetched with the same token (GET /api/reports/{ref}/attachments/{id}).
    const reports = withEvidenceLinks(
      await listReports(db, { limit, before }),
      `${requestOrigin(request, config.trustProxy)}/api/reports`,
    );
    const wantsCsv = format === 'csv' || (format === undefined && /text\/csv/.test(request.headers.accept ?? ''));
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

  async function oneReport(request, response, rawReference) {
    requireStaff(request);
    const reference = decodePart(rawReference);
    const found = await findReport(db, reference);
    if (!found) throw new HttpError(404, `No report ${reference}.`);
    const [report] = withEvidenceLinks([found], `${requestOrigin(request, config.trustProxy)}/api/reports`);
    await recordAudit(db, { at: clock(), actor: tokenActor, action: 'report-viewed', reference });
    sendJson(response, 200, report);
  }

  /** GET /api/reports/{reference}/attachments/{id}: an evidence image, for the token export. */
  async function tokenEvidence(request, response, rawReference, rawAttachmentId) {
    requireStaff(request);
    const reference = decodePart(rawReference);
    const attachmentId = decodePart(rawAttachmentId);
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
    const language = requestedLanguage(url);
    const format = choiceParam(url, 'format', ['json', 'ndjson'], 'json');
    const { services: all, languagesById } = await servicesIn(language);
    // NDJSON streams every result unless a page is asked for (HSDS API: "format=ndjson ... without
    // pagination"); JSON pages by 50 unless `per_page` says otherwise.
    const paged = format === 'json' || url.searchParams.has('per_page') || url.searchParams.has('page');
    const perPage = paged ? integerParam(url, 'per_page', { fallback: 50, min: 1, max: 500 }) : Math.max(all.length, 1);
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const page = Math.min(integerParam(url, 'page', { fallback: 1, min: 1 }), totalPages);
    const contents = all.slice((page - 1) * perPage, page * perPage);
    const pageLink = (number, rel) => {
      const next = new URL(url.pathname + url.search, 'http://localhost');
      next.searchParams.set('page', String(number));
      next.searchParams.set('per_page', String(perPage));
      return `<${next.pathname}${next.search}>; rel="${rel}"`;
    };
    const links = [];
    if (paged && page < totalPages) links.push(pageLink(page + 1, 'next'));
    if (paged && page > 1) links.push(pageLink(page - 1, 'prev'));
    const headers = {
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Link, Content-Language',
      'Content-Language':
        contentLanguageHeader(new Set(contents.flatMap((service) => [...languagesById.get(service.id)])), language) ||
        language,
      ...(links.length ? { Link: links.join(', ') } : {}),
    };
    if (format === 'ndjson') {
      sendText(
        response,
        200,
        contents.map((service) => `${JSON.stringify(service)}\n`).join(''),
        'application/x-ndjson; charset=utf-8',
        headers,
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
      headers,
    );
  }

  async function events(response, url, format) {
    const language = requestedLanguage(url);
    eventsTemplate ??= loadEventsTemplate().catch((error) => {
      eventsTemplate = undefined;
      throw error;
    });
    const template = await eventsTemplate;
    const headers = (languages) => ({
      // Made from today's date: a day's answers are the same, the next day's may differ.
      'Cache-Control': 'public, max-age=3600',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Content-Language',
      'Content-Language': contentLanguageHeader(languages, language),
    });
    if (format === 'ics') {
      const { text, languages } = buildIcs(template, language, clock());
      sendText(response, 200, text, 'text/calendar; charset=utf-8', headers(languages));
    } else {
      const { document, languages } = buildJsonLd(template, language, clock());
      sendText(response, 200, JSON.stringify(document), 'application/ld+json; charset=utf-8', headers(languages));
    }
  }

  /**
   * The routes under /api/ and the methods each answers; a known path with another method is a 405
   * with `Allow`. `{}` stands for one path segment, still percent-encoded: each handler decodes it
   * only after its own checks (the staff routes after the token), so that a bad encoding answers 400
   * to whoever may ask, and 401 to anyone else.
   */
  const routes = [
    { path: ['services'], methods: { GET: (request, response, url) => services(response, url) } },
    { path: ['events.ics'], methods: { GET: (request, response, url) => events(response, url, 'ics') } },
    { path: ['events.json'], methods: { GET: (request, response, url) => events(response, url, 'json') } },
    { path: ['health'], methods: { GET: (request, response) => health(response) } },
    {
      path: ['reports'],
      methods: { GET: exportReports, POST: (request, response) => receiveReport(request, response) },
    },
    {
      path: ['reports', '{}'],
      methods: {
        GET: (request, response, url, [reference]) => oneReport(request, response, reference),
        DELETE: (request, response, url, [reference]) => withdrawReport(request, response, reference),
      },
    },
    {
      path: ['reports', '{}', 'attachments', '{}'],
      methods: {
        GET: (request, response, url, [reference, id]) => tokenEvidence(request, response, reference, id),
        PUT: (request, response, url, [reportId, id]) => receiveAttachment(request, response, reportId, id),
      },
    },
  ];

  function findRoute(pathname) {
    const segments = pathname.slice('/api/'.length).split('/');
    for (const route of routes) {
      if (route.path.length !== segments.length) continue;
      const parts = [];
      if (
        route.path.every((name, i) =>
          name === '{}' ? segments[i] !== '' && parts.push(segments[i]) : name === segments[i],
        )
      )
        return { route, parts };
    }
    return undefined;
  }

  const allowed = (route) => {
    const methods = Object.keys(route.methods);
    return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  };

  async function health(response) {
    await db.query('SELECT 1');
    sendJson(response, 200, { ok: true, database: db.kind });
  }

  /** Handles /api/*; returns false for other paths. */
  return async function handleApi(request, response, url) {
    const { pathname } = url;
    if (!pathname.startsWith('/api/')) return false;
    try {
      const allowedOrigin = cors(request, response);
      const found = findRoute(pathname);
      if (request.method === 'OPTIONS') {
        if (found) response.setHeader('Allow', allowed(found.route));
        response.writeHead(allowedOrigin ? 204 : 403).end();
        return true;
      }
      if (!found) throw new HttpError(404, 'No such API endpoint.');
      // HEAD is a GET without a body (Node leaves the body out by itself).
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const handler = Object.hasOwn(found.route.methods, method) ? found.route.methods[method] : undefined;
      if (!handler) {
        throw new HttpError(405, `${request.method} is not allowed here.`, {
          headers: { Allow: allowed(found.route) },
          code: 'method-not-allowed',
        });
      }
      await handler(request, response, url, found.parts);
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
      } else if (error?.code === 'ENOENT' || error?.code === 'ERR_MODULE_NOT_FOUND') {
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

/** A path segment, percent-decoded; a bad encoding is a 400. */
export function decodePart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, 'The path is not valid: it has a broken percent-encoding.', { code: 'bad-path' });
  }
}

/** One query parameter, at most once. */
function singleParam(url, name) {
  const values = url.searchParams.getAll(name);
  if (values.length > 1) throw new HttpError(400, `Give ${name} at most once.`, { code: 'bad-query' });
  return values.length === 1 && values[0] !== '' ? values[0] : undefined;
}

/** A whole number from the query: absent gives `fallback`, above `max` is capped, anything else is a 400. */
export function integerParam(url, name, { fallback, min = 1, max = Number.MAX_SAFE_INTEGER }) {
  const raw = singleParam(url, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < min) {
    throw new HttpError(400, `${name} must be a whole number of at least ${min}.`, { code: 'bad-query' });
  }
  return Math.min(Number(raw), max);
}

function choiceParam(url, name, choices, fallback) {
  const raw = singleParam(url, name);
  if (raw === undefined) return fallback;
  if (!choices.includes(raw)) {
    throw new HttpError(400, `${name} must be one of: ${choices.join(', ')}.`, { code: 'bad-query' });
  }
  return raw;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time from the query, as an ISO instant; anything else is a 400. */
export function instantParam(url, name) {
  const raw = singleParam(url, name);
  if (raw === undefined) return undefined;
  const time = isoInstant.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new HttpError(400, `${name} must be an ISO 8601 time, such as 2026-11-24T10:00:00Z.`, { code: 'bad-query' });
  }
  return new Date(time).toISOString();
}
