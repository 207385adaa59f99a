/**
 * Recurrence is made lazily, month by month, for the range a view shows (and the months around
 * it, ahead, in slices). Whatever the order of the ranges asked for, the occurrences must be the
 * ones a single expansion of the whole year gives: every fixture, every month of a year, compared.
 */
import { expect } from '@open-wc/testing';
import { parseICalendar } from './ics.js';
import type { Occurrence } from './model.js';
import { cachedOffset } from './zone-offsets.js';
import { offsetMinutes } from '@open-city/core';

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
