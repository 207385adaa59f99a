/**
 * schema.org `Event` feeds in JSON-LD: an array of events, an `ItemList` (of events or of
 * `ListItem`s holding them), an `@graph`, or one event. Recurrence through `eventSchedule`, as
 * schema.org publishes it: a Schedule may carry the start (`startDate`, `startTime`) of an Event
 * that has none, `byDay` may be a URL, a name or iCal's `2TU`, `repeatFrequency` an ISO 8601
 * duration or a word; `scheduleTimezone` and `exceptDate` apply.
 *
 * Any JSON value anywhere is read without a throw: only own fields are read, text only from
 * strings (and finite numbers), numbers only from numbers and numeric text, lists cut at the
 * budget (and counted), text made plain in linear time. Pure: no DOM.
 */
import {
  DEFAULT_TIME_ZONE,
  LINK_PROTOCOLS,
  addDays,
  compareDates,
  isJsonObject,
  oneOrMany,
  parseJsonWork,
  readNumber,
  runInSlices,
  runToEnd,
  type JsonObject,
  isValidTimeZone,
  safeUrl,
  type SliceOptions,
} from '@open-city/core';
import {
  DEFAULT_OCCURRENCE_LIMIT,
  FEED_BUDGET,
  WorkBudget,
  emptyInfo,
  occurrenceKey,
  overlaps,
  toPlainText,
  type DateOnly,
  type EventInfo,
  type EventOffer,
  type EventStatus,
  type ExpansionReport,
  type Occurrence,
  type ParsedFeed,
  type TimeRange,
} from './model.js';
import {
  expandSchedule,
  lastCountedDate,
  parseByDay,
  parseDate,
  parseDuration,
  parseFrequency,
  parseTime,
  type ByDay,
  type ScheduleRule,
} from './schedule.js';
import { dayStart as startOfDay, wallToInstant as wallTimeToInstant } from './zone-offsets.js';

type Json = JsonObject;

/** A field the node itself holds (never one it inherits: `constructor`, `__proto__`). */
function field(node: Json, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** A list field, at most `FEED_BUDGET.listItems` long; `onCut` when it was longer. */
function many(value: unknown, onCut?: () => void, max: number = FEED_BUDGET.listItems): unknown[] {
  const list = oneOrMany(value);
  if (list.length <= max) return list;
  onCut?.();
  return list.slice(0, max);
}

function types(node: Json): string[] {
  return many(field(node, '@type'))
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.slice(0, 200).replace(/^.*[/#:]/, ''));
}

/** Event and its schema.org subtypes (SocialEvent, EducationEvent, Festival...). */
function isEvent(node: Json): boolean {
  return types(node).some((type) => /Event$/.test(type) || type === 'Festival');
}

/** All event nodes of a JSON-LD document, at most `max`; `onCut` counts those beyond it. */
export function findEvents(document: unknown, max: number = FEED_BUDGET.entries, onCut?: () => void): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isJsonObject(node)) return;
    if (isEvent(node)) {
      if (out.length < max) out.push(node);
      else onCut?.();
      return;
    }
    const graph = field(node, '@graph');
    if (graph) visit(graph, depth + 1);
    const items = field(node, 'itemListElement');
    if (items) visit(items, depth + 1);
    const item = field(node, 'item');
    if (types(node).includes('ListItem') && item) visit(item, depth + 1);
  };
  visit(document, 0);
  return out;
}

/** Text of a value: a string, a finite number, or a value object `{"@value": "..."}`; at most `max` long. */
function str(value: unknown, max = 2000): string | undefined {
  if (typeof value === 'string') return value.slice(0, max).trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isJsonObject(value)) {
    const inner = field(value, '@value');
    if (typeof inner === 'string') return inner.slice(0, max).trim() || undefined;
  }
  return undefined;
}

/** A name: a string, a value object, or a thing's `name` (a DefinedTerm, a Place...). */
function name(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, 2000).trim() || undefined;
  if (isJsonObject(value)) return str(field(value, 'name')) ?? str(field(value, 'alternateName')) ?? str(value);
  return undefined;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/;

