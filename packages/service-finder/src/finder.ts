import { runInSlices, runToEnd, type SlicedWork } from '@open-city/core';
import type { Category, Directory, Service } from './model.js';
import { fillInSlices, languageSource, SearchIndex, search, type SearchFields, type TermSource } from './search.js';
import { clockAt, isOpen } from './hours.js';
import { endonym, languageLabel } from './format.js';

/**
 * Query and filters over a directory: the finder's logic without any rendering, so it can be
 * tested and measured alone.
 */

export interface Filters {
  query: string;
  /** Category id; matches the category and everything below it. */
  category?: string;
  /** ISO 639 code. */
  language?: string;
  free?: boolean;
  openNow?: boolean;
  accessible?: boolean;
}

export type FilterName = 'query' | 'category' | 'language' | 'free' | 'openNow' | 'accessible';

export interface Position {
  latitude: number;
  longitude: number;
}

export interface Prepared {
  directory: Directory;
  /** Usable at once; filled in slices in the page's idle time (see search.ts). */
  index: SearchIndex;
  /** For each service: its categories and all their ancestors. */
  categoryClosure: Array<Set<string>>;
  languages: Array<Set<string>>;
  /** Grows when more search text is added (the originals), so cached answers are made again. */
  version: number;
}

/** Levels of a category's parent chain that are followed. */
const MAX_DEPTH = 20;

/** The ids of a category and all its ancestors (a broken, circular or too deep parent chain stops). */
export function ancestry(id: string, categories: Map<string, Category>): string[] {
  const chain: string[] = [];
  let current: string | undefined = id;
  while (current && !chain.includes(current) && chain.length < MAX_DEPTH) {
    chain.push(current);
    current = categories.get(current)?.parentId;
  }
  return chain;
}

/** Directories already prepared: a directory does not change once read. */
const preparedDirectories = new WeakMap<Directory, Prepared>();

/** The text of a service that search reads, its categories with their ancestors' names. */
export function searchFields(
  service: Service,
  closure: Iterable<string>,
  categories: Map<string, Category>,
): SearchFields {
  const names: string[] = [];
  for (const id of closure) names.push(categories.get(id)?.name ?? '');
  const other = [service.description ?? ''];
  for (const place of service.places) {
    other.push(
      place.name ?? '',
      place.address?.street ?? '',
      place.address?.postalCode ?? '',
      place.address?.city ?? '',
    );
  }
  return {
    name: [service.name, service.alternateName ?? '', service.organization?.name ?? ''],
    category: names,
    other,
  };
}

/**
 * Filter data and search index of a directory, ready at once: the facets are made here (one pass),
 * the index fills itself in slices in the background and answers correctly meanwhile.
 */
export function prepare(directory: Directory): Prepared {
  return preparedDirectories.get(directory) ?? runToEnd(preparing(directory));
}

/** The same in slices (a directory of 100,000 services); the index goes on filling after this resolves. */
export async function prepareInSlices(directory: Directory, signal?: AbortSignal): Promise<Prepared> {
  return preparedDirectories.get(directory) ?? runInSlices(preparing(directory), { signal });
}

function* preparing(directory: Directory): SlicedWork<Prepared> {
  const { services, categories } = directory;
  // Services share categories and sets of languages: each distinct one is made once.
  const closures = new Map<string, Set<string>>();
  const languageSets = new Map<string, Set<string>>();
  const categoryClosure: Array<Set<string>> = [];
  const languages: Array<Set<string>> = [];
  for (const service of services) {
    const ids = service.categories.map((category) => category.id);
    const key = ids.join('\n');
    let closure = closures.get(key);
    if (!closure) {
      closure = new Set<string>();
      for (const id of ids) for (const ancestor of ancestry(id, categories)) closure.add(ancestor);
      closures.set(key, closure);
    }
    categoryClosure.push(closure);
    const codes = service.languages.map((language) => language.code).join('\n');
    let spoken = languageSets.get(codes);
    if (!spoken) languageSets.set(codes, (spoken = new Set(service.languages.map((language) => language.code))));
    languages.push(spoken);
    yield;
  }
  const index = new SearchIndex(services.length, (doc) =>
    searchFields(services[doc], categoryClosure[doc], categories),
  );
  // Made once the index is filled, in its last slice, or by a search before that: the first page
  // of results needs no language names, and the first keystroke should not wait for them.
  let byLanguage: TermSource | undefined;
  const byLanguageSource = () => (byLanguage ??= languageSource(languages, (code) => endonym(code)));
  index.sources.push({ matchTerm: (term, scores, alive) => byLanguageSource().matchTerm(term, scores, alive) });
  const prepared = { directory, index, categoryClosure, languages, version: 0 };
  preparedDirectories.set(directory, prepared);
  afterFilling.set(index, byLanguageSource);
  return prepared;
}

