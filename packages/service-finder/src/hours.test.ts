import { expect } from '@open-wc/testing';
import { clockAt, isFuture, isOpen, lastOccurrence, notExpired, occursOn, openState } from './hours.js';
import type { OpeningPeriod } from './model.js';

const zone = 'Europe/Warsaw';
const weekdays: OpeningPeriod = { days: [1, 2, 3, 4, 5], opens: 9 * 60, closes: 17 * 60 };
const overnight: OpeningPeriod = { days: [1, 2, 3, 4, 5, 6, 7], opens: 22 * 60, closes: 6 * 60 };
const allDay: OpeningPeriod = { days: [1, 2, 3, 4, 5, 6, 7], opens: 0, closes: 0 };
const at = (iso: string) => clockAt(new Date(iso), zone);

describe('hours: open now in the time zone, across DST', () => {
  it('is open on Monday 09:30 CEST, the day after spring forward (07:30 UTC)', () => {
    // With the winter offset it would read 08:30 and say closed.
    const clock = at('2025-03-31T07:30:00Z');
    expect(clock.minutes).to.equal(9 * 60 + 30);
    expect(isOpen([weekdays], clock)).to.equal(true);
    expect(openState([weekdays], clock)).to.deep.equal({ open: true, closesAt: new Date('2025-03-31T15:00:00Z') });
  });

  it('is closed on Monday 08:30 CET, the day after fall back (07:30 UTC)', () => {
    const clock = at('2025-10-27T07:30:00Z');
    expect(isOpen([weekdays], clock)).to.equal(false);
    expect(openState([weekdays], clock)).to.deep.equal({ open: false, opensAt: new Date('2025-10-27T08:00:00Z') });
  });

  it('finds the next opening across the weekend and the DST change', () => {
    // Saturday 13:00 CET; opens Monday 09:00 CEST.
    expect(openState([weekdays], at('2025-03-29T12:00:00Z'))).to.deep.equal({
      open: false,
      opensAt: new Date('2025-03-31T07:00:00Z'),
    });
  });

  it('keeps an overnight period open through the short night of spring forward', () => {
    const clock = at('2025-03-30T03:30:00Z'); // 05:30 CEST on Sunday
    expect(isOpen([overnight], clock)).to.equal(true);
    expect(openState([overnight], clock)).to.deep.equal({ open: true, closesAt: new Date('2025-03-30T04:00:00Z') });
    expect(isOpen([overnight], at('2025-03-30T04:30:00Z'))).to.equal(false);
  });

  it('says open round the clock without a closing time', () => {
    expect(openState([allDay], at('2025-07-01T10:00:00Z'))).to.deep.equal({ open: true, closesAt: undefined });
  });

  it('respects valid_from and valid_to', () => {
    const summer: OpeningPeriod = { ...weekdays, validFrom: '2025-07-01', validTo: '2025-08-31' };
    expect(isOpen([summer], at('2025-06-30T10:00:00Z'))).to.equal(false);
    expect(isOpen([summer], at('2025-07-01T10:00:00Z'))).to.equal(true);
  });

  it('knows no opening when there are no hours', () => {
    expect(openState([], at('2025-07-01T10:00:00Z'))).to.deep.equal({ open: false, opensAt: undefined });
  });
});

