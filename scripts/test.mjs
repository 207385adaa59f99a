#!/usr/bin/env node
/**
 * `npm test`: every check and suite, in order, then one closing line `N passed, N failed` with the
 * totals of all of them. A check (lint, types, translations, build) counts as one; the browser
 * suites count each test. Every step runs even after a failure, so one run shows all problems.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run, root } from './run.mjs';
import { build } from './build.mjs';
import { storybookSmoke } from './storybook-smoke.mjs';
import { checkPack } from './check-pack.mjs';
import { frameworkPages } from '../test/frameworks/run-pages.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

async function check(name, action) {
  const started = Date.now();
  try {
    await action();
    totals.passed++;
    rows.push([name, 'ok', Date.now() - started]);
  } catch (error) {
    totals.failed++;
    rows.push([name, 'FAILED', Date.now() - started]);
    console.error(`\n✖ ${name} failed:\n${error.output ?? error.message}`);
  }
}

/**
 * Run a test runner that writes its counts to `countsFile`, and add them to the totals. A runner
 * that fails without counting (a file that does not load, a crash) counts as one failure.
 */
async function suite(label, countsName, command, args) {
  const countsFile = join(root, '.cache', countsName);
  rmSync(countsFile, { force: true });
  const started = Date.now();
  let failedRun = false;
  try {
    await run(command, args(countsFile));
  } catch {
    failedRun = true;
  }
  const counts = existsSync(countsFile)
    ? JSON.parse(readFileSync(countsFile, 'utf8'))
    : { passed: 0, failed: 1, skipped: 0 };
  if (failedRun && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  rows.push([`${label} (${counts.passed + counts.failed})`, counts.failed ? 'FAILED' : 'ok', Date.now() - started]);
}

// The counting reporter in web-test-runner.config.mjs writes .cache/wtr-counts.json.
const browserTests = () =>
  suite('browser tests in Chromium', 'wtr-counts.json', 'npx', () => [
    '--no-install',
    'web-test-runner',
    '--config',
    'web-test-runner.config.mjs',
  ]);

// test/a11y holds Node tests (the demo pages through axe) beside its browser tests (*.test.ts).
const nodeTestDirs = ['packages/server/test', 'test/a11y'].filter((dir) => existsSync(join(root, dir)));
const nodeTests = () =>
  suite('node tests', 'node-test-counts.json', 'node', (countsFile) => [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-counts.mjs',
    `--test-reporter-destination=${countsFile}`,
    ...nodeTestDirs,
  ]);

const npx =
  (...args) =>
  () =>
    run('npx', ['--no-install', ...args], { quiet: true });

await check('translations complete (every supported locale)', () =>
  run('node', ['scripts/localize.mjs', 'check'], { quiet: true }),
);
// The build generates the translation modules that the type check and the tests import.
await check('build (packages, drop-in, manifests)', () => build({ quiet: true }));
await check('no import cycles in packages/*/src', () => run('node', ['scripts/check-cycles.mjs'], { quiet: true }));
await check('package surface (no @internal in .d.ts, views lazy from every index)', () =>
  run('node', ['scripts/check-packages.mjs'], { quiet: true }),
);
await check('npm pack content (ESM, .d.ts, manifest, README, LICENSE; no tests or stray sources)', () => checkPack());
await check(
  'framework types (a React 19 app with every element type-checks)',
  npx('tsc', '-p', 'test/frameworks/tsconfig.json'),
);
await check(
  'framework types (a Vue 3 page with the generated Vue types, tsc)',
  npx('tsc', '-p', 'test/frameworks/tsconfig.vue.json'),
);
await check('framework pages (React 19 and Vue 3, bundled, in Chromium)', () => frameworkPages());
await check('lint (eslint)', npx('eslint', '.'));
await check('types (tsc)', npx('tsc', '-p', 'tsconfig.json'));
await check('storybook (every story × locale: renders, play function passes, no axe WCAG violation)', async () =>
  console.log((await storybookSmoke()).summary),
);
await suite('WordPress plugin in a real WordPress', 'wordpress-counts.json', 'node', (countsFile) => [
  'packages/wordpress/test/wordpress-test.mjs',
  countsFile,
]);
if (nodeTestDirs.length > 0) await nodeTests();
await browserTests();

console.log('\nSummary');
for (const [name, verdict, ms] of rows) console.log(`  ${verdict.padEnd(6)} ${name} (${(ms / 1000).toFixed(1)} s)`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
