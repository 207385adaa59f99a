/**
 * iCalendar (RFC 5545) feeds, read without a general iCalendar library: `ics-lines.ts` cuts the
 * text into its VEVENTs and VTIMEZONEs in one pass, `ics-properties.ts` splits a VEVENT's lines
 * when it is read, `ical-values.ts` decodes its values, `recurrence.ts` expands its rules and
 * `ics-zones.ts` reads the VTIMEZONEs that have no IANA name. The element imports this module
 * with a dynamic `import()` only when a feed holds `BEGIN:VCALENDAR`.
 *
 * Tolerant: each component is read on its own (a bad line or an unclosed component costs only
 * that component), and what exporters get wrong is repaired before it is read.
 *
 * Time zones: each feed's VTIMEZONEs serve its own events (no zone of one feed changes another's).
 * A TZID that is an IANA name is read with Intl's data of that name (the same rules as its
 * VTIMEZONE, kept up to date); another TZID with a VTIMEZONE (Outlook's Windows names) by that
 * VTIMEZONE's observances; a TZID without VTIMEZONE as the IANA zone it names, also through a
 * Windows name (`zone-names.ts`); floating times in the feed's `X-WR-TIMEZONE`, or Europe/Warsaw.
 *
 * Versions: of several VEVENTs with one UID (and one RECURRENCE-ID), the highest SEQUENCE wins,
 * then the latest LAST-MODIFIED, then DTSTAMP.
 *
 * Recurrence: occurrences are made month by month (by the month of their RECURRENCE-ID) and kept,
 * so a month is expanded once. Rules are expanded by `recurrence.ts` (RFC 5545 §3.3.10); a rule
 * it declines (BYSECOND=60, RSCALE, parts of times on an all-day DTSTART) makes its event one
 * that cannot be read, counted in the feed's note. A rule without COUNT starts shortly before the
 * month asked for (skip-ahead on the rule's own lattice) instead of walking from DTSTART. Every
 * step is weighed against the feed's budget; what the budget cuts, and every series that fails,
 * is counted in `lastExpansion`.
 */
import {
  DEFAULT_TIME_ZONE,
  LINK_PROTOCOLS,
  addDays,
  runInSlices,
  runToEnd,
  safeUrl,
  type SliceOptions,
  type WallTime,
} from '@open-city/core';
import {
  addDuration,
  decodeText,
  decodeDuration,
  decodeTextList,
  decodeTime,
  decodeTimes,
  durationSeconds,
  paramOf,
  wallSeconds,
  type DateTimeValue,
  type Duration,
  type TimeValue,
} from './ical-values.js';
import { splitCalendar, type SplitCalendar } from './ics-lines.js';
import { Properties, type ContentLine } from './ics-properties.js';
import { plainUidOf, spanOf, type Span } from './ics-scan.js';
import {
  DEFAULT_OCCURRENCE_LIMIT,
  FEED_BUDGET,
  MAX_RECURRENCE_STEPS,
  WorkBudget,
  emptyInfo,
  occurrenceKey,
  overlaps,
  toPlainText,
  type DateOnly,
  type EventInfo,
  type EventStatus,
  type ExpansionReport,
  type Occurrence,
  type ParsedFeed,
  type TimeRange,
} from './model.js';
import { expand as expandRule, fitsDates, type Rule } from './recurrence.js';
import { reachable, type CheckedRule } from './rrule-check.js';
import { ZoneRules } from './ics-zones.js';
import { dayStart, wallToInstant } from './zone-offsets.js';
import { ianaZoneOf, loadWindowsZones, mayNeedWindowsZones } from './zone-names.js';

/** A calendar's own zones, by TZID: its VTIMEZONEs whose TZID is no IANA name. */
type Zones = Map<string, ZoneRules>;

/**
 * The TZID parameters a feed's text names (each once, at most 100), found without splitting it.
 * A value cut by a fold or a `:` in an unquoted name is kept cut: it is then no IANA name, and the
 * Windows table is loaded, which is the safe way to be wrong.
 */
function tzidsOf(text: string): string[] {
  const found = new Set<string>();
  const parameter = /;tzid=("?)([^";:\r\n]{1,200})/gi;
  for (let match = parameter.exec(text); match && found.size < 100; match = parameter.exec(text)) found.add(match[2]);
  return [...found];
}

/**
 * Read an iCalendar feed at once, every entry. Throws when the text holds no VCALENDAR, or when it
 * holds components and not one of them can be read. Relative links are read relative to `baseUrl`.
 * A TZID that is a Windows name is read as one only once `loadWindowsZones` has loaded its table
 * (`parseICalendarInSlices` loads it when a feed needs it).
 */
export function parseICalendar(text: string, feed = 0, baseUrl?: string): ParsedFeed {
  const parsed = runToEnd(readICalendar(text, feed, baseUrl));
  runToEnd(parsed.readRest());
  return parsed;
}

/**
 * The same, in slices that leave the page responsive, and in proportion to what is shown: the
 * one pass over the text notes when each VEVENT can occur (`ics-scan.ts`); those that can
 * overlap `ahead` are read in full (their properties, details and series) and made ahead before
 * this resolves, and the rest in idle slices after the first paint (`reading` resolves then, and
 * the counts of entries that could not be read are final). A range asked for before that reads
 * what it needs at once, so every range gives the occurrences a whole reading gives.
 */
export async function parseICalendarInSlices(
  text: string,
  feed = 0,
  baseUrl?: string,
  options: SliceOptions & { ahead?: TimeRange } = {},
): Promise<ParsedFeed> {
  if (tzidsOf(text).some(mayNeedWindowsZones)) await loadWindowsZones();
  const parsed = await runInSlices(readICalendar(text, feed, baseUrl, options.ahead), options);
  if (options.ahead) await parsed.prepare(options.ahead, options.signal);
  parsed.readLater(options.signal);
  return parsed;
}

interface Candidate {
  component: Properties;
  uid: string;
  recurrenceId?: string;
  rules: CheckedRule[];
  cut: number;
  calendar: number;
  /** Index of the component in the feed: versions and groups keep the feed's order. */
  index: number;
}

