#!/usr/bin/env node
/**
 * `npm run build`: translations, then each package's dist/ (ESM, .d.ts, custom-elements.json) in
 * dependency order, then the drop-in build in packages/widgets/dist/cdn/ with its sizes.
 */
import { rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, root } from './run.mjs';

/** In dependency order. */
export const packages = ['core', 'language-switcher', 'incident-report', 'service-finder', 'event-calendar', 'widgets'];
/** Packages that hold elements, for custom-elements.json. */
const elementPackages = ['core', 'language-switcher', 'incident-report', 'service-finder', 'event-calendar'];

export async function build({ quiet = false } = {}) {
  await run('node', ['scripts/localize.mjs', 'build'], { quiet });
  for (const name of packages) {
    const dir = join(root, 'packages', name);
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    await run('npx', ['--no-install', 'tsc', '-p', join(dir, 'tsconfig.build.json')], { quiet });
  }
  for (const name of elementPackages) {
    const dir = join(root, 'packages', name);
    if (!existsSync(join(dir, 'src'))) continue;
    await run(
      'npx',
      [
        '--no-install',
        'cem',
        'analyze',
        '--litelement',
        '--globs',
        'src/**/*.ts',
        '--exclude',
        'src/**/*.test.ts',
        '--exclude',
        'src/generated/**',
        '--quiet',
      ],
      { cwd: dir, quiet },
    );
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
