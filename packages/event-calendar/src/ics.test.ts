import { expect } from '@open-wc/testing';
import { parseICalendar } from './ics.js';
import { parseFeed } from './feeds.js';
import type { Occurrence, TimeRange } from './model.js';

const range = (from: string, to: string): TimeRange => ({ start: new Date(from), end: new Date(to) });
const starts = (list: Occurrence[]) => list.map((o) => o.start.toISOString());
const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) =>
  ['BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

const warsawZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

let sample: string;

describe('iCalendar feeds', () => {
  before(async () => {
    sample = await (await fetch('/packages/event-calendar/sample/krakow-events.ics')).text();
  });

  describe('the Kraków sample', () => {
    it('expands November 2026 with times from its VTIMEZONE', () => {
      const feed = parseICalendar(sample);
      const list = feed.expand(range('2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z'), 'Europe/Warsaw');
      const cafe = list.filter((o) => o.event.uid === 'language-cafe@otwarty.krakow.pl');
      // Tuesdays at 18:00 in Warsaw = 17:00 UTC in winter.
      expect(starts(cafe)).to.deep.equal([
        '2026-11-03T17:00:00.000Z',
        '2026-11-10T17:00:00.000Z',
        '2026-11-17T17:00:00.000Z',
        '2026-11-24T17:00:00.000Z',
      ]);
      expect(cafe[0].end.toISOString()).to.equal('2026-11-03T19:00:00.000Z');
      expect(cafe[0].event.languages).to.deep.equal(['pl', 'uk', 'en']);
      expect(cafe[0].event.free).to.equal(true);
      expect(cafe[0].event.place).to.deep.include({
        name: 'Biblioteka Kraków – Filia nr 3',
        address: 'ul. Powstania Warszawskiego 6, 31-549 Kraków',
      });
      const webinar = list.find((o) => o.event.uid.startsWith('webinar'))!;
      expect(webinar.start.toISOString()).to.equal('2026-11-26T17:00:00.000Z', 'UTC time');
      expect(webinar.event.onlineUrl).to.equal('https://meet.example.org/karta-pobytu');
      expect(webinar.event.place).to.equal(undefined);
    });

    it('unfolds lines and unescapes text', () => {
      const feed = parseICalendar(sample);
      const [cafe] = feed.expand(range('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'), 'Europe/Warsaw');
      expect(cafe.event.description).to.equal(
        'Rozmowy po polsku, ukraińsku i angielsku przy herbacie. Przyjdź, nawet jeśli dopiero zaczynasz – wolontariusze pomogą.\nBez zapisów.',
      );
      expect(cafe.event.accessibility).to.equal('Wejście bez schodów, toaleta dostępna.');
      expect(cafe.event.organizer).to.deep.equal({
        name: 'Fundacja Otwarty Kraków',
        email: 'kontakt@otwarty.krakow.example',
      });
    });

    it('applies EXDATE, a moving RECURRENCE-ID override and a cancelled occurrence', () => {
      const feed = parseICalendar(sample);
      const december = feed
        .expand(range('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z'), 'Europe/Warsaw')
        .filter((o) => o.event.uid === 'language-cafe@otwarty.krakow.pl');
      expect(starts(december)).to.deep.equal([
        '2026-12-01T17:00:00.000Z',
        '2026-12-09T17:00:00.000Z', // moved from Tuesday 8th to Wednesday 9th
        '2026-12-15T17:00:00.000Z',
        // 22nd: EXDATE
        '2026-12-29T17:00:00.000Z',
      ]);
      expect(december[1].event.title).to.equal('Kawiarenka językowa / Language café (w środę!)');
      expect(december[1].key).to.equal(
        'language-cafe@otwarty.krakow.pl|2026-12-08T17:00:00.000Z',
        'keyed by RECURRENCE-ID',
      );
      expect(december.map((o) => o.event.status)).to.deep.equal(['scheduled', 'scheduled', 'scheduled', 'cancelled']);
    });

    it('counts COUNT with RDATE, BYDAY with an ordinal (2TU) and DURATION', () => {
      const feed = parseICalendar(sample);
      const aid = feed
        .expand(range('2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'), 'Europe/Warsaw')
        .filter((o) => o.event.uid === 'legal-aid@otwarty.krakow.pl');
      expect(aid).to.have.length(11); // COUNT=10, plus one RDATE
      expect(starts(aid).slice(0, 4)).to.deep.equal([
        '2026-11-10T09:00:00.000Z',
        '2026-12-01T09:00:00.000Z', // RDATE
        '2026-12-08T09:00:00.000Z', // second Tuesday
        '2027-01-12T09:00:00.000Z',
      ]);
      expect(aid[aid.length - 1].start.toISOString()).to.equal(
        '2027-08-10T08:00:00.000Z',
        'summer time, second Tuesday of August',
      );
      expect(aid.every((o) => o.end.getTime() - o.start.getTime() === 4 * 3_600_000)).to.equal(true);
    });

    it('keeps the last occurrence of an UNTIL series', () => {
      const feed = parseICalendar(sample);
      const cafe = feed
        .expand(range('2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'), 'Europe/Warsaw')
        .filter((o) => o.event.uid === 'language-cafe@otwarty.krakow.pl');
      // UNTIL=20270629T160000Z is exactly 18:00 in Warsaw on Tuesday 29 June 2027: included.
      expect(cafe[cafe.length - 1].start.toISOString()).to.equal('2027-06-29T16:00:00.000Z');
      // 1 Sep 2026 … 29 Jun 2027 is 44 Tuesdays, minus one EXDATE.
      expect(cafe).to.have.length(43);
    });

    it('reads all-day DATE values as dates, the same in every zone', () => {
      const feed = parseICalendar(sample);
      for (const zone of ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo']) {
        const day = feed.expand(range('2026-12-16T00:00:00Z', '2026-12-21T00:00:00Z'), zone).find((o) => o.allDay)!;
        expect(day.event.title).to.equal('Międzynarodowy Dzień Migranta');
        expect(day.startDate).to.deep.equal({ year: 2026, month: 12, day: 18 });
        expect(day.endDate).to.deep.equal({ year: 2026, month: 12, day: 19 });
      }
    });
  });

  describe('time zones and DST', () => {
    it('keeps 18:00 in Warsaw across both DST changes (VTIMEZONE)', () => {
      const feed = parseICalendar(
        ics(
          warsawZone,
          vevent(
            'UID:dst',
            'SUMMARY:Weekly',
            'DTSTART;TZID=Europe/Warsaw:20261020T180000',
            'DTEND;TZID=Europe/Warsaw:20261020T190000',
            'RRULE:FREQ=WEEKLY',
          ),
        ),
      );
      const autumn = feed.expand(range('2026-10-19T00:00:00Z', '2026-11-01T00:00:00Z'), 'Europe/Warsaw');
      expect(starts(autumn)).to.deep.equal(['2026-10-20T16:00:00.000Z', '2026-10-27T17:00:00.000Z']);
      const spring = feed.expand(range('2027-03-22T00:00:00Z', '2027-04-01T00:00:00Z'), 'Europe/Warsaw');
      expect(starts(spring)).to.deep.equal(['2027-03-23T17:00:00.000Z', '2027-03-30T16:00:00.000Z']);
    });

    it('reads a TZID without VTIMEZONE as the IANA zone of that name', () => {
      const feed = parseICalendar(
        ics(
          vevent(
            'UID:ny',
            'SUMMARY:NY',
            'DTSTART;TZID=America/New_York:20261027T180000',
            'DURATION:PT1H',
            'RRULE:FREQ=WEEKLY;COUNT=2',
          ),
        ),
      );
      // New York leaves DST on 1 November 2026.
      expect(starts(feed.expand(range('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z'), 'Europe/Warsaw'))).to.deep.equal(
        ['2026-10-27T22:00:00.000Z', '2026-11-03T23:00:00.000Z'],
      );
    });

    it('reads floating times in X-WR-TIMEZONE', () => {
      const feed = parseICalendar(
        ics(
          'X-WR-TIMEZONE:Europe/Kyiv',
          vevent('UID:f', 'SUMMARY:F', 'DTSTART:20261124T100000', 'DTEND:20261124T110000'),
        ),
      );
      expect(starts(feed.expand(range('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'), 'Europe/Warsaw'))).to.deep.equal(
        ['2026-11-24T08:00:00.000Z'],
      );
    });

    it('excludes an EXDATE given in UTC from a zoned series', () => {
      const feed = parseICalendar(
        ics(
          warsawZone,
          vevent(
            'UID:ex',
            'SUMMARY:Ex',
            'DTSTART;TZID=Europe/Warsaw:20261102T180000',
            'DURATION:PT1H',
            'RRULE:FREQ=DAILY;COUNT=3',
            'EXDATE:20261103T170000Z',
          ),
        ),
      );
      expect(starts(feed.expand(range('2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z'), 'Europe/Warsaw'))).to.deep.equal(
        ['2026-11-02T17:00:00.000Z', '2026-11-04T17:00:00.000Z'],
      );
    });
  });

  describe('rules', () => {
    it('expands YEARLY with BYMONTH and BYMONTHDAY, and MONTHLY with INTERVAL', () => {
      const feed = parseICalendar(
        ics(
          vevent(
            'UID:y',
            'SUMMARY:Refugee Day',
            'DTSTART;VALUE=DATE:20260620',
            'RRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=20',
          ),
          vevent(
            'UID:m',
            'SUMMARY:Every other 15th',
            'DTSTART:20261115T090000Z',
            'DURATION:PT1H',
            'RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;UNTIL=20270601T000000Z',
          ),
        ),
      );
      const list = feed.expand(range('2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'), 'Europe/Warsaw');
      expect(list.filter((o) => o.event.uid === 'y').map((o) => o.startDate)).to.deep.equal([
        { year: 2026, month: 6, day: 20 },
        { year: 2027, month: 6, day: 20 },
      ]);
      expect(starts(list.filter((o) => o.event.uid === 'm'))).to.deep.equal([
        '2026-11-15T09:00:00.000Z',
        '2027-01-15T09:00:00.000Z',
        '2027-03-15T09:00:00.000Z',
        '2027-05-15T09:00:00.000Z',
      ]);
    });

    it('bounds a rule without end: a range far ahead, and a SECONDLY rule, return quickly and capped', () => {
      const feed = parseICalendar(
        ics(
          vevent('UID:d', 'SUMMARY:Daily', 'DTSTART:20260101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY'),
          vevent('UID:s', 'SUMMARY:Secondly', 'DTSTART:20260101T090000Z', 'RRULE:FREQ=SECONDLY'),
        ),
      );
      const started = performance.now();
      const list = feed.expand(range('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'), 'Europe/Warsaw', 500);
      expect(performance.now() - started).to.be.below(3000);
      expect(list.filter((o) => o.event.uid === 'd')).to.have.length(30);
      expect(list.filter((o) => o.event.uid === 's').length).to.be.at.most(500);
    });

    it('marks a cancelled event, and carries the master cancellation to every occurrence', () => {
      const feed = parseICalendar(
        ics(vevent('UID:c', 'SUMMARY:C', 'STATUS:CANCELLED', 'DTSTART:20261124T090000Z', 'RRULE:FREQ=DAILY;COUNT=2')),
      );
      const list = feed.expand(range('2026-11-24T00:00:00Z', '2026-11-27T00:00:00Z'), 'Europe/Warsaw');
      expect(list.map((o) => o.event.status)).to.deep.equal(['cancelled', 'cancelled']);
    });

    it('skips a VEVENT without DTSTART and still reads the others', () => {
      const feed = parseICalendar(
        ics(vevent('UID:bad', 'SUMMARY:No start'), vevent('UID:ok', 'SUMMARY:Ok', 'DTSTART:20261124T090000Z')),
      );
      expect(feed.skipped).to.equal(1);
      expect(feed.expand(range('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z'), 'Europe/Warsaw')).to.have.length(1);
    });
  });

  describe('format detection', () => {
    it('reads the format from the content and rejects anything else', async () => {
      expect((await parseFeed(sample)).format).to.equal('icalendar');
      expect((await parseFeed('[]')).format).to.equal('json-ld');
      let error: unknown;
      try {
        await parseFeed('<html>not a feed</html>');
      } catch (e) {
        error = e;
      }
      expect(String(error)).to.match(/neither iCalendar/);
    });
  });
});
