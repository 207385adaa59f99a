/**
 * The calendar's recurrence against an independent expansion: the occurrences of real-looking
 * feeds (test/recurrence/feeds/: Google, Outlook, Apple, Nextcloud, Facebook habits; series that
 * began decades ago), as Python's recurring-ical-events expands them (test/recurrence/generate.py
 * wrote test/recurrence/expected.json once; CI needs no Python). Every occurrence must match in UID,
 * start and end, in every range, with nothing missing and nothing more.
 */
import { expect } from '@open-wc/testing';
import { parseICalendar } from '../packages/event-calendar/src/ics.js';
import type { Occurrence } from '../packages/event-calendar/src/model.js';

interface Expected {
  generator: string;
  ranges: [string, string][];
  feeds: Record<string, Record<string, string[]>>;
}

const expected: Expected = await (await fetch('/test/recurrence/expected.json')).json();

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

function described(occurrence: Occurrence): string {
  const { uid } = occurrence.event;
  if (occurrence.allDay && occurrence.startDate && occurrence.endDate) {
    return `${uid}|${day(occurrence.startDate)}|${day(occurrence.endDate)}`;
  }
  return `${uid}|${iso(occurrence.start)}|${iso(occurrence.end)}`;
}

describe(`recurrence, compared with ${expected.generator}`, () => {
  it('has feeds and occurrences to compare', () => {
    const total = Object.values(expected.feeds).flatMap((ranges) => Object.values(ranges).flat()).length;
    expect(Object.keys(expected.feeds).length).to.be.at.least(5);
    expect(total).to.be.greaterThan(1000);
  });

  for (const [file, ranges] of Object.entries(expected.feeds)) {
    it(`${file}: the same occurrences in every range`, async () => {
      const feed = parseICalendar(await (await fetch(`/test/recurrence/feeds/${file}`)).text());
      for (const [key, wanted] of Object.entries(ranges)) {
        const [from, to] = key.split('/');
        const range = { start: new Date(`${from}T00:00:00Z`), end: new Date(`${to}T00:00:00Z`) };
        // As the element does: the months ahead made first, in slices.
        await feed.prepare?.(range);
        const got = [...new Set(feed.expand(range, 'UTC', 5000).map(described))].sort();
        const missing = wanted.filter((item) => !got.includes(item));
        const extra = got.filter((item) => !wanted.includes(item));
        expect({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }, `${file} in ${key}`).to.deep.equal({
          missing: [],
          extra: [],
        });
        expect(feed.lastExpansion, `${file} in ${key}: nothing cut`).to.deep.equal({ failed: 0, cut: 0 });
      }
    });
  }
});
