#!/usr/bin/env node
/**
 * `npm run build`: translations, then each package's dist/ (ESM, .d.ts, custom-elements.json) in
 * dependency order, then the drop-in build in packages/widgets/dist/cdn/ with its sizes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, root } from './run.mjs';
import { workspacePackages } from './workspaces.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

/** The workspaces (in dependency order) that compile with tsc: those with a tsconfig.build.json. */
export const packages = workspacePackages().filter((pkg) => existsSync(join(pkg.dir, 'tsconfig.build.json')));
/** Those that publish a custom-elements.json from their own sources. */
const elementPackages = packages.filter(
  (pkg) => pkg.manifest.customElements && pkg.manifest.name !== '@open-city/widgets',
);

/**
 * `incremental` (what `npm start` uses): skip each step whose inputs have not changed since the last
 * successful build, by a fingerprint of the files' sizes and times (see `fingerprint`). A change in one
 * package rebuilds that package, those that depend on it, and the drop-in build.
 */
export async function build({ quiet = false, incremental = false } = {}) {
  const stamps = incremental ? readStamps() : {};
  const inputsOf = {};
  const fresh = (key, inputs, outputs) => {
    inputsOf[key] = inputs;
    return incremental && stamps[key] === fingerprint(inputs) && outputs.every((output) => existsSync(output));
  };

  const translations = workspacePackages().map((pkg) => join(pkg.dir, 'xliff'));
  if (!fresh('translations', [...translations, ...packages.map((pkg) => join(pkg.dir, 'src'))], [])) {
    await run('node', ['scripts/localize.mjs', 'build'], { quiet });
  }
  const changed = new Set();
  for (const pkg of packages) {
    const dependsOnChanged = Object.keys(pkg.manifest.dependencies ?? {}).some((name) => changed.has(name));
    const upToDate = fresh(pkg.name, [pkg.dir, ...sharedBuildInputs], [join(pkg.dir, 'dist')]);
    if (upToDate && !dependsOnChanged) continue;
    changed.add(pkg.name);
    rmSync(join(pkg.dir, 'dist'), { recursive: true, force: true });
    await run('npx', ['--no-install', 'tsc', '-p', join(pkg.dir, 'tsconfig.build.json')], { quiet });
    if (elementPackages.includes(pkg)) {
      const config = join(root, 'custom-elements-manifest.config.mjs');
      await run('npx', ['--no-install', 'cem', 'analyze', '--config', config, '--quiet'], { cwd: pkg.dir, quiet });
    }
  }
  const cdn = join(root, 'packages/widgets/dist/cdn/open-city-widgets.js');
  // fresh() first: it also records the inputs whose fingerprint is stored for next time.
  const dropInFresh = fresh('drop-in', [join(root, 'rollup.config.js')], [cdn]);
  if (changed.size > 0 || !dropInFresh) {
    writeMergedManifest(elementPackages);
    console.log('Drop-in build (packages/widgets/dist/cdn):');
    await run('npx', ['--no-install', 'rollup', '-c', '--silent'], { quiet: false });
  } else console.log('Drop-in build: up to date (packages/widgets/dist/cdn).');
  const consoleDir = join(root, 'packages/server/console');
  const consoleDeps = ['@open-city/core', '@open-city/language-switcher'];
  const consoleOut = join(root, 'packages/server/dist/console');
  const consoleFresh = fresh('staff-console', [consoleDir], [consoleOut]);
  if (consoleDeps.some((name) => changed.has(name)) || !consoleFresh) {
    await run('node', ['packages/server/console/build.mjs'], { quiet });
  }
  // Taken after the build: some steps touch their inputs (lit-localize rewrites its config's schema).
  const next = Object.fromEntries(Object.entries(inputsOf).map(([key, inputs]) => [key, fingerprint(inputs)]));
  writeStamps({ ...stamps, ...next });
}

/** Files every package's build reads besides its own. */
const sharedBuildInputs = ['tsconfig.base.json', 'package-lock.json', 'custom-elements-manifest.config.mjs'].map(
  (file) => join(root, file),
);
const stampsFile = join(root, '.cache', 'build-stamps.json');
const readStamps = () => (existsSync(stampsFile) ? JSON.parse(readFileSync(stampsFile, 'utf8')) : {});
function writeStamps(stamps) {
  mkdirSync(dirname(stampsFile), { recursive: true });
  writeFileSync(stampsFile, JSON.stringify(stamps, null, 2));
}

/** Size and modification time of every input file (outputs and generated files left out), hashed. */
function fingerprint(paths) {
  const hash = createHash('sha1');
  const skip = new Set(['node_modules', 'dist', 'generated', 'custom-elements.json', 'data']);
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!skip.has(name)) visit(join(path, name));
    } else hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const path of paths) visit(path);
  return hash.digest('hex');
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
  build({ incremental: process.argv.includes('--incremental') }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