/** The `@language` of a value object, or of a context (a JSON-LD document's default for its texts). */
function languageTag(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(languageTag).filter(Boolean).pop();
  if (!isJsonObject(value)) return undefined;
  const language = field(value, '@language');
  return typeof language === 'string' && LANGUAGE_TAG.test(language) ? language : undefined;
}

/** The language a node's texts are in by default: its own `@context`'s `@language`, else `inherited`. */
export function contextLanguage(node: unknown, inherited?: string): string | undefined {
  return (isJsonObject(node) ? languageTag(field(node, '@context')) : undefined) ?? inherited;
}

/** The language of a text field: its value object's `@language`, else the context's. */
function textLanguageOf(value: unknown, context?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  return languageTag(Array.isArray(value) ? value[0] : value) ?? context;
}

/** Category names of `keywords` (text split at commas, value objects, DefinedTerms) and `about`. */
function categoryNames(node: Json, onCut?: () => void): string[] {
  const keywords = many(field(node, 'keywords'), onCut).flatMap((keyword) =>
    typeof keyword === 'string' ? keyword.slice(0, 10_000).split(',') : [name(keyword) ?? ''],
  );
  const about = many(field(node, 'about'), onCut).map((subject) => name(subject) ?? '');
  return [...keywords, ...about];
}

