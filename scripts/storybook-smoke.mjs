#!/usr/bin/env node
/**
 * Storybook as a test. Builds Storybook once, serves it statically, and in one headless Chromium
 * opens every story in every supported locale (core's `supportedLocales`, read from its source):
 * - the story must render (an element with a shadow root that has content) and throw nothing;
 * - its play function must pass: a thrown error or a failed `expect` fails the check;
 * - axe-core audits it against WCAG 2.0, 2.1 and 2.2 A and AA (tags below): any violation fails,
 *   unless it is in .storybook/a11y-known-violations.mjs (each entry with its reason; an entry
 *   that matches nothing fails too). Best-practice findings are printed apart and do not fail.
 * Pages are reused: one page load per locale and worker, then each story is selected through the
 * preview's own API (as the Storybook manager does), so a run costs a render, not a page load.
 * A story that pins its own locale (`globals: { locale }`) is run once, in that locale.
 *
 * `node scripts/storybook-smoke.mjs [--no-build] [--story=<substring>] [--locale=pl,uk]`
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';
import { root, run } from './run.mjs';
import { serveFile } from '../packages/server/src/static-files.mjs';
import { knownViolations } from '../.storybook/a11y-known-violations.mjs';

const outDir = process.env.OC_STORYBOOK_DIR ?? `${root}.cache/storybook-static`;

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The locales the library ships: core's `supportedLocales`, from its source (never a copy of the list). */
export function supportedLocales() {
  const source = readFileSync(join(root, 'packages/core/src/locale/locales.ts'), 'utf8');
  const list = /export const supportedLocales\s*=\s*\[([^\]]*)\]/.exec(source)?.[1];
  const locales = [...(list ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1]);
  if (locales.length === 0) throw new Error('Could not read supportedLocales from packages/core/src/locale/locales.ts');
  return locales;
}

/** Listens to the preview's channel from the first moment, so no event of the first story is missed. */
const channelSpy = () => {
  const names = [
    'storyFinished',
    'storyErrored',
    'storyMissing',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
  ];
  const hooked = new WeakSet();
  window.__ocStoryEvents = [];
  let value;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => value,
    set(channel) {
      value = channel;
      if (!channel || hooked.has(channel)) return;
      hooked.add(channel);
      for (const name of names)
        channel.on(name, (...args) => {
          let detail;
          try {
            detail = JSON.parse(JSON.stringify(args));
          } catch {
            detail = [String(args[0])];
          }
          window.__ocStoryEvents.push({ name, args: detail });
        });
    },
  });
};

/** Resolves once the story's shadow roots stop changing (a feed loaded, a lazy view shown), or after `ms`. */
const settle = async (ms) => {
  const fingerprint = () => {
    let text = '';
    const walk = (node) => {
      for (const element of node.querySelectorAll('*'))
        if (element.shadowRoot) {
          text += `${element.localName}:${element.shadowRoot.textContent.length}/${element.shadowRoot.querySelectorAll('*').length};`;
          walk(element.shadowRoot);
        }
    };
    walk(document.querySelector('#storybook-root') ?? document.body);
    return text;
  };
  let last = fingerprint();
  let stable = 0;
  const until = Date.now() + ms;
  while (Date.now() < until && stable < 2) {
    await new Promise((resolve) => setTimeout(resolve, 120));
    const now = fingerprint();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
};

const rendered = () =>
  [...document.querySelectorAll('#storybook-root *')].some(
    (node) => node.shadowRoot && node.shadowRoot.childElementCount > 0,
  );

/** axe over the story's root; every finding with its nodes (targets through shadow roots). */
const audit = async (tags) => {
  const result = await window.axe.run(
    { include: [['#storybook-root']] },
    // Only what is reported: no iframes in a story, no element references or XPaths to build.
    {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      iframes: false,
      elementRef: false,
      xpath: false,
      ancestry: false,
    },
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    tags: violation.tags,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    })),
  }));
};

/** The first line of an error's message (testing-library's add the whole DOM after it). */
const firstLine = (value) =>
  String(value ?? '')
    .split('\n')[0]
    .slice(0, 300);

