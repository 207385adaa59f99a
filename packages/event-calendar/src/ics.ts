/**
 * iCalendar (RFC 5545) feeds, read with ical.js. This module imports ical.js statically; the
 * element imports this module with a dynamic `import()` only when a feed holds `BEGIN:VCALENDAR`,
 * so ical.js is never part of the initial bundle.
 *
 * Time zones: every VTIMEZONE of the feed is registered with ical.js's TimezoneService, so times
 * with a TZID follow the feed's own rules. A TZID without VTIMEZONE falls back to the IANA zone of
 * that name through Intl (core's `wallTimeToInstant`), and floating times are read in the feed's
 * `X-WR-TIMEZONE`, or Europe/Warsaw.
 */
import ICAL from 'ical.js';
import {
  DEFAULT_TIME_ZONE,
  LINK_PROTOCOLS,
  addDays,
  isValidTimeZone,
  safeUrl,
  startOfDay,
  wallTimeToInstant,
} from '@open-city/core';
import {
  DEFAULT_OCCURRENCE_LIMIT,
  MAX_RECURRENCE_STEPS,
  emptyInfo,
  occurrenceKey,
  overlaps,
  toPlainText,
  type DateOnly,
  type EventInfo,
  type EventStatus,
  type Occurrence,
  type ParsedFeed,
  type TimeRange,
} from './model.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type IcalComponent = InstanceType<typeof ICAL.Component>;

/**
 * Read an iCalendar feed. Throws when the text is not iCalendar at all. Relative links in it are
 * read relative to `baseUrl`, the feed's own URL.
 */
export function parseICalendar(text: string, feed = 0, baseUrl?: string): ParsedFeed {
  const jcal = ICAL.parse(text.replace(/^\uFEFF/, ''));
  const calendars = (Array.isArray(jcal[0]) ? jcal : [jcal]) as unknown[];
  const series: Series[] = [];
  let skipped = 0;
  for (const data of calendars) {
    const calendar = new ICAL.Component(data as never);
    if (calendar.name !== 'vcalendar') throw new Error('the feed holds no VCALENDAR');
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      try {
        ICAL.TimezoneService.register(zone);
      } catch {
        skipped++;
      }
    }
    const declared = String(calendar.getFirstPropertyValue('x-wr-timezone') ?? '');
    const floatingZone = declared && isValidTimeZone(declared) ? declared : DEFAULT_TIME_ZONE;

    // Group by UID: the master of a series and its RECURRENCE-ID overrides.
    const byUid = new Map<string, { master?: IcalComponent; overrides: IcalComponent[] }>();
    let anonymous = 0;
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '') || `no-uid-${feed}-${anonymous++}`;
      const group = byUid.get(uid) ?? { overrides: [] };
      if (vevent.hasProperty('recurrence-id')) group.overrides.push(vevent);
      else if (!group.master) group.master = vevent;
      byUid.set(uid, group);
    }
    for (const [uid, group] of byUid) {
      try {
        if (group.master) {
          const event = new ICAL.Event(group.master, { strictExceptions: false, exceptions: group.overrides });
          if (!event.startDate) throw new Error('no DTSTART');
          series.push(new Series(uid, event, floatingZone, feed, baseUrl));
        } else {
          // Overrides whose series is not in the feed still are events.
          for (const override of group.overrides) {
            const event = new ICAL.Event(override);
            if (!event.startDate) throw new Error('no DTSTART');
            series.push(new Series(uid, event, floatingZone, feed, baseUrl, true));
          }
        }
      } catch {
        skipped++;
      }
    }
  }
  return {
    format: 'icalendar',
    eventCount: series.length,
    skipped,
    expand(range: TimeRange, timeZone: string, limit = DEFAULT_OCCURRENCE_LIMIT): Occurrence[] {
      const out: Occurrence[] = [];
      for (const item of series) {
        try {
          item.expand(range, timeZone, limit, out);
        } catch {
          // A rule ical.js cannot expand: the rest of the feed still shows.
        }
      }
      return out;
    },
  };
}

/**
 * The instant of an ical.js time: UTC and times whose zone has a VTIMEZONE through ical.js; a
 * floating time, or one whose TZID had no VTIMEZONE, as wall time in `fallbackZone` through Intl.
 */
