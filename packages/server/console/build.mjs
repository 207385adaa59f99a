#!/usr/bin/env node
/**
 * Build the staff console into packages/server/dist/console/: its translations (lit-localize, from
 * console/xliff/), then one ES module bundle with esbuild (Lit, core and the language switcher from
 * source, decorators compiled away, each locale a lazy chunk), and the page and its stylesheet.
 * `npm run build` calls it last; alone: `node packages/server/console/build.mjs`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('../dist/console/');

export async function buildConsole({ quiet = false } = {}) {
  const localizer = new RuntimeLitLocalizer(readConfigFileAndWriteSchema(here('../lit-localize.json')));
  const warn = console.warn;
  console.warn = () => {}; // missing strings are `localize check`'s business
  try {
    await localizer.build();
  } finally {
    console.warn = warn;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: { 'staff-console': here('src/index.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: ['@open-city/source'],
    tsconfig: here('../../../tsconfig.json'),
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  copyFileSync(here('index.html'), `${outDir}index.html`);
  copyFileSync(here('console.css'), `${outDir}console.css`);
  if (!quiet) {
    const bytes = result.metafile.outputs[`${outDir.slice(process.cwd().length + 1)}staff-console.js`]?.bytes;
    console.log(
      `Staff console (packages/server/dist/console)${bytes ? `: staff-console.js ${Math.round(bytes / 1024)} KiB` : ''}`,
    );
  }
}

/**
 * Whether dist/console is missing or older than a source of the console (its code, styles, page or
 * translations): tests that drive the built console build it again first, so they never test old code.
 */
export function consoleOutOfDate() {
  const bundle = `${outDir}staff-console.js`;
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory()
        ? entry.name !== 'generated' && newer(`${dir}${entry.name}/`)
        : /\.(ts|css|html|xlf)$/.test(entry.name) && statSync(`${dir}${entry.name}`).mtimeMs > built,
    );
  return newer(here('./'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildConsole().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
