import { expect } from '@open-wc/testing';
import {
  applyFilters,
  dateOfInstant,
  dayAfterKey,
  daysOf,
  groupByDay,
  matchesQuery,
  mergeFeeds,
  monthWeeks,
  weekBounds,
} from './calendar.js';
import { wallMs } from './ics-scan.js';
import { emptyInfo, type Occurrence, type ParsedFeed } from './model.js';

function occurrence(uid: string, start: string, end: string, changes: Partial<Occurrence['event']> = {}): Occurrence {
  return {
    key: `${uid}|${new Date(start).toISOString()}`,
    event: { ...emptyInfo(uid, uid), ...changes },
    start: new Date(start),
    end: new Date(end),
    allDay: false,
    recurring: false,
    feed: 0,
  };
}

const feedOf = (list: Occurrence[]): ParsedFeed => ({
  format: 'json-ld',
  eventCount: list.length,
  skipped: 0,
  expand: () => list,
});

describe('calendar logic', () => {
  it('merges feeds, one occurrence per UID and start, the first feed winning, sorted', () => {
    const a = occurrence('a', '2026-11-24T17:00:00Z', '2026-11-24T19:00:00Z', { title: 'From ICS' });
    const aAgain = occurrence('a', '2026-11-24T17:00:00Z', '2026-11-24T19:00:00Z', { title: 'From JSON' });
    const b = occurrence('b', '2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z');
    const merged = mergeFeeds(
      [feedOf([a]), undefined, feedOf([aAgain, b])],
      { start: new Date(0), end: new Date(2e12) },
      'Europe/Warsaw',
    );
    expect(merged.map((o) => o.event.title)).to.deep.equal(['b', 'From ICS']);
  });

  it('shows events in the chosen zone: 18:00 in Warsaw is the next day in Tokyo', () => {
    const late = occurrence('late', '2026-11-24T17:00:00Z', '2026-11-24T19:00:00Z');
    expect([...groupByDay([late], 'Europe/Warsaw').keys()]).to.deep.equal(['2026-11-24']);
    expect([...groupByDay([late], 'Asia/Tokyo').keys()]).to.deep.equal(['2026-11-25']);
    expect([...groupByDay([late], 'America/New_York').keys()]).to.deep.equal(['2026-11-24']);
  });

  it('puts a multi-day event on each of its days, and an event ending at midnight on its day only', () => {
    const festival = occurrence('f', '2026-12-05T11:00:00Z', '2026-12-06T19:00:00Z');
    expect(daysOf(festival, 'Europe/Warsaw').map((d) => d.day)).to.deep.equal([5, 6]);
    const toMidnight = occurrence('m', '2026-12-05T21:00:00Z', '2026-12-05T23:00:00Z');
    expect(daysOf(toMidnight, 'Europe/Warsaw').map((d) => d.day)).to.deep.equal([5]);
  });

  it('searches event text: case, diacritics and ł, at word starts', () => {
    const cafe = occurrence('c', '2026-11-24T17:00:00Z', '2026-11-24T19:00:00Z', {
      title: 'Kawiarenka językowa',
      description: 'dla młodzieży',
    });
    expect(matchesQuery(cafe, 'jezyk')).to.equal(true);
    expect(matchesQuery(cafe, 'KAWIAR jęz')).to.equal(true);
    expect(matchesQuery(cafe, 'lodz')).to.equal(false, 'no match inside a word');
    expect(matchesQuery(cafe, 'mlodziez')).to.equal(true);
  });

  it('filters by category, language (any region), audience and free', () => {
    const list = [
      occurrence('a', '2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z', {
        categories: ['Język'],
        languages: ['uk-UA'],
        free: true,
        audiences: ['Dorośli'],
      }),
      occurrence('b', '2026-11-24T17:00:00Z', '2026-11-24T18:00:00Z', {
        categories: ['Praca'],
        languages: ['pl'],
        free: false,
      }),
    ];
    const uids = (filters: Parameters<typeof applyFilters>[1]) => applyFilters(list, filters).map((o) => o.event.uid);
    expect(uids({ query: '', language: 'uk' })).to.deep.equal(['a']);
    expect(uids({ query: '', category: 'Praca' })).to.deep.equal(['b']);
    expect(uids({ query: '', free: true })).to.deep.equal(['a']);
    expect(uids({ query: '', audience: 'Dorośli' })).to.deep.equal(['a']);
    expect(uids({ query: '' })).to.deep.equal(['a', 'b']);
  });

  it('lays out a month in whole weeks from the locale’s first day', () => {
    const monday = monthWeeks({ year: 2026, month: 11 }, 1);
    expect(monday[0][0]).to.deep.equal({ year: 2026, month: 10, day: 26 });
    expect(monday).to.have.length(6); // 1 November 2026 is a Sunday
    const sunday = monthWeeks({ year: 2026, month: 11 }, 7);
    expect(sunday[0][0]).to.deep.equal({ year: 2026, month: 11, day: 1 });
    expect(sunday).to.have.length(5);
    expect(weekBounds({ year: 2026, month: 11, day: 24 }, 1)).to.deep.equal([
      { year: 2026, month: 11, day: 23 },
      { year: 2026, month: 11, day: 29 },
    ]);
  });

  it('moves through the grid by key: days, weeks, ends of the week, months and years, mirrored right to left', () => {
    const day = { year: 2026, month: 1, day: 31 }; // a Saturday
    const ltr = { shiftKey: false, rtl: false, firstDay: 1 };
    const move = (key: string, options = ltr) => dayAfterKey(day, key, options);
    expect(move('ArrowRight')).to.deep.equal({ year: 2026, month: 2, day: 1 });
    expect(move('ArrowRight', { ...ltr, rtl: true })).to.deep.equal({ year: 2026, month: 1, day: 30 });
    expect(move('ArrowLeft', { ...ltr, rtl: true })).to.deep.equal({ year: 2026, month: 2, day: 1 });
    expect(move('ArrowDown')).to.deep.equal({ year: 2026, month: 2, day: 7 });
    expect(move('ArrowUp')).to.deep.equal({ year: 2026, month: 1, day: 24 });
    expect(move('Home')).to.deep.equal({ year: 2026, month: 1, day: 26 });
    expect(move('End', { ...ltr, firstDay: 7 })).to.deep.equal({ year: 2026, month: 1, day: 31 });
    expect(move('PageDown')).to.deep.equal({ year: 2026, month: 2, day: 28 });
    expect(move('PageUp', { ...ltr, shiftKey: true })).to.deep.equal({ year: 2025, month: 1, day: 31 });
    expect(move('a')).to.equal(undefined);
  });
});

