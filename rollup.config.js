/**
 * The drop-in build: one rollup run over every entry, so that the entries share chunks and a page
 * that loads two of them gets one core (one page locale, one set of definitions).
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
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

/**
 * The file names of the chunks `roots` load: their static imports, and with `dynamic` their dynamic
 * ones too, through every level. `chunkNamed` gives an output chunk by its file name.
 */
function importClosure(chunkNamed, roots, { dynamic = false } = {}) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const chunk = chunkNamed(name);
    chunk.imports.forEach(visit);
    if (dynamic) chunk.dynamicImports.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

/** Budgets (gzip, initial load: the entry and every chunk it imports statically). */
const budgets = { all: 40 * 1024, one: 18 * 1024 };

/** Prints, and writes to sizes.json, the gzip size each entry costs a page on first load. */
function sizeReport() {
  return {
    name: 'size-report',
    generateBundle(_options, bundle) {
      const gzip = (name) => gzipSync(bundle[name].code ?? bundle[name].source).length;
      const report = {};
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const files = [...importClosure((name) => bundle[name], [fileName])];
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

/**
 * A dynamic import starts loading what its chunk imports at the same time as the chunk itself,
 * instead of once the chunk has arrived and been parsed: one round trip less before a widget can
 * ask for its feed (on a phone's network, a tenth of a second or more). The first-load chunks
 * (`loadedFirst`, by name) are in the page before any of its code runs and are not asked for again;
 * a chunk that fails fails the import, as it would have anyway.
 */
function loadDynamicImportsInParallel(loadedFirst) {
  return {
    name: 'load-dynamic-imports-in-parallel',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      const alongside = (getTargetChunkImports() ?? []).filter(
        (imported) =>
          imported.type === 'internal' && imported.fileName !== chunk.fileName && !loadedFirst.has(imported.chunk.name),
      );
      if (alongside.length === 0) return null;
      const others = alongside.map((imported) => `import(${imported.resolvedImportPath})`).join(',');
      return { left: 'Promise.all([import(', right: `),${others}]).then((modules)=>modules[0])` };
    },
  };
}

/** Plugins that read the sources; minifying and the size report come after them. */
const sourcePlugins = () => [
  // Production builds of Lit: no "development" condition here.
  nodeResolve({ exportConditions: ['@open-city/source'], browser: true }),
  decoratorsWithSharedHelpers(),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];

const CONNECT_ROOT = /\/packages\/[^/]+\/src\/(views\/index|lazy-feeds)\.ts$/;

/**
 * Chunks by when a page needs them. Left to itself, rollup gives every set of importers a chunk of
 * its own: a calendar page fetched 20 files, six imports deep before it could ask for its feed, and
 * gzip compressed each file alone. Here:
 * - first load: each widget's element with what only it takes of core (`event-calendar`), and one
 *   chunk of what core and Lit give more than one widget (`core`);
 * - once connected, when each widget loads its views (`views/index.ts`) and its feed loader
 *   (`lazy-feeds.ts`): what the views need of their own package (`event-calendar-views`), and what
 *   they need of core and Lit by the widgets that use it (`core-lazy-finder-calendar`); the feed
 *   loader goes with core's part, so that the element's two imports load in parallel;
 * - the locale catalogues and the parts loaded on demand (the iCalendar and JSON-LD readers, the
 *   map, the report's outbox) keep rollup's own chunks.
 *
 * Which modules are which is read from a first, unminified build in memory: its chunks know what
 * tree-shaking kept and where (a module's imports alone do not, as everything imports core's index).
 * Returns `manualChunks`, and the names of the first-load chunks.
 */
async function chunksByLoadPhase() {
  const first = await rollup({
    input: entries,
    preserveEntrySignatures: 'strict',
    plugins: sourcePlugins(),
    onwarn() {},
  });
  const { output } = await first.generate({ format: 'es' });
  await first.close();
  const chunks = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const closure = (roots, options) => importClosure((name) => chunks.get(name), roots, options);
  const widgets = Object.keys(entries).filter((name) => name !== 'open-city-widgets');
  const firstLoad = new Map(widgets.map((widget) => [widget, closure([`${widget}.js`])]));
  const anyTime = new Map(widgets.map((widget) => [widget, closure([`${widget}.js`], { dynamic: true })]));
  // A re-exporting root (`lazy-feeds.ts`) is merged into its chunk without a facade: look at every module.
  const onConnect = closure(
    [...chunks.values()]
      .filter((chunk) => chunk.moduleIds.some((id) => CONNECT_ROOT.test(id)))
      .map((chunk) => chunk.fileName),
  );
  /** `core-lazy`, or `core-lazy-finder-calendar` when only those widgets use it. */
  const lazyCoreName = (usedBy) =>
    ['core-lazy', ...(usedBy.length < widgets.length ? usedBy.map((widget) => widget.split('-').pop()) : [])].join('-');
  const chunkOf = new Map();
  for (const chunk of chunks.values()) {
    if (chunk.isEntry) continue;
    const loadedFirstBy = widgets.filter((widget) => firstLoad.get(widget).has(chunk.fileName));
    const usedBy = widgets.filter((widget) => anyTime.get(widget).has(chunk.fileName));
    for (const id of chunk.moduleIds) {
      const owner = /\/packages\/((?!core\/)[^/]+)\//.exec(id)?.[1];
      // The drop-in entries import one another (`open-city-widgets` imports them all): rollup's.
      if (owner === 'widgets') continue;
      let name;
      if (loadedFirstBy.length) name = owner ?? (usedBy.length === 1 ? usedBy[0] : 'core');
      else if (onConnect.has(chunk.fileName))
        name = owner && !id.endsWith('/lazy-feeds.ts') ? `${owner}-views` : lazyCoreName(usedBy);
      if (name) chunkOf.set(id, name);
    }
  }
  const loadedFirst = new Set([...chunkOf.values()].filter((name) => name === 'core' || widgets.includes(name)));
  return { manualChunks: (id) => chunkOf.get(id), loadedFirst };
}

export default async () => {
  const { manualChunks, loadedFirst } = await chunksByLoadPhase();
  return {
    input: entries,
    output: {
      dir: outDir,
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
    },
    preserveEntrySignatures: 'strict',
    plugins: [
      ...sourcePlugins(),
      loadDynamicImportsInParallel(loadedFirst),
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
};
