#!/usr/bin/env node
/**
 * Translations of every package, through lit-localize (runtime mode, XLIFF in each package's xliff/).
 *
 *   node scripts/localize.mjs build    generate src/generated/locales/<locale>.ts for each package
 *   node scripts/localize.mjs extract  add new source strings to the XLIFF files (for translators)
 *   node scripts/localize.mjs check    fail on a missing, stale or broken translation
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

const root = new URL('..', import.meta.url).pathname;

export function localizedPackages() {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'lit-localize.json'))
    .filter((path) => existsSync(path));
}

function localizerFor(configPath) {
  const config = readConfigFileAndWriteSchema(configPath);
  return new RuntimeLitLocalizer(config);
}

/** The locales core ships, read from its source so that there is one list. */
function shippedLocales() {
  const source = readFileSync(join(root, 'packages/core/src/locale/locales.ts'), 'utf8');
  const list = source.match(/supportedLocales = \[([^\]]*)\]/)?.[1];
  if (!list) throw new Error('supportedLocales not found in packages/core/src/locale/locales.ts');
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

/** Problems of one package's translations, as sentences; empty when complete. */
export function checkPackage(configPath) {
  const localizer = localizerFor(configPath);
  const where = relative(root, join(configPath, '..'));
  const problems = [];
  const { messages } = localizer.extractSourceMessages();
  const { translations } = localizer.readTranslationsSync();
  const sourceIds = new Set(messages.map((message) => message.name));
  const expected = shippedLocales().filter((locale) => locale !== localizer.config.sourceLocale);
  const configured = localizer.config.targetLocales;
  for (const locale of expected) {
    if (!configured.includes(locale)) problems.push(`${where}: lit-localize.json does not list "${locale}"`);
  }
  for (const locale of configured) {
    const translated = translations.get(locale) ?? [];
    const translatedIds = new Set(translated.map((message) => message.name));
    for (const message of messages) {
      if (!translatedIds.has(message.name)) {
        const text = message.contents.map((part) => (typeof part === 'string' ? part : '{…}')).join('');
        problems.push(`${where}: no ${locale} translation for "${text}" (${message.name})`);
      }
    }
    for (const message of translated) {
      if (!sourceIds.has(message.name)) {
        problems.push(
          `${where}: stale ${locale} translation ${message.name}: its source string is gone; run npm run localize:extract`,
        );
      }
    }
  }
  problems.push(...localizer.validateTranslations().errors.map((error) => `${where}: ${error}`));
  return problems;
}

async function main(command) {
  const packages = localizedPackages();
  if (command === 'build') {
    // Missing strings are the check's business; the build should not drown the log in them.
    const warn = console.warn;
    console.warn = () => {};
    try {
      for (const configPath of packages) await localizerFor(configPath).build();
    } finally {
      console.warn = warn;
    }
    console.log(`localize: generated translations of ${packages.length} packages`);
  } else if (command === 'extract') {
    for (const configPath of packages) await localizerFor(configPath).writeInterchangeFiles();
    console.log(
      `localize: updated the XLIFF files of ${packages.length} packages; translate every unit without a <target>`,
    );
  } else if (command === 'check') {
    const problems = packages.flatMap(checkPackage);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      console.error(`translations: ${problems.length} problem(s). See docs/adding-a-language.md.`);
      process.exitCode = 1;
    } else {
      console.log(`translations: complete for ${shippedLocales().join(', ')} in ${packages.length} packages`);
    }
  } else {
    console.error('usage: node scripts/localize.mjs build|extract|check');
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // lit-localize reads paths relative to the working directory's config; run from the root.
  process.chdir(root);
  await main(process.argv[2]);
}
