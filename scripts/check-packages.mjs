#!/usr/bin/env node
/**
 * What an npm user gets from each package, checked after the build:
 * - nothing internal in the published types: no `@internal` in any dist/**\/*.d.ts;
 * - the lazy split survives a bundler: each package's index, bundled by esbuild with code splitting,
 *   loads no `src/views/` module on first load, and still bundles them (in a lazy chunk);
 * - every package a package's shipped code imports is one of its `dependencies` (or peers): an
 *   import that works only because npm workspaces link every package is a fault an npm user meets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { workspacePackages } from './workspaces.mjs';
import { root } from './run.mjs';

function files(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, test) : test(name) ? [path] : [];
  });
}

export function internalsInTypes() {
  const problems = [];
  for (const pkg of workspacePackages()) {
    for (const file of files(join(pkg.dir, 'dist'), (name) => name.endsWith('.d.ts'))) {
      if (readFileSync(file, 'utf8').includes('@internal'))
        problems.push(`${relative(root, file)} still holds @internal`);
    }
  }
  return problems;
}

/** The inputs that a bundle of `entry` loads before any `import()`, and all it bundles. */
async function firstLoad(entry) {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: join(root, '.cache', 'check-packages'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    conditions: ['@open-city/source'],
  });
  const outputs = metafile.outputs;
  // Lazy chunks have an entryPoint too (the module imported with import()): find the index's own.
  const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint === relative(root, entry));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryOutput);
  const inputsOf = (names) => new Set([...names].flatMap((name) => Object.keys(outputs[name].inputs)));
  return { initial: inputsOf(initial), all: inputsOf(Object.keys(outputs)) };
}

/**
 * For each package whose views load lazily (it has `src/views/index.ts`, the lazy entry), and for
 * every index that bundles such a package: the lazy entry is not loaded at first, and the index
 * loads no view that the element itself does not import statically (a first-paint view such as the
 * report's top bar may be).
 */
export async function lazyViewsFromIndexes() {
  const problems = [];
  const all = workspacePackages();
  const lazyPackages = all.filter((pkg) => existsSync(join(pkg.dir, 'src/views/index.ts')));
  const sourceOf = (pkg, subpath) => {
    const target = pkg.manifest.exports?.[subpath]?.['@open-city/source'];
    return target?.endsWith('.ts') ? join(pkg.dir, target) : undefined;
  };
  const elementFirstLoad = new Map();
  for (const pkg of lazyPackages) {
    const element = Object.keys(pkg.manifest.exports ?? {}).find((subpath) => /^\.\/oc-[^/]+\.js$/.test(subpath));
    if (element) elementFirstLoad.set(pkg, (await firstLoad(sourceOf(pkg, element))).initial);
  }
  for (const pkg of all) {
    const index = sourceOf(pkg, '.');
    if (!index) continue;
    const { initial, all: bundled } = await firstLoad(index);
    for (const lazy of lazyPackages) {
      const views = `${relative(root, lazy.dir)}/src/views/`;
      if (![...bundled].some((input) => input.startsWith(views))) {
        if (lazy === pkg) problems.push(`${pkg.name}: its index does not bundle ${views} at all`);
        continue; // this index does not reach that package
      }
      const allowed = elementFirstLoad.get(lazy) ?? new Set();
      for (const input of initial) {
        if (!input.startsWith(views)) continue;
        if (input === `${views}index.ts` || !allowed.has(input)) {
          problems.push(`${pkg.name}: its index loads ${input} on first load; views must stay lazy`);
        }
      }
    }
  }
  return problems;
}

/** The package a bare import specifier names (`@scope/name/deep.js` → `@scope/name`), else undefined. */
function packageOf(specifier) {
  if (/^(\.|\/|node:|data:|https?:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

const shipped = (name) =>
  /\.(ts|mjs|js)$/.test(name) && !/\.(test|stories|d)\.[mc]?[jt]s$/.test(name) && !name.endsWith('.d.ts');

/** Imports of each package's `src/` (the code it ships or runs) that its manifest does not declare. */
export function undeclaredImports() {
  const problems = [];
  for (const pkg of workspacePackages()) {
    const { dependencies = {}, peerDependencies = {} } = pkg.manifest;
    const declared = new Set([pkg.name, ...Object.keys(dependencies), ...Object.keys(peerDependencies)]);
    for (const file of files(join(pkg.dir, 'src'), shipped)) {
      if (file.includes(`${join(pkg.dir, 'src')}/test`) || /\/(test-helpers|test-)[^/]*$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      for (const [, fromSpecifier, bareSpecifier, dynamicSpecifier] of text.matchAll(
        /(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const specifier = fromSpecifier ?? bareSpecifier ?? dynamicSpecifier;
        const name = specifier && packageOf(specifier);
        if (name && !declared.has(name))
          problems.push(`${relative(root, file)} imports ${name}, not in ${pkg.name}'s dependencies`);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [...internalsInTypes(), ...undeclaredImports(), ...(await lazyViewsFromIndexes())];
  for (const problem of problems) console.error(problem);
  if (problems.length) process.exit(1);
  console.log('packages: no @internal in the published types; every import declared; views stay lazy from every index');
}
