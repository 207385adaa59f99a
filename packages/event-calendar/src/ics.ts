/**
 * iCalendar (RFC 5545) feeds, read with ical.js. This module imports ical.js statically; the
 * element imports this module with a dynamic `import()` only when a feed holds `BEGIN:VCALENDAR`,
 * so ical.js is never part of the initial bundle.
 *
 * Tolerant: `ics-lines.ts` cuts the text into its VEVENTs and VTIMEZONEs first, so that each is
 * read on its own (a bad line or an unclosed component costs only that component), and repairs
 * what exporters get wrong; recurrence rules are checked before ical.js sees them.
 *
 * Time zones: each feed's VTIMEZONEs serve its own events (no zone of one feed changes another's).
 * A TZID without VTIMEZONE is read as the IANA zone it names, also through a Windows name
 * (`zone-names.ts`), and floating times in the feed's `X-WR-TIMEZONE`, or Europe/Warsaw.
 *
 * Versions: of several VEVENTs with one UID (and one RECURRENCE-ID), the highest SEQUENCE wins,
 * then the latest LAST-MODIFIED, then DTSTAMP.
 *
 * Recurrence: occurrences are made month by month (by the month of their RECURRENCE-ID) and kept,
 * so a month is expanded once. Rules are expanded by `recurrence.ts` (RFC 5545 §3.3.10, several
 * times quicker than ical.js's iterator, and it ends on rules ical.js loops on); ical.js's
 * iterator only expands what `parseRule` declines (COUNT with UNTIL, BYSECOND=60) and time rules
 * on an all-day DTSTART. A rule without COUNT starts shortly before the month asked for (skip-
 * ahead on the rule's own lattice) instead of walking from DTSTART. Every step is weighed against
 * the feed's budget; what the budget cuts, and every series that fails, is counted in
 * `lastExpansion`.
 */
import ICAL from 'ical.js';
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
import { splitCalendar, type ComponentText, type SplitCalendar } from './ics-lines.js';
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
import { expand as expandRule, fitsDates, parseRule, type Rule } from './recurrence.js';
import { reachable, type CheckedRule } from './rrule-check.js';
import { dayStart, wallToInstant } from './zone-offsets.js';
import { ianaZoneOf } from './zone-names.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalProperty = InstanceType<typeof ICAL.Property>;
type IcalDuration = InstanceType<typeof ICAL.Duration>;
type IcalRecur = InstanceType<typeof ICAL.Recur>;

/**
 * Read an iCalendar feed at once, every entry. Throws when the text holds no VCALENDAR, or when it
 * holds components and not one of them can be read. Relative links are read relative to `baseUrl`.
 */
export function parseICalendar(text: string, feed = 0, baseUrl?: string): ParsedFeed {
  const parsed = runToEnd(readICalendar(text, feed, baseUrl));
  runToEnd(parsed.readRest());
  return parsed;
}

/**
 * The same, in slices that leave the page responsive, and in proportion to what is shown: the
 * one pass over the text notes when each VEVENT can occur (`ics-scan.ts`); those that can
 * overlap `ahead` are read in full (ical.js, their details, their series) and made ahead before
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
  const parsed = await runInSlices(readICalendar(text, feed, baseUrl, options.ahead), options);
  if (options.ahead) await parsed.prepare(options.ahead, options.signal);
  parsed.readLater(options.signal);
  return parsed;
}

interface Candidate {
  component: IcalComponent;
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

  // Each calendar's zones, for its events only.
  const zoneRoots: IcalComponent[] = split.calendarZones.map(() => new ICAL.Component(['vcalendar', [], []]));
  if (zoneRoots.length === 0) zoneRoots.push(new ICAL.Component(['vcalendar', [], []]));
  let zonesSkipped = 0;
  for (const part of split.components) {
    if (part.name !== 'vtimezone') continue;
    yield;
    const zone = readComponent(part);
    if (!zone || !usableZone(zone)) zonesSkipped++;
    else zoneRoots[Math.min(part.calendar, zoneRoots.length - 1)].addSubcomponent(zone);
  }
  const reader = new ICalendarFeed(split, zoneRoots, feed, baseUrl, split.broken + zonesSkipped, split.overBudget);

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

/** ical.js on one component's lines; undefined when it cannot read them. */
function readComponent(part: ComponentText, parent?: IcalComponent): IcalComponent | undefined {
  try {
    const jcal = ICAL.parse(part.lines.join('\r\n'));
    const data = (Array.isArray(jcal[0]) ? jcal[0] : jcal) as never;
    const component = new ICAL.Component(data, parent);
    return component.name === part.name ? component : undefined;
  } catch {
    return undefined;
  }
}

