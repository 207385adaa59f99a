/**
 * The events feeds, made at request time from the template in
 * `@open-city/event-calendar/sample/krakow-events.template.json`: dates that hold every year in
 * Kraków (public holidays, clock changes, school dates, deadlines, international days), computed for
 * the months around today, so that the demo calendar is never empty and never out of date.
 *
 * Each text is in the language asked for, or falls back to Polish, then English; the language of
 * every text is marked: iCalendar `LANGUAGE=` on the property (RFC 5545 §3.2.10), JSON-LD a value
 * object `{ "@value", "@language" }` where a text is not in the feed's `@language`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { uuidFromName } from '@open-city/service-finder/sample/uuid.mjs';
import { fallbackChain } from './languages.mjs';

const dayMs = 24 * 60 * 60 * 1000;

export async function loadEventsTemplate() {
  const url = import.meta.resolve('@open-city/event-calendar/sample/krakow-events.template.json');
  return JSON.parse(await readFile(fileURLToPath(url), 'utf8'));
}

/** A calendar date as UTC midnight, and back as `YYYY-MM-DD`. */
const date = (year, month, day) => new Date(Date.UTC(year, month - 1, day));
const iso = (value) => value.toISOString().slice(0, 10);
const addDays = (value, days) => new Date(value.getTime() + days * dayMs);

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

