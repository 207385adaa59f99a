import { expect } from '@open-wc/testing';
import { parseICalendar } from './ics.js';
import { parseFeed } from './feeds.js';
import type { Occurrence, TimeRange } from './model.js';
import { WARSAW_VTIMEZONE } from '../../../test/recurrence/warsaw-vtimezone.mjs';
import { loadWindowsZones } from './zone-names.js';

// Windows zone names are read through CLDR's table, which the element loads on demand (zone-names.test.ts).
before(() => loadWindowsZones());

const range = (from: string, to: string): TimeRange => ({ start: new Date(from), end: new Date(to) });
const starts = (list: Occurrence[]) => list.map((o) => o.start.toISOString());
const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) =>
  ['BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

const warsawZone = WARSAW_VTIMEZONE.join('\r\n');

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

    it('expands a rule that ical.js loops on for ever: negative BYMONTHDAY in a DAILY rule with INTERVAL', () => {
      const feed = parseICalendar(
        ics(
          vevent(
            'UID:n',
            'SUMMARY:N',
            'DTSTART:20280228T090000Z',
            'DURATION:PT1H',
            'RRULE:FREQ=DAILY;INTERVAL=4;BYMONTHDAY=-13;COUNT=27',
          ),
        ),
      );
      // DTSTART is the first of the 27 (RFC 5545 §3.8.5.3), then every 4th day from it that is
      // the 13th day from the end of its month (RFC 5545 §3.3.10, BYMONTHDAY limits DAILY).
      const expected = ['2028-02-28T09:00:00.000Z'];
      for (let t = Date.UTC(2028, 1, 28, 9); expected.length < 27; t += 4 * 86_400_000) {
        const day = new Date(t);
        const length = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
        if (day.getUTCDate() === length - 12) expected.push(day.toISOString());
      }
      const list = feed.expand(range('2028-01-01T00:00:00Z', '2040-01-01T00:00:00Z'), 'UTC');
      expect(starts(list)).to.deep.equal(expected);
      expect(feed.lastExpansion).to.deep.equal({ failed: 0, cut: 0 });
    });

    it('skips ahead to a month far from DTSTART with the same keys: all-day and zoned series, EXDATE and overrides', () => {
      const feed = parseICalendar(
        ics(
          warsawZone,
          vevent(
            'UID:a',
            'SUMMARY:All day',
            'DTSTART;VALUE=DATE:19900105',
            'RRULE:FREQ=MONTHLY;BYDAY=1FR',
            'EXDATE;VALUE=DATE:20310307',
          ),
          vevent(
            'UID:w',
            'SUMMARY:Weekly',
            'DTSTART;TZID=Europe/Warsaw:19950102T180000',
            'DURATION:PT1H',
            'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO',
            'EXDATE;TZID=Europe/Warsaw:20310324T180000',
          ),
          vevent(
            'UID:w',
            'SUMMARY:Weekly, moved',
            'RECURRENCE-ID;TZID=Europe/Warsaw:20310310T180000',
            'DTSTART;TZID=Europe/Warsaw:20310311T190000',
            'DURATION:PT1H',
          ),
        ),
      );
      const list = feed.expand(range('2031-02-28T23:00:00Z', '2031-05-31T22:00:00Z'), 'Europe/Warsaw');
      // First Fridays of April and May 2031 (March's, the 7th, is excluded).
      expect(list.filter((o) => o.event.uid === 'a').map((o) => o.startDate)).to.deep.equal([
        { year: 2031, month: 4, day: 4 },
        { year: 2031, month: 5, day: 2 },
      ]);
      // Every other Monday from 2 Jan 1995 (a Monday): 10 and 24 March 2031 are on its lattice;
      // the 10th is moved to the 11th, the 24th excluded; 18:00 in Warsaw is 17:00 UTC before 30 March.
      const weekly = list.filter((o) => o.event.uid === 'w');
      expect(starts(weekly)).to.deep.equal([
        '2031-03-11T18:00:00.000Z',
        '2031-04-07T16:00:00.000Z',
        '2031-04-21T16:00:00.000Z',
        '2031-05-05T16:00:00.000Z',
        '2031-05-19T16:00:00.000Z',
      ]);
      expect(weekly[0].event.title).to.equal('Weekly, moved');
      expect(weekly[0].key).to.equal('w|2031-03-10T17:00:00.000Z');
      expect(feed.lastExpansion).to.deep.equal({ failed: 0, cut: 0 });
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

describe('iCalendar feeds as exporters write them', () => {
  const december = range('2026-11-30T23:00:00Z', '2026-12-31T23:00:00Z');
  const titles = (list: Occurrence[]) => list.map((o) => o.event.title);

  it('reads each VEVENT on its own: a bad line, an unclosed component or a bad rule costs only that one', () => {
    const feed = parseICalendar(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        vevent('UID:a', 'SUMMARY:First', 'DTSTART:20261210T170000Z', 'DESCRIPTION:folded badly', 'and the rest of it'),
        'BEGIN:VEVENT',
        'UID:open',
        'SUMMARY:Never closed',
        'DTSTART:20261211T170000Z',
        vevent('UID:b', 'SUMMARY:Bad rule', 'DTSTART:20261212T170000Z', 'RRULE:FREQ=DAILY;BYHOUR=25'),
        vevent('UID:c', 'SUMMARY:Half-quoted zone', 'DTSTART;TZID="Europe/Warsaw:20261213T180000'),
        'END:VCALENDAR',
      ].join('\r\n'),
    );
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(titles(list)).to.deep.equal(['First', 'Half-quoted zone']);
    expect(list[0].event.description).to.equal('folded badlyand the rest of it');
    expect(list[1].start.toISOString()).to.equal('2026-12-13T17:00:00.000Z');
    expect(feed.skipped).to.equal(2);
  });

  it('throws only when no VEVENT at all can be read', () => {
    expect(() => parseICalendar(ics(vevent('UID:a', 'SUMMARY:No start')))).to.throw(/none of the 1/);
    expect(() => parseICalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n')).to.throw(/none/);
    expect(parseICalendar(ics()).eventCount).to.equal(0);
  });

  it('reads a DATE without VALUE=DATE as a date', () => {
    const [day] = parseICalendar(ics(vevent('UID:d', 'SUMMARY:D', 'DTSTART:20261215', 'DTEND:20261217'))).expand(
      december,
      'Europe/Warsaw',
    );
    expect(day.allDay).to.equal(true);
    expect(day.startDate).to.deep.equal({ year: 2026, month: 12, day: 15 });
    expect(day.endDate).to.deep.equal({ year: 2026, month: 12, day: 17 });
  });

  it('maps Windows zone names without VTIMEZONE to IANA zones (CLDR), also display names', () => {
    const feed = parseICalendar(
      ics(
        vevent('UID:w1', 'SUMMARY:W1', 'DTSTART;TZID=W. Europe Standard Time:20261210T090000'),
        vevent('UID:w2', 'SUMMARY:W2', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261210T100000'),
        vevent('UID:w3', 'SUMMARY:W3', 'DTSTART;TZID=Tokyo Standard Time:20261210T180000'),
        vevent('UID:w4', 'SUMMARY:W4', 'DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin, Bern, Rome:20261210T110000'),
      ),
    );
    const byTitle = Object.fromEntries(
      feed.expand(december, 'Europe/Warsaw').map((o) => [o.event.title, o.start.toISOString()]),
    );
    expect(byTitle).to.deep.equal({
      W1: '2026-12-10T08:00:00.000Z',
      W2: '2026-12-10T15:00:00.000Z',
      W3: '2026-12-10T09:00:00.000Z',
      W4: '2026-12-10T10:00:00.000Z',
    });
  });

  it('keeps the newest version of a UID: SEQUENCE, then LAST-MODIFIED, then DTSTAMP', () => {
    const feed = parseICalendar(
      ics(
        vevent('UID:s', 'SEQUENCE:0', 'SUMMARY:Old', 'DTSTART:20261210T170000Z'),
        vevent('UID:s', 'SEQUENCE:3', 'SUMMARY:Newest', 'DTSTART:20261212T170000Z'),
        vevent('UID:s', 'SEQUENCE:1', 'SUMMARY:Middle', 'DTSTART:20261211T170000Z'),
        vevent('UID:m', 'LAST-MODIFIED:20261101T000000Z', 'SUMMARY:Earlier edit', 'DTSTART:20261213T170000Z'),
        vevent('UID:m', 'LAST-MODIFIED:20261105T000000Z', 'SUMMARY:Later edit', 'DTSTART:20261214T170000Z'),
      ),
    );
    expect(titles(feed.expand(december, 'Europe/Warsaw'))).to.deep.equal(['Newest', 'Later edit']);
  });

  it('shows a RECURRENCE-ID override moved anywhere, into the month or out of it', () => {
    const feed = parseICalendar(
      ics(
        vevent('UID:r', 'SUMMARY:Monthly', 'DTSTART:20261005T170000Z', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;COUNT=4'),
        vevent('UID:r', 'RECURRENCE-ID:20261005T170000Z', 'SUMMARY:From October', 'DTSTART:20261218T170000Z'),
        vevent('UID:r', 'RECURRENCE-ID:20261205T170000Z', 'SUMMARY:To February', 'DTSTART:20270210T170000Z'),
      ),
    );
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(titles(list)).to.deep.equal(['From October']);
    expect(list[0].key).to.equal('r|2026-10-05T17:00:00.000Z');
    const february = feed.expand(range('2027-02-01T00:00:00Z', '2027-03-01T00:00:00Z'), 'Europe/Warsaw');
    expect(titles(february)).to.deep.equal(['To February']);
  });

  it('reaches a series begun decades ago without walking from its start', () => {
    const feed = parseICalendar(
      ics(
        vevent('UID:d', 'SUMMARY:Daily', 'DTSTART:19700101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY'),
        vevent('UID:h', 'SUMMARY:Hourly', 'DTSTART:20000101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=HOURLY;INTERVAL=7'),
      ),
    );
    const list = feed.expand(range('2031-03-01T00:00:00Z', '2031-03-02T00:00:00Z'), 'UTC');
    expect(starts(list.filter((o) => o.event.uid === 'd'))).to.deep.equal(['2031-03-01T09:00:00.000Z']);
    // 2000-01-01 plus multiples of 7 hours.
    const hourly = list.filter((o) => o.event.uid === 'h').map((o) => o.start.getTime());
    expect(hourly.length).to.be.within(3, 4);
    expect(hourly.every((t) => (t - Date.UTC(2000, 0, 1)) % (7 * 3_600_000) === 0)).to.equal(true);
    expect(feed.lastExpansion).to.deep.equal({ failed: 0, cut: 0 });
  });

  it('skips absurd rules before ical.js sees them, and counts them', () => {
    const started = performance.now();
    const feed = parseICalendar(
      ics(
        vevent('UID:1', 'SUMMARY:1', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=HOURLY;INTERVAL=99999999999999999999'),
        vevent('UID:2', 'SUMMARY:2', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=0'),
        vevent('UID:3', 'SUMMARY:3', 'DTSTART:20261130T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU'),
        vevent('UID:4', 'SUMMARY:4', 'DTSTART;VALUE=DATE:20261201', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'),
        vevent('UID:5', 'SUMMARY:5', 'DTSTART:20261201T000000Z', 'RRULE:FREQ=SECONDLY;BYMONTH=6'),
        vevent('UID:ok', 'SUMMARY:Ok', 'DTSTART:20261210T100000Z'),
      ),
    );
    expect(titles(feed.expand(december, 'Europe/Warsaw'))).to.deep.equal(['Ok']);
    expect(feed.skipped).to.equal(5);
    expect(performance.now() - started).to.be.below(2000);
  });

  it('bounds the whole feed: 2,000 SECONDLY series since 2000 expand quickly, and the cut is counted', () => {
    const events = Array.from({ length: 2000 }, (_, i) =>
      vevent(`UID:s${i}`, `SUMMARY:S${i}`, 'DTSTART:20000101T000000Z', 'RRULE:FREQ=SECONDLY'),
    );
    const feed = parseICalendar(ics(...events, vevent('UID:plain', 'SUMMARY:Plain', 'DTSTART:20261210T100000Z')));
    const started = performance.now();
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(performance.now() - started).to.be.below(3000);
    expect(list.some((o) => o.event.title === 'Plain')).to.equal(true);
    expect(list.length).to.be.at.most(10_000);
    expect(feed.lastExpansion!.cut).to.be.greaterThan(0);
  });

  it('never lets a VTIMEZONE hang the page, nor one feed change the zones of another', () => {
    const hostile = parseICalendar(
      ics(
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Warsaw',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'RRULE:FREQ=SECONDLY',
        'TZOFFSETFROM:+0900',
        'TZOFFSETTO:+0900',
        'END:STANDARD',
        'END:VTIMEZONE',
        vevent('UID:v', 'SUMMARY:V', 'DTSTART;TZID=Europe/Warsaw:20261210T180000'),
      ),
    );
    expect(starts(hostile.expand(december, 'Europe/Warsaw'))).to.deep.equal(['2026-12-10T17:00:00.000Z']);
    expect(hostile.skipped).to.equal(1, 'the zone is counted');
    const other = parseICalendar(ics(vevent('UID:o', 'SUMMARY:O', 'DTSTART;TZID=Europe/Warsaw:20261210T180000')));
    expect(starts(other.expand(december, 'Europe/Warsaw'))).to.deep.equal(['2026-12-10T17:00:00.000Z']);
  });

  it('reads LF and CR line ends, a BOM, and two calendars in one file', () => {
    const one = ics(vevent('UID:a', 'SUMMARY:A', 'DTSTART:20261210T170000Z'));
    const two = ics(vevent('UID:b', 'SUMMARY:B', 'DTSTART:20261211T170000Z'));
    for (const text of [one.replace(/\r\n/g, '\n'), one.replace(/\r\n/g, '\r'), `\uFEFF${one}`]) {
      expect(titles(parseICalendar(text).expand(december, 'Europe/Warsaw'))).to.deep.equal(['A']);
    }
    expect(titles(parseICalendar(`${one}\r\n${two}`).expand(december, 'Europe/Warsaw'))).to.deep.equal(['A', 'B']);
  });

  it('bounds text: a 1 MB field, and markup, are read in linear time and cut to the budget', () => {
    const started = performance.now();
    const feed = parseICalendar(
      ics(
        vevent('UID:big', 'SUMMARY:Big', 'DTSTART:20261210T170000Z', `DESCRIPTION:${'<a'.repeat(500_000)}`),
        vevent('UID:x', 'SUMMARY:<script>x()</script>Safe', 'DTSTART:20261211T170000Z'),
      ),
    );
    const list = feed.expand(december, 'Europe/Warsaw');
    expect(performance.now() - started).to.be.below(3000);
    expect(list[0].event.description!.length).to.be.at.most(10_000);
    expect(list[1].event.title).to.equal('Safe');
    expect(feed.cut).to.equal(1);
  });

  it('parses in slices, with the months ahead made before it resolves', async () => {
    const { parseICalendarInSlices } = await import('./ics.js');
    const feed = await parseICalendarInSlices(
      ics(vevent('UID:w', 'SUMMARY:W', 'DTSTART:20000103T170000Z', 'RRULE:FREQ=WEEKLY')),
      0,
      undefined,
      { ahead: december },
    );
    expect(feed.expand(december, 'Europe/Warsaw')).to.have.length(4);
  });
});
