#!/usr/bin/env node
/**
 * What `npm publish` would upload, checked for every published package (after the build), from
 * `npm pack --dry-run --json`:
 * - present: package.json, README.md, LICENSE, custom-elements.json (the `customElements` file), the
 *   `main`/`module`/`types` files, and every `exports` target (a `*` pattern must match a file);
 * - ESM: `"type": "module"`, every JavaScript entry an ES module with its `.d.ts` beside it;
 * - absent: tests, test helpers and fixtures, stories, benchmarks;
 * - no source or data file that nothing needs: a file outside dist/ must be an `exports` target (or
 *   matched by an exports pattern), imported from one, a `sources` entry of a shipped source map, or
 *   package metadata; anything else is reported.
 * - no built module that nothing imports: dist/ files must be reachable from an export too (with their
 *   .d.ts and maps), so a compiled test helper or forgotten file is found after the build as well.
 * Known exceptions are in `allowed` below, each with its reason; a stale exception is an error too,
 * so the list cannot silently outlive the problem.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { run } from './run.mjs';
import { workspacePackages } from './workspaces.mjs';

/**
 * Files packed although no export needs them, accepted for now. `package`: the package name;
 * `pattern`: matched against the path inside the package; `reason`: why it may stay, and what
 * would remove it; `optional`: an entry that may match nothing (else an unused entry is an error).
 */
const allowed = [
  {
    package: '*',
    pattern: /^(dist|src)\/generated\/locales\/[a-z]{2,3}(-[A-Z]{2})?\.(ts|js|d\.ts|js\.map|d\.ts\.map)$/,
    optional: true,
    reason:
      "Translations of a planned locale (core's plannedLocales) are compiled before it ships; the " +
      'generated loaders import only the supported ones. Not stale-checked: there may be no planned locale.',
  },
  {
    package: '*',
    pattern: /^xliff\/[a-z-]+\.xlf$/,
    reason:
      'Translation sources (XLIFF), listed in each package\'s "files". Not needed at run time (the ' +
      'compiled translations are in dist/generated); kept so a translator can start from the published ' +
      'package. Remove "xliff" from "files" to drop them.',
  },
  {
    package: '@open-city/widgets',
    pattern: /^src\/cdn\/[a-z-]+\.ts$/,
    reason:
      'The drop-in entries that rollup bundles into dist/cdn/ (shipped with "src"); no export points at ' +
      'them. Harmless (five small files); "!src/cdn" in "files" would drop them.',
  },
  {
    package: '@open-city/service-finder',
    pattern: /^sample\/(build-feeds\.mjs|uuid\.mjs|source\/[a-z-]+\.mjs)$/,
    reason:
      'The script and records that generate the sample feeds, under the "./sample/*" export. Their ' +
      'README explains the data; they hold no code a user runs. "!sample/*.mjs" and "!sample/source" ' +
      'in "files" would drop them.',
  },
  {
    package: '@open-city/incident-report',
    pattern: /^schema\/README\.md$/,
    reason: 'Explains the shipped report schema; documentation beside a data file an export names.',
  },
  {
    package: '@open-city/incident-report',
    pattern: /^schema\/generate-fields\.mjs$/,
    reason:
      'The generator of schema/report-fields.js (new this sitting, owned by the report engineer), shipped ' +
      'with "schema". A build tool, not needed by users; "!schema/*.mjs" in "files" would drop it.',
  },
];

