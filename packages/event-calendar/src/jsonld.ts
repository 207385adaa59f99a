/**
 * schema.org `Event` feeds in JSON-LD: an array of events, an `ItemList` (of events or of
 * `ListItem`s holding them), an `@graph`, or one event. Recurrence through `eventSchedule`.
 * Pure: no DOM.
 */
import {
  DEFAULT_TIME_ZONE,
  LINK_PROTOCOLS,
  addDays,
  compareDates,
  isJsonObject,
  oneOrMany,
  type JsonObject,
  isValidTimeZone,
  safeUrl,
  startOfDay,
  wallTimeToInstant,
} from '@open-city/core';
import {
  DEFAULT_OCCURRENCE_LIMIT,
  emptyInfo,
  occurrenceKey,
  overlaps,
  toPlainText,
  type DateOnly,
  type EventInfo,
  type EventOffer,
  type EventStatus,
  type Occurrence,
  type ParsedFeed,
  type TimeRange,
} from './model.js';
import {
  expandSchedule,
  parseByDay,
  parseDate,
  parseDuration,
  parseFrequency,
  parseTime,
  type ByDay,
  type ScheduleRule,
} from './schedule.js';

type Json = JsonObject;

function types(node: Json): string[] {
  return oneOrMany(node['@type']).map((type) => String(type).replace(/^.*[/#:]/, ''));
}

/** Event and its schema.org subtypes (SocialEvent, EducationEvent, Festival...). */
function isEvent(node: Json): boolean {
  return types(node).some((type) => /Event$/.test(type) || type === 'Festival');
}

/** All event nodes of a JSON-LD document. */
export function findEvents(document: unknown): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isJsonObject(node)) return;
    if (isEvent(node)) {
      out.push(node);
      return;
    }
    if (node['@graph']) visit(node['@graph'], depth + 1);
    if (node.itemListElement) visit(node.itemListElement, depth + 1);
    if (types(node).includes('ListItem') && node.item) visit(node.item, depth + 1);
  };
  visit(document, 0);
  return out;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  // A language map or a value object: {"@value": "..."}.
  if (isJsonObject(value) && typeof value['@value'] === 'string') return value['@value'].trim() || undefined;
  return undefined;
}

function name(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isJsonObject(value)) return str(value.name) ?? str(value.alternateName);
  return undefined;
}

