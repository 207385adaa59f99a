/**
 * Recurrence is made lazily, month by month, for the range a view shows (and the months around
 * it, ahead, in slices). Whatever the order of the ranges asked for, the occurrences must be the
 * ones a single expansion of the whole year gives: every fixture, every month of a year, compared.
 */
import { expect } from '@open-wc/testing';
import { parseICalendar, parseICalendarInSlices } from './ics.js';
import type { Occurrence } from './model.js';
import { cachedOffset } from './zone-offsets.js';
import { offsetMinutes } from '@open-city/core';
import { WARSAW_VTIMEZONE } from '../../../test/recurrence/warsaw-vtimezone.mjs';

const fixtures = [
  '/test/recurrence/feeds/all-day.ics',
  '/test/recurrence/feeds/google-weekly.ics',
  '/test/recurrence/feeds/new-york.ics',
  '/test/recurrence/feeds/outlook-monthly.ics',
  '/test/recurrence/feeds/started-long-ago.ics',
  '/test/recurrence/feeds/utc-frequent.ics',
  '/packages/event-calendar/sample/krakow-events.ics',
];

const described = (o: Occurrence) => `${o.event.uid}|${o.start.toISOString()}|${o.end.toISOString()}|${o.allDay}`;

function months(year: number, zone: string): { start: Date; end: Date }[] {
  // Month starts in the display zone, as the views ask for them (midnights by the zone's offset).
  const at = (y: number, m: number) => {
    const utc = Date.UTC(y, m, 1);
    return new Date(utc - offsetMinutes(utc, zone) * 60_000);
  };
  return Array.from({ length: 12 }, (_, m) => ({ start: at(year, m), end: at(year, m + 1) }));
}

for (const zone of ['Europe/Warsaw', 'UTC', 'America/New_York']) {
  describe(`lazy expansion by range, shown in ${zone}`, () => {
    for (const file of fixtures) {
      it(`${file.split('/').pop()}: month by month, in any order, gives the whole year's occurrences`, async () => {
        const text = await (await fetch(file)).text();
        for (const year of [2026, 2027]) {
          const ranges = months(year, zone);
          const whole = { start: ranges[0].start, end: ranges[11].end };
          // The whole year at once, made ahead first as the element does (one call alone has a smaller budget).
          const feed = parseICalendar(text);
          await feed.prepare?.(whole);
          const full = feed.expand(whole, zone, 5000);
          expect(feed.lastExpansion, `${file} in ${year}: nothing cut`).to.deep.equal({ failed: 0, cut: 0 });
          expect(full.length, `${file} has occurrences in ${year}`).to.be.greaterThan(0);
          const wanted = new Set(full.map(described));

          // A fresh feed, asked as a visitor would: a month far in the year first, back, then the rest.
          const lazy = parseICalendar(text);
          const order = [5, 4, 11, 0, 6, 1, 2, 3, 7, 8, 9, 10];
          const got = new Set<string>();
          for (const index of order) {
            const range = ranges[index];
            if (index % 2 === 0) await lazy.prepare?.(range);
            for (const occurrence of lazy.expand(range, zone, 5000)) got.add(described(occurrence));
            expect(lazy.lastExpansion, `${file} in ${year}, month ${index + 1}: nothing cut`).to.deep.equal({
              failed: 0,
              cut: 0,
            });
          }
          const missing = [...wanted].filter((item) => !got.has(item));
          const extra = [...got].filter((item) => !wanted.has(item));
          expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, `${file} in ${year}`).to.deep.equal({
            missing: [],
            extra: [],
          });
        }
      });
    }
  });
}

/**
 * A feed like the bench's, with what makes reading by range hard: versions of one UID, one of
 * them escaped (read at once) and one plain (read when its range is asked for); an override moved
 * from March to June; counted and ended weekly series; all-day and DURATION events; a text over
 * the budget far from June (its cut is counted when it is read); an event without UID.
 */