const forbidden = [
  [/(^|\/)[^/]*\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
  [/(^|\/)[^/]*\.(test|spec)\.d\.ts$/, 'the types of a test'],
  [/(^|\/)(test|tests|__tests__|test-fixtures|fixtures)\//, 'a test fixture'],
  [/(^|\/)test-helpers?\.[cm]?[jt]s$/, 'a test helper'],
  [/(^|\/)test-helpers?\.d\.ts$/, 'a test helper'],
  [/(^|\/)[^/]*\.stories\.[cm]?[jt]sx?$/, 'a story'],
  [/(^|\/)stories\//, 'a story'],
  [/(^|\/)bench\//, 'a benchmark'],
  [/(^|\/)\.cache\//, 'a cache'],
  [/(^|\/)node_modules\//, 'node_modules'],
];

const metadata = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|custom-elements\.json)$/;
const code = /\.(ts|tsx|mts|js|mjs|cjs)$/;

/** Every string target of an `exports` value, with its conditions walked. */
function targetsOf(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targetsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}

/** The `default` (or `import`) target of an export, the file a JavaScript runtime loads. */
function runtimeTarget(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return runtimeTarget(value.import ?? value.default);
  return undefined;
}

const clean = (target) => posix.normalize(target).replace(/^\.\//, '');

/** JavaScript without its comments (roughly: enough to look for `require(` and `import`). */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Relative module specifiers in JavaScript or TypeScript text. */
function importsIn(text) {
  const specifiers = [];
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bexport\s*\*\s*from\s*)['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2]);
  return specifiers;
}

/** The packed file a specifier in `from` names: as written, or its TypeScript source (`./x.js` → `./x.ts`). */
function resolveIn(packed, from, specifier) {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  const types = base.replace(/\.js$/, '.d.ts');
  const candidates = from.endsWith('.d.ts')
    ? [types, base, `${base}.d.ts`]
    : [base, base.replace(/\.js$/, '.ts'), types, `${base}.ts`, `${base}.js`];
  return candidates.find((candidate) => packed.has(candidate));
}

/** Check one package's packed file list; returns its problems and the exceptions it used. */
export function checkPackage(manifest, dir, paths) {
  const problems = [];
  const used = new Set();
  const packed = new Set(paths);
  const has = (path) => packed.has(clean(path));

  for (const file of ['package.json', 'README.md', 'LICENSE']) if (!has(file)) problems.push(`${file} is missing`);
  if (!manifest.customElements) problems.push('no "customElements" field');
  else if (!has(manifest.customElements)) problems.push(`${manifest.customElements} ("customElements") is missing`);
  if (manifest.type !== 'module') problems.push('"type" is not "module": the dist/ files are ES modules');
  for (const field of ['main', 'module', 'types', 'web-types'])
    if (manifest[field] && !has(manifest[field])) problems.push(`"${field}" names ${manifest[field]}, not packed`);

  // Every exports target, and the JavaScript ones as ES modules with types.
  const exportsMap = manifest.exports ?? {};
  const needed = new Set();
  const patterns = [];
  for (const [subpath, value] of Object.entries(exportsMap)) {
    for (const target of targetsOf(value)) {
      const path = clean(target);
      if (path.includes('*')) {
        const [prefix, suffix] = path.split('*');
        const matching = paths.filter((file) => file.startsWith(prefix) && file.endsWith(suffix));
        if (matching.length === 0) problems.push(`exports "${subpath}": nothing packed matches ${target}`);
        patterns.push([prefix, suffix]);
      } else if (!packed.has(path)) problems.push(`exports "${subpath}": ${target} is not packed`);
      else needed.add(path);
    }
    const runtime = runtimeTarget(value);
    if (runtime && /\.js$/.test(runtime) && !runtime.includes('*')) {
      const path = clean(runtime);
      if (packed.has(path)) {
        const text = withoutComments(readFileSync(join(dir, path), 'utf8'));
        if (/(^|[^.\w])require\s*\(|\bmodule\.exports\b/m.test(text) || !/^\s*(import|export)\b/m.test(text))
          problems.push(`exports "${subpath}": ${runtime} does not read as an ES module`);
      }
      if (subpath !== './package.json' && !has(path.replace(/\.js$/, '.d.ts')))
        problems.push(`exports "${subpath}": ${runtime} has no .d.ts beside it`);
    }
  }

  // Built files an exports pattern names (`./dist/cdn/*`) are exported as they are.
  const byPattern = (path) => patterns.some(([prefix, suffix]) => path.startsWith(prefix) && path.endsWith(suffix));
  for (const path of paths) if (path.startsWith('dist/') && byPattern(path)) needed.add(path);

  // What the export targets import, transitively, with each module's types and source maps; then the
  // sources those maps point at. A module nothing reaches is not needed, in dist/ or outside it.
  const queue = [...needed];
  const need = (path) => {
    if (packed.has(path) && !needed.has(path)) {
      needed.add(path);
      queue.push(path);
    }
  };
  while (queue.length) {
    const file = queue.pop();
    if (file.endsWith('.js')) for (const extra of ['.js.map', '.d.ts', '.d.ts.map']) need(file.replace(/\.js$/, extra));
    // A module's types and its JavaScript go together (a types-only module compiles to an empty one).
    if (file.endsWith('.d.ts')) for (const extra of ['.d.ts.map', '.js']) need(file.replace(/\.d\.ts$/, extra));
    if (!code.test(file)) continue;
    for (const specifier of importsIn(readFileSync(join(dir, file), 'utf8'))) {
      const target = resolveIn(packed, file, specifier);
      if (target) need(target);
    }
  }
  for (const file of [...needed].filter((path) => path.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (map.sourcesContent?.some((content) => content)) continue;
    for (const source of map.sources ?? []) needed.add(posix.normalize(posix.join(posix.dirname(file), source)));
  }

  for (const path of paths) {
    const bad = forbidden.find(([pattern]) => pattern.test(path));
    if (bad) {
      problems.push(`${path} is ${bad[1]}; it must not be published`);
      continue;
    }
    if (metadata.test(path) || needed.has(path)) continue;
    const matched = byPattern(path);
    if (matched && !code.test(path)) continue;
    const exception = allowed.find(
      (entry) => (entry.package === '*' || entry.package === manifest.name) && entry.pattern.test(path),
    );
    if (exception) {
      used.add(exception);
      continue;
    }
    problems.push(
      matched
        ? `${path} is code under an exports pattern that no export imports`
        : `${path} is packed, but no export, import or source map needs it`,
    );
  }
  return { problems, used };
}

/** The workspaces that npm would publish. */
export function publishedPackages() {
  return workspacePackages().filter((pkg) => !pkg.manifest.private);
}

/**
 * The check must be able to fail: a made-up package with every fault it looks for must give each
 * problem, or the check itself is broken.
 */
export function selfTest() {
  const dir = mkdtempSync(join(tmpdir(), 'oc-check-pack-'));
  const files = {
    'package.json': '{}',
    LICENSE: 'EUPL',
    'dist/index.js': "const x = require('./other.js');\nmodule.exports = x;\n",
    'dist/other.js': 'export const other = 1;\n',
    'dist/unused.js': 'export const unused = 1;\n',
    'dist/index.test.js': 'export {};\n',
    'src/index.ts': "export * from './used.js';\n",
    'src/used.ts': 'export const used = 1;\n',
    'src/forgotten.ts': 'export const forgotten = 1;\n',
    'stories/x.stories.ts': 'export default {};\n',
    'data/a.json': '[]',
  };
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const manifest = {
      name: 'self-test',
      customElements: 'custom-elements.json',
      exports: {
        '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
        './extra.js': './dist/extra.js',
        './data/*': './data/*.json',
        './none/*': './none/*.json',
      },
    };
    const { problems } = checkPackage(manifest, dir, Object.keys(files));
    const expected = [
      'README.md is missing',
      'custom-elements.json ("customElements") is missing',
      '"type" is not "module"',
      'exports "./extra.js": ./dist/extra.js is not packed',
      'exports "./none/*": nothing packed matches',
      'does not read as an ES module',
      'has no .d.ts beside it',
      'dist/index.test.js is a test',
      'stories/x.stories.ts is a story',
      'src/forgotten.ts is packed, but no export',
      'dist/unused.js is packed, but no export',
    ];
    const missed = expected.filter((text) => !problems.some((problem) => problem.includes(text)));
    const wrong = problems.filter((problem) => /src\/(index|used)\.ts|data\/a\.json/.test(problem));
    if (missed.length || wrong.length)
      throw new Error(
        `check-pack's self-test: ${missed.length ? `not found: ${missed.join('; ')}` : ''}` +
          `${wrong.length ? ` wrongly found: ${wrong.join('; ')}` : ''}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function checkPack() {
  selfTest();
  const packages = publishedPackages();
  const args = ['pack', '--dry-run', '--json', '--ignore-scripts', ...packages.flatMap((pkg) => ['-w', pkg.folder])];
  const output = await run('npm', args, { quiet: true });
  const start = output.indexOf('[');
  const results = JSON.parse(output.slice(start, output.lastIndexOf(']') + 1));
  const problems = [];
  const used = new Set();
  for (const pkg of packages) {
    const result = results.find((entry) => entry.name === pkg.name);
    if (!result) {
      problems.push(`${pkg.name}: npm pack gave no result`);
      continue;
    }
    const paths = result.files.map((file) => file.path);
    const checked = checkPackage(pkg.manifest, pkg.dir, paths);
    problems.push(...checked.problems.map((problem) => `${pkg.name}: ${problem}`));
    for (const entry of checked.used) used.add(entry);
  }
  for (const entry of allowed)
    if (!used.has(entry) && !entry.optional)
      problems.push(`allowed exception ${entry.pattern} for ${entry.package} matched nothing: remove it`);
  if (problems.length) throw new Error(`npm pack content:\n  ${problems.join('\n  ')}`);
  return { packages: packages.length, exceptions: allowed.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  checkPack()
    .then(({ packages, exceptions }) =>
      console.log(
        `npm pack: ${packages} packages as they should be (${exceptions} known exceptions, see check-pack.mjs)`,
      ),
    )
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
