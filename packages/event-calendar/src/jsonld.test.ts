import { expect } from '@open-wc/testing';
import { parseJsonLd } from './jsonld.js';
import { expandSchedule, parseByDay, parseDuration, parseFrequency, type ScheduleRule } from './schedule.js';
import type { Occurrence, TimeRange } from './model.js';

const range = (from: string, to: string): TimeRange => ({ start: new Date(from), end: new Date(to) });
const starts = (list: { start: Date }[]) => list.map((o) => o.start.toISOString());
const byUid = (list: Occurrence[], uid: string) => list.filter((o) => o.event.uid === uid);

let sample: string;

describe('schema.org JSON-LD feeds', () => {
  before(async () => {
    sample = await (await fetch('/packages/event-calendar/sample/krakow-events.json')).text();
  });

  it('reads an ItemList of ListItems, with place, offers, audience, language and status', () => {
    const feed = parseJsonLd(sample);
    expect(feed.eventCount).to.equal(7);
    const list = feed.expand(range('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z'), 'Europe/Warsaw');
    const cv = byUid(list, 'cv-workshop-2026-12@otwarty.krakow.pl')[0];
    expect(cv.start.toISOString()).to.equal('2026-12-03T16:00:00.000Z');
    expect(cv.event.offers).to.deep.equal([
      { price: 20, currency: 'PLN', text: undefined, url: 'https://otwarty.krakow.example/cv' },
    ]);
    expect(cv.event.free).to.equal(false);
    expect(cv.event.languages).to.deep.equal(['pl', 'en']);
    expect(cv.event.audiences).to.deep.equal(['Dorośli']);
    expect(cv.event.categories).to.deep.equal(['Praca', 'Warsztaty']);
    expect(cv.event.place).to.deep.equal({
      name: 'Centrum Obywatelskie',
      address: 'ul. Reformacka 3, 31-012 Kraków',
      latitude: undefined,
      longitude: undefined,
    });
    expect(cv.event.accessibility).to.equal('Wejście bez schodów, Pętla indukcyjna');
    expect(cv.event.organizer).to.deep.include({ name: 'Fundacja Otwarty Kraków', phone: '+48 12 345 67 89' });
    // HTML in a description becomes text; it is never parsed as a document.
    expect(cv.event.description).to.equal(
      'Jak napisać CV po polsku i przygotować się do rozmowy.\nPrzynieś laptop, jeśli masz.',
    );
    const cancelled = byUid(list, 'st-nicholas-2026@otwarty.krakow.pl')[0];
    expect(cancelled.event.status).to.equal('cancelled');
  });

  it('expands a weekly eventSchedule with exceptDate, in its zone', () => {
    const feed = parseJsonLd(sample);
    const walk = byUid(
      feed.expand(range('2026-11-30T23:00:00Z', '2027-01-10T23:00:00Z'), 'Europe/Warsaw'),
      'kazimierz-walk-uk@otwarty.krakow.pl',
    );
    expect(starts(walk)).to.deep.equal([
      '2026-12-05T10:00:00.000Z',
      '2026-12-12T10:00:00.000Z',
      '2026-12-19T10:00:00.000Z',
      // 26 December excepted
      '2027-01-02T10:00:00.000Z',
      '2027-01-09T10:00:00.000Z',
    ]);
    expect(walk[0].end.getTime() - walk[0].start.getTime()).to.equal(2 * 3_600_000);
    expect(walk[0].recurring).to.equal(true);
    expect(walk[0].event.languages).to.deep.equal(['uk']);
  });

  it('ends a schedule at its endDate, and keeps wall time across DST', () => {
    const feed = parseJsonLd(sample);
    const walk = byUid(
      feed.expand(range('2027-03-01T00:00:00Z', '2027-05-01T00:00:00Z'), 'Europe/Warsaw'),
      'kazimierz-walk-uk@otwarty.krakow.pl',
    );
    expect(starts(walk)).to.deep.equal([
      '2027-03-06T10:00:00.000Z',
      '2027-03-13T10:00:00.000Z',
      '2027-03-20T10:00:00.000Z',
      '2027-03-27T10:00:00.000Z', // Saturday before the change: still winter time
    ]);
  });

  it('expands a monthly schedule on the first Thursday (iCal byDay 1TH), online', () => {
    const feed = parseJsonLd(sample);
    const group = byUid(
      feed.expand(range('2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z'), 'Europe/Warsaw'),
      'women-support-group@otwarty.krakow.pl',
    );
    expect(group.map((o) => o.start.toISOString().slice(0, 10))).to.deep.equal([
      '2026-11-05',
      '2026-12-03',
      '2027-01-07',
      '2027-02-04',
      '2027-03-04',
      '2027-04-01',
    ]);
    expect(group[5].start.toISOString()).to.equal('2027-04-01T16:00:00.000Z', '18:00 in summer time');
    expect(group[0].event.onlineUrl).to.equal('https://meet.example.org/wsparcie');
    expect(group[0].event.free).to.equal(true);
  });

  it('reads a date-only event as all-day, its endDate inclusive', () => {
    const feed = parseJsonLd(sample);
    const day = byUid(
      feed.expand(range('2026-11-27T00:00:00Z', '2026-11-30T00:00:00Z'), 'America/New_York'),
      'open-day-office-2026@otwarty.krakow.pl',
    )[0];
    expect(day.allDay).to.equal(true);
    expect(day.startDate).to.deep.equal({ year: 2026, month: 11, day: 28 });
    expect(day.endDate).to.deep.equal({ year: 2026, month: 11, day: 29 });
  });

  it('accepts a plain array and @graph; refuses JSON without events; skips events without a start', () => {
    expect(
      parseJsonLd(JSON.stringify([{ '@type': 'Event', name: 'A', startDate: '2026-11-24T10:00:00Z' }])).eventCount,
    ).to.equal(1);
    expect(
      parseJsonLd(JSON.stringify({ '@graph': [{ '@type': 'Event', name: 'A', startDate: '2026-11-24' }] })).eventCount,
    ).to.equal(1);
    expect(() => parseJsonLd('{"hello":"world"}')).to.throw(/no schema.org Event/);
    const feed = parseJsonLd(
      JSON.stringify([
        { '@type': 'Event', name: 'No date' },
        { '@type': 'Event', name: 'B', startDate: '2026-11-24' },
      ]),
    );
    expect([feed.eventCount, feed.skipped]).to.deep.equal([1, 1]);
  });

  it('never lets a javascript: URL through', () => {
    const feed = parseJsonLd(
      JSON.stringify([
        {
          '@type': 'Event',
          name: 'X',
          startDate: '2026-11-24T10:00:00Z',
          url: 'javascript:alert(1)',
          location: { '@type': 'VirtualLocation', url: 'javascript:alert(2)' },
        },
      ]),
    );
    const [x] = feed.expand(range('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'), 'Europe/Warsaw');
    expect(x.event.url).to.equal(undefined);
    expect(x.event.onlineUrl).to.equal(undefined);
  });
});

