#!/usr/bin/env node
/**
 * `npm run build`: translations, then each package's dist/ (ESM, .d.ts, custom-elements.json) in
 * dependency order, then the drop-in build in packages/widgets/dist/cdn/ with its sizes.
 */
import { rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, root } from './run.mjs';
import { workspacePackages } from './workspaces.mjs';

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
  console.log('Drop-in build (packages/widgets/dist/cdn):');
  await run('npx', ['--no-install', 'rollup', '-c', '--silent'], { quiet: false });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
