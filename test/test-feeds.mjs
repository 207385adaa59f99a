/**
 * Endpoints the browser tests fetch, so that feed loading is tested over real HTTP:
 *   /test-feed/json?lang=..          a small JSON feed that echoes the language in the URL
 *   /test-feed/status/<code>          answers with that status
 *   /test-feed/flaky/<key>?fail=N     N answers of 500 for <key>, then 200
 *   /test-feed/slow?ms=N              answers after N ms
 *   /test-feed/large?bytes=N[&hide-length]  N bytes, with or without Content-Length
 *   /test-feed/count/<key>            how many requests /test-feed/json?key=<key> has had
 * and, to put two builds of the library on one test page, the drop-in build under other URLs:
 *   /second-build/<file>              packages/widgets/dist/cdn/<file> as it is
 *   /other-version/<file>             the same, claiming to be version 9.9.9
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const attempts = new Map();
const dropInDir = new URL('../packages/widgets/dist/cdn/', import.meta.url).pathname;
const { version } = JSON.parse(await readFile(new URL('../packages/core/package.json', import.meta.url), 'utf8'));
const hits = new Map();

export function testFeedMiddleware() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    const copy = url.pathname.match(/^\/(second-build|other-version)\/(.+)$/);
    if (copy) {
      const file = normalize(join(dropInDir, copy[2]));
      if (!file.startsWith(dropInDir)) return next();
      let code = await readFile(file, 'utf8');
      if (copy[1] === 'other-version') code = code.replaceAll(`"${version}"`, '"9.9.9"');
      ctx.type = 'text/javascript';
      ctx.body = code;
      return;
    }
    if (!url.pathname.startsWith('/test-feed/')) return next();
    const [, , kind, arg] = url.pathname.split('/');
    ctx.set('Cache-Control', 'no-store');
    switch (kind) {
      case 'json': {
        const key = url.searchParams.get('key');
        if (key) hits.set(key, (hits.get(key) ?? 0) + 1);
        const delay = Number(url.searchParams.get('ms') ?? 0);
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ lang: url.searchParams.get('lang'), items: [1, 2, 3] });
        return;
      }
      case 'count':
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ hits: hits.get(arg) ?? 0 });
        return;
      case 'status': {
        ctx.status = Number(arg);
        if (url.searchParams.has('retry-after')) ctx.set('Retry-After', url.searchParams.get('retry-after'));
        ctx.body = 'error';
        return;
      }
      case 'flaky': {
        const seen = attempts.get(arg) ?? 0;
        attempts.set(arg, seen + 1);
        if (seen < Number(url.searchParams.get('fail') ?? 1)) {
          ctx.status = 500;
          ctx.body = 'try later';
          return;
        }
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ attempts: seen + 1, items: [] });
        return;
      }
      case 'slow': {
        await new Promise((resolve) => setTimeout(resolve, Number(url.searchParams.get('ms') ?? 1000)));
        ctx.type = 'application/json';
        ctx.body = '{"slow":true}';
        return;
      }
      case 'large': {
        const size = Number(url.searchParams.get('bytes') ?? 1000);
        const body = Buffer.alloc(size, 'a');
        ctx.type = 'text/plain';
        if (url.searchParams.has('hide-length')) {
          const { Readable } = await import('node:stream');
          ctx.body = Readable.from([body.subarray(0, size / 2), body.subarray(size / 2)]);
        } else {
          ctx.body = body;
        }
        return;
      }
      default:
        ctx.status = 404;
    }
  };
}