/** A VTIMEZONE that ical.js can convert with: it has a TZID and gives an offset. */
function usableZone(component: IcalComponent): boolean {
  try {
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || !tzid) return false;
    const zone = new ICAL.Timezone({ component, tzid });
    const offset = zone.utcOffset(ICAL.Time.fromData({ year: 2026, month: 6, day: 1, hour: 12 }));
    return Number.isFinite(offset) && Math.abs(offset) <= 18 * 3600;
  } catch {
    return false;
  }
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
      Number(safely(() => candidate.component.getFirstPropertyValue('sequence')) ?? 0) || 0,
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

function stampOf(component: IcalComponent, name: string): number {
  const value = safely(() => component.getFirstPropertyValue(name)) as IcalTime | null | undefined;
  if (!value || typeof value !== 'object' || typeof value.toUnixTime !== 'function') return 0;
  return safely(() => value.toUnixTime()) ?? 0;
}

/**
 * The instant of an ical.js time: UTC directly; a time whose VTIMEZONE has an IANA name through
 * Intl's zone data of that name (the same rules, kept up to date, and much quicker than ical.js's
 * own conversion); a VTIMEZONE with any other name (Outlook's Windows names) through ical.js; a
 * floating time, or one whose TZID had no VTIMEZONE, as wall time in `fallbackZone`.
 */
export function instantOf(time: IcalTime, fallbackZone: string = DEFAULT_TIME_ZONE): Date {
  const zone = time.zone;
  if (zone === ICAL.Timezone.utcTimezone) return new Date(time.toUnixTime() * 1000);
  let wallZone = fallbackZone;
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid && zone.tzid !== 'floating') {
    if (ianaZoneOf(zone.tzid) !== zone.tzid) return new Date(time.toUnixTime() * 1000);
    wallZone = zone.tzid;
  }
  return wallToInstant(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    wallZone,
  );
}

type IcalZone = NonNullable<IcalTime['zone']>;
const fastZones = new WeakSet<object>();

/**
 * Time-zone rules once per zone: a VTIMEZONE with an IANA name gives ical.js its offsets from
 * that zone's rules as `instantOf` shows times by (worked out once per zone and day, see
 * `zone-offsets.ts`), instead of ical.js walking the VTIMEZONE's changes again for every time it
 * compares: the recurrence iterator compares each step with UNTIL, and that walk was most of the
 * cost of a month of 200 weekly series. Each zone object is shared by the times that name it, so
 * this is done once per zone and feed. Other zones (Outlook's Windows names) keep ical.js's rules.
 */
function fastZone(zone: IcalZone | null | undefined): void {
  if (!zone || fastZones.has(zone)) return;
  fastZones.add(zone);
  if (zone === ICAL.Timezone.utcTimezone || zone === ICAL.Timezone.localTimezone) return;
  const tzid = zone.tzid;
  if (!tzid || tzid === 'floating' || ianaZoneOf(tzid) !== tzid) return;
  zone.utcOffset = (time: IcalTime) => {
    const wall = {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    };
    const asUtc = new Date(0);
    asUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
    asUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
    return (asUtc.getTime() - wallToInstant(wall, tzid).getTime()) / 1000;
  };
}

/** The zone in which a property's floating or unknown-TZID times are read. */
function zoneOfProperty(property: IcalProperty | null, fallback: string): string {
  const tzid = property?.getParameter('tzid');
  return (typeof tzid === 'string' && ianaZoneOf(tzid)) || fallback;
}

/** The key of a RECURRENCE-ID (or any single date value): the date, or the instant. */
function timeKey(property: IcalProperty, candidate: Candidate, zones: (string | undefined)[]): string {
  const time = property.getFirstValue() as IcalTime;
  const zone = zoneOfProperty(property, floatingZone(zones[candidate.calendar]));
  return time.isDate ? dateKey(time) : String(instantOf(time, zone).getTime());
}

function dateKey(time: Pick<IcalTime, 'year' | 'month' | 'day'>): string {
  return `${time.year}-${time.month}-${time.day}`;
}