/** What an index's filling makes next, in the same idle time (the language names beside it). */
const afterFilling = new WeakMap<SearchIndex, () => unknown>();

/** Original feeds already added, per prepared directory. */
const originalsAdded = new WeakMap<Prepared, WeakSet<Directory>>();

/**
 * Search the same services in another feed's text too (the Polish originals of a translated feed:
 * same ids, HSDS 3.0 has no per-field translations): its names, categories and descriptions find
 * the service here. Services the other feed lacks just have nothing more.
 */
export function addOriginals(prepared: Prepared, original: Directory): void {
  const added = originalsAdded.get(prepared) ?? new WeakSet<Directory>();
  originalsAdded.set(prepared, added);
  if (added.has(original) || original === prepared.directory) return;
  added.add(original);
  const byId = new Map<string, { service: Service; closure: Set<string> }>();
  for (const service of original.services) {
    const closure = new Set<string>();
    for (const category of service.categories)
      for (const id of ancestry(category.id, original.categories)) closure.add(id);
    byId.set(service.id, { service, closure });
  }
  const { services } = prepared.directory;
  const none: SearchFields = { name: [], category: [], other: [] };
  const index = new SearchIndex(services.length, (doc) => {
    const match = byId.get(services[doc].id);
    return match ? searchFields(match.service, match.closure, original.categories) : none;
  });
  prepared.index.sources.push(index);
  prepared.version++;
  startFilling(prepared);
}

/** Fill the indexes in slices, from the first search on (the first page of results needs none). */
function startFilling(prepared: Prepared): void {
  for (const index of [prepared.index, ...prepared.index.sources]) {
    if (index instanceof SearchIndex && !index.started)
      void fillInSlices(index)
        .then(() => afterFilling.get(index)?.())
        .catch(() => undefined);
  }
}

/** Language choices, by locale, per directory: once per feed, not on every keystroke. */
const languageLists = new WeakMap<Directory, Map<string, Array<{ code: string; label: string }>>>();

