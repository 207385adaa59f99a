#!/usr/bin/env node
/**
 * `npm run build`: translations, then each package's dist/ (ESM, .d.ts, custom-elements.json) in
 * dependency order, then the drop-in build in packages/widgets/dist/cdn/ with its sizes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, root } from './run.mjs';
import { workspacePackages } from './workspaces.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

/** The workspaces (in dependency order) that compile with tsc: those with a tsconfig.build.json. */
export const packages = workspacePackages().filter((pkg) => existsSync(join(pkg.dir, 'tsconfig.build.json')));
/** Those that publish a custom-elements.json from their own sources. */
const elementPackages = packages.filter(
  (pkg) => pkg.manifest.customElements && pkg.manifest.name !== '@open-city/widgets',
);

export async function build({ quiet = false } = {}) {
  await run('node', ['scripts/localize.mjs', 'build'], { quiet });
  for (const { dir } of packages) {
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    await run('npx', ['--no-install', 'tsc', '-p', join(dir, 'tsconfig.build.json')], { quiet });
  }
  const config = join(root, 'custom-elements-manifest.config.mjs');
  for (const { dir } of elementPackages) {
    await run('npx', ['--no-install', 'cem', 'analyze', '--config', config, '--quiet'], { cwd: dir, quiet });
  }
  writeMergedManifest(elementPackages);
  console.log('Drop-in build (packages/widgets/dist/cdn):');
  await run('npx', ['--no-install', 'rollup', '-c', '--silent'], { quiet: false });
  await run('node', ['packages/server/console/build.mjs'], { quiet });
}

/**
 * `@open-city/widgets` ships the manifests of every element package as one. Module paths become
 * `../<package>/dist/…`: next to each other under `node_modules/@open-city/` (and under `packages/`),
 * they resolve to the files the element packages publish.
 */
function writeMergedManifest(sources) {
  const widgets = workspacePackages().find((pkg) => pkg.manifest.name === '@open-city/widgets');
  const modules = [];
  for (const pkg of sources) {
    const manifest = JSON.parse(readFileSync(join(pkg.dir, 'custom-elements.json'), 'utf8'));
    const folder = pkg.folder.split('/').pop();
    const prefix = (value) =>
      typeof value === 'string' && value.startsWith('dist/') ? `../${folder}/${value}` : value;
    const rewrite = (node) => {
      if (Array.isArray(node)) node.forEach(rewrite);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'path' || key === 'module') node[key] = prefix(value);
          else rewrite(value);
        }
      }
    };
    rewrite(manifest.modules);
    modules.push(...manifest.modules);
  }
  const merged = { schemaVersion: '1.0.0', readme: '', modules };
  writeFileSync(join(widgets.dir, 'custom-elements.json'), `${JSON.stringify(merged, null, 2)}\n`);
  writeFrameworkTypes(merged, widgets.dir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