function enumName(value: unknown): string | undefined {
  const raw =
    typeof value === 'string' ? value : isJsonObject(value) ? (str(value['@id']) ?? str(value.name)) : undefined;
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
      .trim()
      .toLowerCase()
      .replace(/^.*[/#:]/, '');
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

function addressText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isJsonObject(value)) return undefined;
  const locality = [str(value.postalCode), str(value.addressLocality)].filter(Boolean).join(' ');
  return [str(value.streetAddress), locality].filter(Boolean).join(', ') || undefined;
}

function languageCode(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().toLowerCase() || undefined;
  if (isJsonObject(value)) return (str(value.alternateName) ?? str(value.name))?.toLowerCase();
  return undefined;
}

function offersOf(value: unknown, baseUrl?: string): EventOffer[] {
  const offers: EventOffer[] = [];
  for (const offer of oneOrMany(value)) {
    if (!isJsonObject(offer)) continue;
    const raw = offer.price ?? (isJsonObject(offer.priceSpecification) ? offer.priceSpecification.price : undefined);
    const price =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\d+([.,]\d+)?$/.test(raw.trim())
          ? Number(raw.trim().replace(',', '.'))
          : undefined;
    const currency =
      str(offer.priceCurrency) ??
      (isJsonObject(offer.priceSpecification) ? str(offer.priceSpecification.priceCurrency) : undefined);
    offers.push({
      price,
      currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
      text: price === undefined ? (str(raw) ?? name(offer)) : undefined,
      url: safeUrl(offer.url, LINK_PROTOCOLS, baseUrl),
    });
  }
  return offers;
}

/** The shared details of one schema.org Event. */
export function infoOf(node: Json, uid: string, baseUrl?: string): EventInfo {
  const info = emptyInfo(uid, toPlainText(name(node)) ?? '');
  info.description = toPlainText(str(node.description));
  info.url = safeUrl(str(node.url), LINK_PROTOCOLS, baseUrl);
  info.status = statusOf(node.eventStatus);
  for (const location of oneOrMany(node.location)) {
    if (typeof location === 'string') {
      info.place ??= { name: location };
      continue;
    }
    if (!isJsonObject(location)) continue;
    if (types(location).includes('VirtualLocation')) {
      info.onlineUrl ??= safeUrl(str(location.url), LINK_PROTOCOLS, baseUrl);
      continue;
    }
    const geo = isJsonObject(location.geo) ? location.geo : undefined;
    info.place ??= {
      name: name(location),
      address: addressText(location.address),
      latitude: geo && Number.isFinite(Number(geo.latitude)) ? Number(geo.latitude) : undefined,
      longitude: geo && Number.isFinite(Number(geo.longitude)) ? Number(geo.longitude) : undefined,
    };
    const features = oneOrMany(location.amenityFeature)
      .filter((feature) => isJsonObject(feature) && feature.value !== false && truthy(feature.value) !== false)
      .map(name)
      .filter((feature): feature is string => Boolean(feature));
    if (features.length > 0) info.accessibility = features.join(', ');
  }
  const summary = toPlainText(str(node.accessibilitySummary));
  if (summary) info.accessibility = info.accessibility ? `${summary} ${info.accessibility}` : summary;
  if (!info.onlineUrl && enumName(node.eventAttendanceMode) === 'OnlineEventAttendanceMode') {
    info.onlineUrl = info.url;
  }
  const organizer = oneOrMany(node.organizer).find(isJsonObject);
  if (organizer) {
    info.organizer = {
      name: name(organizer),
      url: safeUrl(str(organizer.url), LINK_PROTOCOLS, baseUrl),
      email: str(organizer.email)?.replace(/^mailto:/i, ''),
      phone: str(organizer.telephone),
    };
  } else if (typeof node.organizer === 'string') info.organizer = { name: node.organizer };
  info.categories = [
    ...new Set(
      oneOrMany(node.keywords)
        .flatMap((keyword) => (typeof keyword === 'string' ? keyword.split(',') : [name(keyword) ?? '']))
        .map((keyword) => keyword.trim())
        .filter(Boolean),
    ),
  ];
  info.languages = [
    ...new Set(
      oneOrMany(node.inLanguage)
        .map(languageCode)
        .filter((code): code is string => Boolean(code)),
    ),
  ];
  info.audiences = [
    ...new Set(
      oneOrMany(node.audience)
        .map((audience) => (isJsonObject(audience) ? (str(audience.audienceType) ?? name(audience)) : str(audience)))
        .filter((audience): audience is string => Boolean(audience)),
    ),
  ];
  info.offers = offersOf(node.offers, baseUrl);
  info.free = truthy(node.isAccessibleForFree);
  if (info.free === undefined && info.offers.length > 0 && info.offers.every((offer) => offer.price === 0))
    info.free = true;
  if (info.free === undefined && info.offers.some((offer) => (offer.price ?? 0) > 0)) info.free = false;
  return info;
}

/** A date-time of a feed: with an offset it is an instant; without, wall time in `zone`. */
export function parseDateTime(value: unknown, zone: string): { date: DateOnly; instant?: Date } | undefined {
  const text = str(value);
  const date = parseDate(text);
  if (!text || !date) return undefined;
  if (!/T\d{2}:\d{2}/.test(text)) return { date };
  const time = parseTime(text)!;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return { date, instant };
  }
  return { date, instant: wallTimeToInstant({ ...date, ...time }, zone) };
}

interface EventEntry {
  uid: string;
  info: EventInfo;
  start: { date: DateOnly; instant?: Date };
  end?: { date: DateOnly; instant?: Date };
  schedules: ScheduleRule[];
}

function scheduleOf(schedule: Json, entry: Omit<EventEntry, 'schedules'>, zone: string): ScheduleRule | undefined {
  const frequency = parseFrequency(schedule.repeatFrequency);
  const byDay = oneOrMany(schedule.byDay)
    .map(parseByDay)
    .filter((day): day is ByDay => Boolean(day));
  const monthWeeks = oneOrMany(schedule.byMonthWeek)
    .map(Number)
    .filter((week) => Number.isInteger(week) && week !== 0);
  if (monthWeeks.length > 0) {
    // byMonthWeek: the n-th week of the month for each byDay (schema.org's "first Tuesday").
    const expanded = byDay.flatMap((day) => monthWeeks.map((ordinal) => ({ weekday: day.weekday, ordinal })));
    byDay.splice(0, byDay.length, ...expanded);
  }
  const byMonthDay = oneOrMany(schedule.byMonthDay)
    .map(Number)
    .filter((day) => Number.isInteger(day) && day !== 0);
  const byMonth = oneOrMany(schedule.byMonth)
    .map(Number)
    .filter((month) => month >= 1 && month <= 12);
  const scheduleZone = str(schedule.scheduleTimezone);
  const timeZone = scheduleZone && isValidTimeZone(scheduleZone) ? scheduleZone : zone;
  const startDate = parseDate(str(schedule.startDate)) ?? entry.start.date;
  const endDate = parseDate(str(schedule.endDate));
  const startTime =
    parseTime(str(schedule.startTime)) ?? (entry.start.instant ? parseTime(str(schedule.startDate)) : undefined);
  const endTime = parseTime(str(schedule.endTime));
  let durationMs = parseDuration(schedule.duration);
  if (durationMs === undefined && startTime && endTime) {
    const minutes = endTime.hour * 60 + endTime.minute - (startTime.hour * 60 + startTime.minute);
    durationMs = (minutes > 0 ? minutes : minutes + 24 * 60) * 60_000;
  }
  if (durationMs === undefined && entry.end?.instant && entry.start.instant) {
    durationMs = entry.end.instant.getTime() - entry.start.instant.getTime();
  }
  const effectiveFrequency = frequency ?? (byDay.length > 0 ? { frequency: 'W' as const, interval: 1 } : undefined);
  if (!effectiveFrequency) return undefined;
  const count = Number(schedule.repeatCount);
  const exceptDates: DateOnly[] = [];
  const exceptInstants: number[] = [];
  for (const except of oneOrMany(schedule.exceptDate)) {
    const parsed = parseDateTime(except, timeZone);
    if (!parsed) continue;
    if (parsed.instant) exceptInstants.push(parsed.instant.getTime());
    else exceptDates.push(parsed.date);
  }
  return {
    ...effectiveFrequency,
    byDay,
    byMonthDay,
    byMonth,
    startDate,
    endDate,
    startTime,
    durationMs: durationMs ?? (startTime ? 3_600_000 : 86_400_000),
    timeZone,
    count: Number.isInteger(count) && count > 0 ? count : undefined,
    exceptDates,
    exceptInstants,
  };
}

