import {
  MAX_TEXT_LENGTH,
  isJsonObject,
  parseJsonWork,
  readArray,
  readNumber,
  readText as readFieldText,
  runInSlices,
  runToEnd,
  yieldToMain,
  truncateText,
  warnOnce,
  webUrl,
  wellFormedText,
  type JsonObject,
  type SlicedWork,
} from '@open-city/core';
import { prepareInSlices } from './finder.js';
import type {
  Address,
  Category,
  CostKind,
  Directory,
  Language,
  OpeningPeriod,
  Phone,
  Place,
  Recurrence,
  RuleDay,
  Service,
} from './model.js';
import { isoWeekday, lastOccurrence } from './hours.js';

/**
 * Reading an Open Referral HSDS 3.0 services feed into the plain model. Tolerant, like real feeds
 * need: missing and extra fields are fine, a record that cannot be used is skipped with a console
 * warning, and only a feed with no usable shape at all is an error.
 *
 * Bounded, like hostile feeds need: every list field keeps at most `FEED_BUDGET.listItems`
 * entries (a service with 100,000 phones), every text at most `FEED_BUDGET.textChars` characters
 * with invalid code points replaced, a feed at most `FEED_BUDGET.services` services and
 * `FEED_BUDGET.categories` categories. What a bound cuts is counted in the directory's `cut` (and
 * in `skipped`, so the finder's note says that not everything is shown). Large feeds are read in
 * slices (`loadAllPages`), so that the page stays responsive.
 */

type Json = JsonObject;

/** What one feed may cost, whatever it holds. */
export const FEED_BUDGET = {
  /** Services read from one feed (all its pages together). */
  services: 100_000,
  /** Distinct categories of one feed. */
  categories: 1_000,
  /** Entries kept of one list field of a record (phones, languages, locations, schedules…). */
  listItems: 50,
  /** Characters of a long text (description, eligibility…). */
  textChars: MAX_TEXT_LENGTH,
  /** Characters of a short text (name, phone, address line…). */
  shortChars: 500,
  /** Distinct languages of one feed. */
  languages: 300,
} as const;

/** Counts what the budget cuts while one record is read. */
interface Cuts {
  count: number;
}

let cuts: Cuts = { count: 0 };
/** The languages seen in the feed being read. */
let feedLanguages = new Set<string>();

/**
 * Text that may need cleaning: a control character, tab or line break, or a UTF-16 surrogate (a
 * lone one is replaced; a pair goes the same careful way). One test, quicker than the cleaning it
 * spares for the great majority of fields.
 */
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u001f\u007f\ud800-\udfff]/;

/** Text of a field: trimmed, invalid code points replaced, at most `max` long (a cut is counted). */
function readText(value: unknown, max: number = FEED_BUDGET.shortChars): string | undefined {
  const raw = readFieldText(typeof value === 'string' && value.length > max * 4 ? value.slice(0, max * 4) : value);
  if (raw === undefined) return undefined;
  const clean = UNUSUAL.test(raw) ? wellFormedText(raw) : raw;
  if (clean.length <= max) return clean || undefined;
  const { text, cut } = truncateText(clean, max);
  if (cut) cuts.count++;
  return text || undefined;
}

const longText = (value: unknown) => readText(value, FEED_BUDGET.textChars);

/** The objects of a list field, at most `FEED_BUDGET.listItems` (a cut is counted). */
function readObjects(value: unknown): Json[] {
  return readList(value).filter(isJsonObject);
}

function readList(value: unknown): unknown[] {
  const list = readArray(value);
  if (list.length <= FEED_BUDGET.listItems) return list;
  cuts.count++;
  return list.slice(0, FEED_BUDGET.listItems);
}

/** The shape a feed's text has. */
export type FeedShape =
  | { kind: 'array'; records: unknown[] }
  | { kind: 'page'; records: unknown[]; totalPages: number; page: number }
  | { kind: 'ndjson'; records: unknown[]; badLines: number };

/**
 * Recognise a plain array, an HSDS API page (`{ contents, total_pages }`) or NDJSON (one object a
 * line). Throws when the text is none of these.
 */
export function readFeedShape(body: string): FeedShape {
  return runToEnd(feedShapeOf(body));
}

