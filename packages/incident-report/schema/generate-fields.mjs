#!/usr/bin/env node
/**
 * Writes report-fields.js and report-fields.d.ts from incident-report.schema.json: the ONE list of a
 * report's fields and of the answers each closed field may hold. The form (src/report-model.ts), the
 * receiver's export (packages/server/src/reports.mjs) and the staff console (labels and report page)
 * all read these lists, so a field added to the schema reaches each of them, and the tests fail
 * where one has no column or no label for it.
 *
 * After changing the schema: `node packages/incident-report/schema/generate-fields.mjs`.
 * `packages/server/test/report-fields.test.mjs` fails while the written lists differ from the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** The schema as a plain object, read from this folder. */
export function readSchema() {
  return JSON.parse(readFileSync(here('./incident-report.schema.json'), 'utf8'));
}

/** The closed answers of one property (enum or const), or undefined. */
function choicesOf(property) {
  if (Array.isArray(property?.enum)) return property.enum;
  if (property && 'const' in property) return [property.const];
  if (Array.isArray(property?.oneOf)) {
    const values = property.oneOf.flatMap((branch) => choicesOf(branch) ?? []);
    return values.length ? values : undefined;
  }
  return undefined;
}

/** The properties of an object schema, merged over `oneOf` branches (as `place` has), in order. */
function propertiesOf(node) {
  const merged = {};
  for (const branch of [node, ...(node.oneOf ?? [])]) {
    for (const [name, property] of Object.entries(branch.properties ?? {})) {
      const known = merged[name];
      if (!known) merged[name] = property;
      else {
        // The same name in several branches (place.kind: "online" | "offline"): join their answers.
        const values = [...(choicesOf(known) ?? []), ...(choicesOf(property) ?? [])];
        merged[name] = { enum: [...new Set(values)] };
      }
    }
  }
  return merged;
}

const isObjectNode = (node) => node?.type === 'object' || Boolean(node?.properties) || Boolean(node?.oneOf);

function kindOf(property) {
  const choices = choicesOf(property);
  if (choices) return 'choice';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'integer' || property.type === 'number') return 'number';
  if (property.format === 'date-time') return 'date-time';
  return 'text';
}

/**
 * Every field of a report, in the schema's order, nested objects as dotted paths:
 * `{ path, kind }` with kind `text`, `number`, `boolean`, `date-time`, `choice` (one answer),
 * `choices` (a list of answers), or `list` (a list of objects: `item` holds their fields, `key`
 * the field that tells the items apart when there is one, `max` the most items).
 */
export function deriveFields(schema) {
  const fields = [];
  const walk = (node, prefix) => {
    for (const [name, property] of Object.entries(propertiesOf(node))) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (property.type === 'array' && isObjectNode(property.items)) {
        const itemProperties = propertiesOf(property.items);
        const required = property.items.required ?? [];
        const key = required.find((field) => choicesOf(itemProperties[field]) && required.length === 1);
        fields.push({
          path,
          kind: 'list',
          ...(key ? { key } : {}),
          ...(property.maxItems ? { max: property.maxItems } : {}),
          item: Object.keys(itemProperties),
        });
      } else if (property.type === 'array') {
        fields.push({ path, kind: 'choices' });
      } else if (isObjectNode(property) && !choicesOf(property)) {
        walk(property, path);
      } else {
        fields.push({ path, kind: kindOf(property) });
      }
    }
  };
  walk(schema, '');
  return fields;
}

/**
 * The answers of every closed field, by path (`reportedElsewhere.to`, `attachments.type`). A list of
 * answers that differs by version (`biasMotivations`) is given for the current version, and all the
 * versions' answers under `<path>@<version>` (e.g. `biasMotivations@1`).
 */
export function deriveChoices(schema) {
  const choices = {};
  const walk = (node, prefix) => {
    for (const [name, property] of Object.entries(propertiesOf(node))) {
      const path = prefix ? `${prefix}.${name}` : name;
      const own = choicesOf(property) ?? (property.type === 'array' ? choicesOf(property.items) : undefined);
      if (own) choices[path] = own;
      else if (property.type === 'array' && isObjectNode(property.items)) walk(property.items, path);
      else if (isObjectNode(property)) walk(property, path);
    }
  };
  walk(schema, '');
  // Answers that each version holds to its own list: `allOf` [{ if schemaVersion const N, then …, else … }].
  const versions = choicesOf(schema.properties?.schemaVersion) ?? [];
  const current = Math.max(...versions.filter((value) => typeof value === 'number'));
  for (const rule of schema.allOf ?? []) {
    const version = rule.if?.properties?.schemaVersion?.const;
    if (version === undefined) continue;
    const other = versions.filter((value) => value !== version);
    for (const [branch, forVersions] of [
      [rule.then, [version]],
      [rule.else, other],
    ]) {
      for (const [name, property] of Object.entries(branch?.properties ?? {})) {
        const values = choicesOf(property) ?? choicesOf(property.items);
        if (!values) continue;
        for (const each of forVersions) {
          choices[`${name}@${each}`] = values;
          if (each === current) choices[name] = values;
        }
      }
    }
  }
  return choices;
}

const banner = '// Written by generate-fields.mjs from incident-report.schema.json. Do not edit: run it again.\n';

function javascript(fields, choices) {
  return `${banner}
/** Every field of a report, in the schema's order (see generate-fields.mjs for the kinds). */
export const reportFields = ${JSON.stringify(fields, null, 2)};

/** The answers each closed field may hold, by path; \`<path>@<version>\` for one version's own list. */
export const reportChoices = ${JSON.stringify(choices, null, 2)};
`;
}

function declarations(fields, choices) {
  const literal = (values) => `readonly [${values.map((value) => JSON.stringify(value)).join(', ')}]`;
  const choiceLines = Object.entries(choices)
    .map(([path, values]) => `  readonly ${JSON.stringify(path)}: ${literal(values)};`)
    .join('\n');
  const paths = fields.map((field) => JSON.stringify(field.path)).join('\n  | ');
  return `${banner}
/** A field's path in a report: nested objects dotted (\`place.district\`). */
export type ReportFieldPath =
  | ${paths};

export interface ReportField {
  readonly path: ReportFieldPath;
  readonly kind: 'text' | 'number' | 'boolean' | 'date-time' | 'choice' | 'choices' | 'list';
  /** For a list: the fields of each item. */
  readonly item?: readonly string[];
  /** For a list: the field whose answer tells the items apart. */
  readonly key?: string;
  /** For a list: the most items it may hold. */
  readonly max?: number;
}

/** Every field of a report, in the schema's order. */
export declare const reportFields: readonly ReportField[];

/** The answers each closed field may hold, by path; \`<path>@<version>\` for one version's own list. */
export declare const reportChoices: {
${choiceLines}
};
`;
}

export async function writeFields() {
  const schema = readSchema();
  const fields = deriveFields(schema);
  const choices = deriveChoices(schema);
  const { format, resolveConfig } = await import('prettier');
  for (const [file, text] of [
    ['./report-fields.js', javascript(fields, choices)],
    ['./report-fields.d.ts', declarations(fields, choices)],
  ]) {
    const path = here(file);
    const options = (await resolveConfig(path)) ?? {};
    writeFileSync(path, await format(text, { ...options, filepath: path }));
  }
  return { fields, choices };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fields } = await writeFields();
  console.log(`report-fields.js: ${fields.length} fields`);
}
