import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createApi } from './api.mjs';
import { createRateLimiter } from './rate-limit.mjs';
import { createKeyHasher } from './server-secrets.mjs';
import { setSecurityHeaders } from './security-headers.mjs';
import { createStaffApi } from './staff/staff-api.mjs';
import { serveFile } from './static-files.mjs';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const dropInDir = fileURLToPath(new URL('../../widgets/dist/cdn/', import.meta.url));

/**
 * The whole server: the API under /api/, the staff console under /staff/, the drop-in build under
 * /cdn/ exactly as an embedding site loads it from a CDN, and the demo partner pages from public/.
 * `api` is left out when there is no database (the static demo only). `clock` gives the time to
 * everything that stores or compares one, so that tests can move it.
 */
export function createApp({ config, db, schema, clock = () => new Date() } = {}) {
  const limiter = db ? createRateLimiter(db, { clock, hashKey: createKeyHasher(db) }) : undefined;
  const handleApi = db ? createApi({ config, db, schema, limiter, clock }) : undefined;
  const handleStaff = db ? createStaffApi({ config, db, clock, limiter }) : undefined;
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = config.http;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // How often Node looks for requests past these time-outs: often enough to keep to them.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeoutMs / 4)),
    },
    async (request, response) => {
      try {
        setSecurityHeaders(response);
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (handleApi && (await handleApi(request, response, url))) return;
        if (handleStaff && (await handleStaff(request, response, url))) return;
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          response.writeHead(405, { Allow: 'GET, HEAD' }).end();
          return;
        }
        const { pathname } = url;
        const served = pathname.startsWith('/cdn/')
          ? await serveFile(request, response, dropInDir, pathname.slice('/cdn/'.length))
          : await serveFile(request, response, publicDir, pathname.slice(1));
        if (!served) {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        }
      } catch (error) {
        console.error(`${request.method} ${request.url} failed: ${error?.message ?? error}`);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('Server error\n');
      }
    },
  );
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.maxConnections = maxConnections;
  return server;
}