describe('schedule recurrence', () => {
  const rule = (changes: Partial<ScheduleRule>): ScheduleRule => ({
    frequency: 'W',
    interval: 1,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
    startDate: { year: 2026, month: 11, day: 2 },
    startTime: { hour: 18, minute: 0, second: 0 },
    durationMs: 3_600_000,
    timeZone: 'Europe/Warsaw',
    exceptDates: [],
    exceptInstants: [],
    ...changes,
  });

  it('parses frequencies, durations and days', () => {
    expect(parseFrequency('P2W')).to.deep.equal({ frequency: 'W', interval: 2 });
    expect(parseFrequency('Monthly')).to.deep.equal({ frequency: 'M', interval: 1 });
    expect(parseFrequency('P0D')).to.equal(undefined);
    expect(parseDuration('PT1H30M')).to.equal(5_400_000);
    expect(parseDuration('P1D')).to.equal(86_400_000);
    expect(parseByDay('https://schema.org/Tuesday')).to.deep.equal({ weekday: 2, ordinal: undefined });
    expect(parseByDay('-1FR')).to.deep.equal({ weekday: 5, ordinal: -1 });
  });

  it('counts repeatCount from the start, whatever the range', () => {
    const list = expandSchedule(
      rule({ frequency: 'D', count: 3 }),
      range('2026-11-03T00:00:00Z', '2026-12-01T00:00:00Z'),
    );
    expect(starts(list)).to.deep.equal(['2026-11-03T17:00:00.000Z', '2026-11-04T17:00:00.000Z']);
  });

  it('repeats every other week on two days, and on the last Friday of the month', () => {
    const weekly = expandSchedule(
      rule({ interval: 2, byDay: [{ weekday: 1 }, { weekday: 3 }] }),
      range('2026-11-01T00:00:00Z', '2026-11-30T00:00:00Z'),
    );
    expect(weekly.map((o) => o.date.day)).to.deep.equal([2, 4, 16, 18]);
    const lastFriday = expandSchedule(
      rule({ frequency: 'M', byDay: [{ weekday: 5, ordinal: -1 }] }),
      range('2026-11-01T00:00:00Z', '2027-03-01T00:00:00Z'),
    );
    expect(lastFriday.map((o) => `${o.date.month}-${o.date.day}`)).to.deep.equal(['11-27', '12-25', '1-29', '2-26']);
  });

  it('stops after the step cap on a schedule that never matches', () => {
    const list = expandSchedule(
      rule({ frequency: 'M', byMonthDay: [31], byMonth: [2] }),
      range('2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z'),
    );
    expect(list).to.deep.equal([]);
  });
});