function enumName(value: unknown): string | undefined {
  const raw =
    typeof value === 'string'
      ? value.slice(0, 200)
      : isJsonObject(value)
        ? (str(field(value, '@id'), 200) ?? str(field(value, 'name'), 200))
        : undefined;
  return raw?.replace(/^.*[/#:]/, '');
}

function statusOf(value: unknown): EventStatus {
  switch (enumName(value)) {
    case 'EventCancelled':
      return 'cancelled';
    case 'EventPostponed':
      return 'postponed';
    default:
      return 'scheduled';
  }
}

function truthy(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value
      .slice(0, 100)
      .trim()
      .toLowerCase()
      .replace(/^.*[/#:]/, '');
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

function addressText(value: unknown): string | undefined {
  if (typeof value === 'string') return toPlainText(value, FEED_BUDGET.titleChars);
  if (!isJsonObject(value)) return undefined;
  const locality = [str(field(value, 'postalCode')), str(field(value, 'addressLocality'))].filter(Boolean).join(' ');
  const text = [str(field(value, 'streetAddress')), locality].filter(Boolean).join(', ');
  return toPlainText(text, FEED_BUDGET.titleChars);
}

function languageCode(value: unknown): string | undefined {
  const raw =
    typeof value === 'string'
      ? value
      : isJsonObject(value)
        ? (str(field(value, 'alternateName')) ?? str(field(value, 'name')))
        : undefined;
  const code = raw?.trim().toLowerCase();
  return code && /^[a-z]{2,8}(-[a-z0-9]{1,8}){0,4}$/.test(code) ? code : undefined;
}

function offersOf(value: unknown, baseUrl?: string, onCut?: () => void): EventOffer[] {
  const offers: EventOffer[] = [];
  for (const offer of many(value, onCut)) {
    if (!isJsonObject(offer)) continue;
    const specification = field(offer, 'priceSpecification');
    const raw = field(offer, 'price') ?? (isJsonObject(specification) ? field(specification, 'price') : undefined);
    const price =
      typeof raw === 'number' && Number.isFinite(raw)
        ? raw
        : typeof raw === 'string' && /^\d{1,9}([.,]\d{1,4})?$/.test(raw.trim())
          ? Number(raw.trim().replace(',', '.'))
          : undefined;
    const currency =
      str(field(offer, 'priceCurrency'), 10) ??
      (isJsonObject(specification) ? str(field(specification, 'priceCurrency'), 10) : undefined);
    offers.push({
      price,
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
      text: price === undefined ? toPlainText(str(raw) ?? name(offer), FEED_BUDGET.titleChars) : undefined,
      url: safeUrl(str(field(offer, 'url')), LINK_PROTOCOLS, baseUrl),
    });
  }
  return offers;
}

/** The shared details of one schema.org Event; `onCut` once for each field the budget cut. */
export function infoOf(node: Json, uid: string, baseUrl?: string, onCut?: () => void, language?: string): EventInfo {
  const info = emptyInfo(uid, toPlainText(name(node), FEED_BUDGET.titleChars, onCut) ?? '');
  const context = contextLanguage(node, language);
  info.titleLanguage = textLanguageOf(field(node, 'name'), context);
  info.description = toPlainText(
    str(field(node, 'description'), FEED_BUDGET.textChars * 8),
    FEED_BUDGET.textChars,
    onCut,
  );
  if (info.description) info.descriptionLanguage = textLanguageOf(field(node, 'description'), context);
  info.url = safeUrl(str(field(node, 'url')), LINK_PROTOCOLS, baseUrl);
  info.status = statusOf(field(node, 'eventStatus'));
  for (const location of many(field(node, 'location'), onCut)) {
    if (typeof location === 'string') {
      info.place ??= { name: toPlainText(location, FEED_BUDGET.titleChars) };
      continue;
    }
    if (!isJsonObject(location)) continue;
    if (types(location).includes('VirtualLocation')) {
      info.onlineUrl ??= safeUrl(str(field(location, 'url')), LINK_PROTOCOLS, baseUrl);
      continue;
    }
    const geoValue = field(location, 'geo');
    const geo = isJsonObject(geoValue) ? geoValue : undefined;
    const latitude = geo ? readNumber(field(geo, 'latitude')) : undefined;
    const longitude = geo ? readNumber(field(geo, 'longitude')) : undefined;
    info.place ??= {
      name: toPlainText(name(location), FEED_BUDGET.titleChars),
      address: addressText(field(location, 'address')),
      latitude: latitude !== undefined && Math.abs(latitude) <= 90 ? latitude : undefined,
      longitude: longitude !== undefined && Math.abs(longitude) <= 180 ? longitude : undefined,
    };
    const features = many(field(location, 'amenityFeature'), onCut)
      .filter(
        (feature) =>
          isJsonObject(feature) && field(feature, 'value') !== false && truthy(field(feature, 'value')) !== false,
      )
      .map((feature) => toPlainText(name(feature), FEED_BUDGET.titleChars))
      .filter((feature): feature is string => Boolean(feature));
    if (features.length > 0) info.accessibility = features.join(', ');
  }
  const summary = toPlainText(
    str(field(node, 'accessibilitySummary'), FEED_BUDGET.textChars),
    FEED_BUDGET.textChars,
    onCut,
  );
  if (summary) info.accessibility = info.accessibility ? `${summary} ${info.accessibility}` : summary;
  if (!info.onlineUrl && enumName(field(node, 'eventAttendanceMode')) === 'OnlineEventAttendanceMode') {
    info.onlineUrl = info.url;
  }
  const organizerValue = field(node, 'organizer');
  const organizer = many(organizerValue).find(isJsonObject);
  if (organizer) {
    info.organizer = {
      name: toPlainText(name(organizer), FEED_BUDGET.titleChars),
      url: safeUrl(str(field(organizer, 'url')), LINK_PROTOCOLS, baseUrl),
      email: str(field(organizer, 'email'), 320)?.replace(/^mailto:/i, ''),
      phone: str(field(organizer, 'telephone'), 100),
    };
  } else if (typeof organizerValue === 'string') {
    info.organizer = { name: toPlainText(organizerValue, FEED_BUDGET.titleChars) };
  }
  info.categories = limited(
    categoryNames(node, onCut).map((keyword) => toPlainText(keyword, FEED_BUDGET.titleChars) ?? ''),
    onCut,
  );
  info.languages = limited(many(field(node, 'inLanguage'), onCut).map((language) => languageCode(language) ?? ''));
  info.audiences = limited(
    many(field(node, 'audience'), onCut).map(
      (audience) =>
        toPlainText(
          isJsonObject(audience) ? (str(field(audience, 'audienceType')) ?? name(audience)) : str(audience),
          FEED_BUDGET.titleChars,
        ) ?? '',
    ),
  );
  info.offers = offersOf(field(node, 'offers'), baseUrl, onCut);
  info.free = truthy(field(node, 'isAccessibleForFree'));
  if (info.free === undefined && info.offers.length > 0 && info.offers.every((offer) => offer.price === 0))
    info.free = true;
  if (info.free === undefined && info.offers.some((offer) => (offer.price ?? 0) > 0)) info.free = false;
  return info;
}

/** Distinct, non-empty values, at most `FEED_BUDGET.listItems`. */
function limited(values: string[], onCut?: () => void): string[] {
  const out = [...new Set(values.map((value) => value.trim()).filter(Boolean))];
  if (out.length <= FEED_BUDGET.listItems) return out;
  onCut?.();
  return out.slice(0, FEED_BUDGET.listItems);
}

/** A date-time of a feed: with an offset it is an instant; without, wall time in `zone`. */
export function parseDateTime(value: unknown, zone: string): { date: DateOnly; instant?: Date } | undefined {
  const text = str(value, 100);
  const date = parseDate(text);
  if (!text || !date) return undefined;
  if (!/T\d{1,2}:\d{2}/.test(text)) return { date };
  const time = parseTime(text);
  if (!time) return { date };
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return { date, instant };
  }
  const instant = wallTimeToInstant({ ...date, ...time }, zone);
  return Number.isNaN(instant.getTime()) ? { date } : { date, instant };
}

interface EventEntry {
  uid: string;
  info: EventInfo;
  /** Undefined for an Event known only through its schedule. */
  start?: { date: DateOnly; instant?: Date };
  end?: { date: DateOnly; instant?: Date };
  schedules: ScheduleRule[];
}

/** Whole numbers of a list field within [min, max], 0 left out. */
function integers(value: unknown, min: number, max: number): number[] {
  return many(value)
    .map(readNumber)
    .filter((n): n is number => n !== undefined && Number.isInteger(n) && n !== 0 && n >= min && n <= max);
}

/** The first day a schedule without any start date is read from: schedules then repeat "always". */
const OPEN_START: DateOnly = { year: 2000, month: 1, day: 3 };

function scheduleOf(
  schedule: Json,
  entry: Omit<EventEntry, 'schedules'>,
  zone: string,
  budget: WorkBudget,
  onCut: () => void,
): ScheduleRule | undefined {
  const frequency = parseFrequency(field(schedule, 'repeatFrequency'));
  const byDay = many(field(schedule, 'byDay'), onCut, 7 * 6)
    .map(parseByDay)
    .filter((day): day is ByDay => Boolean(day));
  const monthWeeks = integers(field(schedule, 'byMonthWeek'), -5, 5);
  if (monthWeeks.length > 0) {
    // byMonthWeek: the n-th week of the month for each byDay (schema.org's "first Tuesday").
    const expanded = byDay.flatMap((day) => monthWeeks.map((ordinal) => ({ weekday: day.weekday, ordinal })));
    byDay.splice(0, byDay.length, ...expanded);
  }
  const byMonthDay = integers(field(schedule, 'byMonthDay'), -31, 31);
  const byMonth = integers(field(schedule, 'byMonth'), 1, 12);
  const scheduleZone = str(field(schedule, 'scheduleTimezone'), 100);
  const timeZone = scheduleZone && isValidTimeZone(scheduleZone) ? scheduleZone : zone;
  const scheduleStart = parseDateTime(field(schedule, 'startDate'), timeZone);
  const startDate = scheduleStart?.date ?? entry.start?.date ?? OPEN_START;
  const endDate = parseDate(str(field(schedule, 'endDate'), 100));
  const startTime =
    parseTime(str(field(schedule, 'startTime'), 100)) ??
    (scheduleStart?.instant ? parseTime(str(field(schedule, 'startDate'), 100)) : undefined) ??
    wallTimeOf(entry, timeZone);
  const endTime = parseTime(str(field(schedule, 'endTime'), 100));
  let durationMs = parseDuration(field(schedule, 'duration'));
  if (durationMs === undefined && startTime && endTime) {
    const minutes = endTime.hour * 60 + endTime.minute - (startTime.hour * 60 + startTime.minute);
    durationMs = (minutes > 0 ? minutes : minutes + 24 * 60) * 60_000;
  }
  if (durationMs === undefined && entry.end?.instant && entry.start?.instant) {
    durationMs = entry.end.instant.getTime() - entry.start.instant.getTime();
  }
  if (durationMs !== undefined && !(durationMs >= 0 && durationMs <= 366 * 86_400_000)) durationMs = undefined;
  const effectiveFrequency = frequency ?? (byDay.length > 0 ? { frequency: 'W' as const, interval: 1 } : undefined);
  if (!effectiveFrequency) return undefined;
  const count = readNumber(field(schedule, 'repeatCount'));
  const exceptDates: DateOnly[] = [];
  const exceptInstants: number[] = [];
  for (const except of many(field(schedule, 'exceptDate'), onCut, FEED_BUDGET.dates)) {
    const parsed = parseDateTime(except, timeZone);
    if (!parsed) continue;
    if (parsed.instant) exceptInstants.push(parsed.instant.getTime());
    else exceptDates.push(parsed.date);
  }
  const rule: ScheduleRule = {
    ...effectiveFrequency,
    byDay,
    byMonthDay,
    byMonth,
    startDate,
    endDate,
    startTime,
    durationMs: durationMs ?? (startTime ? 3_600_000 : 86_400_000),
    timeZone,
    count: count !== undefined && Number.isInteger(count) && count > 0 ? count : undefined,
    exceptDates,
    exceptInstants,
  };
  // A counted schedule becomes one with an end date, so that a later range need not count from its start.
  const last = lastCountedDate(rule, budget);
  if (last) {
    rule.endDate = rule.endDate && compareDates(rule.endDate, last) < 0 ? rule.endDate : last;
    rule.count = undefined;
  }
  return rule;
}

/** The wall time of an event's start instant in a zone. */
function wallTimeOf(entry: Omit<EventEntry, 'schedules'>, zone: string) {
  const instant = entry.start?.instant;
  if (!instant) return undefined;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** Read a JSON-LD feed at once. Throws when it holds no schema.org Event at all. */
export function parseJsonLd(text: string, feed = 0, baseUrl?: string): ParsedFeed {
  return runToEnd(readJsonLd(text, feed, baseUrl));
}

/** The same, in slices that leave the page responsive. */
export function parseJsonLdInSlices(
  text: string,
  feed = 0,
  baseUrl?: string,
  options: SliceOptions = {},
): Promise<ParsedFeed> {
  return runInSlices(readJsonLd(text, feed, baseUrl), options);
}

function* readJsonLd(text: string, feed: number, baseUrl?: string): Generator<void, ParsedFeed, void> {
  const document: unknown = yield* parseJsonWork(text);
  yield;
  let cut = 0;
  const nodes = findEvents(document, FEED_BUDGET.entries, () => cut++);
  const language = contextLanguage(Array.isArray(document) ? undefined : document);
  const isEmptyList =
    (Array.isArray(document) && document.length === 0) ||
    (isJsonObject(document) &&
      types(document).includes('ItemList') &&
      oneOrMany(field(document, 'itemListElement')).length === 0);
  if (nodes.length === 0 && !isEmptyList)
    throw new Error('no schema.org Event found (expected an array, an ItemList or an @graph of events)');
  const entries: EventEntry[] = [];
  let skipped = 0;
  const budget = new WorkBudget(2_000_000);
  for (let index = 0; index < nodes.length; index++) {
    yield;
    const node = nodes[index];
    let entryCut = false;
    const onCut = () => (entryCut = true);
    try {
      const zone = DEFAULT_TIME_ZONE;
      const start = parseDateTime(field(node, 'startDate'), zone);
      const title = name(node);
      const scheduleNodes = many(field(node, 'eventSchedule'), onCut, 10).filter(isJsonObject);
      if ((!start && scheduleNodes.length === 0) || !title) {
        skipped++;
        continue;
      }
      const uid =
        str(field(node, 'identifier'), 500) ??
        str(field(node, '@id'), 500) ??
        str(field(node, 'url'), 500) ??
        `jsonld-${feed}-${index}`;
      const base = {
        uid,
        info: infoOf(node, uid, baseUrl, onCut, language),
        start,
        end: parseDateTime(field(node, 'endDate'), zone),
      };
      const schedules = scheduleNodes
        .map((schedule) => scheduleOf(schedule, base, zone, budget, onCut))
        .filter((rule): rule is ScheduleRule => Boolean(rule));
      if (!start && schedules.length === 0) {
        skipped++;
        continue;
      }
      entries.push({ ...base, schedules });
      if (entryCut) cut++;
    } catch {
      skipped++;
    }
  }
  return new JsonLdFeed(entries, skipped, cut, feed);
}

class JsonLdFeed implements ParsedFeed {
  readonly format = 'json-ld';
  lastExpansion: ExpansionReport = { failed: 0, cut: 0 };

  constructor(
    private readonly entries: EventEntry[],
    readonly skipped: number,
    readonly cut: number,
    private readonly feed: number,
  ) {}

  get eventCount(): number {
    return this.entries.length;
  }

  expand(range: TimeRange, timeZone: string, limit = DEFAULT_OCCURRENCE_LIMIT): Occurrence[] {
    const out: Occurrence[] = [];
    const report: ExpansionReport = { failed: 0, cut: 0 };
    const budget = new WorkBudget(FEED_BUDGET.scheduleDays);
    for (const entry of this.entries) {
      if (out.length >= FEED_BUDGET.occurrences) {
        report.cut++;
        continue;
      }
      try {
        if (!expandEntry(entry, range, timeZone, limit, this.feed, out, budget)) report.cut++;
      } catch {
        report.failed++;
      }
    }
    if (out.length > FEED_BUDGET.occurrences) out.length = FEED_BUDGET.occurrences;
    this.lastExpansion = report;
    return out;
  }
}

function allDayOccurrence(
  entry: EventEntry,
  startDate: DateOnly,
  endDate: DateOnly,
  timeZone: string,
  recurring: boolean,
  feed: number,
): Occurrence {
  return {
    key: occurrenceKey(entry.uid, startDate),
    event: entry.info,
    start: startOfDay(startDate, timeZone),
    end: startOfDay(endDate, timeZone),
    allDay: true,
    startDate,
    endDate,
    recurring,
    feed,
  };
}

/** The occurrences of one entry in a range; false when the budget cut some. */
function expandEntry(
  entry: EventEntry,
  range: TimeRange,
  timeZone: string,
  limit: number,
  feed: number,
  out: Occurrence[],
  budget?: WorkBudget,
): boolean {
  const recurring = entry.schedules.length > 0;
  const seen = new Set<string>();
  let complete = true;
  const push = (occurrence: Occurrence) => {
    if (seen.has(occurrence.key) || !overlaps(occurrence.start, occurrence.end, range)) return;
    seen.add(occurrence.key);
    out.push(occurrence);
  };
  for (const rule of entry.schedules) {
    for (const item of expandSchedule(rule, range, limit, budget, () => (complete = false))) {
      if (item.allDay) {
        const days = Math.max(1, Math.round(rule.durationMs / 86_400_000));
        push(allDayOccurrence(entry, item.date, addDays(item.date, days), timeZone, true, feed));
      } else {
        push({
          key: occurrenceKey(entry.uid, item.start),
          event: entry.info,
          start: item.start,
          end: item.end,
          allDay: false,
          recurring: true,
          feed,
        });
      }
    }
  }
  if (recurring || !entry.start) return complete; // a series' own startDate is only where its schedule begins
  // The event's own date (the first of a series, or the only one).
  const start = entry.start;
  if (start.instant) {
    const end = entry.end?.instant && entry.end.instant > start.instant ? entry.end.instant : start.instant;
    push({
      key: occurrenceKey(entry.uid, start.instant),
      event: entry.info,
      start: start.instant,
      end,
      allDay: false,
      recurring: false,
      feed,
    });
  } else {
    // schema.org endDate of an all-day event is its last day (inclusive).
    const last = entry.end && !entry.end.instant ? entry.end.date : start.date;
    const endDate = addDays(last, 1);
    push(
      allDayOccurrence(
        entry,
        start.date,
        compareDates(endDate, start.date) > 0 ? endDate : addDays(start.date, 1),
        timeZone,
        false,
        feed,
      ),
    );
  }
  return complete;
}
