/**
 * The demo pages' own texts follow the visitor's language, as the widgets do. Every text of the
 * pages carries a key (data-text, data-text-label, data-text-content) and keeps its Polish text in
 * the HTML; public/demo-texts.js holds each key in every supported locale. In Chromium, against
 * the real server: choosing Українська, العربية or فارسی in a page's language switcher changes
 * the heading, the notice and every other marked text, the title, and <html lang dir>.
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
const pages = readdirSync(publicDir)
  .filter((name) => name.endsWith('.html'))
  .sort();
const read = (name) => readFileSync(new URL(name, publicDir), 'utf8');
const plain = (text) =>
  text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replace(/\s+/g, ' ').trim();

/** Every marked text of a page as written in its HTML: [kind, key, Polish text]. */
function markedTexts(html) {
  const found = [];
  for (const m of html.matchAll(/<(\w+)\b[^>]*\sdata-text="([^"]+)"[^>]*>([\s\S]*?)<\/\1\s*>/g)) {
    found.push(['text', m[2], plain(m[3])]);
  }
  for (const m of html.matchAll(/<\w+\b[^>]*>/g)) {
    const tag = m[0];
    const label = /\sdata-text-label="([^"]+)"/.exec(tag);
    if (label) found.push(['aria-label', label[1], plain(/\saria-label="([^"]*)"/.exec(tag)?.[1] ?? '')]);
    const content = /\sdata-text-content="([^"]+)"/.exec(tag);
    if (content) found.push(['content', content[1], plain(/\scontent="([^"]*)"/.exec(tag)?.[1] ?? '')]);
  }
  return found;
}