function dateOf(time: IcalTime): DateOnly {
  return { year: time.year, month: time.month, day: time.day };
}

function compare(a: DateOnly, b: DateOnly): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function propertyText(component: IcalComponent, name: string, max: number, onCut?: () => void): string | undefined {
  const value = safely(() => component.getFirstPropertyValue(name));
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  let result = String(value);
  // ical.js leaves the values of unknown (X-) properties escaped.
  if (name.startsWith('x-')) result = unescapeText(result);
  return toPlainText(result, max, onCut);
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function list(component: IcalComponent, name: string, onCut: () => void): string[] {
  const values: string[] = [];
  for (const property of component.getAllProperties(name)) {
    for (const value of safely(() => property.getValues()) ?? []) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      for (const part of String(value).split(',')) {
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

function statusOf(component: IcalComponent): EventStatus {
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
function textLanguage(component: IcalComponent, name: string): string | undefined {
  const language = component.getFirstProperty(name)?.getParameter('language');
  return typeof language === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(language)
    ? language
    : undefined;
}

/** The shared details of a VEVENT, including the `X-OC-*` extensions this widget documents. */
export function infoOf(
  component: IcalComponent,
  uid: string,
  baseUrl?: string,
  onCut: () => void = () => {},
): EventInfo {
  const info = emptyInfo(uid, propertyText(component, 'summary', FEED_BUDGET.titleChars, onCut) ?? '');
  info.description = propertyText(component, 'description', FEED_BUDGET.textChars, onCut);
  info.status = statusOf(component);
  info.url = safeUrl(propertyText(component, 'url', 2000), LINK_PROTOCOLS, baseUrl);
  info.categories = list(component, 'categories', onCut);

  const location = propertyText(component, 'location', FEED_BUDGET.titleChars * 2, onCut);
  const geo = safely(() => component.getFirstPropertyValue('geo')) as unknown;
  const conference = safeUrl(propertyText(component, 'conference', 2000), LINK_PROTOCOLS, baseUrl);
  const locationLink =
    location && /^https?:\/\//i.test(location) ? safeUrl(location, LINK_PROTOCOLS, baseUrl) : undefined;
  info.onlineUrl = conference ?? locationLink;
  if (location && !locationLink) {
    const [name, ...rest] = location.split(/\n|,\s*/);
    info.place = { name: name.trim(), address: rest.join(', ').trim() || undefined };
    if (Array.isArray(geo) && geo.length === 2) {
      const [latitude, longitude] = geo.map((value) => (typeof value === 'number' ? value : Number.NaN));
      if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
        info.place.latitude = latitude;
        info.place.longitude = longitude;
      }
    }
  }
  const organizer = component.getFirstProperty('organizer');
  if (organizer) {
    const raw = safely(() => organizer.getFirstValue());
    const address = typeof raw === 'string' ? raw.slice(0, 500) : '';
    const name = organizer.getParameter('cn');
    info.organizer = {
      name: typeof name === 'string' ? toPlainText(name, FEED_BUDGET.titleChars) : undefined,
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
  const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
  const zone = typeof tzid === 'string' ? ianaZoneOf(tzid) : undefined;
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

/**
 * A rule's walk: `recurrence.ts`'s expansion (its periods walked counted in `stats`), or ical.js's
 * iterator (the fallback, one step a call).
 */
interface Walk {
  next(): IcalTime | null;
  stats?: { steps: number; cut: boolean };
}

/** One rule's iteration state. */
interface Cursor {
  walk: Walk;
  /** Months from this one on are covered from their first day (a skipped-ahead start is not). */
  coveredFrom: number;
  /** The month of the last time the iterator gave; the months before it (from `coveredFrom`) are done. */
  month: number;
  /** A time of a later month than the one filled, given but not yet placed. */
  pending?: IcalTime;
  done: boolean;
}

interface RuleState {
  rule: IcalRecur;
  check: CheckedRule;
  /** The rule as `recurrence.ts` expands it; undefined: ical.js's iterator expands it. */
  ours?: Rule;
  /** Budget units of one period `recurrence.ts` walks for this rule (a year's days weigh more). */
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

/** One VEVENT with its overrides; makes its occurrences month by month, on demand. */
class Series {
  readonly info: EventInfo;
  /** Its place in the feed (the first VEVENT of its UID), to keep the feed's order. */
  rank = 0;
  /** Values left out of this event by the budget. */
  cut = 0;
  private readonly start: IcalTime;
  private readonly duration: IcalDuration;
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
    private readonly feed: number,
    baseUrl: string | undefined,
    standaloneOverride = false,
    readBudget?: WorkBudget,
  ) {
    const component = master.component;
    const onCut = () => this.cut++;
    this.cut = master.cut;
    this.info = infoOf(component, uid, baseUrl, onCut);
    const event = new ICAL.Event(component);
    const start = event.startDate;
    if (!start || !Number.isFinite(start.year) || start.year < 1 || start.year > 9999) throw new Error('no DTSTART');
    this.start = start;
    this.zone = zoneOfProperty(component.getFirstProperty('dtstart'), floatingZone);
    const end = event.endDate;
    fastZone(start.zone);
    if (end) fastZone(end.zone);
    this.duration = end && end.compare(start) > 0 ? end.subtractDateTz(start) : new ICAL.Duration({});
    this.lookBehindMs = Math.min(Math.max(this.duration.toSeconds() * 1000, 86_400_000), 62 * 86_400_000) + 86_400_000;

    const ruleProperties = standaloneOverride ? [] : component.getAllProperties('rrule');
    ruleProperties.forEach((property, index) => {
      const check = master.rules[index];
      const rule = property.getFirstValue() as IcalRecur;
      if (!check?.ok || !rule) throw new Error('an RRULE that cannot be expanded');
      const room = Math.min(400_000, readBudget?.remaining ?? 400_000);
      const steps = reachable(check, start, room);
      readBudget?.take(Math.max(0, steps));
      if (steps < 0) throw room < 400_000 ? new OverBudget() : new Error('an RRULE that never occurs');
      const parsed = parseRule(check.text);
      const ours = parsed && (!start.isDate || fitsDates(parsed)) ? parsed : undefined;
      const periodWeight = check.freq === 'YEARLY' ? 10 : check.freq === 'MONTHLY' ? 2 : 1;
      this.rules.push({ rule, check, ours, periodWeight, months: new Map(), ranges: [], truncated: new Set() });
    });
    const hasDates = !standaloneOverride && component.hasProperty('rdate');
    this.isRecurring = this.rules.length > 0 || hasDates;

    if (!this.isRecurring) {
      this.single = this.make(start, this.info, false, this.keyOf(start, this.zone));
      return;
    }
    for (const property of component.getAllProperties('exdate')) {
      const zone = zoneOfProperty(property, this.zone);
      for (const value of safely(() => property.getValues()) ?? []) {
        const time = value as IcalTime;
        if (!time || typeof time !== 'object' || !('isDate' in time)) continue;
        if (time.isDate) this.exdateDays.add(dateKey(time));
        else this.exdateInstants.add(instantOf(time, zone).getTime());
      }
    }
    for (const property of component.getAllProperties('rdate')) {
      const zone = zoneOfProperty(property, this.zone);
      for (const value of safely(() => property.getValues()) ?? []) {
        const period = value as { start?: IcalTime; getEnd?: () => IcalTime };
        const time = (period.start && period.getEnd ? period.start : value) as IcalTime;
        if (!time || typeof time !== 'object' || !('isDate' in time)) continue;
        const made = this.make(time, this.info, true, this.keyOf(time, zone), zone);
        if (period.start && period.getEnd) made.end = instantOf(period.getEnd(), zone).getTime();
        this.ruleDates.push(made);
      }
    }
    // DTSTART is the first instance of the set (RFC 5545 §3.8.5.2), also when only RDATEs follow.
    if (this.rules.length === 0) this.ruleDates.push(this.make(start, this.info, true, this.keyOf(start, this.zone)));
    for (const override of overrides) {
      try {
        const item = new ICAL.Event(override.component);
        if (!item.startDate) continue;
        const info = infoOf(override.component, uid, baseUrl, onCut);
        const shown = this.info.status === 'cancelled' ? { ...info, status: this.info.status } : info;
        const zone = zoneOfProperty(override.component.getFirstProperty('dtstart'), floatingZone);
        const key = this.recurrenceKey(override);
        const made = this.make(item.startDate, shown, true, key, zone, item.endDate);
        this.extras.push(made);
        this.overridden.add(key);
      } catch {
        this.cut++;
      }
    }
  }

  /** `uid|instant` or `uid|date`, the key of an occurrence by its RECURRENCE-ID. */
  private keyOf(time: IcalTime, zone: string): string {
    return time.isDate ? occurrenceKey(this.uid, dateOf(time)) : occurrenceKey(this.uid, instantOf(time, zone));
  }

  private recurrenceKey(override: Candidate): string {
    const property = override.component.getFirstProperty('recurrence-id')!;
    return this.keyOf(property.getFirstValue() as IcalTime, zoneOfProperty(property, this.zone));
  }

  private make(
    time: IcalTime,
    info: EventInfo,
    recurring: boolean,
    key: string,
    zone = this.zone,
    endTime?: IcalTime | null,
  ): Made {
    let end = endTime ?? null;
    if (!end) {
      end = time.clone();
      end.addDuration(this.duration);
    }
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
    const start = instantOf(time, zone).getTime();
    const endMs = Math.max(instantOf(end, zone).getTime(), start);
    return { key, start, end: endMs, allDay: false, info, recurring };
  }

  /** The id of a rule's time in ms (all-day: the date at UTC midnight), and its month. */
  private idOf(time: IcalTime): number {
    return time.isDate ? Date.UTC(time.year, time.month - 1, time.day) : instantOf(time, this.zone).getTime();
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
        if (!budget.take(state.ours ? state.periodWeight : check.weight)) return false;
        cursor = state.ours ? this.walkFrom(state) : this.cursorFrom(state, this.start);
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
      if (!budget.take(state.ours ? state.periodWeight : check.weight)) return false;
      cursor = state.ours ? this.walkFrom(state, month) : this.cursorFrom(state, this.skipTo(check, month));
    }
    for (;;) {
      if (slice && --slice.left < 0) {
        state.paused = { month, steps };
        return 'paused';
      }
      let time = cursor.pending;
      cursor.pending = undefined;
      if (!time) {
        const stats = cursor.walk.stats;
        if (stats) {
          // Ours: one call may walk several periods; each is weighed once it is walked.
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
        } else {
          if (steps++ > MAX_RECURRENCE_STEPS || !budget.take(check.weight)) return false;
          const next = cursor.walk.next();
          if (!next) {
            cursor.done = true;
            return true;
          }
          time = next.clone();
        }
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

  private cursorFrom(state: RuleState, from: IcalTime): Cursor {
    const first = monthOfMs(this.idOf(from));
    const cursor: Cursor = {
      walk: state.rule.iterator(from),
      coveredFrom: from === this.start ? -Infinity : first + 1,
      month: first,
      done: false,
    };
    state.cursor = cursor;
    return cursor;
  }

  /**
   * The instant of a wall time of DTSTART's zone, as `instantOf` reads it: through Intl's data of
   * an IANA zone (or the series' zone for floating times) directly, other VTIMEZONEs through ical.js.
   */
  private wallInstant(timeOf: (wall: WallTime) => IcalTime): (wall: WallTime) => number {
    const zone = this.start.zone;
    let wallZone = this.zone;
    if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid && zone.tzid !== 'floating') {
      if (ianaZoneOf(zone.tzid) !== zone.tzid) return (wall) => instantOf(timeOf(wall), this.zone).getTime();
      wallZone = zone.tzid;
    }
    return (wall) => wallToInstant(wall, wallZone).getTime();
  }

  /**
   * A walk of `recurrence.ts` from DTSTART, or (a `month` given) skipped ahead to two days before
   * that month: every occurrence from there on is given, so the month is covered from its first
   * day (an id is at most 14 hours from its wall time). Wall times become ical.js times in
   * DTSTART's zone, read as the iterator's are (`idOf`, `keyOf`, `make`), so that keys, EXDATEs
   * and overrides match alike.
   */
  private walkFrom(state: RuleState, month?: number): Cursor {
    const rule = state.ours!;
    const start = this.start;
    const zone = start.zone;
    const allDay = start.isDate;
    const startId = this.idOf(start);
    const target = month === undefined ? -Infinity : monthStartMs(month) - 2 * 86_400_000;
    const stats = { steps: 0, cut: false };
    let from: DateOnly | WallTime | undefined;
    if (target > startId) {
      const at = new Date(target);
      const date = { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
      from = allDay ? date : { ...date, hour: 0, minute: 0, second: 0 };
    }
    const timeOf = (wall: DateOnly | WallTime): IcalTime =>
      allDay
        ? new ICAL.Time({ year: wall.year, month: wall.month, day: wall.day, isDate: true }, zone ?? undefined)
        : new ICAL.Time({ ...(wall as WallTime), isDate: false }, zone ?? undefined);
    const walls = expandRule(
      rule,
      allDay
        ? { year: start.year, month: start.month, day: start.day }
        : {
            year: start.year,
            month: start.month,
            day: start.day,
            hour: start.hour,
            minute: start.minute,
            second: start.second,
          },
      {
        from,
        stats,
        toInstant: allDay || zone === ICAL.Timezone.utcTimezone ? undefined : this.wallInstant(timeOf),
      },
    );
    const walk: Walk = {
      stats,
      next: () => {
        const next = walls.next();
        return next.done ? null : timeOf(next.value);
      },
    };
    const first = from ? monthOfMs(target) : monthOfMs(startId);
    const cursor: Cursor = { walk, coveredFrom: from ? first + 1 : -Infinity, month: first, done: false };
    state.cursor = cursor;
    return cursor;
  }

  /**
   * Where to start iterating for a month, without changing the rule's lattice: DTSTART moved by
   * whole intervals to shortly before the month. The iterator's first time may not be an
   * occurrence (it lies before the month and is never shown).
   */
  private skipTo(check: CheckedRule, month: number): IcalTime {
    const target = monthStartMs(month) - 3 * 86_400_000;
    const startMs = this.idOf(this.start);
    if (target <= startMs) return this.start;
    const moved = this.start.clone();
    const interval = check.interval;
    if (check.freq === 'MONTHLY' || check.freq === 'YEARLY') {
      const targetDate = new Date(target);
      const months =
        (targetDate.getUTCFullYear() - moved.year) * 12 + (targetDate.getUTCMonth() + 1 - moved.month) - 12;
      const unit = check.freq === 'YEARLY' ? 12 * interval : interval;
      // Whole steps back from the target, then further back until the day exists in that month
      // (a rule on the 31st, or on 29 February).
      for (let steps = Math.floor(months / unit); steps > 0; steps--) {
        const total = moved.month - 1 + steps * unit;
        const year = moved.year + Math.floor(total / 12);
        const monthOfYear = (total % 12) + 1;
        if (moved.day <= ICAL.Time.daysInMonth(monthOfYear, year)) {
          moved.year = year;
          moved.month = monthOfYear;
          return moved;
        }
      }
      return this.start;
    }
    const unitSeconds = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3600, DAILY: 86_400, WEEKLY: 604_800 }[check.freq];
    const periods = Math.floor((target - startMs) / 1000 / (unitSeconds * interval)) - 1;
    if (periods < 1) return this.start;
    const seconds = periods * interval * unitSeconds;
    const days = Math.floor(seconds / 86_400);
    moved.adjust(days, 0, 0, seconds - days * 86_400);
    return moved;
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
  private excluded(time: IcalTime, id: number): boolean {
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
    private readonly zoneRoots: IcalComponent[],
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

  /** One VEVENT, by its index in the feed, into the groups by UID (and RECURRENCE-ID). */
  readPart(index: number, groups: Map<string, Group>): void {
    const part = this.split.components[index];
    if (part.rules.some((rule) => !rule.ok)) {
      this.skipped++;
      return;
    }
    const root = this.zoneRoots[Math.min(part.calendar, this.zoneRoots.length - 1)];
    const component = readComponent(part, root);
    if (!component || !component.hasProperty('dtstart')) {
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
    const recurrenceProperty = component.getFirstProperty('recurrence-id');
    if (recurrenceProperty) {
      const id = safely(() => timeKey(recurrenceProperty, candidate, this.split.calendarZones));
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
        const item = new Series(uid, master, overrides, zone, this.feed, this.baseUrl, false, this.readBudget);
        this.add(item, group.order, sub++);
        this.cut += item.cut > 0 ? 1 : 0;
      } else {
        // Overrides whose series is not in the feed still are events.
        for (const override of overrides) {
          const zone = floatingZone(calendarZones[override.calendar]);
          const item = new Series(uid, override, [], zone, this.feed, this.baseUrl, true);
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
        // A rule ical.js cannot expand: the rest of the feed still shows, and the note counts it.
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