/** The same, in slices: a large array is parsed element by element (see core's `parseJsonWork`). */
export function readFeedShapeInSlices(body: string, signal?: AbortSignal): Promise<FeedShape> {
  return runInSlices(feedShapeOf(body), { signal });
}

function* feedShapeOf(body: string): SlicedWork<FeedShape> {
  const trimmed = body.trim();
  if (trimmed === '') throw new Error('the feed is empty');
  let whole: unknown;
  let wholeError: unknown;
  try {
    whole = yield* parseJsonWork(trimmed);
  } catch (error) {
    wholeError = error;
  }
  if (wholeError === undefined) {
    if (Array.isArray(whole)) return { kind: 'array', records: whole };
    if (isJsonObject(whole) && Array.isArray(whole.contents)) {
      return {
        kind: 'page',
        records: whole.contents,
        totalPages: Math.max(1, Math.floor(readNumber(whole.total_pages) ?? 1)),
        page: Math.max(1, Math.floor(readNumber(whole.page_number) ?? 1)),
      };
    }
    // A single service object is an NDJSON feed of one line.
    if (isJsonObject(whole) && typeof whole.name === 'string') return { kind: 'ndjson', records: [whole], badLines: 0 };
    throw new Error('the feed is JSON but neither an array of services nor an HSDS page with "contents"');
  }
  if (!trimmed.startsWith('{')) throw new Error(`the feed is not JSON: ${(wholeError as Error).message}`);
  const records: unknown[] = [];
  let badLines = 0;
  for (const line of trimmed.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      badLines++;
    }
    yield;
  }
  if (records.length === 0) throw new Error('the feed is neither JSON nor NDJSON');
  return { kind: 'ndjson', records, badLines };
}

const dayCodes: ReadonlyMap<string, number> = new Map([
  ['MO', 1],
  ['TU', 2],
  ['WE', 3],
  ['TH', 4],
  ['FR', 5],
  ['SA', 6],
  ['SU', 7],
]);

/**
 * Small answers by the text they are read from: feeds repeat the same few times and days in every
 * schedule. Bounded, so a hostile feed of distinct values only costs what it would without.
 */
function memo<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = read(text);
    if (answers.size >= 1000) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}

/** "09:00", "9:00:00", "0900" → minutes after midnight; "24:00" → 1440. */
export function parseClock(value: unknown): number | undefined {
  const raw = readText(value);
  return raw ? clockOf(raw) : undefined;
}