/** The VEVENTs of one UID read so far; `order` is the index of the first that could be read. */
interface Group {
  masters: Candidate[];
  overrides: Map<string, Candidate[]>;
  order: number;
}

/** The VEVENTs of one plain UID, each with a span, not read yet. */
interface Pending {
  uid: string;
  indexes: number[];
  span: Span;
  /** Its master has a rule: counted among the feed's series for the share of the budget. */
  recurring: boolean;
  read: boolean;
}

function* readICalendar(
  text: string,
  feed: number,
  baseUrl?: string,
  ahead?: TimeRange,
): Generator<void, ICalendarFeed, void> {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) throw new Error('the feed holds no VCALENDAR');
  const split = yield* splitCalendar(text);

  // Each calendar's zones, for its events only (the first VTIMEZONE of a TZID).
  const zones: Zones[] = split.calendarZones.map(() => new Map());
  if (zones.length === 0) zones.push(new Map());
  let zonesSkipped = 0;
  for (const part of split.components) {
    if (part.name !== 'vtimezone') continue;
    yield;
    // An IANA name is read with Intl's data of that name: its VTIMEZONE is not read at all.
    const named = part.lines
      .find((line) => /^TZID:/i.test(line))
      ?.slice(5)
      .trim();
    if (named !== undefined && ianaZoneOf(named) === named) continue;
    const zone = ZoneRules.read(part.lines);
    if (!zone || !usableZone(zone)) zonesSkipped++;
    else {
      const own = zones[Math.min(part.calendar, zones.length - 1)];
      if (!own.has(zone.tzid)) own.set(zone.tzid, zone);
    }
  }
  const reader = new ICalendarFeed(split, zones, feed, baseUrl, split.broken + zonesSkipped, split.overBudget);

  // Which VEVENTs can wait: those of a plain UID whose every version has a span (one master at most).
  const byUid = new Map<string, { indexes: number[]; spans: (Span | undefined)[]; masters: number }>();
  const now: number[] = [];
  let veventCount = 0;
  split.components.forEach((part, index) => {
    if (part.name !== 'vevent') return;
    veventCount++;
    const uid = plainUidOf(part);
    if (!uid) {
      now.push(index);
      return;
    }
    const entry = byUid.get(uid) ?? { indexes: [], spans: [], masters: 0 };
    byUid.set(uid, entry);
    entry.indexes.push(index);
    entry.spans.push(spanOf(part));
    if (!part.scan?.recurrenceId) entry.masters++;
  });
  const pending: Pending[] = [];
  for (const [uid, entry] of byUid) {
    const spans = entry.spans.filter((span): span is Span => span !== undefined);
    if (spans.length < entry.spans.length || entry.masters > 1) {
      now.push(...entry.indexes);
      continue;
    }
    const master = entry.indexes.find((index) => !split.components[index].scan?.recurrenceId);
    pending.push({
      uid,
      indexes: entry.indexes,
      span: [Math.min(...spans.map((span) => span[0])), Math.max(...spans.map((span) => span[1]))],
      recurring: master !== undefined && split.components[master].rules.length > 0,
      read: false,
    });
  }
  now.sort((a, b) => a - b);

  // The rest, read now in the feed's order, as a whole reading would.
  const groups = new Map<string, Group>();
  for (const index of now) {
    yield;
    reader.readPart(index, groups);
  }
  // A UID that waited but is also the UID of one read now (after unescaping) is one group.
  const waiting = new Map(pending.map((item) => [item.uid, item]));
  for (const uid of [...groups.keys()]) {
    const item = waiting.get(uid);
    if (!item) continue;
    for (const index of item.indexes) reader.readPart(index, groups);
    item.read = true;
  }
  for (const [uid, group] of [...groups].sort((a, b) => a[1].order - b[1].order)) {
    yield;
    reader.build(uid, group);
  }
  reader.wait(pending.filter((item) => !item.read).sort((a, b) => a.indexes[0] - b.indexes[0]));
  if (ahead) yield* reader.readRange(ahead);
  // Not one event read yet: read on until one is, or none can be (then the feed is unusable).
  while (reader.groupCount === 0 && reader.readNext()) yield;
  if (reader.groupCount === 0 && (veventCount > 0 || split.broken > 0)) {
    throw new Error(`none of the ${veventCount + split.broken} VEVENTs of the feed can be read`);
  }
  return reader;
}

/** A series left out because the feed's budget for checking rules ran out. */
class OverBudget extends Error {}

/** A VTIMEZONE that gives an offset a clock can have. */
function usableZone(zone: ZoneRules): boolean {
  const offset = safely(() => zone.offsetAt(Date.UTC(2026, 5, 1, 12)));
  return offset !== undefined && Number.isFinite(offset) && Math.abs(offset) <= 18 * 3600;
}

function floatingZone(declared: string | undefined): string {
  return ianaZoneOf(declared) ?? DEFAULT_TIME_ZONE;
}

function safely<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    return undefined;
  }
}

