/**
 * The services feed in a visitor's language. HSDS 3.0 has no per-field translations, so the sample
 * comes as one feed per language with the same ids (`krakow-services.json` in English,
 * `krakow-services.{pl,uk,ru,ar}.json`). A text that one language's feed lacks is taken, field by
 * field, from Polish and then English, matched by the ids of the objects that hold it; each such
 * field is marked with a standard HSDS `metadata` entry on its service (docs/service-finder.md):
 *
 *   { last_action_type: "translation_fallback", resource_id, resource_type, field_name,
 *     previous_value: <language asked for>, replacement_value: <language of the text given> }
 *
 * and the answer's `Content-Language` names every language it holds. A taxonomy term's own
 * `language` field says the language of its name.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { uuidFromName } from '@open-city/service-finder/sample/uuid.mjs';
import { contentLanguages, fallbackChain } from './languages.mjs';

/**
 * Fields that hold words for people, and so differ between the languages' feeds. `alternate_name`
 * is not among them: it is another name of the same thing (the sample gives the official Polish
 * name there, which the Polish feed has as `name`), and a feed may well leave it out.
 */
export const translatableFields = new Set([
  'name',
  'description',
  'alert',
  'eligibility_description',
  'fees_description',
  'application_process',
  'interpretation_services',
  'accreditations',
  'licenses',
  'wait_time',
  'fees',
  'notes',
  'option',
  'amount_description',
  'document',
  'details',
  'transportation',
  'address_2',
  'attention',
  'extent',
]);

/** The HSDS table an object belongs to, from the field of its parent that holds it. */
const resourceTypes = {
  organization: 'organization',
  location: 'location',
  addresses: 'address',
  phones: 'phone',
  schedules: 'schedule',
  cost_options: 'cost_option',
  required_documents: 'required_document',
  accessibility: 'accessibility',
  service_areas: 'service_area',
  service_at_locations: 'service_at_location',
  taxonomy_term: 'taxonomy_term',
  attributes: 'attribute',
  languages: 'language',
  contacts: 'contact',
  funding: 'funding',
  program: 'program',
};

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasText = (value) => typeof value === 'string' && value.trim() !== '';
const clone = (value) => structuredClone(value);

/** Every object with an id in a feed, by id (the first one wins: ids are unique in HSDS). */
function indexById(services) {
  const index = new Map();
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if (typeof value.id === 'string' && !index.has(value.id)) index.set(value.id, value);
      Object.values(value).forEach(visit);
    }
  };
  visit(services);
  return index;
}

/**
 * Fill what `target` lacks from `source` (the same record in a fallback language), recording each
 * text taken in `marks`. Lists are matched by their items' ids; an item only the fallback has is
 * added whole, and every text in it is marked.
 */
function fillFrom(target, source, language, marks, type) {
  for (const [field, value] of Object.entries(source)) {
    if (field === 'metadata') continue;
    const own = target[field];
    if (translatableFields.has(field) && typeof value === 'string') {
      if (!hasText(own) && hasText(value)) {
        target[field] = value;
        marks.push({ resource_id: target.id, resource_type: type, field_name: field, language });
      }
    } else if (Array.isArray(value)) {
      if (!Array.isArray(own)) {
        target[field] = [];
      }
      const list = target[field];
      for (const item of value) {
        if (!isObject(item)) continue;
        const match =
          typeof item.id === 'string' ? list.find((mine) => isObject(mine) && mine.id === item.id) : undefined;
        if (match) fillFrom(match, item, language, marks, resourceTypes[field] ?? field);
        else if (typeof item.id === 'string') {
          const added = {};
          fillFrom(added, item, language, marks, resourceTypes[field] ?? field);
          list.push(added);
        }
      }
    } else if (isObject(value)) {
      if (!isObject(own)) target[field] = {};
      fillFrom(target[field], value, language, marks, resourceTypes[field] ?? field);
    } else if (own === undefined) {
      target[field] = clone(value);
    }
  }
  if (type === 'taxonomy_term' && marks.some((mark) => mark.resource_id === target.id && mark.field_name === 'name')) {
    target.language = marks.find((mark) => mark.resource_id === target.id && mark.field_name === 'name').language;
  }
}

/**
 * One language's feed, completed from its fallbacks. `feeds` maps a language to its list of
 * services (a missing language is an empty feed). Returns the services, in the order of the feed
 * asked for and then of its fallbacks, and for each service id the languages of its texts.
 */
export function localizeServices(feeds, language, { date = new Date().toISOString().slice(0, 10) } = {}) {
  const chain = fallbackChain(language);
  const indexes = chain.map((lang) => indexById(feeds.get(lang) ?? []));
  const order = [];
  const seen = new Set();
  for (const lang of chain) {
    for (const service of feeds.get(lang) ?? []) {
      if (isObject(service) && typeof service.id === 'string' && !seen.has(service.id)) {
        seen.add(service.id);
        order.push(service.id);
      }
    }
  }
  const languagesById = new Map();
  const services = order.map((id) => {
    const first = indexes.findIndex((index) => index.has(id));
    const service = clone(indexes[first].get(id));
    const marks = [];
    // A record that only a fallback feed has: every text of it is in that fallback's language.
    if (first > 0) {
      const whole = {};
      fillFrom(whole, service, chain[first], marks, 'service');
      Object.assign(service, whole);
    }
    for (let i = first + 1; i < chain.length; i++) {
      const other = indexes[i].get(id);
      if (other) fillFrom(service, other, chain[i], marks, 'service');
    }
    const used = new Set(marks.map((mark) => mark.language));
    if (first === 0 || marks.length === 0) used.add(chain[first]);
    if (marks.length > 0) {
      service.metadata = [
        ...(Array.isArray(service.metadata) ? service.metadata : []),
        ...marks.map((mark) => ({
          id: uuidFromName(`translation_fallback:${language}:${mark.resource_id}:${mark.field_name}`),
          resource_id: mark.resource_id,
          resource_type: mark.resource_type,
          last_action_date: date,
          last_action_type: 'translation_fallback',
          field_name: mark.field_name,
          previous_value: language,
          replacement_value: mark.language,
          updated_by: 'Open City Widgets reference server',
        })),
      ];
    }
    languagesById.set(id, used);
    return service;
  });
  return { services, languagesById };
}

const sampleFeedUrl = (language) =>
  import.meta.resolve(
    `@open-city/service-finder/sample/${language === 'en' ? 'krakow-services.json' : `krakow-services.${language}.json`}`,
  );

/** Reads the sample feeds once, and localizes each language once (they are files that do not change). */
export function createServicesFeed({ load = loadSampleFeeds } = {}) {
  let feeds;
  const localized = new Map();
  return async function servicesIn(language) {
    feeds ??= load();
    const all = await feeds;
    // Only the languages of the content are kept: any other tag is answered in its fallbacks, and
    // a cache per tag would let requests fill the memory.
    if (!contentLanguages.includes(language)) return localizeServices(all, language);
    if (!localized.has(language)) localized.set(language, localizeServices(all, language));
    return localized.get(language);
  };
}

export async function loadSampleFeeds() {
  const feeds = new Map();
  for (const language of contentLanguages) {
    const text = await readFile(fileURLToPath(sampleFeedUrl(language)), 'utf8');
    feeds.set(language, JSON.parse(text));
  }
  return feeds;
}