describe('hours: RFC 5545 rules, validity and what comes next', () => {
  const monthly = (byDay: Array<{ weekday: number; ordinal?: number }>, byMonthDay: number[] = []): OpeningPeriod => ({
    days: [...new Set(byDay.map((d) => d.weekday))],
    opens: 10 * 60,
    closes: 14 * 60,
    rule: { freq: 'monthly', interval: 1, byDay, byMonthDay, weekStart: 1 },
  });
  const firstMonday = monthly([{ weekday: 1, ordinal: 1 }]);
  const lastFriday = monthly([{ weekday: 5, ordinal: -1 }]);
  // Noon in Warsaw (CET, UTC+1) on a date of January–March 2026.
  const noon = (day: string) => at(`${day}T11:00:00Z`);

  it('is open on the first Monday of the month and not on the other Mondays', () => {
    expect(isOpen([firstMonday], noon('2026-02-02'))).to.equal(true);
    expect(isOpen([firstMonday], noon('2026-02-09'))).to.equal(false);
    expect(isOpen([firstMonday], noon('2026-02-03'))).to.equal(false);
    expect(occursOn(firstMonday, { year: 2026, month: 3, day: 2 })).to.equal(true);
  });

  it('is open on the last Friday of the month (27 February 2026, 30 January 2026) only', () => {
    expect(isOpen([lastFriday], noon('2026-02-27'))).to.equal(true);
    expect(isOpen([lastFriday], noon('2026-01-30'))).to.equal(true);
    expect(isOpen([lastFriday], noon('2026-01-23'))).to.equal(false);
  });

  it('follows days of the month counted from the start and from the end', () => {
    const days = monthly([], [15, -1]);
    expect(isOpen([days], noon('2026-02-15'))).to.equal(true);
    expect(isOpen([days], noon('2026-02-28'))).to.equal(true);
    expect(isOpen([days], noon('2026-02-27'))).to.equal(false);
    expect(isOpen([days], noon('2026-03-31'))).to.equal(true);
  });

  it('counts every second week from the anchor, in weeks that start on wkst', () => {
    const fortnightly: OpeningPeriod = {
      days: [2],
      opens: 9 * 60,
      closes: 17 * 60,
      rule: { freq: 'weekly', interval: 2, byDay: [], byMonthDay: [], weekStart: 1, anchor: '2026-01-06' },
    };
    expect(isOpen([fortnightly], noon('2026-01-06'))).to.equal(true);
    expect(isOpen([fortnightly], noon('2026-01-13'))).to.equal(false);
    expect(isOpen([fortnightly], noon('2026-01-20'))).to.equal(true);
    // Without the date it counts from, "every second week" cannot be placed: never said to be open.
    const unanchored = { ...fortnightly, rule: { ...fortnightly.rule!, anchor: undefined } };
    expect(isOpen([unanchored], noon('2026-01-06'))).to.equal(false);
    // wkst decides which week a day is in: from Tuesday 6 January, Thursday 8 January is in the
    // same week when weeks start on Monday, and in the next one when they start on Wednesday.
    const tuesdayThursday: OpeningPeriod = { ...fortnightly, days: [2, 4] };
    expect(isOpen([tuesdayThursday], noon('2026-01-08'))).to.equal(true);
    const fromWednesday = { ...tuesdayThursday, rule: { ...fortnightly.rule!, weekStart: 3 } };
    expect(isOpen([fromWednesday], noon('2026-01-08'))).to.equal(false);
    expect(isOpen([fromWednesday], noon('2026-01-15'))).to.equal(true);
    // Nothing before the date it counts from.
    expect(isOpen([tuesdayThursday], noon('2025-12-23'))).to.equal(false);
  });

  it('finds the next first Monday more than a week ahead', () => {
    // Tuesday 3 February 2026: the next first Monday is 2 March, 10:00 CET.
    expect(openState([firstMonday], noon('2026-02-03'))).to.deep.equal({
      open: false,
      opensAt: new Date('2026-03-02T09:00:00Z'),
    });
  });

  it('leaves expired schedules out and counts future ones only from their first day', () => {
    const old: OpeningPeriod = { ...weekdays, validTo: '2026-01-31' };
    const summer: OpeningPeriod = { ...weekdays, opens: 8 * 60, validFrom: '2026-07-01' };
    const clock = noon('2026-02-02');
    expect(isOpen([old], clock)).to.equal(false);
    expect(isOpen([summer], clock)).to.equal(false);
    expect(notExpired([old, summer, weekdays], clock)).to.deep.equal([summer, weekdays]);
    expect(isFuture(summer, clock)).to.equal(true);
    expect(isFuture(weekdays, clock)).to.equal(false);
    // Wednesday 1 July 2026 at 08:30 CEST, the future hours have begun.
    expect(isOpen([summer], at('2026-07-01T06:30:00Z'))).to.equal(true);
  });

  it('finds the last occurrence of a counted rule', () => {
    expect(lastOccurrence(firstMonday, '2026-01-01', 3)).to.equal('2026-03-02');
    expect(lastOccurrence(weekdays, '2026-03-02', 6)).to.equal('2026-03-09');
  });
});
