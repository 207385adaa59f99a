#!/usr/bin/env node
/**
 * `npm start` on a fresh clone: install what is missing, build, then serve the demo partner site.
 * Uses only Node's own modules until the install is done.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const installed = `${root}/node_modules/.package-lock.json`;
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(`${root}/package-lock.json`).mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  step(npm, ['ci', '--no-audit', '--no-fund']);
}
// Only what changed since the last build is built again: an unchanged checkout serves at once.
step(process.execPath, ['scripts/build.mjs', '--incremental']);
await import('../packages/server/src/main.mjs');