/** The candidate that wins among versions of one event: highest SEQUENCE, then latest LAST-MODIFIED, DTSTAMP. */
function newest(list: Candidate[]): Candidate | undefined {
  // One version (nearly always): nothing to compare, and its stamps need not be read.
  if (list.length < 2) return list[0];
  let best: Candidate | undefined;
  let bestRank: number[] = [];
  for (const candidate of list) {
    const rank = [
      Number(candidate.component.first('sequence')?.value.trim()) || 0,
      stampOf(candidate.component, 'last-modified'),
      stampOf(candidate.component, 'dtstamp'),
    ];
    if (!best || greater(rank, bestRank)) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}

function greater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** A stamp's seconds (stamps are UTC; any other is read as if it were). */
function stampOf(component: Properties, name: string): number {
  const property = component.first(name);
  const time = property && decodeTime(property.value, property.params);
  return time ? wallSeconds(time) : 0;
}

/**
 * The instant (ms) of a date-time: UTC directly; a TZID of the calendar's own zones (a VTIMEZONE
 * without an IANA name) by its observances; any other as wall time in `fallbackZone` (the IANA
 * zone its TZID names, see `zoneOfProperty`, or the feed's zone for floating times).
 */
function instantOf(time: DateTimeValue, fallbackZone: string, zones: Zones): number {
  if (time.utc) return wallSeconds(time) * 1000;
  const own = time.tzid === undefined ? undefined : zones.get(time.tzid);
  return own ? own.instantOf(time) : wallToInstant(time, fallbackZone).getTime();
}

/** The zone in which a property's floating or unknown-TZID times are read. */
function zoneOfProperty(property: ContentLine | undefined, fallback: string): string {
  const tzid = property && paramOf(property.params, 'TZID');
  return (tzid !== undefined && ianaZoneOf(tzid)) || fallback;
}

/** A property's date or date-time value, as its VALUE and TZID parameters say. */
function timeOf(property: ContentLine | undefined): TimeValue | undefined {
  const time = property && decodeTime(property.value, property.params);
  return time && time.year >= 1 && time.year <= 9999 ? time : undefined;
}

/** The key of a RECURRENCE-ID (or any single date value): the date, or the instant. */
function timeKey(
  property: ContentLine,
  candidate: Candidate,
  calendarZones: (string | undefined)[],
  zones: Zones,
): string {
  const time = timeOf(property);
  if (!time) throw new Error('a RECURRENCE-ID that cannot be read');
  const zone = zoneOfProperty(property, floatingZone(calendarZones[candidate.calendar]));
  return time.isDate ? dateKey(time) : String(instantOf(time, zone, zones));
}

function dateKey(time: DateOnly): string {
  return `${time.year}-${time.month}-${time.day}`;
}

function dateOf(time: DateOnly): DateOnly {
  return { year: time.year, month: time.month, day: time.day };
}

function compare(a: DateOnly, b: DateOnly): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Properties whose value is a URI: kept as written (a backslash in it is no escape). */
const uriProperties = new Set(['url', 'conference']);

function propertyText(component: Properties, name: string, max: number, onCut?: () => void): string | undefined {
  const property = component.first(name);
  if (!property) return undefined;
  return toPlainText(uriProperties.has(name) ? property.value : decodeText(property.value), max, onCut);
}

function list(component: Properties, name: string, onCut: () => void): string[] {
  const values: string[] = [];
  for (const property of component.all(name)) {
    for (const value of decodeTextList(property.value)) {
      for (const part of value.split(',')) {
        const trimmed = toPlainText(part, FEED_BUDGET.titleChars);
        if (!trimmed || values.includes(trimmed)) continue;
        if (values.length >= FEED_BUDGET.listItems) {
          onCut();
          return values;
        }
        values.push(trimmed);
      }
    }
  }
  return values;
}

function statusOf(component: Properties): EventStatus {
  switch (propertyText(component, 'status', 40)?.toUpperCase()) {
    case 'CANCELLED':
      return 'cancelled';
    case 'TENTATIVE':
      return 'tentative';
    default:
      return 'scheduled';
  }
}

/** The LANGUAGE parameter of a text property, when it is a language tag. */
function textLanguage(component: Properties, name: string): string | undefined {
  const language = component.param(name, 'LANGUAGE');
  return language !== undefined && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(language) ? language : undefined;
}

/** GEO (§3.8.1.6): latitude and longitude, when both are numbers on the globe. */
function geoOf(component: Properties): [number, number] | undefined {
  const parts = component.first('geo')?.value.split(/[;,]/);
  if (parts?.length !== 2 || parts.some((part) => !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(part))) return undefined;
  const [latitude, longitude] = parts.map(Number);
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? [latitude, longitude] : undefined;
}

/** The shared details of a VEVENT, including the `X-OC-*` extensions this widget documents. */
export function infoOf(component: Properties, uid: string, baseUrl?: string, onCut: () => void = () => {}): EventInfo {
  const info = emptyInfo(uid, propertyText(component, 'summary', FEED_BUDGET.titleChars, onCut) ?? '');
  info.description = propertyText(component, 'description', FEED_BUDGET.textChars, onCut);
  info.status = statusOf(component);
  info.url = safeUrl(propertyText(component, 'url', 2000), LINK_PROTOCOLS, baseUrl);
  info.categories = list(component, 'categories', onCut);

  const location = propertyText(component, 'location', FEED_BUDGET.titleChars * 2, onCut);
  const conference = safeUrl(propertyText(component, 'conference', 2000), LINK_PROTOCOLS, baseUrl);
  const locationLink =
    location && /^https?:\/\//i.test(location) ? safeUrl(location, LINK_PROTOCOLS, baseUrl) : undefined;
  info.onlineUrl = conference ?? locationLink;
  if (location && !locationLink) {
    const [name, ...rest] = location.split(/\n|,\s*/);
    info.place = { name: name.trim(), address: rest.join(', ').trim() || undefined };
    const geo = geoOf(component);
    if (geo) [info.place.latitude, info.place.longitude] = geo;
  }
  const organizer = component.first('organizer');
  if (organizer) {
    const address = organizer.value.slice(0, 500);
    const name = paramOf(organizer.params, 'CN');
    info.organizer = {
      name: name !== undefined ? toPlainText(name, FEED_BUDGET.titleChars) : undefined,
      email: /^mailto:/i.test(address) ? address.replace(/^mailto:/i, '') : undefined,
    };
  }
  // LANGUAGE (RFC 5545 §3.2.10) is the language of the text, marked as its `lang`; the languages
  // the event is held in are X-OC-LANGUAGES (comma list).
  info.titleLanguage = textLanguage(component, 'summary');
  info.descriptionLanguage = textLanguage(component, 'description');
  const languages = new Set<string>();
  for (const language of list(component, 'x-oc-languages', onCut)) {
    if (/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(language)) languages.add(language.toLowerCase());
  }
  info.languages = [...languages].slice(0, FEED_BUDGET.listItems);
  info.audiences = list(component, 'x-oc-audience', onCut);
  const free = propertyText(component, 'x-oc-free', 10)?.toUpperCase();
  if (free === 'TRUE') info.free = true;
  else if (free === 'FALSE') info.free = false;
  const price = propertyText(component, 'x-oc-price', FEED_BUDGET.titleChars, onCut);
  if (price) info.offers = [{ text: price }];
  info.accessibility = propertyText(component, 'x-oc-accessibility', FEED_BUDGET.textChars, onCut);
  const tzid = component.param('dtstart', 'TZID');
  const zone = tzid !== undefined ? ianaZoneOf(tzid) : undefined;
  if (zone) info.timeZone = zone;
  return info;
}

/** An occurrence before the display zone is known: instants, or dates for all-day ones. */
interface Made {
  key: string;
  /** ms; for all-day ones, the start of the first day in UTC (for ordering and rough checks). */
  start: number;
  end: number;
  allDay: boolean;
  startDate?: DateOnly;
  endDate?: DateOnly;
  info: EventInfo;
  recurring: boolean;
}

/** A rule's walk: `recurrence.ts`'s expansion, its periods walked counted in `stats`. */
interface Walk {
  next(): TimeValue | null;
  stats: { steps: number; cut: boolean };
}

/** One rule's iteration state. */
interface Cursor {
  walk: Walk;
  /** Months from this one on are covered from their first day (a skipped-ahead start is not). */
  coveredFrom: number;
  /** The month of the last time the walk gave; the months before it (from `coveredFrom`) are done. */
  month: number;
  /** A time of a later month than the one filled, given but not yet placed. */
  pending?: TimeValue;
  done: boolean;
}

interface RuleState {
  check: CheckedRule;
  rule: Rule;
  /** Budget units of one period the walk takes for this rule (a year's days weigh more). */
  periodWeight: number;
  /** The occurrences each month holds by this rule, made once (EXDATEs and overrides left out). */
  months: Map<number, Made[]>;
  /** Month ranges [from, to) made in full by earlier cursors. */
  ranges: Array<[number, number]>;
  /** Months where the rule gave more than the per-series limit: shown cut short. */
  truncated: Set<number>;
  cursor?: Cursor;
  /** Where a sliced fill stopped (see `Slice`), to go on from there. */
  paused?: { month: number; steps: number };
}

/** Iterator steps a sliced fill may take before it pauses (and is called again, going on). */
interface Slice {
  left: number;
}

function isComplete(state: RuleState, month: number): boolean {
  const cursor = state.cursor;
  if (cursor && month >= cursor.coveredFrom && (cursor.done || month < cursor.month)) return true;
  return state.ranges.some(([from, to]) => month >= from && month < to);
}

/** Iterator steps between two pauses of the work done ahead (each step some microseconds). */
const STEPS_PER_SLICE = 400;

const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const monthOfMs = (ms: number) => {
  const date = new Date(ms);
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
};
const monthStartMs = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);

