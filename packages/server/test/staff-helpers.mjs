/**
 * Helpers of the staff tests: a server on loopback with a clock the test moves, accounts made as
 * the CLI makes them, a signed-in client that keeps its cookie and CSRF token, and small images.
 */
import { createHash } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import { loadConfig } from '../src/config.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';
import { createAccount } from '../src/staff/accounts.mjs';
import { base32Decode, totp } from '../src/staff/totp.mjs';

export const adminToken = 'test-admin-token-0123456789';

/** A clock that stands still until the test moves it. */
export function fakeClock(start = new Date('2026-11-24T09:00:00Z')) {
  let now = start.getTime();
  const clock = () => new Date(now);
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (date) => {
    now = new Date(date).getTime();
  };
  return clock;
}

export async function startServer({ db, env = {}, clock = () => new Date(), port = 0 }) {
  const config = loadConfig({ ADMIN_TOKEN: adminToken, RATE_LIMIT_MAX: '1000', ...env });
  const server = createApp({ config, db, schema: await loadReportSchema(), clock });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, config, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A free TCP port on loopback, for a server whose address must be known before it starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export async function addAccount(db, { email, password = 'a long staff password', role = 'moderator', ...rest }) {
  await createAccount(db, { email, password, role, mustChange: false, ...rest });
  return { email, password };
}

export const sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex');

export function codeFor(secret, at) {
  return totp(base32Decode(secret), at);
}

/** A browser-like client of one server: keeps the session cookie, sends the CSRF token. */
export function staffClient(base) {
  let cookie;
  let csrf;
  const client = {
    get cookie() {
      return cookie;
    },
    get csrf() {
      return csrf;
    },
    setCsrf(value) {
      csrf = value;
    },
    setCookie(value) {
      cookie = value;
    },
    async request(method, path, { body, headers = {}, withCsrf = true } = {}) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(cookie ? { Cookie: cookie } : {}),
          ...(withCsrf && csrf ? { 'X-CSRF-Token': csrf } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        const pair = setCookie.split(';')[0];
        cookie = pair.endsWith('=') ? undefined : pair;
      }
      return response;
    },
    async signIn(email, password, extra = {}) {
      const response = await client.request('POST', '/staff/api/session', { body: { email, password, ...extra } });
      if (response.ok) csrf = (await response.clone().json()).csrfToken;
      return response;
    },
  };
  return client;
}

// A 4×4 PNG and a 1×1 JPEG, as a canvas writes them: no metadata.
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IScHRwzEcQCxYxBBO0tjggAAAABJRU5ErkJggg==',
  'base64',
);
export const jpegBytes = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);

/** A JPEG that still carries an EXIF block (as a phone camera writes it). */
export function jpegWithExif() {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08\0\0', 'latin1')]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([0, exif.length + 2]), exif]);
  return Buffer.concat([jpegBytes.subarray(0, 2), segment, jpegBytes.subarray(2)]);
}

export function putAttachment(base, reportId, attachmentId, bytes, type = 'image/png') {
  return fetch(`${base}/api/reports/${reportId}/attachments/${attachmentId}`, {
    method: 'PUT',
    headers: { 'Content-Type': type },
    body: bytes,
  });
}

export function postReport(base, report, headers = {}) {
  return fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': report.id, ...headers },
    body: JSON.stringify(report),
  });
}
