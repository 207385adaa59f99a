#!/usr/bin/env node
/**
 * Translations of every package, through lit-localize (runtime mode, XLIFF in each package's xliff/).
 *
 *   node scripts/localize.mjs build    generate src/generated/locales/<locale>.ts and loaders.ts for
 *                                      each package, and the pseudo-locales in .cache/pseudo-locales/
 *   node scripts/localize.mjs extract  add new source strings to the XLIFF files (for translators)
 *   node scripts/localize.mjs check    fail on a missing, stale or broken translation of a supported
 *                                      locale, or on one that does not use the glossary's terms
 *
 * The languages come from one place, packages/core/src/locale/locales.ts: `supportedLocales` (shipped,
 * must be complete) and `plannedLocales` (being translated: generated, counted, not shipped). They
 * override every lit-localize.json's `targetLocales` here, so those files cannot drift; `extract`
 * writes the list back into them for anyone who runs lit-localize's own CLI.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

const root = new URL('..', import.meta.url).pathname;
const localesFile = join(root, 'packages/core/src/locale/locales.ts');
const glossaryFile = join(root, 'docs/translation-glossary.md');
/** Where the pseudo-locales' strings are generated: not committed, not shipped. */
export const pseudoDir = join(root, '.cache/pseudo-locales');

export function localizedPackages() {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'lit-localize.json'))
    .filter((path) => existsSync(path));
}

/** The locale lists of core's locales.ts, read from its source so that there is one list. */
export function localeLists() {
  const source = readFileSync(localesFile, 'utf8');
  const list = (name) => {
    const found = source.match(new RegExp(`export const ${name} = \\[([^\\]]*)\\]`))?.[1];
    if (found === undefined) throw new Error(`${name} not found in ${relative(root, localesFile)}`);
    return [...found.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  };
  const sourceLocale = source.match(/export const sourceLocale = '([^']+)'/)?.[1];
  if (!sourceLocale) throw new Error(`sourceLocale not found in ${relative(root, localesFile)}`);
  return {
    sourceLocale,
    supported: list('supportedLocales').filter((locale) => locale !== sourceLocale),
    planned: list('plannedLocales'),
    pseudo: list('pseudoLocales'),
  };
}

const where = (configPath) => relative(root, join(configPath, '..'));

/** A package's localizer, its target locales set from core's lists. */
function localizerFor(configPath, lists = localeLists()) {
  const config = readConfigFileAndWriteSchema(configPath);
  config.targetLocales = [...lists.supported, ...lists.planned];
  return new RuntimeLitLocalizer(config);
}

/** A message's text, placeholders shown as {…}. */
const textOf = (contents) => contents.map((part) => (typeof part === 'string' ? part : '{…}')).join('');

/** For each target locale, the source messages it has no translation for. */
function missingTranslations(localizer) {
  const { messages } = localizer.extractSourceMessages();
  const { translations } = localizer.readTranslationsSync();
  const missing = new Map();
  for (const locale of localizer.config.targetLocales) {
    const translated = new Set((translations.get(locale) ?? []).map((message) => message.name));
    missing.set(
      locale,
      messages.filter((message) => !translated.has(message.name)),
    );
  }
  return missing;
}

/**
 * The file that registers a package's translations: src/translations.ts next to the generated
 * folder. It must register every supported locale, best through the generated loaders.ts.
 */
function loaderProblems(localizer, lists) {
  const outputDir = localizer.config.resolve(localizer.config.output.outputDir);
  const file = join(outputDir, '..', '..', 'translations.ts');
  if (!existsSync(file)) return [];
  const code = readFileSync(file, 'utf8');
  if (code.includes('generated/locales/loaders.js')) return [];
  return lists.supported
    .filter((locale) => !code.includes(`generated/locales/${locale}.js`))
    .map(
      (locale) =>
        `${relative(root, file)} does not load "${locale}": register the generated loaders instead of a list ` +
        `(import { loaders } from './generated/locales/loaders.js'; registerTranslations(loaders);)`,
    );
}