/** The wall fields of a time (a date's at midnight), as `reachable` walks them. */
function wallFieldsOf(time: TimeValue): WallTime {
  return time.isDate
    ? { year: time.year, month: time.month, day: time.day, hour: 0, minute: 0, second: 0 }
    : { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
}

/** A duration of so many seconds, to move a wall time by (`addDuration`). */
function secondsLong(seconds: number): Duration {
  return { negative: seconds < 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: Math.abs(seconds) };
}

/** One VEVENT with its overrides; makes its occurrences month by month, on demand. */
class Series {
  readonly info: EventInfo;
  /** Its place in the feed (the first VEVENT of its UID), to keep the feed's order. */
  rank = 0;
  /** Values left out of this event by the budget. */
  cut = 0;
  private readonly start: TimeValue;
  /** From DTSTART to DTEND (the instants between them) or DURATION, moved by on the clock. */
  private readonly duration: Duration;
  private readonly zone: string;
  private readonly rules: RuleState[] = [];
  private readonly single?: Made;
  private readonly ruleDates: Made[] = [];
  private readonly exdateInstants = new Set<number>();
  private readonly exdateDays = new Set<string>();
  private readonly extras: Made[] = [];
  private readonly overridden = new Set<string>();
  readonly isRecurring: boolean;
  /** Occurrences made and kept so far (all months). */
  made = 0;
  /** How far before a range a recurrence may start and still overlap it. */
  private readonly lookBehindMs: number;

  constructor(
    private readonly uid: string,
    master: Candidate,
    overrides: Candidate[],
    floatingZone: string,
    private readonly zones: Zones,
    private readonly feed: number,
    baseUrl: string | undefined,
    standaloneOverride = false,
    readBudget?: WorkBudget,
  ) {
    const component = master.component;
    const onCut = () => this.cut++;
    this.cut = master.cut;
    this.info = infoOf(component, uid, baseUrl, onCut);
    const start = timeOf(component.first('dtstart'));
    if (!start) throw new Error('no DTSTART');
    this.start = start;
    this.zone = zoneOfProperty(component.first('dtstart'), floatingZone);
    const end = this.endOf(component, start, floatingZone);
    if (end.duration) this.duration = end.duration;
    else {
      const seconds = (this.msOf(end.time, end.zone) - this.msOf(start, this.zone)) / 1000;
      this.duration = secondsLong(Math.max(0, seconds));
    }
    const durationMs = Math.max(0, durationSeconds(this.duration)) * 1000;
    this.lookBehindMs = Math.min(Math.max(durationMs, 86_400_000), 62 * 86_400_000) + 86_400_000;

    const ruleProperties = standaloneOverride ? [] : component.all('rrule');
    ruleProperties.forEach((_, index) => {
      const check = master.rules[index];
      if (!check?.ok) throw new Error('an RRULE that cannot be expanded');
      const { rule } = check;
      if (start.isDate && !fitsDates(rule)) throw new Error('a rule of times on an all-day series');
      const room = Math.min(400_000, readBudget?.remaining ?? 400_000);
      const steps = reachable(check, wallFieldsOf(start), room);
      readBudget?.take(Math.max(0, steps));
      if (steps < 0) throw room < 400_000 ? new OverBudget() : new Error('an RRULE that never occurs');
      const periodWeight = check.freq === 'YEARLY' ? 10 : check.freq === 'MONTHLY' ? 2 : 1;
      this.rules.push({ check, rule, periodWeight, months: new Map(), ranges: [], truncated: new Set() });
    });
    const hasDates = !standaloneOverride && component.has('rdate');
    this.isRecurring = this.rules.length > 0 || hasDates;

    if (!this.isRecurring) {
      this.single = this.make(start, this.info, false, this.keyOf(start, this.zone), this.zone, end.time, end.zone);
      return;
    }
    for (const property of component.all('exdate')) {
      const zone = zoneOfProperty(property, this.zone);
      for (const value of decodeTimes(property.value, property.params)) {
        if (!('isDate' in value)) continue;
        if (value.isDate) this.exdateDays.add(dateKey(value));
        else this.exdateInstants.add(instantOf(value, zone, this.zones));
      }
    }
    for (const property of component.all('rdate')) {
      const zone = zoneOfProperty(property, this.zone);
      for (const value of decodeTimes(property.value, property.params)) {
        if ('isDate' in value) {
          this.ruleDates.push(this.make(value, this.info, true, this.keyOf(value, zone), zone));
          continue;
        }
        // A PERIOD: its own end, or its start moved by its duration.
        const periodEnd = value.end ?? (value.duration && addDuration(value.start, value.duration));
        this.ruleDates.push(
          this.make(value.start, this.info, true, this.keyOf(value.start, zone), zone, periodEnd, zone),
        );
      }
    }
    // DTSTART is the first instance of the set (RFC 5545 §3.8.5.2), also when only RDATEs follow.
    if (this.rules.length === 0) this.ruleDates.push(this.make(start, this.info, true, this.keyOf(start, this.zone)));
    for (const override of overrides) {
      try {
        const overrideStart = timeOf(override.component.first('dtstart'));
        if (!overrideStart) continue;
        const info = infoOf(override.component, uid, baseUrl, onCut);
        const shown = this.info.status === 'cancelled' ? { ...info, status: this.info.status } : info;
        const zone = zoneOfProperty(override.component.first('dtstart'), floatingZone);
        const key = this.recurrenceKey(override);
        const overrideEnd = this.endOf(override.component, overrideStart, floatingZone, zone);
        const endTime = overrideEnd.duration ? addDuration(overrideStart, overrideEnd.duration) : overrideEnd.time;
        const made = this.make(overrideStart, shown, true, key, zone, endTime, overrideEnd.zone);
        this.extras.push(made);
        this.overridden.add(key);
      } catch {
        this.cut++;
      }
    }
  }

  /**
   * Where a VEVENT ends (§3.6.1): its DTEND (in that line's zone); else DTSTART moved by its
   * DURATION; else the next day for a date, DTSTART itself for a date-time.
   */
  private endOf(
    component: Properties,
    start: TimeValue,
    floatingZone: string,
    startZone = this.zone,
  ): { time: TimeValue; zone: string; duration?: Duration } {
    const dtend = component.first('dtend');
    const end = timeOf(dtend);
    if (end) return { time: end, zone: zoneOfProperty(dtend, floatingZone) };
    const property = component.first('duration');
    const duration = property && decodeDuration(property.value);
    if (duration && !duration.negative) return { time: addDuration(start, duration), zone: startZone, duration };
    if (start.isDate) return { time: { ...start, ...addDays(start, 1) }, zone: startZone };
    return { time: start, zone: startZone };
  }

  /** The instant of a time in ms; a date's is its UTC midnight (for lengths and ordering). */
  private msOf(time: TimeValue, zone: string): number {
    return time.isDate ? Date.UTC(time.year, time.month - 1, time.day) : instantOf(time, zone, this.zones);
  }

  /** `uid|instant` or `uid|date`, the key of an occurrence by its RECURRENCE-ID. */
  private keyOf(time: TimeValue, zone: string): string {
    return time.isDate
      ? occurrenceKey(this.uid, dateOf(time))
      : occurrenceKey(this.uid, new Date(instantOf(time, zone, this.zones)));
  }

  private recurrenceKey(override: Candidate): string {
    const property = override.component.first('recurrence-id')!;
    const time = timeOf(property);
    if (!time) throw new Error('a RECURRENCE-ID that cannot be read');
    return this.keyOf(time, zoneOfProperty(property, this.zone));
  }

  private make(
    time: TimeValue,
    info: EventInfo,
    recurring: boolean,
    key: string,
    zone = this.zone,
    endTime?: TimeValue,
    endZone = zone,
  ): Made {
    const end = endTime ?? addDuration(time, this.duration);
    if (time.isDate) {
      const startDate = dateOf(time);
      let endDate = end.isDate ? dateOf(end) : addDays(startDate, 1);
      if (compare(endDate, startDate) <= 0) endDate = addDays(startDate, 1);
      return {
        key,
        start: Date.UTC(startDate.year, startDate.month - 1, startDate.day),
        end: Date.UTC(endDate.year, endDate.month - 1, endDate.day),
        allDay: true,
        startDate,
        endDate,
        info,
        recurring,
      };
    }
    const start = instantOf(time, zone, this.zones);
    const endMs = Math.max(this.msOf(end, endTime ? endZone : zone), start);
    return { key, start, end: endMs, allDay: false, info, recurring };
  }

  /** The id of a rule's time in ms (all-day: the date at UTC midnight), and its month. */
  private idOf(time: TimeValue): number {
    return this.msOf(time, this.zone);
  }

  /** The months a range needs, by RECURRENCE-ID: from a little before it (long events) to its end. */
  private monthsFor(range: TimeRange): [number, number] {
    // All-day ids are UTC midnights; a zone is at most 14 hours from UTC.
    const margin = 14 * 3_600_000;
    return [monthOfMs(range.start.getTime() - this.lookBehindMs - margin), monthOfMs(range.end.getTime() + margin)];
  }

  /**
   * Fill a month of one rule: continue its iterator when it is near, else start one shortly
   * before the month (only without COUNT, which must be counted from DTSTART). False when the
   * budget ran out first (what was done is kept, and goes on next time).
   */
  private fill(state: RuleState, month: number, budget: WorkBudget, limit: number, slice?: Slice): boolean | 'paused' {
    const { check } = state;
    let cursor = state.cursor;
    let steps = 0;
    const paused = state.paused;
    state.paused = undefined;
    if (paused?.month === month && cursor) {
      // Where a slice stopped: go on as if it had not.
      steps = paused.steps;
    } else if (isComplete(state, month)) return true;
    else if (check.count !== undefined) {
      // A counted rule is walked once, in order, from DTSTART: a month it passed is complete.
      if (cursor && (cursor.done || cursor.month > month)) return true;
      if (!cursor) {
        if (!budget.take(state.periodWeight)) return false;
        cursor = this.walkFrom(state);
      }
    } else if (
      !cursor ||
      cursor.done ||
      cursor.month > month ||
      month - cursor.month > 2 ||
      month < cursor.coveredFrom
    ) {
      // Far from where the iterator is: start one again, just before the month.
      if (cursor) state.ranges.push([cursor.coveredFrom, cursor.done ? Infinity : cursor.month]);
      if (!budget.take(state.periodWeight)) return false;
      cursor = this.walkFrom(state, month);
    }
    for (;;) {
      if (slice && --slice.left < 0) {
        state.paused = { month, steps };
        return 'paused';
      }
      let time = cursor.pending;
      cursor.pending = undefined;
      if (!time) {
        // One call may walk several periods; each is weighed once it is walked.
        const stats = cursor.walk.stats;
        if (steps > MAX_RECURRENCE_STEPS || budget.remaining < state.periodWeight) {
          budget.take(state.periodWeight);
          return false;
        }
        const before = stats.steps;
        const next = cursor.walk.next();
        const walked = Math.max(1, stats.steps - before);
        steps += walked;
        const paid = budget.take(walked * state.periodWeight);
        if (!next) {
          cursor.done = true;
          // Given up (no occurrence for tens of thousands of periods, or past year 9999): cut.
          return paid && !stats.cut;
        }
        if (!paid) {
          cursor.pending = next;
          return false;
        }
        time = next;
      }
      const id = this.idOf(time);
      const at = monthOfMs(id);
      if (at > cursor.month) cursor.month = at;
      if (at > month) {
        cursor.pending = time;
        return true;
      }
      if (at < cursor.coveredFrom || state.ranges.some(([from, to]) => at >= from && at < to)) continue;
      const made = state.months.get(at) ?? [];
      state.months.set(at, made);
      if (time.isDate ? this.exdateDays.has(dateKey(time)) : this.excluded(time, id)) continue;
      const key = this.keyOf(time, this.zone);
      if (this.overridden.has(key)) continue;
      if (made.length < limit) {
        made.push(this.make(time, this.info, true, key));
        this.made++;
        continue;
      }
      state.truncated.add(at);
      if (check.count === undefined) {
        // No more of this month is kept: go on from the next month, without walking the rest.
        state.ranges.push([cursor.coveredFrom, at + 1]);
        state.cursor = undefined;
        return at >= month ? true : this.fill(state, month, budget, limit, slice);
      }
    }
  }

  /**
   * A walk of `recurrence.ts` from DTSTART, or (a `month` given) skipped ahead to two days before
   * that month: every occurrence from there on is given, so the month is covered from its first
   * day (an id is at most 14 hours from its wall time). Wall times become times of DTSTART's
   * kind (date, UTC, zoned or floating), read as DTSTART is (`idOf`, `keyOf`, `make`), so that
   * keys, EXDATEs and overrides match alike.
   */
  private walkFrom(state: RuleState, month?: number): Cursor {
    const start = this.start;
    const startId = this.idOf(start);
    const target = month === undefined ? -Infinity : monthStartMs(month) - 2 * 86_400_000;
    const stats = { steps: 0, cut: false };
    let from: DateOnly | WallTime | undefined;
    if (target > startId) {
      const at = new Date(target);
      const date = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
      from = start.isDate ? date : { ...date, hour: 0, minute: 0, second: 0 };
    }
    const { utc, tzid } = start.isDate ? { utc: false, tzid: undefined } : start;
    const timeOfWall = (wall: DateOnly | WallTime): TimeValue => {
      if (start.isDate) return { isDate: true, year: wall.year, month: wall.month, day: wall.day };
      const { year, month, day, hour, minute, second } = wall as WallTime;
      return tzid === undefined
        ? { isDate: false, year, month, day, hour, minute, second, utc }
        : { isDate: false, year, month, day, hour, minute, second, utc, tzid };
    };
    const walls = expandRule(state.rule, start.isDate ? dateOf(start) : wallFieldsOf(start), {
      from,
      stats,
      toInstant:
        start.isDate || utc ? undefined : (wall) => instantOf(timeOfWall(wall) as DateTimeValue, this.zone, this.zones),
    });
    const walk: Walk = {
      stats,
      next: () => {
        const next = walls.next();
        return next.done ? null : timeOfWall(next.value);
      },
    };
    const first = from ? monthOfMs(target) : monthOfMs(startId);
    const cursor: Cursor = { walk, coveredFrom: from ? first + 1 : -Infinity, month: first, done: false };
    state.cursor = cursor;
    return cursor;
  }

  /**
   * Fill the months a range needs; false when the budget ran out. Pauses (yields) every few
   * hundred iterator steps, so that a rule walked from long ago never holds the page for long;
   * the work done is the same as in one go.
   */
  *prepare(range: TimeRange, budget: WorkBudget, limit: number): Generator<void, boolean, void> {
    const [first, last] = this.monthsFor(range);
    for (const state of this.rules) {
      for (let month = first; month <= last; month++) {
        let filled = this.fill(state, month, budget, limit, { left: STEPS_PER_SLICE });
        while (filled === 'paused') {
          yield;
          filled = this.fill(state, month, budget, limit, { left: STEPS_PER_SLICE });
        }
        if (!filled) return false;
      }
    }
    return true;
  }

  /** The occurrences overlapping a range; `report.cut` counts this series when the budget cut it. */
  expand(range: TimeRange, timeZone: string, limit: number, budget: WorkBudget, out: Occurrence[]): boolean {
    if (this.single) {
      const occurrence = this.shown(this.single, timeZone);
      if (overlaps(occurrence.start, occurrence.end, range)) out.push(occurrence);
      return true;
    }
    const [first, last] = this.monthsFor(range);
    const lo = range.start.getTime() - this.lookBehindMs - 14 * 3_600_000;
    const hi = range.end.getTime() + 14 * 3_600_000;
    let complete = true;
    const seen = new Set<string>();
    const mine: Occurrence[] = [];
    let produced = 0;
    const push = (made: Made) => {
      if (seen.has(made.key) || produced >= limit) {
        if (produced >= limit) complete = false;
        return;
      }
      const occurrence = this.shown(made, timeZone);
      if (!overlaps(occurrence.start, occurrence.end, range)) return;
      seen.add(made.key);
      mine.push(occurrence);
      produced++;
    };
    for (const state of this.rules) {
      for (let month = first; month <= last; month++) {
        if (!this.fill(state, month, budget, limit)) {
          complete = false;
          continue;
        }
        if (state.truncated.has(month)) complete = false;
        for (const made of state.months.get(month) ?? []) {
          if (made.start >= lo && made.start < hi) push(made);
        }
      }
    }
    for (const made of this.ruleDates) {
      if (made.start < lo || made.start >= hi || this.overridden.has(made.key)) continue;
      const excluded = made.allDay
        ? this.exdateDays.has(dateKey(made.startDate!))
        : this.exdateInstants.has(made.start);
      if (!excluded) push(made);
    }
    // Overrides, wherever their RECURRENCE-ID is: moved into the range from anywhere.
    for (const made of this.extras) push(made);
    mine.sort((a, b) => a.start.getTime() - b.start.getTime());
    for (const occurrence of mine) out.push(occurrence);
    return complete;
  }

  /** An EXDATE matches a timed occurrence by its instant, or (a DATE) by its day in the series' zone. */
  private excluded(time: TimeValue, id: number): boolean {
    return this.exdateInstants.has(id) || (this.exdateDays.size > 0 && this.exdateDays.has(dateKey(time)));
  }

  private shown(made: Made, timeZone: string): Occurrence {
    if (made.allDay && made.startDate && made.endDate) {
      return {
        key: made.key,
        event: made.info,
        start: dayStart(made.startDate, timeZone),
        end: dayStart(made.endDate, timeZone),
        allDay: true,
        startDate: made.startDate,
        endDate: made.endDate,
        recurring: made.recurring,
        feed: this.feed,
      };
    }
    return {
      key: made.key,
      event: made.info,
      start: new Date(made.start),
      end: new Date(made.end),
      allDay: false,
      recurring: made.recurring,
      feed: this.feed,
    };
  }
}

type IdleCallback = (callback: () => void, options?: { timeout: number }) => number;

/** Run `work` when the page is idle (after what is shown is painted), at the latest in a second. */
function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  if (typeof idle === 'function') idle(work, { timeout: 1000 });
  else setTimeout(work, 0);
}

