/**
 * The demo pages: each shows a language switcher that works (the single-widget pages load
 * language-switcher.js next to their widget), points its feeds at `?lang={lang}`, keeps a visible
 * "sample data" notice, and no developer notes. In Chromium, against the real server: choosing
 * Українська on a page re-fetches its feeds in Ukrainian.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';

const publicDir = new URL('../public/', import.meta.url);
const dropIn = fileURLToPath(new URL('../../widgets/dist/cdn/open-city-widgets.js', import.meta.url));
// The privacy notice is a page of text the form links to: its only widget is the language switcher.
const demoPages = readdirSync(publicDir).filter((name) => name.endsWith('.html') && name !== 'privacy.html');
const read = (name) => readFileSync(new URL(name, publicDir), 'utf8');
const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&');
const tags = (html, element) => [...html.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const feedUrls = (html) => [
  ...tags(html, 'oc-service-finder').map((tag) => attribute(tag, 'src')),
  ...tags(html, 'oc-event-calendar').flatMap((tag) => attribute(tag, 'src').split(/\s+/)),
];

describe('the demo pages', () => {
  it('are the partner page and one page per widget', () => {
    assert.deepEqual(demoPages.sort(), [
      'event-calendar.html',
      'incident-report.html',
      'index.html',
      'language-switcher.html',
      'service-finder.html',
    ]);
  });

  for (const name of demoPages) {
    it(`${name}: a switcher with its script, {lang} feeds, a sample-data notice, no developer notes`, () => {
      const html = read(name);
      assert.ok(tags(html, 'oc-language-switcher').length >= 1, 'an <oc-language-switcher>');
      const scripts = tags(html, 'script').map((tag) => attribute(tag, 'src'));
      assert.ok(
        scripts.includes('/cdn/open-city-widgets.js') || scripts.includes('/cdn/language-switcher.js'),
        `a script that defines the switcher (has ${scripts.join(', ')})`,
      );
      for (const url of feedUrls(html)) assert.match(url, /[?&]lang=\{lang\}(&|$)/, `${url} asks for {lang}`);
      const note = /<p class="demo-note" role="note">([\s\S]*?)<\/p>/.exec(html);
      assert.ok(note, 'a visible demo note');
      assert.match(note[1], /przykładowe/, 'it says the data is sample data');
      assert.doesNotMatch(html, /Jeden plik:|<code>\/api\//, 'no developer notes');
    });
  }
});

describe(
  'the demo pages in Chromium',
  { skip: existsSync(dropIn) ? false : 'the drop-in build is missing: run npm run build' },
  () => {
    let db;
    let server;
    let base;
    let browser;
    before(async () => {
      db = await openDatabase({ dataDir: ':memory:' });
      server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema() });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${server.address().port}`;
      browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
    });
    after(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
      await db?.close();
    });

    for (const name of demoPages) {
      it(`${name}: choosing Українська in the switcher re-fetches the feeds in Ukrainian`, async () => {
        const page = await browser.newPage();
        const problems = [];
        page.on('pageerror', (error) => problems.push(error.message));
        const requested = [];
        page.on('request', (request) => requested.push(request.url()));
        await page.goto(`${base}/${name}`);
        await page.evaluate(() => localStorage.setItem('oc-locale', 'en'));
        const feeds = feedUrls(read(name));
        const inEnglish = feeds.map((url) =>
          page.waitForResponse((r) => r.url() === new URL(url.replace('{lang}', 'en'), base).href),
        );
        await page.reload();
        const switcher = page.locator('oc-language-switcher select').first();
        await switcher.waitFor();
        await Promise.all(inEnglish);
        const answers = feeds.map((url) =>
          page.waitForResponse((r) => r.url() === new URL(url.replace('{lang}', 'uk'), base).href),
        );
        await switcher.selectOption('uk');
        for (const answer of answers) {
          const response = await answer;
          assert.equal(response.status(), 200);
          assert.equal(response.headers()['content-language'], 'uk');
        }
        await page.waitForFunction(() =>
          [...globalThis.document.querySelectorAll('oc-language-switcher')].every((el) => el.lang === 'uk' || !el.lang),
        );
        assert.equal(await page.evaluate(() => localStorage.getItem('oc-locale')), 'uk');
        assert.deepEqual(problems, []);
        await page.close();
      });
    }
  },
);
