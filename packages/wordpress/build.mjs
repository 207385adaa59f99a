#!/usr/bin/env node
/**
 * Makes the plugin ready to install, after `npm run build`:
 * - copies the drop-in build (packages/widgets/dist/cdn, without source maps) into dist/cdn/, so a
 *   WordPress site loads the widgets from itself, never from a CDN;
 * - writes the version of @open-city/widgets into the plugin header, OC_WIDGETS_VERSION, readme.txt's
 *   Stable tag and each block.json;
 * - compiles languages/*.po into dist/languages/*.mo (with gettext's msgfmt, when it is installed).
 * `--check` changes nothing and fails when the version anywhere differs (npm test runs that).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cdn = join(here, '../widgets/dist/cdn');
const { version } = JSON.parse(readFileSync(join(here, '../widgets/package.json'), 'utf8'));

/** Each file that names the version, with the pattern that finds it (three groups: before, it, after). */
const versioned = [
  ['open-city-widgets.php', /^( \* Version:\s+)(\S+)()$/m],
  ['open-city-widgets.php', /(define\( 'OC_WIDGETS_VERSION', ')([^']+)(' \);)/],
  ['readme.txt', /^(Stable tag:\s+)(\S+)()$/m],
  ...readdirSync(join(here, 'blocks')).map((type) => [`blocks/${type}/block.json`, /^( {2}"version": ")([^"]+)(",)$/m]),
];

export function versionProblems() {
  return versioned.flatMap(([file, pattern]) => {
    const found = pattern.exec(readFileSync(join(here, file), 'utf8'))?.[2];
    return found === version ? [] : [`${file}: version ${found ?? '(none)'}, @open-city/widgets is ${version}`];
  });
}

export function buildPlugin() {
  if (!existsSync(join(cdn, 'open-city-widgets.js')))
    throw new Error(`No drop-in build in ${cdn}: run npm run build first.`);
  const out = join(here, 'dist/cdn');
  rmSync(join(here, 'dist'), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(cdn, out, { recursive: true, filter: (source) => !source.endsWith('.map') });
  for (const [file, pattern] of versioned) {
    const path = join(here, file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(pattern, (_, before, _old, after) => `${before}${version}${after}`),
    );
  }
  const languages = join(here, 'languages');
  mkdirSync(join(here, 'dist/languages'), { recursive: true });
  for (const po of readdirSync(languages).filter((name) => name.endsWith('.po'))) {
    try {
      execFileSync('msgfmt', ['-o', join(here, 'dist/languages', po.replace(/\.po$/, '.mo')), join(languages, po)]);
    } catch (error) {
      if (error.code === 'ENOENT')
        console.warn("msgfmt (gettext) is not installed: the plugin's .mo files were not made.");
      else throw error;
      break;
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const problems = versionProblems();
    if (problems.length) {
      console.error(problems.join('\n'));
      process.exit(1);
    }
  } else {
    buildPlugin();
    console.log(`WordPress plugin ${version}: packages/wordpress/dist/cdn ready.`);
  }
}