describe('the note about entries not shown', () => {
  it('counts unreadable entries, failed series and what the budget cut, in every feed that loaded', async () => {
    const { html, render } = await import('lit');
    const { feedLosses, renderFeedNotes } = await import('./views/feed-notes.js');
    const ready = (data: Partial<ParsedFeed>) =>
      ({ status: 'ready', data: { ...feedOf([]), ...data }, error: undefined, reload: () => {} }) as never;
    const feeds = [
      ready({ skipped: 2, cut: 1, lastExpansion: { failed: 1, cut: 3 } }),
      ready({ skipped: 0 }),
      { status: 'error', data: { ...feedOf([]), skipped: 9 }, error: undefined, reload: () => {} } as never,
    ];
    expect(feedLosses(feeds)).to.deep.equal({ unreadable: 3, cut: 4 });
    const host = document.createElement('div');
    render(html`${renderFeedNotes(feeds, 2)}`, host);
    const note = host.querySelector('.note')!;
    expect(note.textContent).to.contain('could not be read');
    expect(note.textContent).to.contain('more than the calendar can show');
    expect(note.textContent).to.contain('7');
    render(html`${renderFeedNotes([ready({ skipped: 0 })], 1)}`, host);
    expect(host.querySelector('.note')).to.equal(null);
  });
});

describe('dates and wall times read without Intl', () => {
  it('gives the date of an instant in a zone, across DST and the date line', () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
    for (const zone of zones) {
      const reference = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      // Every 97 minutes through 2026 (every time of day, on both sides of each change).
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 97 * 60_000) {
        const [year, month, day] = reference.format(at).split('-').map(Number);
        const got = dateOfInstant(at, zone);
        if (got.year !== year || got.month !== month || got.day !== day) {
          expect({ zone, at: new Date(at).toISOString(), got }).to.deep.equal({ year, month, day });
        }
      }
    }
  });

  it('reads DATE and DATE-TIME values as wall time in UTC ms, and refuses what is no such value', () => {
    expect(wallMs('20260601')).to.equal(Date.UTC(2026, 5, 1));
    expect(wallMs('20260601T183005')).to.equal(Date.UTC(2026, 5, 1, 18, 30, 5));
    expect(wallMs('20260601T183005Z')).to.equal(Date.UTC(2026, 5, 1, 18, 30, 5));
    expect(wallMs('20261231T235960')).to.equal(Date.UTC(2027, 0, 1));
    for (const bad of [
      '2026061',
      '20260601T1830',
      '20261301',
      '20260600',
      '20260601T243000',
      '2026-06-01',
      '20260601t183005',
      '20260601T183005X',
      '0999',
    ]) {
      expect(wallMs(bad), bad).to.equal(undefined);
    }
  });
});