/** Read a JSON-LD feed. Throws when it holds no schema.org Event at all. */
export function parseJsonLd(text: string, feed = 0, baseUrl?: string): ParsedFeed {
  const document: unknown = JSON.parse(text);
  const nodes = findEvents(document);
  const isEmptyList =
    (Array.isArray(document) && document.length === 0) ||
    (isJsonObject(document) &&
      types(document).includes('ItemList') &&
      oneOrMany(document.itemListElement).length === 0);
  if (nodes.length === 0 && !isEmptyList)
    throw new Error('no schema.org Event found (expected an array, an ItemList or an @graph of events)');
  const entries: EventEntry[] = [];
  let skipped = 0;
  nodes.forEach((node, index) => {
    const zone = DEFAULT_TIME_ZONE;
    const start = parseDateTime(node.startDate, zone);
    if (!start || !name(node)) {
      skipped++;
      return;
    }
    const uid = str(node.identifier) ?? str(node['@id']) ?? str(node.url) ?? `jsonld-${feed}-${index}`;
    const base = { uid, info: infoOf(node, uid, baseUrl), start, end: parseDateTime(node.endDate, zone) };
    const schedules = oneOrMany(node.eventSchedule)
      .filter(isJsonObject)
      .map((schedule) => scheduleOf(schedule, base, zone))
      .filter((rule): rule is ScheduleRule => Boolean(rule));
    entries.push({ ...base, schedules });
  });
  return {
    format: 'json-ld',
    eventCount: entries.length,
    skipped,
    expand(range: TimeRange, timeZone: string, limit = DEFAULT_OCCURRENCE_LIMIT): Occurrence[] {
      const out: Occurrence[] = [];
      for (const entry of entries) expandEntry(entry, range, timeZone, limit, feed, out);
      return out;
    },
  };
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

function expandEntry(
  entry: EventEntry,
  range: TimeRange,
  timeZone: string,
  limit: number,
  feed: number,
  out: Occurrence[],
): void {
  const recurring = entry.schedules.length > 0;
  const seen = new Set<string>();
  const push = (occurrence: Occurrence) => {
    if (seen.has(occurrence.key) || !overlaps(occurrence.start, occurrence.end, range)) return;
    seen.add(occurrence.key);
    out.push(occurrence);
  };
  for (const rule of entry.schedules) {
    for (const item of expandSchedule(rule, range, limit)) {
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
  if (recurring) return; // a series' own startDate is only where its schedule begins
  // The event's own date (the first of a series, or the only one).
  if (entry.start.instant) {
    const end = entry.end?.instant && entry.end.instant > entry.start.instant ? entry.end.instant : entry.start.instant;
    push({
      key: occurrenceKey(entry.uid, entry.start.instant),
      event: entry.info,
      start: entry.start.instant,
      end,
      allDay: false,
      recurring: false,
      feed,
    });
  } else {
    // schema.org endDate of an all-day event is its last day (inclusive).
    const last = entry.end && !entry.end.instant ? entry.end.date : entry.start.date;
    const endDate = addDays(last, 1);
    push(
      allDayOccurrence(
        entry,
        entry.start.date,
        compareDates(endDate, entry.start.date) > 0 ? endDate : addDays(entry.start.date, 1),
        timeZone,
        false,
        feed,
      ),
    );
  }
}