/** The languages services are offered in, named and sorted for `locale`. */
export function languageChoices(directory: Directory, locale: string): Array<{ code: string; label: string }> {
  let byLocale = languageLists.get(directory);
  if (!byLocale) languageLists.set(directory, (byLocale = new Map()));
  let list = byLocale.get(locale);
  if (!list) {
    const codes = new Set<string>();
    for (const service of directory.services) for (const language of service.languages) codes.add(language.code);
    list = [...codes]
      .map((code) => ({ code, label: languageLabel(code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    byLocale.set(locale, list);
  }
  return list;
}

export interface Found {
  services: Service[];
  /** Distance in metres by service id, when sorted by distance. */
  distances?: Map<string, number>;
}

/** Great-circle distance in metres. */
export function distance(a: Position, b: Position): number {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest of a service's places to a position, in metres; undefined when none has coordinates. */
export function nearest(service: Service, position: Position): number | undefined {
  let best: number | undefined;
  for (const place of service.places) {
    if (place.latitude === undefined || place.longitude === undefined) continue;
    const d = distance(position, { latitude: place.latitude, longitude: place.longitude });
    if (best === undefined || d < best) best = d;
  }
  return best;
}

/**
 * Services matching the filters: ranked by the query when there is one, else in feed order;
 * sorted by distance (places without coordinates last) when a position is given.
 */
export function find(
  prepared: Prepared,
  filters: Filters,
  now: Date | number,
  timeZone: string,
  near?: Position,
): Found {
  // A render asks more than once for the same answer (the list, the count, "Back"): the last is kept.
  const minute = filters.openNow ? Math.floor(Number(now) / 60_000) : 0;
  const last = lastFound.get(prepared);
  if (
    last &&
    last.filters === filters &&
    last.version === prepared.version &&
    last.minute === minute &&
    last.timeZone === timeZone &&
    last.near === near
  )
    return last.found;
  startFilling(prepared);
  const found = findNow(prepared, filters, now, timeZone, near);
  lastFound.set(prepared, { filters, version: prepared.version, minute, timeZone, near, found });
  return found;
}

const lastFound = new WeakMap<
  Prepared,
  { filters: Filters; version: number; minute: number; timeZone: string; near?: Position; found: Found }
>();

function findNow(prepared: Prepared, filters: Filters, now: Date | number, timeZone: string, near?: Position): Found {
  const { services } = prepared.directory;
  const hits = search(prepared.index, filters.query);
  const order = hits ? hits.map((hit) => hit.doc) : services.map((_, i) => i);
  const clock = filters.openNow ? clockAt(now, timeZone) : undefined;
  const matched: Service[] = [];
  for (const i of order) {
    const service = services[i];
    if (filters.category && !prepared.categoryClosure[i].has(filters.category)) continue;
    if (filters.language && !prepared.languages[i].has(filters.language)) continue;
    if (filters.free && service.cost !== 'free') continue;
    if (filters.accessible && !service.accessible) continue;
    if (clock && (service.status !== 'active' || !isOpen(service.hours, clock))) continue;
    matched.push(service);
  }
  if (!near) return { services: matched };
  const distances = new Map<string, number>();
  for (const service of matched) {
    const d = nearest(service, near);
    if (d !== undefined) distances.set(service.id, d);
  }
  const sorted = matched
    .map((service, rank) => ({ service, rank, d: distances.get(service.id) ?? Infinity }))
    .sort((a, b) => a.d - b.d || a.rank - b.rank)
    .map((entry) => entry.service);
  return { services: sorted, distances };
}

/** Names of the filters that are set. */
export function activeFilters(filters: Filters): FilterName[] {
  const names: FilterName[] = [];
  if (filters.query.trim()) names.push('query');
  if (filters.category) names.push('category');
  if (filters.language) names.push('language');
  if (filters.free) names.push('free');
  if (filters.openNow) names.push('openNow');
  if (filters.accessible) names.push('accessible');
  return names;
}

export function withoutFilter(filters: Filters, name: FilterName): Filters {
  const next = { ...filters };
  if (name === 'query') next.query = '';
  else delete next[name];
  return next;
}

/**
 * For an empty result: which single filter to remove, and how many results that would give, best
 * first. Filters whose removal still finds nothing are left out.
 */
export function loosenings(
  prepared: Prepared,
  filters: Filters,
  now: Date | number,
  timeZone: string,
): Array<{ filter: FilterName; count: number }> {
  return activeFilters(filters)
    .map((filter) => ({ filter, count: find(prepared, withoutFilter(filters, filter), now, timeZone).services.length }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** Trees already made: a directory does not change once read, and every render asks. */
const trees = new WeakMap<Directory, Array<{ category: Category; depth: number; count: number }>>();

/** Categories as a tree, for a hierarchical choice: top-level first, each followed by its children. */
export function categoryTree(directory: Directory): Array<{ category: Category; depth: number; count: number }> {
  let tree = trees.get(directory);
  if (!tree) trees.set(directory, (tree = makeCategoryTree(directory)));
  return tree;
}

function makeCategoryTree(directory: Directory): Array<{ category: Category; depth: number; count: number }> {
  const { categories, services } = directory;
  const counts = new Map<string, number>();
  for (const service of services) {
    const ids = new Set(service.categories.flatMap((category) => ancestry(category.id, categories)));
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const children = new Map<string | undefined, Category[]>();
  for (const category of categories.values()) {
    const parent = category.parentId && categories.has(category.parentId) ? category.parentId : undefined;
    const siblings = children.get(parent) ?? [];
    siblings.push(category);
    children.set(parent, siblings);
  }
  const rows: Array<{ category: Category; depth: number; count: number }> = [];
  const visit = (parent: string | undefined, depth: number, seen: Set<string>) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const category of list) {
      if (seen.has(category.id)) continue;
      seen.add(category.id);
      rows.push({ category, depth, count: counts.get(category.id) ?? 0 });
      visit(category.id, depth + 1, seen);
    }
  };
  visit(undefined, 0, new Set());
  return rows;
}
