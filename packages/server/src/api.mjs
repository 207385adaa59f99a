/**
 * The API: services and events from the sample data, the report receiver, and the staff export.
 */
import { readFile } from 'node:fs/promises';
import { timingSafeEqual, createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { HttpError, clientAddress, readBody, sendJson, sendText } from './http.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { findReport, listReports, reportsToCsv, storeReport } from './reports.mjs';

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

export function createApi({ config, db, schema }) {
  const validator = new Validator(schema, '2020-12', false);
  const takeToken = createRateLimiter(config.rateLimit);
  const adminTokenHash = config.adminToken ? createHash('sha256').update(config.adminToken).digest() : undefined;

  function cors(request, response) {
    const origin = request.headers.origin;
    if (origin && config.allowedOrigins.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
      response.setHeader('Access-Control-Max-Age', '600');
      return true;
    }
    return false;
  }

  async function receiveReport(request, response) {
    const limit = takeToken(clientAddress(request, config.trustProxy));
    if (!limit.allowed) {
      throw new HttpError(429, 'Too many reports from this address; try again later.', {
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
      });
    }
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
    const stored = await storeReport(db, { key, report });
    if (stored.status === 'conflict') {
      throw new HttpError(409, 'A different report was already received under this Idempotency-Key.');
    }
    sendJson(response, stored.status === 'created' ? 201 : 200, { reference: stored.reference });
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
    sendJson(response, 200, report);
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
      else if (method === 'GET' && pathname.startsWith('/api/reports/')) {
        await oneReport(request, response, decodeURIComponent(pathname.slice('/api/reports/'.length)));
      } else if (route === 'GET /api/health') {
        await db.query('SELECT 1');
        sendJson(response, 200, { ok: true, database: db.kind });
      } else throw new HttpError(404, 'No such API endpoint.');
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(
          response,
          error.status,
          { error: error.message, ...(error.details ? { details: error.details } : {}) },
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