function mixedFeed(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...WARSAW_VTIMEZONE];
  const two = (n: number) => String(n).padStart(2, '0');
  const event = (...body: string[]) => lines.push('BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...body, 'END:VEVENT');
  for (let i = 0; i < 240; i++) {
    const month = 1 + (i % 12);
    const day = 1 + ((i * 7) % 28);
    const at = `2026${two(month)}${two(day)}`;
    if (i % 10 === 9) {
      event(
        `UID:series-${i}@test`,
        `SUMMARY:Series ${i}`,
        `DTSTART;TZID=Europe/Warsaw:${at}T180000`,
        `DTEND;TZID=Europe/Warsaw:${at}T193000`,
        i % 20 === 9
          ? 'RRULE:FREQ=WEEKLY;COUNT=20'
          : `RRULE:FREQ=WEEKLY;UNTIL=2026${two(Math.min(12, month + 3))}01T000000Z`,
        `EXDATE;TZID=Europe/Warsaw:${at}T180000`,
      );
    } else if (i % 10 === 4) {
      event(`UID:day-${i}@test`, `SUMMARY:All day ${i}`, `DTSTART;VALUE=DATE:${at}`);
    } else if (i % 10 === 6) {
      event(`UID:short-${i}@test`, `SUMMARY:Short ${i}`, `DTSTART:${at}T090000Z`, 'DURATION:PT45M');
    } else {
      event(
        `UID:single-${i}@test`,
        `SUMMARY:Single ${i}`,
        `DTSTART;TZID=Europe/Warsaw:${at}T${two(8 + (i % 10))}0000`,
        `DTEND;TZID=Europe/Warsaw:${at}T${two(9 + (i % 10))}0000`,
      );
    }
  }
  event('UID:moved@test', 'SUMMARY:Moved', 'DTSTART;TZID=Europe/Warsaw:20260302T100000', 'RRULE:FREQ=WEEKLY;COUNT=4');
  event(
    'UID:moved@test',
    'SUMMARY:Moved to June',
    'RECURRENCE-ID;TZID=Europe/Warsaw:20260309T100000',
    'DTSTART;TZID=Europe/Warsaw:20260610T100000',
    'DURATION:PT1H',
  );
  event('UID:versions@test', 'SEQUENCE:1', 'SUMMARY:Old version', 'DTSTART:20261015T100000Z');
  event('UID: versions@test', 'SEQUENCE:2', 'SUMMARY:New version', 'DTSTART:20261016T100000Z');
  event('SUMMARY:No UID', 'DTSTART:20261120T100000Z');
  event('UID:long@test', 'SUMMARY:Long text', 'DTSTART:20261201T100000Z', `DESCRIPTION:${'x'.repeat(12_000)}`);
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

const listed = (list: Occurrence[]) => list.map((o) => `${described(o)}|${o.event.title}`);

describe('reading in proportion to the range asked for', () => {
  const hostile = async () => {
    const cases = (await (await fetch('/test/hostile/cases.json')).json()) as Record<string, unknown>;
    return Object.keys(cases).filter((file) => file.startsWith('ics-') && file.endsWith('.ics'));
  };

  it('reads at first only the events the range can show, and the rest later', async () => {
    const text = mixedFeed();
    const june = months(2026, 'Europe/Warsaw')[5];
    const whole = parseICalendar(text);
    const lazy = await parseICalendarInSlices(text, 0, undefined, { ahead: june });
    expect(lazy.eventCount, 'events read before the rest').to.be.below(whole.eventCount / 2);
    expect(lazy.cut, 'the long text is not read yet').to.equal(0);
    expect(listed(lazy.expand(june, 'Europe/Warsaw'))).to.deep.equal(listed(whole.expand(june, 'Europe/Warsaw')));
    expect(listed(lazy.expand(june, 'Europe/Warsaw'))).to.include.members([
      'moved@test|2026-06-10T08:00:00.000Z|2026-06-10T09:00:00.000Z|false|Moved to June',
    ]);
    const revision = lazy.revision;
    await lazy.reading;
    expect(lazy.revision, 'a new revision once read whole').to.be.greaterThan(revision ?? 0);
    expect({ events: lazy.eventCount, skipped: lazy.skipped, cut: lazy.cut }).to.deep.equal({
      events: whole.eventCount,
      skipped: whole.skipped,
      cut: 1,
    });
    const october = months(2026, 'Europe/Warsaw')[9];
    expect(listed(whole.expand(october, 'Europe/Warsaw')).filter((item) => item.startsWith('versions'))).to.deep.equal([
      'versions@test|2026-10-16T10:00:00.000Z|2026-10-16T10:00:00.000Z|false|New version',
    ]);
  });

  it('gives, in any range asked before the rest is read, what a whole reading gives, and the same counts after', async function () {
    this.timeout(600_000);
    const files = [...fixtures, ...(await hostile()).map((file) => `/test/hostile/${file}`), 'mixed'];
    expect(files.length).to.be.greaterThan(40);
    for (const file of files) {
      const text = file === 'mixed' ? mixedFeed() : await (await fetch(file)).text();
      let whole;
      try {
        whole = parseICalendar(text);
      } catch (error) {
        let lazyError: unknown;
        await parseICalendarInSlices(text).catch((caught: unknown) => (lazyError = caught));
        expect(String(lazyError), `${file} fails the same`).to.equal(String(error));
        continue;
      }
      for (const zone of ['Europe/Warsaw', 'America/New_York']) {
        const ranges = [...months(2026, zone), ...months(2027, zone)];
        whole = parseICalendar(text);
        await whole.prepare?.(ranges[11]);
        const lazy = await parseICalendarInSlices(text, 0, undefined, { ahead: ranges[11] });
        // At once, before the page is idle: nothing else is read in between.
        for (const index of [11, 10, 5, 4, 12, 0, 23, 1, 2, 3, 6, 7, 8, 9, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]) {
          const range = ranges[index];
          expect(listed(lazy.expand(range, zone)), `${file} in ${zone}, month ${index + 1}`).to.deep.equal(
            listed(whole.expand(range, zone)),
          );
          expect(lazy.lastExpansion, `${file} in ${zone}, month ${index + 1}: what was cut`).to.deep.equal(
            whole.lastExpansion,
          );
        }
        await lazy.reading;
        expect(
          { events: lazy.eventCount, skipped: lazy.skipped, cut: lazy.cut },
          `${file} in ${zone}: the counts once read whole`,
        ).to.deep.equal({ events: whole.eventCount, skipped: whole.skipped, cut: whole.cut });
      }
    }
  });
});

describe('zone rules worked out once per zone and day', () => {
  it('give the offset Intl gives, at every quarter hour around transitions', () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'];
    for (const zone of zones) {
      // Every quarter hour of the days around both of 2026's transitions, and a sample of the year.
      const instants: number[] = [];
      for (let day = 0; day < 366; day += 1) instants.push(Date.UTC(2026, 0, 1 + day, 11, 7));
      for (let q = 0; q < 366 * 96; q += 61) instants.push(Date.UTC(2026, 0, 1) + q * 15 * 60_000);
      for (const instant of instants) {
        expect(cachedOffset(instant, zone), `${zone} at ${new Date(instant).toISOString()}`).to.equal(
          offsetMinutes(instant, zone),
        );
      }
    }
  });

  it('are exact on the quarter hour of a transition', () => {
    // Warsaw: 29 March 2026 at 01:00 UTC from +60 to +120; 25 October 2026 at 01:00 UTC back.
    expect(cachedOffset(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Warsaw')).to.equal(60);
    expect(cachedOffset(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Warsaw')).to.equal(120);
    expect(cachedOffset(Date.UTC(2026, 9, 25, 0, 59), 'Europe/Warsaw')).to.equal(120);
    expect(cachedOffset(Date.UTC(2026, 9, 25, 1, 0), 'Europe/Warsaw')).to.equal(60);
  });
});
