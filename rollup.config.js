/**
 * The drop-in build: one rollup run over every entry, so that the entries share chunks and a page
 * that loads two of them gets one core (one page locale, one set of definitions).
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import ts from 'typescript';
import { workspacePackages } from './scripts/workspaces.mjs';

// OC_CDN_OUT builds elsewhere, e.g. to measure sizes without touching the checked-in layout.
const outDir = process.env.OC_CDN_OUT ?? 'packages/widgets/dist/cdn';

/**
 * Entries of the drop-in build: every element, and one per workspace that defines an element
 * (exports `./define.js`), named after its folder. The package list lives in package.json's workspaces.
 */
export const entries = {
  'open-city-widgets': 'packages/widgets/src/cdn/open-city-widgets.ts',
  ...Object.fromEntries(
    workspacePackages()
      .filter((pkg) => pkg.manifest.exports?.['./define.js'])
      .map((pkg) => {
        const name = pkg.folder.split('/').pop();
        return [name, `packages/widgets/src/cdn/${name}.ts`];
      }),
  ),
};

/** Budgets (gzip, initial load: the entry and every chunk it imports statically). */
const budgets = { all: 40 * 1024, one: 18 * 1024 };

/** Prints, and writes to sizes.json, the gzip size each entry costs a page on first load. */
function sizeReport() {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      const gzip = (name) => gzipSync(bundle[name].code ?? bundle[name].source).length;
      const initialFiles = (name, seen = new Set()) => {
        if (seen.has(name)) return seen;
        seen.add(name);
        for (const imported of bundle[name].imports ?? []) initialFiles(imported, seen);
        return seen;
      };
      const report = {};
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const files = [...initialFiles(fileName)];
        const initial = files.reduce((sum, file) => sum + gzip(file), 0);
        const lazy = Object.values(bundle)
          .filter((other) => other.type === 'chunk' && !files.includes(other.fileName))
          .reduce((sum, other) => sum + gzip(other.fileName), 0);
        report[fileName] = { initialGzip: initial, files };
        const budget = chunk.name === 'open-city-widgets' ? budgets.all : budgets.one;
        const verdict = initial <= budget ? 'within' : 'OVER';
        console.log(
          `  ${fileName.padEnd(24)} ${(initial / 1024).toFixed(1).padStart(5)} KB gzip initial ` +
            `(${verdict} ${budget / 1024} KB budget); lazy chunks on the side ${(lazy / 1024).toFixed(1)} KB`,
        );
      }
      // Parts loaded only when a visitor asks for them: their own gzip size, on top of the entry.
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.name === 'service-map')
          console.log(
            `  ${'finder map (on demand)'.padEnd(24)} ${(gzip(chunk.fileName) / 1024).toFixed(1).padStart(5)} KB gzip, loaded when the map view opens`,
          );
      }
      mkdirSync(outDir, { recursive: true });
      writeFileSync(`${outDir}/sizes.json`, JSON.stringify(report, null, 2));
    },
  };
}

/**
 * Standard decorators compiled by TypeScript with `importHelpers`, so that every element shares one
 * copy of tslib's `__esDecorate` and `__runInitializers` (in the shared chunk). esbuild would inline
 * its own helpers into each decorated module: about 1.2 KB gzip more in every entry.
 */
function decoratorsWithSharedHelpers() {
  return {
    name: 'decorators-with-shared-helpers',
    transform(code, id) {
      if (!id.endsWith('.ts') || !code.includes('@')) return null;
      const { outputText, sourceMapText } = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          importHelpers: true,
          useDefineForClassFields: true,
          verbatimModuleSyntax: false,
          sourceMap: true,
        },
      });
      return { code: outputText, map: sourceMapText };
    },
  };
}

export default {
  input: entries,
  output: {
    dir: outDir,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  preserveEntrySignatures: 'strict',
  plugins: [
    // Production builds of Lit: no "development" condition here.
    nodeResolve({ exportConditions: ['@open-city/source'], browser: true }),
    decoratorsWithSharedHelpers(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Whitespace in html`` and css`` templates is most of their size. Collapse it to one space
    // rather than none: a space between an interpolation and text ("Tuesday (today)") is content.
    minifyHtmlLiterals({ options: { minifyOptions: { conservativeCollapse: true } } }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    sizeReport(),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
