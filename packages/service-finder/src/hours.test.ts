import { expect } from '@open-wc/testing';
import { clockAt, isOpen, openState } from './hours.js';
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
