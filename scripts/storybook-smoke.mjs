#!/usr/bin/env node
/**
 * Builds Storybook and opens every story in headless Chromium: each must render an element with
 * content and throw nothing. A build that succeeds with stories that die in the browser (decorators
 * left uncompiled, say) fails here.
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';
import { root, run } from './run.mjs';
import { serveFile } from '../packages/server/src/static-files.mjs';

const outDir = `${root}.cache/storybook-static`;

export async function storybookSmoke({ quiet = true } = {}) {
  await run('npx', ['--no-install', 'storybook', 'build', '-o', outDir, '--quiet'], { quiet });
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname.slice(1);
    if (!(await serveFile(request, response, outDir, path))) response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  const failures = [];
  let count = 0;
  try {
    const index = await (await fetch(`${base}/index.json`)).json();
    const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    const page = await browser.newPage();
    let errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const story of stories) {
      errors = [];
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      const rendered = await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('#storybook-root *')].some(
              (node) => node.shadowRoot && node.shadowRoot.childElementCount > 0,
            ),
          undefined,
          { timeout: 10_000 },
        )
        .then(() => true)
        .catch(() => false);
      count++;
      if (!rendered || errors.length) failures.push(`${story.id}: ${errors.join('; ') || 'nothing rendered'}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) throw new Error(`Stories that do not render:\n  ${failures.join('\n  ')}`);
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  storybookSmoke({ quiet: false })
    .then((count) => console.log(`storybook: ${count} stories render`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