describe('schema.org as published', () => {
  const december = range('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z');

  it("reads schema.org's own Schedule example: an Event with eventSchedule and no startDate", () => {
    const feed = parseJsonLd(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Yoga',
        eventSchedule: {
          '@type': 'Schedule',
          startDate: '2026-11-01',
          endDate: '2027-06-30',
          repeatFrequency: 'P1W',
          byDay: ['https://schema.org/Monday', 'https://schema.org/Wednesday'],
          startTime: '19:00:00',
          endTime: '20:00:00',
          scheduleTimezone: 'Europe/Warsaw',
        },
      }),
    );
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(list).to.have.length(9);
    expect(list[0].start.toISOString()).to.equal('2026-12-02T18:00:00.000Z');
    expect(list[0].end.getTime() - list[0].start.getTime()).to.equal(3_600_000);
  });

  it('takes repeatFrequency as ISO 8601 durations and words, byDay as names and @id objects', () => {
    expect(parseFrequency('P14D')).to.deep.equal({ frequency: 'W', interval: 2 });
    expect(parseFrequency('fortnightly')).to.deep.equal({ frequency: 'W', interval: 2 });
    expect(parseFrequency('https://schema.org/Weekly')).to.deep.equal({ frequency: 'W', interval: 1 });
    expect(parseFrequency('FREQ=MONTHLY;INTERVAL=3')).to.deep.equal({ frequency: 'M', interval: 3 });
    expect(parseFrequency('PT1S')).to.equal(undefined);
    expect(parseFrequency('constructor')).to.equal(undefined);
    expect(parseByDay({ '@id': 'http://schema.org/Sunday' })).to.deep.equal({ weekday: 7, ordinal: undefined });
    expect(parseByDay('Tue')).to.deep.equal({ weekday: 2, ordinal: undefined });
    expect(parseByDay('constructor')).to.equal(undefined);
    expect(parseByDay({ toString: 'x' })).to.equal(undefined);
  });

  it('takes the time of day of a timed Event start when its schedule has none', () => {
    const feed = parseJsonLd(
      JSON.stringify([
        {
          '@type': 'Event',
          name: 'Weekly',
          startDate: '2026-12-01T18:30:00+01:00',
          eventSchedule: { '@type': 'Schedule', repeatFrequency: 'P1W' },
        },
      ]),
    );
    expect(starts(feed.expand(december, 'Europe/Warsaw'))).to.deep.equal([
      '2026-12-01T17:30:00.000Z',
      '2026-12-08T17:30:00.000Z',
      '2026-12-15T17:30:00.000Z',
      '2026-12-22T17:30:00.000Z',
      '2026-12-29T17:30:00.000Z',
    ]);
  });

  it('reads any JSON value anywhere without a throw, and counts what it cannot use', () => {
    const feed = parseJsonLd(
      '[{"@type":{"toString":"x"},"name":"Bad type"},' +
        '{"@type":"Event","name":{"toString":"x"},"startDate":{"valueOf":1}},' +
        '{"@type":"Event","name":"Good","startDate":"2026-12-10T18:00:00+01:00","description":"A &#x110000; B",' +
        '"location":[null,{"geo":{"latitude":{"toString":"x"}}}],"keywords":{"a":1},"inLanguage":[7,"pl",null],' +
        '"offers":[{"price":{"toString":1}}],"eventSchedule":[1,"x",null]}]',
    );
    const [good] = feed.expand(december, 'Europe/Warsaw');
    expect(good.event.title).to.equal('Good');
    expect(good.event.description).to.equal('A \uFFFD B');
    expect(good.event.languages).to.deep.equal(['pl']);
    expect(feed.eventCount).to.equal(1);
    expect(feed.skipped).to.equal(1);
  });

  it('cuts long lists and texts to the budget, and counts the entries cut', () => {
    const feed = parseJsonLd(
      JSON.stringify([
        {
          '@type': 'Event',
          name: 'Many',
          startDate: '2026-12-10T18:00:00+01:00',
          keywords: Array.from({ length: 100_000 }, (_, i) => `k${i}`),
          description: 'x'.repeat(100_000),
        },
      ]),
    );
    const [many] = feed.expand(december, 'Europe/Warsaw');
    expect(many.event.categories).to.have.length(50);
    expect(many.event.description!.length).to.be.at.most(10_000);
    expect(feed.cut).to.equal(1);
  });

  it('turns a counted schedule into an end date, so a far range does not count from the start', () => {
    const feed = parseJsonLd(
      JSON.stringify([
        {
          '@type': 'Event',
          name: 'Counted',
          eventSchedule: {
            '@type': 'Schedule',
            repeatFrequency: 'P1D',
            repeatCount: 10,
            startDate: '2026-12-01',
            startTime: '10:00',
          },
        },
        {
          '@type': 'Event',
          name: 'A billion',
          eventSchedule: {
            '@type': 'Schedule',
            repeatFrequency: 'P1D',
            repeatCount: 1e9,
            startDate: '1970-01-01',
            startTime: '08:00',
          },
        },
      ]),
    );
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(list.filter((o) => o.event.title === 'Counted')).to.have.length(10);
    expect(list.filter((o) => o.event.title === 'A billion').length).to.be.greaterThan(0);
  });

  it('reads categories from keywords and about, as text, value objects, DefinedTerms and names', () => {
    const feed = parseJsonLd(
      JSON.stringify([
        {
          '@type': 'Event',
          name: 'Porady',
          startDate: '2026-12-03T17:00:00+01:00',
          keywords: [
            'Prawo, Pobyt',
            { '@value': 'Praca', '@language': 'pl' },
            { '@type': 'DefinedTerm', name: 'Zdrowie' },
          ],
          about: [
            { '@type': 'DefinedTerm', name: { '@value': 'Edukacja', '@language': 'pl' }, termCode: 'edu' },
            { '@value': 'Rodzina' },
            'Język',
            { '@type': 'Thing' },
            7,
            null,
          ],
        },
      ]),
    );
    const [occurrence] = feed.expand(range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'), 'Europe/Warsaw');
    expect(occurrence.event.categories).to.deep.equal([
      'Prawo',
      'Pobyt',
      'Praca',
      'Zdrowie',
      'Edukacja',
      'Rodzina',
      'Język',
    ]);
  });

  it('knows the language of each text: its value object, else the context’s @language', () => {
    const feed = parseJsonLd(
      JSON.stringify({
        '@context': ['https://schema.org', { '@language': 'uk' }],
        '@type': 'ItemList',
        itemListElement: [
          {
            '@type': 'Event',
            identifier: 'a',
            name: 'Кава',
            description: { '@value': 'Kawa i rozmowa', '@language': 'pl' },
            startDate: '2026-12-03T17:00:00+01:00',
            inLanguage: 'ru',
          },
          {
            '@type': 'Event',
            '@context': { '@language': 'en' },
            identifier: 'b',
            name: 'Coffee',
            startDate: '2026-12-04T17:00:00+01:00',
          },
        ],
      }),
    );
    const list = feed.expand(range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'), 'Europe/Warsaw');
    const [a, b] = [byUid(list, 'a')[0].event, byUid(list, 'b')[0].event];
    expect([a.titleLanguage, a.descriptionLanguage, a.languages]).to.deep.equal(['uk', 'pl', ['ru']]);
    expect([b.titleLanguage, b.descriptionLanguage]).to.deep.equal(['en', undefined]);
    const plain = parseJsonLd(JSON.stringify([{ '@type': 'Event', name: 'X', startDate: '2026-12-03' }]));
    expect(plain.expand(range('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'), 'UTC')[0].event.titleLanguage).to.equal(
      undefined,
    );
  });
});