/** Problems of one package's translations, as sentences (empty when complete), and notes. */
export function checkPackage(configPath, lists = localeLists()) {
  const localizer = localizerFor(configPath, lists);
  const name = where(configPath);
  const problems = [];
  const notes = [];
  const { messages } = localizer.extractSourceMessages();
  const { translations } = localizer.readTranslationsSync();
  const sourceIds = new Set(messages.map((message) => message.name));
  const missing = missingTranslations(localizer);
  for (const locale of lists.supported) {
    for (const message of missing.get(locale)) {
      problems.push(`${name}: no ${locale} translation for "${textOf(message.contents)}" (${message.name})`);
    }
  }
  for (const locale of localizer.config.targetLocales) {
    for (const message of translations.get(locale) ?? []) {
      if (!sourceIds.has(message.name)) {
        problems.push(
          `${name}: stale ${locale} translation ${message.name}: its source string is gone; run npm run localize:extract`,
        );
      }
    }
  }
  problems.push(...localizer.validateTranslations().errors.map((error) => `${name}: ${error}`));
  problems.push(...loaderProblems(localizer, lists));
  const configured = JSON.parse(readFileSync(configPath, 'utf8')).targetLocales ?? [];
  if (configured.join() !== localizer.config.targetLocales.join()) {
    notes.push(
      `${name}: lit-localize.json lists ${configured.join(' ')}; npm run localize:extract writes core's list into it`,
    );
  }
  return {
    name,
    problems,
    notes,
    messages,
    translations,
    planned: lists.planned.map((locale) => ({ locale, missing: missing.get(locale).length, of: messages.length })),
  };
}

// --- pseudo-locales ----------------------------------------------------------------------------

const accents = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index],
  ]),
);

/**
 * A source text in a pseudo-locale. `en-XA`: every letter accented, the whole message in brackets
 * and about 40% longer ("[Šéàŕçĥ šéŕṽîçéš ···]"), to find text outside msg() and layouts that
 * clip. `ar-XB`: the text mirrored with right-to-left overrides, on a right-to-left page.
 * HTML entities are kept. `first`/`last` say whether the text starts or ends the message.
 */
export function pseudoLocalize(text, locale, { first = true, last = true, length = text.length } = {}) {
  if (locale === 'ar-XB') return text.trim() ? `\u202e${text}\u202c` : text;
  const accented = text
    .split(/(&[a-zA-Z]+;|&#\d+;)/)
    .map((piece, index) => (index % 2 ? piece : piece.replace(/[a-zA-Z]/g, (letter) => accents[letter])))
    .join('');
  const padding = '·'.repeat(Math.max(1, Math.ceil(length * 0.4) - 3));
  return `${first ? '[' : ''}${accented}${last ? ` ${padding}]` : ''}`;
}

/** A message's contents in a pseudo-locale, placeholders kept in place. */
function pseudoContents(contents, locale) {
  const parts = contents.length > 0 ? [...contents] : [''];
  if (locale === 'en-XA') {
    // The brackets go around the whole message, also when it starts or ends with a placeholder.
    if (typeof parts[0] !== 'string') parts.unshift('');
    if (typeof parts.at(-1) !== 'string') parts.push('');
  }
  const length = parts.reduce((sum, part) => sum + (typeof part === 'string' ? part.length : 4), 0);
  return parts.map((part, index) =>
    typeof part === 'string'
      ? pseudoLocalize(part, locale, { first: index === 0, last: index === parts.length - 1, length })
      : part,
  );
}

/**
 * Write the pseudo-locales' strings for every package's messages into .cache/pseudo-locales/, in
 * lit-localize's own module format, and an index that tests and Storybook register.
 */
async function buildPseudoLocales(packages, lists) {
  const byName = new Map();
  for (const { localizer } of packages) {
    for (const message of localizer.extractSourceMessages().messages) byName.set(message.name, message);
  }
  const messages = [...byName.values()];
  const config = packages[0].localizer.config;
  const pseudo = new RuntimeLitLocalizer({
    ...config,
    targetLocales: lists.pseudo,
    output: { ...config.output, outputDir: pseudoDir },
  });
  pseudo._sourceMessages = { messages, errors: [] };
  pseudo._translations = {
    translations: new Map(
      lists.pseudo.map((locale) => [
        locale,
        messages.map((message) => ({ name: message.name, contents: pseudoContents(message.contents, locale) })),
      ]),
    ),
  };
  mkdirSync(pseudoDir, { recursive: true });
  await pseudo.build();
  const entries = lists.pseudo.map((locale) => `  '${locale}': () => import('./${locale}.js'),`).join('\n');
  writeFileSync(
    join(pseudoDir, 'index.ts'),
    `// Generated by scripts/localize.mjs from every package's source strings. Do not edit.\n` +
      `/** The pseudo-locales' strings of every package, for allowPseudoLocales() in tests and Storybook. */\n` +
      `export const pseudoLoaders = {\n${entries}\n};\n`,
  );
  return messages.length;
}

/** src/generated/locales/loaders.ts of a package: a lazy loader per supported locale. */
function writeLoaders(localizer, lists) {
  const outputDir = localizer.config.resolve(localizer.config.output.outputDir);
  const entries = lists.supported.map((locale) => `  ${locale}: () => import('./${locale}.js'),`).join('\n');
  writeFileSync(
    join(outputDir, 'loaders.ts'),
    `// Generated by scripts/localize.mjs from supportedLocales in packages/core/src/locale/locales.ts. Do not edit.\n` +
      `/** This package's translations, one lazy module per supported locale, for registerTranslations(). */\n` +
      `export const loaders = {\n${entries}\n};\n`,
  );
}

/** Write core's list into a lit-localize.json, keeping the rest of the file as it is. */
function syncConfig(configPath, targets) {
  const text = readFileSync(configPath, 'utf8');
  const list = `[${targets.map((locale) => JSON.stringify(locale)).join(', ')}]`;
  const updated = text.replace(/"targetLocales"\s*:\s*\[[^\]]*\]/, `"targetLocales": ${list}`);
  if (updated !== text) writeFileSync(configPath, updated);
}

