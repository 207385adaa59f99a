/**
 * custom-elements.json for each element package (`cem analyze --config ../../custom-elements-manifest.config.mjs`,
 * run from the package by scripts/build.mjs).
 *
 * Two plugins keep the manifest true to what is published:
 * - typed events from the one event registry: every `@event` gets its `CustomEvent<Detail>` type
 *   from the `OcEventDetails` interface (core's, and each package's declaration merging into it); an
 *   `@event` that is not in the registry fails the build; events the analyzer guesses from code
 *   (core's generic `emit(type, ...)`) and that are not in the registry are dropped.
 * - paths of the published files: `src/x.ts` becomes `dist/x.js`, what a user imports.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { workspacePackages } from './scripts/workspaces.mjs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Event name → detail type, from every `interface OcEventDetails` in the packages' sources. */
export function eventRegistry() {
  const registry = new Map();
  for (const pkg of workspacePackages()) {
    let files;
    try {
      files = sourceFiles(join(pkg.dir, 'src'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('interface OcEventDetails')) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        if (ts.isInterfaceDeclaration(node) && node.name.text === 'OcEventDetails') {
          for (const member of node.members) {
            if (!ts.isPropertySignature(member) || !member.type) continue;
            const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
            registry.set(name, member.type.getText(source));
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return registry;
}

function typedEvents() {
  const registry = eventRegistry();
  return {
    name: 'open-city-typed-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => {
            const detail = registry.get(event.name);
            if (detail) {
              event.type = { text: `CustomEvent<${detail}>` };
              return true;
            }
            if (event.description) {
              throw new Error(
                `${module.path}: @event ${event.name} is documented but not declared in OcEventDetails (see packages/core/src/events.ts).`,
              );
            }
            return false; // guessed by the analyzer from a generic dispatch
          });
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

function publishedPaths() {
  const rewrite = (value) =>
    typeof value === 'string' ? value.replace(/^(?:\.\/)?src\/(.*)\.ts$/, 'dist/$1.js') : value;
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = rewrite(value);
        else walk(value);
      }
    }
  };
  return {
    name: 'open-city-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      walk(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/generated/**', 'src/test-helpers.ts'],
  outdir: '.',
  litelement: true,
  plugins: [typedEvents(), publishedPaths()],
};