function lastWeekday(year, month, weekday) {
  const last = date(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

/** The occurrences of a rule in one year: `{ start, end }` dates, `end` inclusive. */
export function occurrencesIn(rule, year) {
  const one = (start) => [{ start, end: start }];
  switch (rule.type) {
    case 'fixed':
      return one(date(year, rule.month, rule.day));
    case 'easter':
      return one(addDays(easterSunday(year), rule.offset ?? 0));
    case 'lastSunday':
      return one(lastWeekday(year, rule.month, 0));
    case 'schoolYearStart': {
      // 1 September, or the Monday after when it is a Friday, Saturday or Sunday.
      const first = date(year, 9, 1);
      const shift = { 5: 3, 6: 2, 0: 1 }[first.getUTCDay()] ?? 0;
      return one(addDays(first, shift));
    }
    case 'summerHolidays':
      // Lessons end on the last Friday of June; the holidays run from the next day to 31 August.
      return [{ start: addDays(lastWeekday(year, 6, 5), 1), end: date(year, 8, 31) }];
    default:
      throw new Error(`unknown rule type ${rule.type}`);
  }
}

/** The months shown around `now`: from the start of the previous month, for 14 months. */
export function eventsWindow(now) {
  const from = date(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = date(now.getUTCFullYear(), now.getUTCMonth() + 14, 1);
  return { from, to };
}

function occurrencesInWindow(rule, { from, to }) {
  const found = [];
  for (let year = from.getUTCFullYear(); year <= to.getUTCFullYear(); year++) {
    for (const occurrence of occurrencesIn(rule, year)) {
      if (occurrence.end >= from && occurrence.start < to) found.push(occurrence);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A text in the first language of `chain` that has it: `{ value, language }`. */
function pick(text, chain, where) {
  for (const language of chain) {
    const value = text?.[language];
    if (typeof value === 'string' && value.trim() !== '') return { value, language };
  }
  throw new Error(`${where}: no text in ${chain.join(', ')}`);
}

/** Every event of the template with its texts and its dates in the window. */
export function expandTemplate(template, language, now) {
  const chain = fallbackChain(language);
  const window = eventsWindow(now);
  const events = template.events.map((event) => {
    const description = typeof event.description === 'string' ? template.texts[event.description] : event.description;
    return {
      key: event.key,
      rule: event.rule,
      title: pick(event.title, chain, `event ${event.key} title`),
      description: pick(description, chain, `event ${event.key} description`),
      category: pick(template.categories[event.category], chain, `category ${event.category}`),
      occurrences: occurrencesInWindow(event.rule, window),
    };
  });
  return {
    name: pick(template.calendar.name, chain, 'calendar name'),
    events: events.filter((event) => event.occurrences.length > 0),
  };
}

const languagesOf = (expanded) =>
  new Set(
    [expanded.name, ...expanded.events.flatMap((e) => [e.title, e.description, e.category])].map((t) => t.language),
  );

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)

const icsDate = (value) => iso(value).replaceAll('-', '');
const escapeText = (value) =>
  value.replaceAll('\\', '\\\\').replaceAll(';', '\\;').replaceAll(',', '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line) {
  const parts = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    const limit = parts.length === 0 ? 75 : 74; // a continuation line starts with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const textProperty = (name, text) => `${name};LANGUAGE=${text.language}:${escapeText(text.value)}`;

/** RRULE for rules that repeat by themselves; the others list their dates with RDATE. */
function recurrence(rule) {
  if (rule.type === 'fixed') return `RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYMONTHDAY=${rule.day}`;
  if (rule.type === 'lastSunday') return `RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=-1SU`;
  return undefined;
}

export function buildIcs(template, language, now = new Date()) {
  const expanded = expandTemplate(template, language, now);
  const stamp = `${icsDate(now)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Open City Widgets//Krakow sample calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    textProperty('X-WR-CALNAME', expanded.name),
    'X-WR-TIMEZONE:Europe/Warsaw',
  ];
  const vevent = (uid, occurrence, extra) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(occurrence.start)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(occurrence.end, 1))}`,
    ...extra,
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
    'END:VEVENT',
  ];
  for (const event of expanded.events) {
    const texts = [
      textProperty('SUMMARY', event.title),
      textProperty('DESCRIPTION', event.description),
      textProperty('CATEGORIES', event.category),
    ];
    const rrule = recurrence(event.rule);
    const [first, ...rest] = event.occurrences;
    if (rrule) lines.push(...vevent(uuidFromName(`event:${event.key}`), first, [rrule, ...texts]));
    else if (event.rule.type === 'summerHolidays') {
      // A span of weeks, one event for each year.
      for (const occurrence of event.occurrences) {
        const uid = uuidFromName(`event:${event.key}:${occurrence.start.getUTCFullYear()}`);
        lines.push(...vevent(uid, occurrence, texts));
      }
    } else {
      const rdates = rest.length ? [`RDATE;VALUE=DATE:${rest.map((o) => icsDate(o.start)).join(',')}`] : [];
      lines.push(...vevent(uuidFromName(`event:${event.key}`), first, [...rdates, ...texts]));
    }
  }
  lines.push('END:VCALENDAR');
  return { text: lines.map(foldLine).join('\r\n') + '\r\n', languages: languagesOf(expanded) };
}

// ---------------------------------------------------------------------------------------------
// schema.org JSON-LD

export function buildJsonLd(template, language, now = new Date()) {
  const expanded = expandTemplate(template, language, now);
  // The feed's texts are in `@language`; one that fell back says its own language.
  const value = (text) =>
    text.language === language ? text.value : { '@value': text.value, '@language': text.language };
  const items = expanded.events
    .flatMap((event) => event.occurrences.map((occurrence) => ({ event, occurrence })))
    .sort((a, b) => a.occurrence.start - b.occurrence.start || a.event.key.localeCompare(b.event.key))
    .map(({ event, occurrence }, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        '@type': 'Event',
        identifier: uuidFromName(`event:${event.key}:${iso(occurrence.start)}`),
        name: value(event.title),
        description: value(event.description),
        startDate: iso(occurrence.start),
        endDate: iso(occurrence.end),
        eventStatus: 'https://schema.org/EventScheduled',
        keywords: value(event.category),
        inLanguage: event.title.language,
      },
    }));
  return {
    document: {
      '@context': ['https://schema.org', { '@language': language }],
      '@type': 'ItemList',
      name: value(expanded.name),
      inLanguage: language,
      itemListElement: items,
    },
    languages: languagesOf(expanded),
  };
}