/**
 * A read iCalendar feed, and its reader: the VEVENTs that can wait are read when a range that
 * they can overlap is asked for, or in idle slices (`readLater`), so the counts grow until
 * `reading` resolves. Series are kept in the feed's order, whenever they were read.
 */
class ICalendarFeed implements ParsedFeed {
  readonly format = 'icalendar';
  lastExpansion: ExpansionReport = { failed: 0, cut: 0 };
  /** Resolves once every VEVENT is read. */
  readonly reading: Promise<void>;
  revision = 0;
  groupCount = 0;
  private finished!: () => void;
  private done = false;
  private readonly series: Series[] = [];
  private unordered = false;
  private pending: Pending[] = [];
  private pendingRecurring = 0;
  private recurringRead = 0;
  private anonymous = 0;
  /** Lattice checks of rules (see `reachable`) for the whole feed: cheap steps, but bounded too. */
  private readonly readBudget = new WorkBudget(5_000_000);

  constructor(
    private readonly split: SplitCalendar,
    private readonly zones: Zones[],
    private readonly feed: number,
    private readonly baseUrl: string | undefined,
    public skipped: number,
    public cut: number,
  ) {
    this.reading = new Promise((resolve) => (this.finished = resolve));
  }

  get eventCount(): number {
    return this.series.length;
  }

