#!/usr/bin/env node
/**
 * Fails on an import cycle anywhere in packages/*\/src: static, dynamic and type-only imports all
 * count, because a cycle of types still ties two modules together for whoever reads or moves them.
 * `@open-city/*` specifiers resolve through each package's `exports` (the `@open-city/source` condition).
 *
 *   node scripts/check-cycles.mjs      prints each cycle; exit code 1 when there is one
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { workspacePackages } from './workspaces.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `@open-city/name` and `@open-city/name/sub.js` → source files, from each package.json's exports. */
function packageResolver() {
  const byName = new Map();
  for (const pkg of workspacePackages()) byName.set(pkg.name, pkg);
  return (specifier) => {
    const match = /^(@open-city\/[^/]+)(\/.*)?$/.exec(specifier);
    const pkg = match && byName.get(match[1]);
    if (!pkg) return undefined;
    const entry = pkg.manifest.exports?.[match[2] ? `.${match[2]}` : '.'];
    const target = typeof entry === 'object' ? entry['@open-city/source'] : undefined;
    return target ? join(pkg.dir, target) : undefined;
  };
}

function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function importGraph() {
  const resolvePackage = packageResolver();
  const files = workspacePackages().flatMap((pkg) => sourceFiles(join(pkg.dir, 'src')));
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set();
    for (const { fileName } of info.importedFiles) {
      const target = fileName.startsWith('.') ? resolveRelative(file, fileName) : resolvePackage(fileName);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Every elementary cycle found by a depth-first search, each once, as a list of files. */
export function findCycles(graph) {
  const cycles = [];
  const seen = new Set();
  const state = new Map(); // 1: on the stack, 2: done
  const stack = [];
  const visit = (file) => {
    state.set(file, 1);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 1) {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...cycle, next]);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 2);
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = findCycles(importGraph());
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`);
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s) in packages/*/src: move what both sides need into a third module.`);
    process.exit(1);
  }
  console.log('import cycles: none in packages/*/src');
}
