import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setSecurityHeaders } from './security-headers.mjs';
import { serveFile } from './static-files.mjs';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const dropInDir = fileURLToPath(new URL('../../widgets/dist/cdn/', import.meta.url));

/**
 * The demo site: the partner page in public/, and the drop-in build under /cdn/ exactly as an
 * embedding site loads it from a CDN.
 */
export function createApp() {
  return createServer(async (request, response) => {
    try {
      setSecurityHeaders(response);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      const served = pathname.startsWith('/cdn/')
        ? await serveFile(request, response, dropInDir, pathname.slice('/cdn/'.length))
        : await serveFile(request, response, publicDir, pathname.slice(1));
      if (!served) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      }
    } catch (error) {
      console.error('Request failed:', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Server error\n');
    }
  });
}