  private zonesOf(calendar: number): Zones {
    return this.zones[Math.min(calendar, this.zones.length - 1)];
  }

  /** One VEVENT, by its index in the feed, into the groups by UID (and RECURRENCE-ID). */
  readPart(index: number, groups: Map<string, Group>): void {
    const part = this.split.components[index];
    if (part.rules.some((rule) => !rule.ok)) {
      this.skipped++;
      return;
    }
    const component = new Properties(part.lines);
    if (!component.has('dtstart')) {
      this.skipped++;
      return;
    }
    const uid = propertyText(component, 'uid', 1000) || `no-uid-${this.feed}-${this.anonymous++}`;
    const candidate: Candidate = {
      component,
      uid,
      rules: part.rules as CheckedRule[],
      cut: part.cut,
      calendar: part.calendar,
      index,
    };
    let group = groups.get(uid);
    if (!group) {
      group = { masters: [], overrides: new Map<string, Candidate[]>(), order: index };
      groups.set(uid, group);
      this.groupCount++;
    }
    group.order = Math.min(group.order, index);
    const recurrenceProperty = component.first('recurrence-id');
    if (recurrenceProperty) {
      const id = safely(() =>
        timeKey(recurrenceProperty, candidate, this.split.calendarZones, this.zonesOf(part.calendar)),
      );
      if (id === undefined) {
        this.skipped++;
        return;
      }
      candidate.recurrenceId = id;
      const list = group.overrides.get(id) ?? [];
      list.push(candidate);
      group.overrides.set(id, list);
    } else group.masters.push(candidate);
  }