const clockOf = memo((raw: string): number | undefined => {
  const match = /^(\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
});

function datePrefix(value: unknown): string | undefined {
  const raw = readText(value);
  const match = raw && /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  return match ? match[1] : undefined;
}

/** A `byday` part: `MO`, `1MO`, `-1FR`, `+2TU` (other counts from the end are not read). */
const readRuleDay = memo((token: string): RuleDay | undefined => {
  const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(token);
  const weekday = match && dayCodes.get(match[2]);
  if (!match || !weekday) return undefined;
  if (match[1] === undefined) return { weekday };
  const ordinal = Number(match[1]);
  // The first to fifth, or the last: what the finder can put in words in every language.
  return ordinal >= -1 && ordinal <= 5 && ordinal !== 0 ? { weekday, ordinal } : undefined;
});

function readTokens(value: unknown): string[] {
  const raw = readText(value);
  return raw === undefined
    ? []
    : raw
        .toUpperCase()
        .split(/[\s,]+/)
        .filter(Boolean);
}

/** A whole number from a field given as a number or a numeric string. */
function readWhole(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : readNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * The days of one schedule and its rule, or undefined when the schedule says something the finder
 * cannot follow (`byweekno`, `byyearday`, a yearly rule, a `byday` it cannot read).
 */
function readRule(
  schedule: Json,
): { days: number[]; rule?: Recurrence; validFrom?: string; validTo?: string } | undefined {
  if (readText(schedule.byweekno) || readText(schedule.byyearday)) return undefined;
  const byDay: RuleDay[] = [];
  for (const token of readTokens(schedule.byday)) {
    const day = readRuleDay(token);
    if (!day) return undefined;
    if (!byDay.some((d) => d.weekday === day.weekday && d.ordinal === day.ordinal)) byDay.push(day);
  }
  const byMonthDay: number[] = [];
  for (const token of readTokens(schedule.bymonthday)) {
    const day = Number(token);
    if (!Number.isInteger(day) || day === 0 || day > 31 || day < -1) return undefined;
    if (!byMonthDay.includes(day)) byMonthDay.push(day);
  }
  const given = readText(schedule.freq)?.toUpperCase();
  // Feeds put "1MO" under WEEKLY too: a weekday with an ordinal only means something in a month.
  const monthlyParts = byMonthDay.length > 0 || byDay.some((d) => d.ordinal !== undefined);
  const freq =
    given === 'DAILY'
      ? 'daily'
      : given === 'MONTHLY' || monthlyParts
        ? 'monthly'
        : given === undefined || given === 'WEEKLY'
          ? 'weekly'
          : undefined;
  if (!freq) return undefined;
  const interval = Math.min(Math.max(readWhole(schedule.interval) ?? 1, 1), 1000);
  const dtstart = datePrefix(schedule.dtstart);
  const validFrom = later(datePrefix(schedule.valid_from), dtstart);
  const anchor = dtstart ?? datePrefix(schedule.valid_from);
  const weekStart = dayCodes.get(readText(schedule.wkst)?.toUpperCase() ?? '') ?? 1;
  let validTo = earlier(datePrefix(schedule.valid_to), datePrefix(schedule.until));
  let days: number[];
  if (freq === 'daily') days = [1, 2, 3, 4, 5, 6, 7];
  else if (freq === 'weekly') {
    days = byDay.map((d) => d.weekday);
    if (days.length === 0 && anchor) days = [isoWeekday(anchor)];
  } else days = [...new Set(byDay.map((d) => d.weekday))];
  if (freq !== 'monthly' && days.length === 0) return undefined;
  if (freq === 'monthly' && byDay.length === 0 && byMonthDay.length === 0) {
    if (!anchor) return undefined;
    byMonthDay.push(Number(anchor.slice(8, 10))); // monthly on the day it started
  }
  const plainWeekly = (freq === 'weekly' || freq === 'daily') && interval === 1;
  const rule: Recurrence | undefined = plainWeekly
    ? undefined
    : { freq, interval, byDay: freq === 'monthly' ? byDay : [], byMonthDay, weekStart, anchor };
  const count = readWhole(schedule.count);
  if (count !== undefined && count > 0 && anchor) {
    const last = lastOccurrence({ days: days.sort((a, b) => a - b), opens: 0, closes: 0, rule }, anchor, count);
    validTo = earlier(validTo, last);
  }
  return { days: days.sort((a, b) => a - b), rule, validFrom, validTo };
}

/**
 * Opening periods from HSDS schedules: weekly (`freq` WEEKLY or none, with `byday`), DAILY, and
 * the RFC 5545 parts HSDS allows (`interval`, MONTHLY with `byday` such as `1MO` or `-1FR` and
 * `bymonthday`, `wkst`, `dtstart`, `count`, `until`). `opens_at`/`closes_at` are wall-clock times in
 * the widget's `time-zone` (the schedule's numeric `timezone` offset is ignored: it cannot follow
 * DST). A schedule is read once however often it is repeated: by `id` (a service and its location
 * may list the same one), and by identical periods. Schedules without times or with a rule the
 * finder cannot follow keep only their notes.
 */
export function readSchedules(value: unknown): { hours: OpeningPeriod[]; notes: string[] } {
  const hours: OpeningPeriod[] = [];
  const notes: string[] = [];
  const ids = new Set<string>();
  const periods = new Map<string, OpeningPeriod>();
  for (const schedule of readArray(value)
    .slice(0, FEED_BUDGET.listItems * 2)
    .filter(isJsonObject)) {
    const id = readText(schedule.id);
    if (id !== undefined) {
      if (ids.has(id)) continue;
      ids.add(id);
    }
    const note = longText(schedule.notes) ?? longText(schedule.description);
    const opens = parseClock(schedule.opens_at);
    const closes = parseClock(schedule.closes_at);
    const rule = readRule(schedule);
    if (!rule || opens === undefined || closes === undefined) {
      if (note && !notes.includes(note)) notes.push(note);
      continue;
    }
    const period: OpeningPeriod = {
      days: rule.days,
      opens,
      closes: closes === 1440 && opens === 0 ? 0 : closes,
      validFrom: rule.validFrom,
      validTo: rule.validTo,
      notes: note,
      rule: rule.rule,
    };
    const key = JSON.stringify([period.days, opens, period.closes, period.validFrom, period.validTo, period.rule]);
    const first = periods.get(key);
    if (first) {
      // The same hours again (a copy on the location): keep a note the first copy lacked.
      first.notes ??= note;
      continue;
    }
    periods.set(key, period);
    hours.push(period);
  }
  return { hours, notes };
}

/** A phone string as feeds have them: stray quotes, brackets, dashes. */
export function readPhone(raw: Json): Phone | undefined {
  const display = readText(raw.number)
    ?.replace(/^["'\u201c\u201d\u2018\u2019\s]+|["'\u201c\u201d\u2018\u2019\s]+$/g, '')
    .trim();
  if (!display) return undefined;
  const digits = display.replace(/[^\d+]/g, '');
  const tel = /^\+?\d{3,15}$/.test(digits.replace(/(?!^)\+/g, '')) ? digits.replace(/(?!^)\+/g, '') : undefined;
  const extension = readText(raw.extension);
  return {
    display: extension ? `${display} ext. ${extension}` : display,
    tel: tel && extension ? `${tel},${extension}` : tel,
    type: readText(raw.type),
    description: readText(raw.description),
  };
}

function readAddress(location: Json): Address | undefined {
  const address =
    readObjects(location.addresses).find((a) => readText(a.address_type) !== 'postal') ??
    readObjects(location.addresses)[0];
  if (!address) return undefined;
  const street = [readText(address.address_1), readText(address.address_2)].filter(Boolean).join(', ');
  if (!street) return undefined;
  return { street, postalCode: readText(address.postal_code), city: readText(address.city) };
}

function readPlace(location: Json, fallbackId: string): Place {
  const latitude = readNumber(location.latitude);
  const longitude = readNumber(location.longitude);
  const usable =
    latitude !== undefined && longitude !== undefined && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
  return {
    id: readText(location.id) ?? fallbackId,
    name: readText(location.name),
    address: readAddress(location),
    latitude: usable ? latitude : undefined,
    longitude: usable ? longitude : undefined,
    accessibility: readObjects(location.accessibility)
      .map((a) => [readText(a.description), readText(a.details)].filter(Boolean).join(': '))
      .filter(Boolean),
  };
}

function readLanguages(value: unknown): Language[] {
  const seen = new Set<string>();
  const languages: Language[] = [];
  for (const entry of readList(value)) {
    // Some feeds give plain strings ("uk", "Ukrainian").
    const raw = typeof entry === 'string' ? { code: entry } : isJsonObject(entry) ? entry : undefined;
    if (!raw) continue;
    const name = readText(raw.name);
    const code = (readText(raw.code) ?? name)?.toLowerCase().split(/[-_]/)[0];
    if (!code || seen.has(code) || code.length > 35) continue;
    if (!feedLanguages.has(code)) {
      if (feedLanguages.size >= FEED_BUDGET.languages) {
        cuts.count++;
        continue;
      }
      feedLanguages.add(code);
    }
    seen.add(code);
    languages.push({ code, name, note: readText(raw.note) });
  }
  return languages;
}

function readCost(options: unknown, fees: string | undefined): { cost: CostKind; details: string[] } {
  const details: string[] = [];
  let anyPaid = false;
  let anyFree = false;
  for (const option of readObjects(options)) {
    const amount = readNumber(option.amount);
    const currency = readText(option.currency);
    const label = readText(option.option) ?? readText(option.amount_description);
    if (amount === 0) anyFree = true;
    if (amount !== undefined && amount > 0) anyPaid = true;
    const price = amount === undefined || amount === 0 ? undefined : `${amount}${currency ? ` ${currency}` : ''}`;
    const line = [label, price].filter(Boolean).join(': ');
    if (line) details.push(line);
  }
  if (fees) details.push(fees);
  // Free only when the feed says so with an amount of 0 and names no charge; silence is not "free".
  const cost: CostKind = anyPaid ? 'paid' : anyFree ? 'free' : 'unknown';
  return { cost, details };
}

function readCategories(attributes: unknown, categories: Map<string, Category>): Category[] {
  const own: Category[] = [];
  for (const attribute of readObjects(attributes)) {
    const term = isJsonObject(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
    if (!term) continue;
    const name = readText(term.name) ?? readText(term.term);
    const id = readText(term.id) ?? readText(term.code) ?? name;
    if (!id || !name) continue;
    const category: Category = { id, name, parentId: readText(term.parent_id) };
    if (!categories.has(id)) {
      if (categories.size >= FEED_BUDGET.categories) {
        cuts.count++;
        continue;
      }
      categories.set(id, category);
    }
    if (!own.some((c) => c.id === id)) own.push(category);
  }
  return own;
}

/** One HSDS service record; throws with the reason when it cannot be used. */
export function readService(record: unknown, categories: Map<string, Category>): Service | undefined {
  if (!isJsonObject(record)) throw new Error('not an object');
  const id = readText(record.id);
  const name = readText(record.name);
  if (!id) throw new Error('no "id"');
  if (!name) throw new Error(`service "${id}" has no "name"`);
  const status = (readText(record.status) ?? 'active').toLowerCase();
  if (status === 'inactive' || status === 'defunct') return undefined;
  const organization =
    isJsonObject(record.organization) && readText(record.organization.name)
      ? {
          id: readText(record.organization.id),
          name: readText(record.organization.name)!,
          description: longText(record.organization.description),
          // HSDS 3.0 calls it `website`; older feeds (2.0) `url`.
          url: feedLink(record.organization.website) ?? feedLink(record.organization.url),
        }
      : undefined;
  const fees = longText(record.fees_description);
  const { cost, details } = readCost(record.cost_options, fees);
  const places = readObjects(record.service_at_locations)
    .map((link, index) => (isJsonObject(link.location) ? readPlace(link.location, `${id}-${index}`) : undefined))
    .filter((place): place is Place => place !== undefined);
  const schedules = readSchedules([
    ...readList(record.schedules),
    // Hours may also sit on the service-at-location link, or on the location (often the same
    // schedule as the service's, by id or by its periods: read once).
    ...readObjects(record.service_at_locations).flatMap((link) => [
      ...readList(link.schedules),
      ...(isJsonObject(link.location) ? readList(link.location.schedules) : []),
    ]),
  ]);
  return {
    id,
    name,
    alternateName: readText(record.alternate_name),
    description: longText(record.description),
    organization,
    url: feedLink(record.url),
    email: readText(record.email)?.includes('@') ? readText(record.email) : undefined,
    status,
    phones: readObjects(record.phones)
      .map(readPhone)
      .filter((phone): phone is Phone => phone !== undefined),
    places,
    hours: schedules.hours,
    hoursNotes: schedules.notes,
    languages: readLanguages(record.languages),
    interpretation: longText(record.interpretation_services),
    cost,
    costDetails: details,
    applicationProcess: longText(record.application_process),
    eligibility: longText(record.eligibility_description),
    requiredDocuments: readObjects(record.required_documents)
      .map((d) => readText(d.document))
      .filter((d): d is string => d !== undefined),
    alert: longText(record.alert),
    assuredDate: datePrefix(record.assured_date),
    categories: readCategories(record.attributes, categories),
    accessible: places.some((place) => place.accessibility.length > 0),
  };
}

/**
 * A link from the feed, shown to people: absolute http(s) only, so a `javascript:` URL in a feed
 * never becomes a link, and a relative one is not resolved against the embedding page.
 */
function feedLink(value: unknown): string | undefined {
  const raw = readText(value);
  return raw && URL.canParse(raw) ? webUrl(raw) : undefined;
}

/**
 * Records into a directory. Broken records are skipped with one console warning each; a feed
 * whose every record is broken is an error, an empty feed is not.
 */
export function buildDirectory(records: unknown[], source = 'feed'): Directory {
  return runToEnd(directoryOf(records, source));
}

/** The same, in slices that leave the page responsive. */
export function buildDirectoryInSlices(records: unknown[], source = 'feed', signal?: AbortSignal): Promise<Directory> {
  return runInSlices(directoryOf(records, source), { signal });
}

function* directoryOf(records: unknown[], source: string): SlicedWork<Directory> {
  const categories = new Map<string, Category>();
  const services: Service[] = [];
  const ids = new Set<string>();
  const languages = new Set<string>();
  let skipped = 0;
  let cut = 0;
  const count = Math.min(records.length, FEED_BUDGET.services);
  if (records.length > count) {
    cut += records.length - count;
    warnOnce('oc-service-finder', `${source} has ${records.length} records; only the first ${count} are read.`);
  }
  for (let index = 0; index < count; index++) {
    yield;
    const record = records[index];
    cuts = { count: 0 };
    feedLanguages = languages;
    try {
      const service = readService(record, categories);
      if (!service) continue;
      if (ids.has(service.id)) throw new Error(`duplicate id "${service.id}"`);
      ids.add(service.id);
      services.push(service);
      if (cuts.count > 0) cut++;
    } catch (error) {
      skipped++;
      warnOnce('oc-service-finder', `skipped record ${index + 1} of ${source}: ${(error as Error).message}.`);
    }
  }
  cuts = { count: 0 };
  if (services.length === 0 && skipped > 0) {
    throw new Error(`none of the ${records.length} records in ${source} is a usable HSDS service`);
  }
  if (cut > 0)
    warnOnce('oc-service-finder', `${cut} record(s) of ${source} were too large and are shown in part, or not at all.`);
  return { services, categories, skipped: skipped + cut, cut };
}

/** Read a whole feed text (array or NDJSON or one API page) into a directory. */
export function parseServices(body: string, source = 'feed'): Directory {
  const shape = readFeedShape(body);
  if (shape.kind === 'ndjson' && shape.badLines > 0) {
    warnOnce('oc-service-finder', `skipped ${shape.badLines} line(s) of ${source} that are not JSON.`);
  }
  const directory = buildDirectory(shape.records, source);
  if (shape.kind === 'ndjson') directory.skipped += shape.badLines;
  return directory;
}

/** URL of another page of an HSDS API listing: the same query with `page` set. */
export function pageUrl(url: string, page: number): string {
  const next = new URL(url);
  next.searchParams.set('page', String(page));
  return next.href;
}

/** Pages beyond this are not followed: a directory widget is not a crawler. */
export const MAX_PAGES = 50;

/** Records read ahead of the rest, so that the first page of results shows while the rest is read. */
export const FIRST_RECORDS = 50;
/** Characters looked through for them: a feed whose first records are larger waits for the whole. */
const FIRST_RECORDS_SCAN = 1024 * 1024;

/**
 * The first `count` records of a feed text, parsed on their own: the first elements of a JSON
 * array, or the first lines of NDJSON. Undefined for anything else (an HSDS page, a single object,
 * text that is not JSON): the whole text is read first then. Only a head start: the whole text is
 * parsed afterwards all the same, which decides what the feed holds and whether it is usable.
 */
export function firstRecords(body: string, count = FIRST_RECORDS): unknown[] | undefined {
  let i = 0;
  while (i < body.length && (body.charCodeAt(i) <= 32 || body.charCodeAt(i) === 0xfeff)) i++;
  const first = body.charCodeAt(i);
  try {
    if (first === 91) return arrayHead(body, i, count);
    if (first === 123) return linesHead(body, i, count);
  } catch {
    // not JSON as it seemed: the whole text says what it is
  }
  return undefined;
}

/** The first elements of the array at `start`, found by a scan that steps over strings. */
function arrayHead(text: string, start: number, count: number): unknown[] | undefined {
  const records: unknown[] = [];
  const end = Math.min(text.length, start + FIRST_RECORDS_SCAN);
  let depth = 0;
  let elementStart = -1;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      // A string: to its closing quote, escapes stepped over.
      for (i++; i < end; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 92) i++;
        else if (inner === 34) break;
      }
    } else if (code === 123 || code === 91) {
      if (depth++ === 0) elementStart = i;
    } else if (code === 125 || code === 93) {
      if (depth === 0) return records; // the array's end: all of it is here
      if (--depth === 0) {
        records.push(JSON.parse(text.slice(elementStart, i + 1)));
        if (records.length >= count) return records;
      }
    }
  }
  return records.length > 0 ? records : undefined;
}

/** The first lines of NDJSON: two or more lines, each one object. */
function linesHead(text: string, start: number, count: number): unknown[] | undefined {
  const records: unknown[] = [];
  let from = start;
  while (records.length < count && from < text.length && from - start < FIRST_RECORDS_SCAN) {
    let to = text.indexOf('\n', from);
    if (to < 0) {
      if (records.length === 0) return undefined; // one line: a single document, read whole
      to = text.length;
    }
    const line = text.slice(from, to).trim();
    from = to + 1;
    if (line === '') continue;
    const record: unknown = JSON.parse(line);
    // An HSDS page on one line is a listing, not a record.
    if (!isJsonObject(record) || Array.isArray(record.contents)) return undefined;
    records.push(record);
  }
  return records.length > 0 ? records : undefined;
}

/** The first records as a directory of their own, or undefined when none of them is usable. */
function firstDirectory(records: unknown[] | undefined, url: string): Directory | undefined {
  if (!records?.length) return undefined;
  try {
    const directory = buildDirectory(records, url);
    return directory.services.length > 0 ? directory : undefined;
  } catch {
    return undefined; // the whole feed decides (and says) what is wrong
  }
}

/**
 * Read a feed that may be one page of an HSDS API listing: further pages are fetched with
 * `fetchPage` (in parallel, a few at a time) and merged. A page that cannot be fetched or read
 * costs only itself: the others show, and its records (as many as the first page holds) are
 * counted in `skipped`, so that the finder says the directory is incomplete rather than showing
 * it as complete or not at all.
 *
 * `onFirst`, when given, gets the feed's first records as a directory of their own as soon as they
 * are read (before the rest of the text is parsed), so that the first page of results can show
 * while the rest is read in slices; the promise still resolves with the whole directory.
 */
export async function loadAllPages(
  body: string,
  url: string,
  fetchPage: (url: string) => Promise<string>,
  onFirst?: (first: Directory) => void,
): Promise<Directory> {
  let early = onFirst ? firstDirectory(firstRecords(body), url) : undefined;
  if (early) {
    onFirst!(early);
    await yieldToMain(); // the first results render before the rest is read
  }
  const first = await readFeedShapeInSlices(body);
  if (first.kind !== 'page' || first.totalPages <= 1) {
    const directory = await buildDirectoryInSlices(first.records, url);
    if (first.kind === 'ndjson' && first.badLines > 0) {
      warnOnce('oc-service-finder', `skipped ${first.badLines} line(s) of ${url} that are not JSON.`);
      directory.skipped += first.badLines;
    }
    // The search index too, in slices: the finder then finds it ready (see `prepare`).
    await prepareInSlices(directory);
    return directory;
  }
  if (onFirst && !early) {
    early = firstDirectory(first.records.slice(0, FIRST_RECORDS), url);
    if (early) onFirst(early);
  }
  const last = Math.min(first.totalPages, MAX_PAGES);
  if (first.totalPages > MAX_PAGES) {
    warnOnce(
      'oc-service-finder',
      `${url} has ${first.totalPages} pages; only the first ${MAX_PAGES} are read. Use a larger per_page.`,
    );
  }
  const records = [...first.records];
  const pages: number[] = [];
  for (let page = first.page + 1; page <= last; page++) pages.push(page);
  const parallel = 4;
  const results: unknown[][] = [];
  let lostPages = 0;
  for (let i = 0; i < pages.length; i += parallel) {
    const batch = await Promise.all(
      pages.slice(i, i + parallel).map(async (page) => {
        try {
          return (await readFeedShapeInSlices(await fetchPage(pageUrl(url, page)))).records;
        } catch (error) {
          lostPages++;
          warnOnce('oc-service-finder', `page ${page} of ${url} could not be read: ${(error as Error).message}.`);
          return [];
        }
      }),
    );
    results.push(...batch);
  }
  for (const more of results) for (const record of more) records.push(record);
  const directory = await buildDirectoryInSlices(records, url);
  if (lostPages > 0) {
    directory.skipped += lostPages * Math.max(1, first.records.length);
  }
  await prepareInSlices(directory);
  return directory;
}
