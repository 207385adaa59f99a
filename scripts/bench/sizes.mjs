/**
 * Bench section "sizes": the gzip size each drop-in entry costs a page on first load (from the
 * build's sizes.json, against the budgets that `npm test` enforces), and what each widget adds
 * alone: its define module minified and gzipped, with Lit, core and its lazy translations left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { workspacePackages } from '../workspaces.mjs';

export async function run({ root, log = console.log }) {
  const cdn = process.env.OC_CDN_OUT ?? join(root, 'packages/widgets/dist/cdn');
  const file = join(cdn, 'sizes.json');
  if (!existsSync(file)) throw new Error(`no ${file}: build the drop-in entries first (OC_CDN_OUT=… npx rollup -c)`);
  const sizes = JSON.parse(readFileSync(file, 'utf8'));
  const rows = [];
  const json = { entries: {}, widgets: {} };
  for (const [entry, { initialGzip }] of Object.entries(sizes)) {
    json.entries[entry] = initialGzip;
    rows.push({
      figure: 'drop-in entry, first load (gzip)',
      case: entry,
      unit: 'KB',
      ours: +(initialGzip / 1024).toFixed(1),
      peers: {},
      goal: entry === 'open-city-widgets.js' ? '≤ 40 KB' : '≤ 18 KB',
    });
  }
  for (const pkg of workspacePackages().filter((candidate) => candidate.manifest.exports?.['./define.js'])) {
    const name = pkg.folder.split('/').pop();
    const bundle = await esbuild({
      entryPoints: [`${pkg.dir}/src/define.ts`],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      conditions: ['@open-city/source'],
      external: ['lit', 'lit/*', '@lit/localize', '@open-city/core', './generated/*', 'ical.js'],
      write: false,
    });
    const bytes = gzipSync(bundle.outputFiles[0].contents).length;
    json.widgets[name] = bytes;
    rows.push({
      figure: 'widget alone (define module, gzip; Lit and core excluded)',
      case: name,
      unit: 'KB',
      ours: +(bytes / 1024).toFixed(1),
      peers: {},
    });
  }
  log(`  ${rows.length} sizes read`);
  return { rows, json };
}