export function instantOf(time: IcalTime, fallbackZone: string = DEFAULT_TIME_ZONE): Date {
  const zone = time.zone;
  if (zone === ICAL.Timezone.utcTimezone) return new Date(time.toUnixTime() * 1000);
  if (zone && zone !== ICAL.Timezone.localTimezone && zone.tzid && zone.tzid !== 'floating') {
    return new Date(time.toUnixTime() * 1000);
  }
  return wallTimeToInstant(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    fallbackZone,
  );
}

function dateOf(time: IcalTime): DateOnly {
  return { year: time.year, month: time.month, day: time.day };
}

function text(component: IcalComponent, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return undefined;
  let result = String(value).trim();
  // ical.js leaves the values of unknown (X-) properties escaped.
  if (name.startsWith('x-')) result = unescapeText(result);
  return result || undefined;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function list(component: IcalComponent, name: string): string[] {
  const values: string[] = [];
  for (const property of component.getAllProperties(name)) {
    for (const value of property.getValues()) {
      for (const part of String(value).split(',')) {
        const trimmed = part.trim();
        if (trimmed && !values.includes(trimmed)) values.push(trimmed);
      }
    }
  }
  return values;
}

function statusOf(component: IcalComponent): EventStatus {
  switch (text(component, 'status')?.toUpperCase()) {
    case 'CANCELLED':
      return 'cancelled';
    case 'TENTATIVE':
      return 'tentative';
    default:
      return 'scheduled';
  }
}

/** The shared details of a VEVENT, including the `X-OC-*` extensions this widget documents. */
export function infoOf(component: IcalComponent, uid: string, baseUrl?: string): EventInfo {
  const info = emptyInfo(uid, text(component, 'summary') ?? '');
  info.description = toPlainText(text(component, 'description'));
  info.status = statusOf(component);
  info.url = safeUrl(text(component, 'url'), LINK_PROTOCOLS, baseUrl);
  info.categories = list(component, 'categories');

  const location = text(component, 'location');
  const geo = component.getFirstPropertyValue('geo') as unknown;
  const conference = safeUrl(text(component, 'conference'), LINK_PROTOCOLS, baseUrl);
  const locationLink =
    location && /^https?:\/\//i.test(location) ? safeUrl(location, LINK_PROTOCOLS, baseUrl) : undefined;
  info.onlineUrl = conference ?? locationLink;
  if (location && !locationLink) {
    const [name, ...rest] = location.split(/\n|,\s*/);
    info.place = { name: name.trim(), address: rest.join(', ').trim() || undefined };
    if (Array.isArray(geo) && geo.length === 2) {
      info.place.latitude = Number(geo[0]);
      info.place.longitude = Number(geo[1]);
    }
  }
  const organizer = component.getFirstProperty('organizer');
  if (organizer) {
    const address = String(organizer.getFirstValue() ?? '');
    const name = organizer.getParameter('cn');
    info.organizer = {
      name: typeof name === 'string' ? name : undefined,
      email: /^mailto:/i.test(address) ? address.replace(/^mailto:/i, '') : undefined,
    };
  }
  // Languages: the LANGUAGE parameter of SUMMARY/DESCRIPTION, plus X-OC-LANGUAGES (comma list).
  const languages = new Set<string>();
  for (const name of ['summary', 'description']) {
    for (const property of component.getAllProperties(name)) {
      const language = property.getParameter('language');
      if (typeof language === 'string' && language) languages.add(language.toLowerCase());
    }
  }
  for (const language of list(component, 'x-oc-languages')) languages.add(language.toLowerCase());
  info.languages = [...languages];
  info.audiences = list(component, 'x-oc-audience');
  const free = text(component, 'x-oc-free')?.toUpperCase();
  if (free === 'TRUE') info.free = true;
  else if (free === 'FALSE') info.free = false;
  const price = text(component, 'x-oc-price');
  if (price) info.offers = [{ text: price }];
  info.accessibility = toPlainText(text(component, 'x-oc-accessibility'));
  const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
  if (typeof tzid === 'string' && isValidTimeZone(tzid)) info.timeZone = tzid;
  return info;
}

/** One VEVENT with its overrides; expands into occurrences on demand. */
class Series {
  private readonly info: EventInfo;
  private readonly overrideInfo = new Map<IcalComponent, EventInfo>();
  /** Where floating times, and times with a TZID that has no VTIMEZONE, are read. */
  private readonly zone: string;

  constructor(
    private readonly uid: string,
    private readonly event: IcalEvent,
    floatingZone: string,
    private readonly feed: number,
    private readonly baseUrl: string | undefined,
    private readonly standaloneOverride = false,
  ) {
    this.info = infoOf(event.component, uid, baseUrl);
    // A TZID with no VTIMEZONE anywhere: read its times in the IANA zone of that name.
    const tzid = event.component.getFirstProperty('dtstart')?.getParameter('tzid');
    this.zone = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : floatingZone;
  }

  private infoFor(item: IcalEvent): EventInfo {
    if (item === this.event) return this.info;
    let info = this.overrideInfo.get(item.component);
    if (!info) {
      info = infoOf(item.component, this.uid, this.baseUrl);
      this.overrideInfo.set(item.component, info);
    }
    return info;
  }

  expand(range: TimeRange, timeZone: string, limit: number, out: Occurrence[]): void {
    const recurring = this.event.isRecurring() && !this.standaloneOverride;
    if (!recurring) {
      const occurrence = this.occurrence(this.event, this.event.startDate, this.event.endDate, timeZone, false);
      if (occurrence && overlaps(occurrence.start, occurrence.end, range)) out.push(occurrence);
      return;
    }
    const seen = new Set<string>();
    const iterator = this.event.iterator();
    // Long events that began before the range still show in it: look a little earlier.
    const lookBehind = 7 * 86_400_000;
    const rangeEnd = range.end.getTime();
    let produced = 0;
    for (let step = 0; step < MAX_RECURRENCE_STEPS && produced < limit; step++) {
      const next = iterator.next();
      if (!next) break;
      const at = instantOf(next, this.zone).getTime();
      if (at >= rangeEnd) break;
      if (at < range.start.getTime() - lookBehind) continue;
      const details = this.event.getOccurrenceDetails(next);
      const occurrence = this.occurrence(details.item, details.startDate, details.endDate, timeZone, true, next);
      if (!occurrence) continue;
      seen.add(occurrenceKey(this.uid, instantOf(next, this.zone)));
      if (overlaps(occurrence.start, occurrence.end, range)) {
        out.push(occurrence);
        produced++;
      }
    }
    // An override can move an occurrence into the range from outside it.
    for (const exception of this.event.exceptions) {
      const recurrenceId = exception.recurrenceId;
      if (!recurrenceId || seen.has(occurrenceKey(this.uid, instantOf(recurrenceId, this.zone)))) continue;
      const occurrence = this.occurrence(
        exception,
        exception.startDate,
        exception.endDate,
        timeZone,
        true,
        recurrenceId,
      );
      if (occurrence && overlaps(occurrence.start, occurrence.end, range) && produced < limit) {
        out.push(occurrence);
        produced++;
      }
    }
  }

  private occurrence(
    item: IcalEvent,
    startTime: IcalTime,
    endTime: IcalTime | null,
    timeZone: string,
    recurring: boolean,
    recurrenceId?: IcalTime,
  ): Occurrence | undefined {
    if (!startTime) return undefined;
    const info = this.infoFor(item);
    const master = this.info;
    const event = master.status === 'cancelled' && info !== master ? { ...info, status: master.status } : info;
    const idTime = recurrenceId ?? startTime;
    if (startTime.isDate) {
      const startDate = dateOf(startTime);
      let endDate = endTime && endTime.isDate ? dateOf(endTime) : addDays(startDate, 1);
      if (compare(endDate, startDate) <= 0) endDate = addDays(startDate, 1);
      return {
        key: idTime.isDate
          ? occurrenceKey(this.uid, dateOf(idTime))
          : occurrenceKey(this.uid, instantOf(idTime, this.zone)),
        event,
        start: startOfDay(startDate, timeZone),
        end: startOfDay(endDate, timeZone),
        allDay: true,
        startDate,
        endDate,
        recurring,
        feed: this.feed,
      };
    }
    const start = instantOf(startTime, this.zone);
    let end = endTime ? instantOf(endTime, this.zone) : start;
    if (end < start) end = start;
    return {
      key: idTime.isDate
        ? occurrenceKey(this.uid, dateOf(idTime))
        : occurrenceKey(this.uid, instantOf(idTime, this.zone)),
      event,
      start,
      end,
      allDay: false,
      recurring,
      feed: this.feed,
    };
  }
}

function compare(a: DateOnly, b: DateOnly): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