  /** The series of one UID, once all its VEVENTs are read. */
  build(uid: string, group: Group): void {
    const byIndex = (a: Candidate, b: Candidate) => a.index - b.index;
    const master = newest(group.masters.sort(byIndex));
    const overrides = [...group.overrides.values()]
      .map((list) => list.sort(byIndex))
      .sort((a, b) => a[0].index - b[0].index)
      .map(newest)
      .filter((c): c is Candidate => Boolean(c));
    const calendarZones = this.split.calendarZones;
    let sub = 0;
    try {
      if (master) {
        const zone = floatingZone(calendarZones[master.calendar]);
        const zones = this.zonesOf(master.calendar);
        const item = new Series(uid, master, overrides, zone, zones, this.feed, this.baseUrl, false, this.readBudget);
        this.add(item, group.order, sub++);
        this.cut += item.cut > 0 ? 1 : 0;
      } else {
        // Overrides whose series is not in the feed still are events.
        for (const override of overrides) {
          const zone = floatingZone(calendarZones[override.calendar]);
          const zones = this.zonesOf(override.calendar);
          const item = new Series(uid, override, [], zone, zones, this.feed, this.baseUrl, true);
          this.add(item, group.order, sub++);
          this.cut += item.cut > 0 ? 1 : 0;
        }
      }
    } catch (error) {
      if (error instanceof OverBudget) this.cut++;
      else this.skipped++;
    }
  }