describe('the demo pages’ own texts, in the HTML', () => {
  it('are six pages, each loading demo-texts.js', () => {
    assert.equal(pages.length, 6);
    for (const name of pages) {
      assert.match(read(name), /<script type="module" src="\/demo-texts\.js"><\/script>/, name);
    }
  });

  for (const name of pages) {
    it(`${name}: the title, the h1 and the notice carry keys, and no text is left unmarked`, () => {
      const html = read(name);
      assert.match(html, /<title data-text="[^"]+">/, 'the title');
      assert.match(html, /<h1 data-text="[^"]+">/, 'the h1');
      assert.match(html, /<p class="demo-note" role="note">\s*<span data-text="[^"]+"\s*>/, 'the demo notice');
      // Take out the marked elements, the hidden logo mark and the code sample: no words may be left.
      const rest = html
        .replace(/<(\w+)\b[^>]*\sdata-text="[^"]+"[^>]*>[\s\S]*?<\/\1\s*>/g, '')
        .replace(/<(\w+)\b[^>]*\saria-hidden="true"[^>]*>[\s\S]*?<\/\1\s*>/g, '')
        .replace(/<pre>[\s\S]*?<\/pre>/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<[^>]+>/g, '')
        .replace(/[·.,:\s]+/g, ' ')
        .replace(/[…]/g, '')
        .trim();
      assert.equal(rest, '', `text without a key in ${name}`);
    });
  }

  it('demo-texts.js writes with textContent and attributes only, never as HTML', () => {
    const source = readFileSync(new URL('demo-texts.js', publicDir), 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    assert.match(source, /from '\/cdn\/open-city-widgets\.js'/, 'the library’s public API');
  });
});

describe(
  'the demo pages’ own texts in Chromium',
  { skip: existsSync(dropIn) ? false : 'the drop-in build is missing: run npm run build' },
  () => {
    let db;
    let server;
    let base;
    let browser;
    let texts;
    let locales;
    let supported;
    before(async () => {
      db = await openDatabase({ dataDir: ':memory:' });
      server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema() });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${server.address().port}`;
      browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
      const page = await browser.newPage();
      await page.goto(`${base}/privacy.html`);
      ({ texts, locales, supported } = await page.evaluate(async () => {
        const module = await import('/demo-texts.js');
        const library = await import('/cdn/open-city-widgets.js');
        return { texts: module.texts, locales: module.locales, supported: [...library.supportedLocales] };
      }));
      await page.close();
    });
    after(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
      await db?.close();
    });

    it('the module speaks every locale the library supports, twelve with ar and fa', () => {
      assert.deepEqual([...locales].sort(), [...supported].sort());
      assert.equal(locales.length, 12);
      assert.ok(locales.includes('ar') && locales.includes('fa'));
    });

    it('every key has a non-empty text in all twelve languages, each different from the Polish', () => {
      const problems = [];
      for (const [key, entry] of Object.entries(texts)) {
        assert.deepEqual(Object.keys(entry).sort(), [...locales].sort(), `${key}: exactly the twelve locales`);
        for (const locale of locales) {
          if (typeof entry[locale] !== 'string' || entry[locale].trim() === '') problems.push(`${key} ${locale}`);
          else if (locale !== 'pl' && entry[locale] === entry.pl) problems.push(`${key} ${locale} is the Polish text`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('the demo notice says, in every language, that the data is sample data (kept from the Polish)', () => {
      assert.match(texts.notice.pl, /fikcyjna.*przykładowe.*prawdziwe/s);
      assert.match(texts.notice.en, /fictional.*sample data.*real/s);
    });

    for (const name of pages) {
      it(`${name}: every key in the HTML is in the module, with the HTML's Polish text as its pl`, () => {
        const marked = markedTexts(read(name));
        assert.ok(marked.length >= 3, `${name} has marked texts`);
        for (const [kind, key, polish] of marked) {
          assert.ok(texts[key], `${name}: ${kind} key "${key}" is in demo-texts.js`);
          assert.equal(plain(texts[key].pl), polish, `${name}: "${key}" pl matches the HTML fallback`);
        }
      });
    }

    for (const name of pages) {
      for (const locale of ['uk', 'ar', 'fa']) {
        it(`${name}: choosing ${locale} in its switcher puts every page text in ${locale}`, async () => {
          const page = await browser.newPage();
          const problems = [];
          page.on('pageerror', (error) => problems.push(error.message));
          page.on('console', (message) => {
            if (/Content Security Policy|Trusted ?Type/i.test(message.text())) problems.push(message.text());
          });
          await page.goto(`${base}/${name}`);
          await page.evaluate(() => localStorage.removeItem('oc-locale'));
          await page.reload();
          const heading = await page.locator('h1').getAttribute('data-text');
          const notice = await page.locator('.demo-note [data-text]').getAttribute('data-text');
          assert.equal(await page.locator('h1').textContent(), texts[heading].pl, 'Polish first');

          const switcher = page.locator('oc-language-switcher select').first();
          await switcher.waitFor();
          await switcher.selectOption(locale);
          await page.waitForFunction(
            ([text]) => globalThis.document.querySelector('h1').textContent === text,
            [texts[heading][locale]],
          );
          assert.equal(await page.locator('.demo-note [data-text]').textContent(), texts[notice][locale], 'the notice');

          const state = await page.evaluate(() => {
            const { document } = globalThis;
            return {
              lang: document.documentElement.lang,
              dir: document.documentElement.dir,
              title: document.title,
              titleKey: document.querySelector('title').dataset.text,
              elements: [...document.querySelectorAll('[data-text]')].map((el) => ({
                key: el.dataset.text,
                text: el.localName === 'title' ? document.title : el.textContent,
                lang: el.lang,
              })),
              labels: [...document.querySelectorAll('[data-text-label]')].map((el) => ({
                key: el.dataset.textLabel,
                text: el.getAttribute('aria-label'),
              })),
              contents: [...document.querySelectorAll('[data-text-content]')].map((el) => ({
                key: el.dataset.textContent,
                text: el.getAttribute('content'),
              })),
            };
          });
          assert.equal(state.lang, locale, '<html lang>');
          assert.equal(state.dir, locale === 'uk' ? 'ltr' : 'rtl', '<html dir>');
          assert.equal(state.title, texts[state.titleKey][locale], 'document.title');
          for (const { key, text, lang } of state.elements) {
            assert.notEqual(plain(text), plain(texts[key].pl), `"${key}" still Polish`);
            assert.equal(text, texts[key][locale], `"${key}" in ${locale}`);
            assert.equal(lang, locale, `"${key}" has lang=${locale}`);
          }
          for (const { key, text } of [...state.labels, ...state.contents]) {
            assert.equal(text, texts[key][locale], `attribute "${key}" in ${locale}`);
          }
          assert.deepEqual(problems, []);
          await page.close();
        });
      }
    }

    it('index.html: switching back to pl restores the Polish texts and ltr', async () => {
      const page = await browser.newPage();
      await page.goto(`${base}/index.html`);
      await page.evaluate(() => localStorage.setItem('oc-locale', 'fa'));
      await page.reload();
      await page.waitForFunction(() => globalThis.document.documentElement.dir === 'rtl');
      await page.locator('oc-language-switcher select').first().selectOption('pl');
      await page.waitForFunction(() => globalThis.document.documentElement.lang === 'pl');
      assert.equal(await page.locator('h1').textContent(), texts['index.heading'].pl);
      assert.equal(await page.evaluate(() => globalThis.document.documentElement.dir), 'ltr');
      assert.equal(await page.locator('#active-locale').getAttribute('lang'), 'pl');
      await page.close();
    });
  },
);
