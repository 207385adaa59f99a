/* global document -- code run in the page by page.evaluate */
/**
 * Bench section "demo": on the reference server's demo page, in Chromium, the time to the first
 * rendered language switcher after navigation start (median of the runs), and the time
 * `setLocale` takes to switch every widget of the page and have it rendered (median and worst of
 * 41 switches). The drop-in build is the one in `OC_CDN_OUT`, served in place of the server's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Serve /cdn/ from the build being measured. */
async function useBuild(page, cdn) {
  await page.route('**/cdn/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/cdn\//, '');
    try {
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(join(cdn, path)) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
}

export async function run({ browser, base, root, runs = 7, log = console.log }) {
  const cdn = process.env.OC_CDN_OUT ?? join(root, 'packages/widgets/dist/cdn');
  const switcherShown = () => document.querySelector('oc-language-switcher')?.shadowRoot?.querySelector('select');
  const firstRender = [];
  for (let i = -1; i < runs; i++) {
    const page = await browser.newPage();
    await useBuild(page, cdn);
    await page.goto(`${base}/`);
    await page.waitForFunction(switcherShown);
    const ms = await page.evaluate(() => performance.now());
    if (i >= 0) firstRender.push(ms);
    await page.close();
  }
  const page = await browser.newPage();
  await useBuild(page, cdn);
  await page.goto(`${base}/`);
  await page.waitForFunction(switcherShown);
  const switches = await page.evaluate(async () => {
    const { setLocale } = await import('/cdn/open-city-widgets.js');
    const switcher = document.querySelector('oc-language-switcher');
    const times = [];
    for (let i = 0; i < 41; i++) {
      const started = performance.now();
      await setLocale(i % 2 ? 'uk' : 'ar');
      await switcher.updateComplete;
      await Promise.all(
        [...document.querySelectorAll('*')].filter((el) => el.updateComplete).map((el) => el.updateComplete),
      );
      times.push(performance.now() - started);
    }
    return times;
  });
  await page.close();
  log(`  first switcher ${median(firstRender).toFixed(0)} ms; setLocale ${median(switches).toFixed(1)} ms median`);
  return {
    rows: [
      {
        figure: 'demo page: first switcher rendered after navigation start',
        case: `median of ${runs} loads`,
        unit: 'ms',
        ours: Math.round(median(firstRender)),
        peers: {},
      },
      {
        figure: 'demo page: setLocale, every widget rendered again',
        case: 'median of 41 switches',
        unit: 'ms',
        ours: +median(switches).toFixed(1),
        peers: {},
      },
      {
        figure: 'demo page: setLocale, worst switch',
        case: '41 switches',
        unit: 'ms',
        ours: +Math.max(...switches).toFixed(1),
        peers: {},
      },
    ],
    json: { firstRenderMs: firstRender, switchMs: switches },
  };
}
