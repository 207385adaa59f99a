import { writeFileSync, mkdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeArgs, findChrome } from './scripts/chrome.mjs';
import { testFeedMiddleware } from './test/test-feeds.mjs';

/** Writes the counts of this run to .cache/wtr-counts.json, for the closing line of `npm test`. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results but is a failure all the same.
        if (!session.passed && (!session.testResults || session.errors?.length))
          counts.failed += session.errors?.length || 1;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync('.cache/wtr-counts.json', JSON.stringify(counts));
    },
  };
}

export default {
  files: ['packages/*/src/**/*.test.ts', 'packages/server/console/src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@open-city/source', 'browser', 'development'] },
  middleware: [
    testFeedMiddleware(),
    (await import('./test/test-tiles.mjs')).testTileMiddleware(),
    (await import('./test/hostile-feeds.mjs')).hostileFeedMiddleware(),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // forced-colors emulation for test/a11y/ (the built-in emulateMedia drops it under puppeteer)
    (await import('./test/a11y/media-plugin.mjs')).a11yMediaPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), args: chromeArgs(), headless: true },
      // A browser context per test file: files run in parallel, and the page language follows
      // localStorage changes made in other tabs, so shared storage would leak between files.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 8000 } },
  testsFinishTimeout: 180_000,
  reporters: [process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(), countingReporter()],
};
