#!/usr/bin/env node
/**
 * After `changeset version`: write the new version into packages/core/src/version.ts, which the
 * drop-in reads at run time (it warns when two versions meet on one page), so no one sets it by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { root } from './run.mjs';

const { version } = JSON.parse(readFileSync(`${root}/packages/core/package.json`, 'utf8'));
const file = `${root}/packages/core/src/version.ts`;
const before = readFileSync(file, 'utf8');
const after = before.replace(/export const VERSION = '[^']*';/, `export const VERSION = '${version}';`);
if (!after.includes(`'${version}'`)) throw new Error(`${file}: no "export const VERSION = '…';" line to update`);
writeFileSync(file, after);
console.log(`version.ts: VERSION = '${version}'`);