const plannedSummary = (counts) => [...counts].map(([locale, missing]) => `${locale} ${missing}`).join(', ');

// --- glossary ----------------------------------------------------------------------------------

/** Text as the glossary check compares it: lower case, without marks that vary between writers. */
export function normaliseForGlossary(text) {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // Arabic vowel marks and tatweel
    .replace(/[\u093c]/g, '') // Devanagari nukta
    .replace(/\u0307/g, '') // the dot Turkish İ leaves after lower-casing
    .replace(/\u200c|\u200d|\u200e|\u200f/g, '') // joiners and direction marks
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[’ʼ]/g, "'");
}

const cells = (line) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
const codeSpans = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/**
 * The machine-readable half of docs/translation-glossary.md: its terms (with the source pattern
 * that finds each, and the packages it applies to), each language's stems, and pending changes.
 */
export function readGlossary(path = glossaryFile) {
  const terms = new Map();
  const stems = new Map(); // locale → term → [stems]
  const pending = []; // { locale, term, ids: '*' | Set, stems }
  let section;
  let locale;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const heading = line.match(/^## (.+)$/);
    if (heading) {
      section = heading[1];
      locale = section.match(/\(`([a-z]{2,3})`\)\s*$/)?.[1];
      if (section.startsWith('Terms')) section = 'terms';
      else if (section.startsWith('Pending')) section = 'pending';
      else if (locale) section = 'language';
      else section = undefined;
      continue;
    }
    if (!line.startsWith('|') || /^\|[\s:|-]+\|$/.test(line.trim())) continue;
    const row = cells(line);
    const term = row[0].replace(/\*\*/g, '');
    if (section === 'terms' && term !== 'Term') {
      const [pattern] = codeSpans(row[2] ?? '');
      if (!pattern) continue;
      const scope = codeSpans(row[3] ?? '');
      terms.set(term, { pattern: new RegExp(pattern.replace(/^\/|\/i?$/g, ''), 'iu'), scope });
    } else if (section === 'language' && term !== 'Term') {
      const list = codeSpans(row[2] ?? '').map(normaliseForGlossary);
      if (!stems.has(locale)) stems.set(locale, new Map());
      if (list.length > 0) stems.get(locale).set(term, list);
    } else if (section === 'pending' && row[0] !== 'Locale') {
      const [pendingLocale, pendingTerm, ids, now] = row;
      pending.push({
        locale: pendingLocale.replace(/`/g, ''),
        term: pendingTerm.replace(/\*\*/g, ''),
        ids: ids.trim() === '*' ? '*' : new Set(codeSpans(ids)),
        stems: codeSpans(now).map(normaliseForGlossary),
        used: 0,
      });
    }
  }
  for (const term of [...stems.values()].flatMap((byTerm) => [...byTerm.keys()])) {
    if (!terms.has(term)) throw new Error(`${relative(root, path)}: "${term}" is not in the Terms table`);
  }
  return { terms, stems, pending };
}

/**
 * Where a source string uses a glossary term, its translation must contain one of the term's stems
 * in that language. Returns violations and uses of pending (old) terms, as sentences.
 */
export function checkGlossary(results, glossary, locales) {
  const violations = [];
  const pendingUses = [];
  for (const { name, messages, translations } of results) {
    const packageName = name.split('/').pop();
    for (const locale of locales) {
      const byTerm = glossary.stems.get(locale);
      if (!byTerm) continue;
      const translated = new Map((translations.get(locale) ?? []).map((message) => [message.name, message]));
      for (const message of messages) {
        const target = translated.get(message.name);
        if (!target) continue;
        const source = message.contents.map((part) => (typeof part === 'string' ? part : ' ')).join('');
        const text = normaliseForGlossary(
          target.contents.map((part) => (typeof part === 'string' ? part : ' ')).join(''),
        );
        for (const [term, { pattern, scope }] of glossary.terms) {
          if (scope.length > 0 && !scope.includes(packageName)) continue;
          const wanted = byTerm.get(term);
          if (!wanted || !pattern.test(source)) continue;
          if (wanted.some((stem) => text.includes(stem))) continue;
          const excuse = glossary.pending.find(
            (entry) =>
              entry.locale === locale &&
              entry.term === term &&
              (entry.ids === '*' || entry.ids.has(message.name)) &&
              (entry.stems.length === 0 || entry.stems.some((stem) => text.includes(stem))),
          );
          const line = `${name}: ${locale} ${message.name} "${textOf(target.contents)}" does not use "${wanted.join(' / ')}" for "${term}" (source: "${textOf(message.contents)}")`;
          if (excuse) {
            excuse.used++;
            pendingUses.push(line);
          } else violations.push(line);
        }
      }
    }
  }
  const unused = glossary.pending
    .filter((entry) => entry.used === 0 && locales.includes(entry.locale))
    .map(
      (entry) =>
        `glossary: the pending change of "${entry.term}" in ${entry.locale} is done; remove it from the Pending changes table`,
    );
  return { violations, pendingUses, unused };
}

/**
 * The glossary check on made-up strings, so that it cannot pass by finding nothing: in every locale,
 * a translation of "Send report" without the glossary's word for "report" must be a violation, and
 * one with it must pass. Throws when the glossary or the check is broken.
 */
export function selfTestGlossary(glossary, locales) {
  const source = { name: 'glossary-self-test', contents: ['Send report'] };
  for (const locale of locales) {
    const [stem] = glossary.stems.get(locale)?.get('report') ?? [];
    if (!stem) throw new Error(`docs/translation-glossary.md has no stems for "report" in ${locale}`);
    const run = (text) =>
      checkGlossary(
        [
          {
            name: 'self-test',
            messages: [source],
            translations: new Map([[locale, [{ name: source.name, contents: [text] }]]]),
          },
        ],
        { ...glossary, pending: [] },
        [locale],
      ).violations.length;
    if (run('—') !== 1 || run(`— ${stem} —`) !== 0) throw new Error(`the glossary check does not work for ${locale}`);
  }
}

/**
 * The same source string translated differently in two packages (the form and the staff console
 * both say "Physical attack"): one thing, two words. Returned as sentences, for reviewers.
 */
export function inconsistentTranslations(results, locales) {
  const lines = [];
  for (const locale of locales) {
    const seen = new Map(); // id → { text, where }
    for (const { name, translations } of results) {
      for (const message of translations.get(locale) ?? []) {
        const text = textOf(message.contents);
        const earlier = seen.get(message.name);
        if (!earlier) seen.set(message.name, { text, where: name });
        else if (earlier.text !== text) {
          lines.push(`${locale} ${message.name}: "${earlier.text}" in ${earlier.where}, "${text}" in ${name}`);
        }
      }
    }
  }
  return lines;
}

// --- commands ----------------------------------------------------------------------------------

async function main(command) {
  const packages = localizedPackages();
  const lists = localeLists();
  if (command === 'build') {
    // Missing strings are the check's business; the build should not drown the log in them.
    const warn = console.warn;
    console.warn = () => {};
    const built = [];
    const missing = new Map();
    try {
      for (const configPath of packages) {
        const localizer = localizerFor(configPath, lists);
        await localizer.build();
        writeLoaders(localizer, lists);
        for (const [locale, messages] of missingTranslations(localizer)) {
          missing.set(locale, (missing.get(locale) ?? 0) + messages.length);
        }
        built.push({ configPath, localizer });
      }
      const count = await buildPseudoLocales(built, lists);
      console.log(
        `localize: generated translations of ${packages.length} packages, and ${lists.pseudo.join(', ')} from ${count} strings`,
      );
    } finally {
      console.warn = warn;
    }
    // One line per list, every locale with its count, so that a new language's progress shows in
    // every build log (a supported locale's missing strings also fail `localize.mjs check`).
    const supported = new Map(lists.supported.map((locale) => [locale, missing.get(locale) ?? 0]));
    const incomplete = [...supported.values()].some((count) => count > 0);
    console.log(
      `localize: strings missing per supported locale${incomplete ? ' (shown in English until translated)' : ''}: ${plannedSummary(supported)}`,
    );
    if (lists.planned.length > 0) {
      const planned = new Map(lists.planned.map((locale) => [locale, missing.get(locale) ?? 0]));
      console.log(`localize: planned locales, strings still missing: ${plannedSummary(planned)}`);
    }
  } else if (command === 'extract') {
    for (const configPath of packages) {
      const localizer = localizerFor(configPath, lists);
      await localizer.writeInterchangeFiles();
      syncConfig(configPath, localizer.config.targetLocales);
    }
    console.log(
      `localize: updated the XLIFF files of ${packages.length} packages for ${[...lists.supported, ...lists.planned].join(' ')}; translate every unit without a <target>`,
    );
  } else if (command === 'check') {
    const results = packages.map((configPath) => checkPackage(configPath, lists));
    const problems = results.flatMap((result) => result.problems);
    const glossary = readGlossary();
    selfTestGlossary(glossary, [...lists.supported, ...lists.planned]);
    const shipped = checkGlossary(results, glossary, lists.supported);
    const planned = checkGlossary(results, readGlossary(), lists.planned);
    problems.push(...shipped.violations);
    for (const note of results.flatMap((result) => result.notes)) console.log(note);
    for (const locale of lists.planned) {
      const counts = results.map((result) => {
        const { missing, of } = result.planned.find((entry) => entry.locale === locale);
        return `${result.name.replace(/^packages\//, '')} ${missing}/${of}`;
      });
      console.log(`translations: planned ${locale}, strings still missing: ${counts.join(', ')}`);
    }
    if (planned.violations.length > 0) {
      console.log(
        `glossary: ${planned.violations.length} planned-locale translation(s) not following the glossary yet:`,
      );
      console.log(planned.violations.map((line) => `  ${line}`).join('\n'));
    }
    if (shipped.pendingUses.length > 0) {
      console.log(
        `glossary: ${shipped.pendingUses.length} translation(s) still use a term the glossary replaces (see its Pending changes)`,
      );
    }
    for (const line of shipped.unused) console.log(line);
    const inconsistent = inconsistentTranslations(results, lists.supported);
    if (inconsistent.length > 0) {
      console.log(`glossary: ${inconsistent.length} source string(s) translated differently in two packages:`);
      console.log(inconsistent.map((line) => `  ${line}`).join('\n'));
    }
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      console.error(
        `translations: ${problems.length} problem(s). See docs/adding-a-language.md and docs/translation-glossary.md.`,
      );
      process.exitCode = 1;
    } else {
      console.log(
        `translations: complete for ${[lists.sourceLocale, ...lists.supported].join(', ')} in ${packages.length} packages, following the glossary`,
      );
    }
  } else if (command === 'glossary') {
    // Every translation against the glossary, pending changes included: for reviewers.
    const results = packages.map((configPath) => checkPackage(configPath, lists));
    const { violations, pendingUses } = checkGlossary(results, readGlossary(), [...lists.supported, ...lists.planned]);
    console.log(
      [...violations, ...pendingUses.map((line) => `(pending) ${line}`)].join('\n') || 'glossary: no violations',
    );
  } else {
    console.error('usage: node scripts/localize.mjs build|extract|check|glossary');
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // lit-localize reads paths relative to the working directory's config; run from the root.
  process.chdir(root);
  await main(process.argv[2]);
}
