/**
 * Every demo page of the reference server (packages/server/public/*.html), in each supported
 * locale, through axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA): no violation. Best-practice
 * findings are printed apart and do not fail. The server is started as the server's own tests start
 * it (in memory), and the pages load the drop-in build from /cdn/, as an embedding site would.
 *
 *   node --test test/a11y/                 (after npm run build)
 *   OC_CDN_OUT=/tmp/cdn node --test test/a11y/   serve a build made elsewhere at /cdn/
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { localeLists } from '../../scripts/localize.mjs';
import { loadConfig } from '../../packages/server/src/config.mjs';
import { openDatabase } from '../../packages/server/src/db/database.mjs';
import { loadReportSchema } from '../../packages/server/src/api.mjs';
import { createApp } from '../../packages/server/src/app.mjs';

const publicDir = fileURLToPath(new URL('../../packages/server/public/', import.meta.url));
const cdnDir = process.env.OC_CDN_OUT ?? fileURLToPath(new URL('../../packages/widgets/dist/cdn/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pages = readdirSync(publicDir).filter((name) => name.endsWith('.html'));
const { sourceLocale, supported } = localeLists();
const locales = [sourceLocale, ...supported];
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Violations as lines: rule, impact, where, why. */
const describeFindings = (findings) =>
  findings.flatMap((finding) =>
    finding.nodes.map(
      (node) =>
        `${finding.id} (${finding.impact}): ${node.target.join(' → ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? finding.help}`,
    ),
  );

describe(
  'demo pages through axe, in every supported locale',
  {
    skip: existsSync(join(cdnDir, 'open-city-widgets.js')) ? false : `no drop-in build in ${cdnDir}: run npm run build`,
  },
  () => {
    let db;
    let server;
    let base;
    let browser;
    const bestPractice = new Map();

    before(async () => {
      db = await openDatabase({ dataDir: ':memory:' });
      server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema() });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${server.address().port}`;
      browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
    });

    after(async () => {
      for (const [rule, where] of bestPractice)
        console.log(`best practice (not failing): ${rule} on ${[...where].join(', ')}`);
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
      await db?.close();
    });

    /** A page in a locale, once every widget on it shows that locale and has rendered. */
    async function open(name, locale) {
      // axe is injected as a script, which the pages' strict CSP would refuse.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await context.addInitScript((chosen) => localStorage.setItem('oc-locale', chosen), locale);
      if (process.env.OC_CDN_OUT) {
        await context.route('**/cdn/**', async (route) => {
          const path = normalize(join(cdnDir, new URL(route.request().url()).pathname.slice('/cdn/'.length)));
          if (!path.startsWith(normalize(cdnDir)) || !existsSync(path)) return route.fulfill({ status: 404 });
          await route.fulfill({ path, contentType: 'text/javascript' });
        });
      }
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/${name}`);
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(
        (chosen) =>
          [...globalThis.document.querySelectorAll('*')]
            .filter((element) => element.localName.startsWith('oc-'))
            .every(
              (element) =>
                element.lang === chosen &&
                element.shadowRoot?.childElementCount > 0 &&
                !element.shadowRoot.querySelector('[aria-busy="true"], .loading'),
            ),
        locale,
        { timeout: 20_000 },
      );
      return { page, context, errors };
    }

    for (const name of pages) {
      for (const locale of locales) {
        it(`${name} in ${locale}: no WCAG 2.2 A/AA violation`, async () => {
          const { page, context, errors } = await open(name, locale);
          try {
            await page.addScriptTag({ content: axeSource });
            const results = await page.evaluate(async (tags) => {
              const run = (values) => globalThis.axe.run(globalThis.document, { runOnly: { type: 'tag', values } });
              const [strict, advice] = [await run(tags), await run(['best-practice'])];
              return { violations: strict.violations, advice: advice.violations, passes: strict.passes.length };
            }, wcag);
            for (const finding of results.advice) {
              if (!bestPractice.has(finding.id)) bestPractice.set(finding.id, new Set());
              bestPractice.get(finding.id).add(`${name} (${locale})`);
            }
            assert.ok(results.passes > 10, 'axe checked the page');
            assert.deepEqual(describeFindings(results.violations), []);
            assert.deepEqual(errors, [], 'no uncaught error on the page');
          } finally {
            await context.close();
          }
        });
      }
    }
  },
);
