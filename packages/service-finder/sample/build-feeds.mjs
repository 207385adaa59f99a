#!/usr/bin/env node
/**
 * Builds the Kraków sample directory as one HSDS 3.0 feed per language, all with the same ids:
 * `krakow-services.json` (English, the default) and `krakow-services.{pl,uk,ru,ar}.json`, from the
 * texts in `source/`. Every id is a UUID made from a stable name (`uuid.mjs`), so ids, and links to
 * them, survive a rebuild. Absent optional fields are left out, never `null`.
 *
 *   node packages/service-finder/sample/build-feeds.mjs          # write the feeds
 *   node packages/service-finder/sample/build-feeds.mjs --check  # exit 1 when a feed is out of date
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { areas, languages, organizations, places, terms } from './source/directory.mjs';
import { residenceServices } from './source/services-residence.mjs';
import { helpServices } from './source/services-help.mjs';
import { healthServices } from './source/services-health.mjs';
import { uuidFromName } from './uuid.mjs';

export const sourceServices = [...residenceServices, ...helpServices, ...healthServices];

/** The file of each language's feed, next to this script. */
export function feedFile(language) {
  const name = language === 'en' ? 'krakow-services.json' : `krakow-services.${language}.json`;
  return fileURLToPath(new URL(name, import.meta.url));
}

const id = (...parts) => uuidFromName(parts.join(':'));

/** A text of the source in one language; a missing translation is an error in the source. */
function text(value, language, where) {
  if (value === undefined) return undefined;
  const translated = value[language];
  if (typeof translated !== 'string' || translated.trim() === '') {
    throw new Error(`${where}: no ${language} text`);
  }
  return translated;
}

/** Drops undefined fields, so that the feed has no nulls and no empty keys. */
const compact = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
const nonEmpty = (list) => (list.length > 0 ? list : undefined);

/** The Polish official name as `alternate_name` in the other languages. */
const officialName = (name, language) => (language === 'pl' ? undefined : name.pl);

function organization(key, language) {
  const source = organizations[key];
  if (!source) throw new Error(`unknown organisation ${key}`);
  return compact({
    id: id('organization', key),
    name: text(source.name, language, `organization ${key} name`),
    alternate_name: officialName(source.name, language),
    description: text(source.description, language, `organization ${key} description`),
    website: source.website,
  });
}

function location(key, language) {
  const source = places[key];
  if (!source) throw new Error(`unknown place ${key}`);
  const locationId = id('location', key);
  return compact({
    id: locationId,
    location_type: 'physical',
    organization_id: source.organization ? id('organization', source.organization) : undefined,
    name: text(source.name, language, `place ${key} name`),
    alternate_name: officialName(source.name, language),
    latitude: source.latitude,
    longitude: source.longitude,
    addresses: [
      compact({
        id: id('address', key),
        location_id: locationId,
        address_1: source.street,
        address_2: source.street2 ? text(source.street2, language, `place ${key} street2`) : undefined,
        city: 'Kraków',
        state_province: 'małopolskie',
        postal_code: source.postalCode,
        country: 'PL',
        address_type: 'physical',
      }),
    ],
  });
}

function taxonomyTerm(key, language) {
  const source = terms[key];
  if (!source) throw new Error(`unknown category ${key}`);
  return compact({
    id: id('taxonomy_term', key),
    code: source.code,
    name: text(source.name, language, `category ${key} name`),
    description: text(source.description, language, `category ${key} description`),
    parent_id: source.parent ? id('taxonomy_term', source.parent) : undefined,
    taxonomy: 'Open City Widgets: Kraków categories',
    language,
  });
}

export function buildService(source, language) {
  const serviceId = id('service', source.key);
  const at = (field) => `service ${source.key} ${field}`;
  const termKeys = [...new Set(source.terms)];
  return compact({
    id: serviceId,
    organization_id: source.organization ? id('organization', source.organization) : undefined,
    name: text(source.name, language, at('name')),
    description: text(source.description, language, at('description')),
    url: source.url,
    status: source.status ?? 'active',
    interpretation_services: text(source.interpretation, language, at('interpretation')),
    application_process: text(source.application, language, at('application')),
    fees_description: text(source.fees, language, at('fees')),
    eligibility_description: text(source.eligibility, language, at('eligibility')),
    minimum_age: source.minimumAge,
    maximum_age: source.maximumAge,
    alert: text(source.alert, language, at('alert')),
    organization: source.organization ? organization(source.organization, language) : undefined,
    phones: nonEmpty(
      (source.phones ?? []).map((phone, index) =>
        compact({
          id: id('phone', source.key, index),
          service_id: serviceId,
          number: phone.number,
          type: 'voice',
          description: text(phone.description, language, at(`phone ${index}`)),
        }),
      ),
    ),
    schedules: nonEmpty(
      (source.schedules ?? []).map((schedule, index) =>
        compact({
          id: id('schedule', source.key, index),
          service_id: serviceId,
          freq: 'WEEKLY',
          byday: schedule.byday,
          opens_at: schedule.opens,
          closes_at: schedule.closes,
          notes: text(schedule.notes, language, at(`schedule ${index} notes`)),
        }),
      ),
    ),
    service_areas: source.area
      ? [
          {
            id: id('service_area', source.key, source.area),
            service_id: serviceId,
            name: text(areas[source.area].name, language, at('area')),
          },
        ]
      : undefined,
    service_at_locations: nonEmpty(
      (source.places ?? []).map((place) =>
        compact({
          id: id('service_at_location', source.key, place),
          service_id: serviceId,
          location_id: id('location', place),
          location: location(place, language),
        }),
      ),
    ),
    languages: nonEmpty(
      (source.languages ?? []).map((code) => ({ id: id('language', source.key, code), service_id: serviceId, code })),
    ),
    cost_options: nonEmpty(
      (source.costs ?? []).map((cost, index) =>
        compact({
          id: id('cost_option', source.key, index),
          service_id: serviceId,
          option: text(cost.option, language, at(`cost ${index}`)),
          amount: cost.amount,
          currency: cost.currency,
        }),
      ),
    ),
    required_documents: nonEmpty(
      (source.documents ?? []).map((document, index) => ({
        id: id('required_document', source.key, index),
        service_id: serviceId,
        document: text(document, language, at(`document ${index}`)),
      })),
    ),
    attributes: nonEmpty(
      termKeys.map((key) => ({
        id: id('attribute', source.key, key),
        link_id: serviceId,
        link_type: 'service_category',
        link_entity: 'service',
        taxonomy_term_id: id('taxonomy_term', key),
        taxonomy_term: taxonomyTerm(key, language),
      })),
    ),
  });
}

export function buildFeed(language) {
  const keys = new Set();
  return sourceServices.map((source) => {
    if (keys.has(source.key)) throw new Error(`duplicate service key ${source.key}`);
    keys.add(source.key);
    return buildService(source, language);
  });
}

async function formatted(value) {
  const prettier = await import('prettier');
  const file = feedFile('en');
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, parser: 'json' });
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const language of languages) {
    const file = feedFile(language);
    const next = await formatted(buildFeed(language));
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== next) {
        console.error(`${file} is out of date: run node packages/service-finder/sample/build-feeds.mjs`);
        stale++;
      }
    } else {
      await writeFile(file, next);
      console.log(`wrote ${file}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
