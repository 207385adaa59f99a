/**
 * Render speed of <oc-event-calendar> on 2,000 events: builds an iCalendar feed (1,800 one-off
 * events and 200 recurring series: weekly, monthly on the n-th weekday, daily with COUNT, with
 * EXDATE and overrides) and a JSON-LD feed of the same size, then times, in the page: parsing
 * (the iCalendar reader loaded on demand), expanding a month, and the list and month views rendered.
 * Run in a browser page; returns the timings in ms.
 */
import { setLocale } from '@open-city/core';
import { parseFeed } from '../src/feeds.js';
import { mergeFeeds } from '../src/calendar.js';
import type { OcEventCalendar } from '../src/oc-event-calendar.js';
import '../src/define.js';
import { WARSAW_VTIMEZONE } from '../../../test/recurrence/warsaw-vtimezone.mjs';

const NOW = new Date('2026-11-24T10:00:00Z');
const places = [
  'Biblioteka Kraków, ul. Powstania Warszawskiego 6',
  'Centrum Kultury Podgórza, ul. Sokolska 13',
  'Nowohuckie Centrum Kultury, al. Jana Pawła II 232',
];
const titles = [
  'Kawiarenka językowa',
  'Dyżur prawny',
  'Warsztaty CV',
  'Polski dla dzieci',
  'Spacer po Kazimierzu',
  'Grupa wsparcia',
  'Kino integracyjne',
];
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const local = (date: Date) => stamp(date).slice(0, 15);

export function buildIcs(count = 2000, series = 200): string {
  const next = random(7);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN'];
  lines.push(...WARSAW_VTIMEZONE);
  for (let i = 0; i < count; i++) {
    const start = new Date(
      Date.UTC(2026, 8, 1, 8 + Math.floor(next() * 10), 0) + Math.floor(next() * 240) * 86_400_000,
    );
    lines.push('BEGIN:VEVENT', `UID:bench-${i}@example.org`, 'DTSTAMP:20261101T000000Z');
    lines.push(`DTSTART;TZID=Europe/Warsaw:${local(start)}`, 'DURATION:PT2H');
    lines.push(`SUMMARY;LANGUAGE=pl:${titles[i % titles.length]} ${i}`);
    lines.push(
      `DESCRIPTION:Opis wydarzenia ${i}\\, z przecinkiem.`,
      `LOCATION:${places[i % places.length].replace(/,/g, '\\,')}`,
    );
    lines.push(
      `CATEGORIES:${['Język', 'Pomoc prawna', 'Kultura'][i % 3]}`,
      `X-OC-LANGUAGES:${['pl,uk', 'pl,en', 'uk,ru'][i % 3]}`,
      `X-OC-FREE:${i % 4 ? 'TRUE' : 'FALSE'}`,
    );
    if (i < series) {
      const kind = i % 3;
      if (kind === 0)
        lines.push(
          `RRULE:FREQ=WEEKLY;BYDAY=${days[i % 7]};UNTIL=20270630T000000Z`,
          `EXDATE;TZID=Europe/Warsaw:${local(new Date(start.getTime() + 14 * 86_400_000))}`,
        );
      else if (kind === 1) lines.push(`RRULE:FREQ=MONTHLY;BYDAY=${1 + (i % 4)}${days[i % 5]};COUNT=12`);
      else lines.push('RRULE:FREQ=DAILY;INTERVAL=3');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

export function buildJsonLd(count = 2000, series = 200): string {
  const next = random(11);
  const events = Array.from({ length: count }, (_, i) => {
    const start = new Date(
      Date.UTC(2026, 8, 1, 8 + Math.floor(next() * 10), 0) + Math.floor(next() * 240) * 86_400_000,
    );
    return {
      '@type': 'Event',
      identifier: `bench-json-${i}`,
      name: `${titles[i % titles.length]} ${i}`,
      startDate: start.toISOString(),
      endDate: new Date(start.getTime() + 7_200_000).toISOString(),
      location: { '@type': 'Place', name: places[i % places.length] },
      inLanguage: ['pl', 'uk'],
      isAccessibleForFree: i % 4 !== 0,
      keywords: ['Język', 'Kultura'][i % 2],
      ...(i < series
        ? {
            eventSchedule: {
              '@type': 'Schedule',
              repeatFrequency: 'P1W',
              byDay: 'https://schema.org/Saturday',
              startTime: '11:00',
              endTime: '13:00',
              startDate: '2026-09-05',
              endDate: '2027-06-26',
            },
          }
        : {}),
    };
  });
  return JSON.stringify({ '@context': 'https://schema.org', '@type': 'ItemList', itemListElement: events });
}

const time = async (work: () => unknown | Promise<unknown>) => {
  const started = performance.now();
  await work();
  return Math.round((performance.now() - started) * 10) / 10;
};

export async function run(): Promise<Record<string, number>> {
  await setLocale('en');
  const ics = buildIcs();
  const json = buildJsonLd();
  const results: Record<string, number> = {};
  results.parseIcsMs = await time(() => parseFeed(ics, 0)); // includes loading the iCalendar reader the first time
  results.parseIcsWarmMs = await time(() => parseFeed(ics, 0));
  results.parseJsonLdMs = await time(() => parseFeed(json, 1));
  const [icsFeed, jsonFeed] = [await parseFeed(ics, 0), await parseFeed(json, 1)];
  const december = { start: new Date('2026-11-30T23:00:00Z'), end: new Date('2027-01-03T23:00:00Z') };
  let occurrences = 0;
  results.expandMonthMs = await time(() => {
    occurrences = mergeFeeds([icsFeed, jsonFeed], december, 'Europe/Warsaw').length;
  });
  results.occurrencesInMonth = occurrences;

  const urls = [ics, json].map((text) => URL.createObjectURL(new Blob([text])));
  const host = document.createElement('div');
  host.style.inlineSize = '70em';
  document.body.append(host);
  try {
    for (const view of ['list', 'month'] as const) {
      const element = document.createElement('oc-event-calendar') as OcEventCalendar;
      element.now = NOW;
      element.setAttribute('view', view);
      element.src = urls.join(' ');
      const started = performance.now();
      host.append(element);
      await element.loaded;
      results[`${view}FirstRenderMs`] = Math.round(performance.now() - started);
      results[`${view}NextMonthMs`] = await time(async () => {
        element.shownMonth = '2026-12';
        await element.updateComplete;
      });
      results[`${view}Elements`] = element.shadowRoot!.querySelectorAll('*').length;
      element.remove();
    }
  } finally {
    host.remove();
    urls.forEach((url) => URL.revokeObjectURL(url));
  }
  return results;
}