function errorsOf(events, storyId) {
  const errors = [];
  for (const { name, args } of events) {
    const [first] = args;
    if (name === 'playFunctionThrewException' || name === 'storyThrewException')
      errors.push(
        `${name === 'playFunctionThrewException' ? 'play function' : 'render'}: ${firstLine(first?.message ?? first)}`,
      );
    else if (name === 'storyErrored') errors.push(`${first?.title ?? 'error'}: ${firstLine(first?.description)}`);
    else if (name === 'storyMissing') errors.push('story missing');
    else if (name === 'unhandledErrorsWhilePlaying')
      errors.push(
        `unhandled while playing: ${firstLine((first ?? []).map?.((e) => e?.message ?? e).join('; ') ?? first)}`,
      );
    else if (name === 'storyFinished' && first?.storyId === storyId)
      for (const report of first.reporters ?? [])
        if (report.status === 'failed' && report.type !== 'a11y') errors.push(`${report.type}: failed`);
  }
  return [...new Set(errors)];
}

/** One worker: a browser context and page, taking (locale, story) jobs from the shared queue. */
async function worker(browser, base, jobs, results, axeSource, options) {
  let context;
  let page;
  let pageErrors = [];
  let loadedLocale;
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    const { story, locale } = job;
    pageErrors = [];
    const result = { id: story.id, locale, errors: [], violations: [], bestPractice: [], ms: {} };
    const t0 = Date.now();
    try {
      if (loadedLocale !== locale) {
        // A fresh context per locale: no draft, queued report or remembered language carries over.
        await context?.close();
        context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
        await context.addInitScript(channelSpy);
        page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        // The first story of a locale comes with the page; `a11y.manual` stops the addon's own axe run.
        await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};a11y.manual:!true`);
        await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue, undefined, { timeout: 30_000 });
        await page.addScriptTag({ content: axeSource });
        loadedLocale = locale;
      } else {
        await page.evaluate((id) => {
          window.__ocStoryEvents = [];
          window.__STORYBOOK_PREVIEW__.onSetCurrentStory({ storyId: id, viewMode: 'story' });
        }, story.id);
      }
      const finished = await page
        .waitForFunction(
          (id) =>
            window.__ocStoryEvents.some(
              ({ name, args }) =>
                (name === 'storyFinished' && args[0]?.storyId === id) ||
                name === 'storyErrored' ||
                name === 'storyMissing',
            ),
          story.id,
          { timeout: options.storyTimeout, polling: 100 },
        )
        .then(() => true)
        .catch(() => false);
      result.ms.render = Date.now() - t0;
      const events = await page.evaluate(() => window.__ocStoryEvents);
      checks: {
        result.errors.push(...errorsOf(events, story.id));
        if (!finished) result.errors.push(`did not finish within ${options.storyTimeout / 1000} s`);
        if (result.errors.length) break checks;
        const t1 = Date.now();
        await page.evaluate(settle, 8_000);
        result.ms.settle = Date.now() - t1;
        if (!(await page.evaluate(rendered))) result.errors.push('nothing rendered');
        result.lang = await page.evaluate(() =>
          document.querySelector('#storybook-root .story-frame')?.getAttribute('lang'),
        );
        if (options.skipAudit(story.id, result.lang)) {
          result.audited = false;
          break checks;
        }
        result.audited = true;
        const t2 = Date.now();
        const findings = await page.evaluate(audit, [...wcagTags, 'best-practice']);
        result.ms.axe = Date.now() - t2;
        for (const finding of findings) {
          if (finding.tags.some((tag) => wcagTags.includes(tag))) result.violations.push(finding);
          else result.bestPractice.push(finding);
        }
      }
    } catch (error) {
      result.errors.push(firstLine(error.message ?? error));
      loadedLocale = undefined;
    }
    result.errors.push(...pageErrors.map((message) => `page error: ${firstLine(message)}`));
    results.push(result);
    options.progress?.(result);
  }
  await context?.close();
}

/** A violation the allow-list accepts: same rule, story (glob with *), locale (or any) and node text. */
function allowedBy(violation, node, result) {
  return knownViolations.find(
    (entry) =>
      entry.rule === violation.id &&
      new RegExp(`^${entry.story.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(result.id) &&
      (!entry.locales || entry.locales.includes(result.locale)) &&
      (!entry.target || node.target.includes(entry.target)),
  );
}

export async function storybookSmoke({
  quiet = true,
  build = true,
  filter,
  locales: only,
  workers = Number(process.env.OC_STORYBOOK_WORKERS ?? 3),
} = {}) {
  const started = Date.now();
  if (build) await run('npx', ['--no-install', 'storybook', 'build', '-o', outDir, '--quiet'], { quiet });
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname.slice(1);
    if (!(await serveFile(request, response, outDir, path))) response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const locales = only ?? supportedLocales();
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  const results = [];
  try {
    const index = await (await fetch(`${base}/index.json`)).json();
    const stories = Object.values(index.entries).filter(
      (entry) => entry.type === 'story' && (!filter || entry.id.includes(filter)),
    );
    // First pass in the first locale: it also shows which stories pin their own locale.
    const audited = new Set();
    const options = {
      storyTimeout: 45_000,
      skipAudit: (id, lang) => {
        const key = `${id}|${lang}`;
        if (audited.has(key)) return true;
        audited.add(key);
        return false;
      },
      progress: quiet
        ? undefined
        : (r) =>
            console.log(
              `  ${r.errors.length || r.violations.length ? '✖' : '✓'} ${r.locale} ${r.id} ${JSON.stringify(r.ms)}`,
            ),
    };
    const pass = async (jobs) => {
      const queue = [...jobs];
      await Promise.all(
        Array.from({ length: Math.min(workers, queue.length) }, () =>
          worker(browser, base, queue, results, axeSource, options),
        ),
      );
    };
    await pass(stories.map((story) => ({ story, locale: locales[0] })));
    const pinned = new Map(results.filter((r) => r.lang && r.lang !== locales[0]).map((r) => [r.id, r.lang]));
    const rest = locales
      .slice(1)
      .flatMap((locale) => stories.filter((story) => !pinned.has(story.id)).map((story) => ({ story, locale })));
    await pass(rest);
    return report({ results, stories, locales, pinned, started });
  } finally {
    await browser.close();
    server.close();
  }
}

function report({ results, stories, locales, pinned, started }) {
  const failures = [];
  const allowedUsed = new Set();
  const bestPractice = new Map();
  let violationCount = 0;
  for (const result of results) {
    for (const error of result.errors) failures.push(`${result.id} [${result.locale}]: ${error}`);
    for (const violation of result.violations)
      for (const node of violation.nodes) {
        const allowed = allowedBy(violation, node, result);
        if (allowed) {
          allowedUsed.add(allowed);
          continue;
        }
        violationCount++;
        failures.push(
          `${result.id} [${result.locale}]: axe ${violation.id} (${violation.impact}): ${violation.help}\n      at ${node.target}\n      ${node.summary}`,
        );
      }
    for (const finding of result.bestPractice) {
      const key = `${finding.id}: ${finding.help}`;
      bestPractice.set(key, (bestPractice.get(key) ?? new Set()).add(`${result.id}`));
    }
  }
  for (const entry of knownViolations)
    if (!allowedUsed.has(entry))
      failures.push(
        `.storybook/a11y-known-violations.mjs: the entry for ${entry.rule} on ${entry.story} matched nothing: remove it`,
      );
  const audits = results.filter((r) => r.audited).length;
  const lines = [
    `storybook: ${stories.length} stories × ${locales.length} locales (${locales.join(' ')}): ${results.length} runs, ${audits} axe audits` +
      ` in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  ];
  if (pinned.size)
    lines.push(
      `  run once, in their own locale: ${[...pinned].map(([id, lang]) => `${id.replace(/^widgets-/, '')} (${lang})`).join(', ')}`,
    );
  if (allowedUsed.size)
    lines.push(`  known violations allowed (.storybook/a11y-known-violations.mjs): ${allowedUsed.size} entries`);
  if (bestPractice.size) {
    lines.push('  axe best-practice findings (not failures):');
    for (const [key, ids] of bestPractice) lines.push(`    ${key}: ${ids.size} stories (e.g. ${[...ids][0]})`);
  }
  const summary = lines.join('\n');
  if (failures.length) {
    throw Object.assign(
      new Error(
        `${summary}\n  ${failures.length} failures (${violationCount} axe violation nodes):\n  ${failures.join('\n  ')}`,
      ),
      { results },
    );
  }
  return { summary, results, count: results.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => process.argv.find((value) => value.startsWith(`--${name}=`))?.split('=')[1];
  storybookSmoke({
    quiet: !process.argv.includes('--verbose'),
    build: !process.argv.includes('--no-build'),
    filter: arg('story'),
    locales: arg('locale')?.split(','),
  })
    .then(({ summary }) => console.log(summary))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