  private add(item: Series, order: number, sub: number): void {
    item.rank = order * 2 ** 20 + sub;
    const last = this.series[this.series.length - 1];
    if (last && last.rank > item.rank) this.unordered = true;
    this.series.push(item);
    if (item.isRecurring) this.recurringRead++;
  }

  /** The series in the feed's order, as a whole reading makes them. */
  private ordered(): Series[] {
    if (this.unordered) {
      this.series.sort((a, b) => a.rank - b.rank);
      this.unordered = false;
    }
    return this.series;
  }

  /** The VEVENTs that wait, in the feed's order. */
  wait(pending: Pending[]): void {
    this.pending = pending;
    this.pendingRecurring = pending.filter((item) => item.recurring).length;
    if (pending.length === 0) this.finish();
  }

  private readPending(item: Pending): void {
    if (item.read) return;
    item.read = true;
    if (item.recurring) this.pendingRecurring--;
    const groups = new Map<string, Group>();
    for (const index of item.indexes) this.readPart(index, groups);
    for (const [uid, group] of groups) this.build(uid, group);
  }

  /** Read every waiting VEVENT that can overlap `range`, one per step. */
  *readRange(range: TimeRange): Generator<void, void, void> {
    if (this.done) return;
    const from = range.start.getTime();
    const to = range.end.getTime();
    for (const item of this.pending) {
      if (item.read || item.span[0] >= to || item.span[1] <= from) continue;
      this.readPending(item);
      yield;
    }
    this.compact();
  }

  /** Read the next waiting VEVENT; false when none waits. */
  readNext(): boolean {
    const item = this.pending.find((candidate) => !candidate.read);
    if (item) this.readPending(item);
    this.compact();
    return Boolean(item);
  }

  /** Read every VEVENT still waiting, one per step. */
  *readRest(): Generator<void, void, void> {
    for (const item of this.pending) {
      if (item.read) continue;
      this.readPending(item);
      yield;
    }
    this.compact();
  }

  /** Read the rest in slices once the page is idle (after the first paint). */
  readLater(signal?: AbortSignal): void {
    if (this.done) return;
    whenIdle(() => void runInSlices(this.readRest(), { signal }).catch(() => undefined));
  }

  private compact(): void {
    if (this.done) return;
    this.pending = this.pending.filter((item) => !item.read);
    if (this.pending.length === 0) this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    // What a range shows may be cut by the budget's share, which counts every series: once all
    // are read, a range is expanded again (see `eventsInView`).
    this.revision++;
    this.finished();
  }

  expand(range: TimeRange, timeZone: string, limit = DEFAULT_OCCURRENCE_LIMIT): Occurrence[] {
    runToEnd(this.readRange(range));
    const out: Occurrence[] = [];
    const report: ExpansionReport = { failed: 0, cut: 0 };
    const budget = new WorkBudget(FEED_BUDGET.expansionWork);
    const share = this.share(FEED_BUDGET.expansionWork);
    for (const item of this.ordered()) {
      if (out.length >= FEED_BUDGET.occurrences) {
        report.cut++;
        continue;
      }
      const own = new WorkBudget(Math.min(share, budget.remaining));
      try {
        if (!item.expand(range, timeZone, limit, own, out)) report.cut++;
      } catch {
        // A series that cannot be expanded: the rest of the feed still shows, and the note counts it.
        report.failed++;
      }
      budget.take(Math.min(share, budget.remaining) - own.remaining);
    }
    if (out.length > FEED_BUDGET.occurrences) out.length = FEED_BUDGET.occurrences;
    this.lastExpansion = report;
    return out;
  }

  /**
   * Work one series may use of a budget: an equal share, but never less than a useful amount.
   * The series that wait count as their scan says, so the share is the same before they are read.
   */
  private share(total: number): number {
    const recurring = this.recurringRead + this.pendingRecurring;
    return Math.max(Math.floor(total / Math.max(1, recurring)), 400);
  }

  async prepare(range: TimeRange, signal?: AbortSignal): Promise<void> {
    const budget = new WorkBudget(FEED_BUDGET.prepareWork);
    await runInSlices(this.readRange(range), { signal });
    const share = this.share(FEED_BUDGET.prepareWork);
    // A copy: the idle reading may add series while this runs.
    const series = [...this.ordered()];
    await runInSlices(
      (function* () {
        let made = 0;
        for (const item of series) {
          if (!item.isRecurring) continue;
          // Ahead, no more than a few views' worth: the rest is made when it is shown.
          if (made > FEED_BUDGET.occurrences * 5) return;
          const own = new WorkBudget(Math.min(share, budget.remaining));
          try {
            yield* item.prepare(range, own, DEFAULT_OCCURRENCE_LIMIT);
          } catch {
            // counted when the range is expanded
          }
          budget.take(Math.min(share, budget.remaining) - own.remaining);
          made += item.made;
          if (budget.spent) return;
          yield;
        }
      })(),
      { signal },
    );
  }
}
