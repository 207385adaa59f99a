import { expect } from '@open-wc/testing';
import {
  addDays,
  compareDates,
  firstDayOfWeek,
  formatDateTime,
  formatDateTimeRange,
  isValidTimeZone,
  offsetMinutes,
  startOfDay,
  wallTimeToInstant,
  weekdayOf,
  zonedParts,
} from './datetime.js';

const warsaw = 'Europe/Warsaw';
const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('datetime', () => {
  it('reads the wall clock of an instant in a zone, whatever the visitor’s own zone', () => {
    const parts = zonedParts(new Date('2026-07-01T10:30:00Z'), warsaw);
    expect(parts).to.include({ year: 2026, month: 7, day: 1, hour: 12, minute: 30, weekday: 3 });
    expect(zonedParts(new Date('2026-01-15T23:30:00Z'), warsaw)).to.include({ day: 16, hour: 0, weekday: 5 });
  });

  it('knows Warsaw is UTC+1 in winter and UTC+2 in summer', () => {
    expect(offsetMinutes(new Date('2026-01-10T12:00:00Z'), warsaw)).to.equal(60);
    expect(offsetMinutes(new Date('2026-07-10T12:00:00Z'), warsaw)).to.equal(120);
  });

  it('turns a wall time into the right instant on both sides of DST', () => {
    expect(wallTimeToInstant(wall(2026, 3, 28, 10), warsaw).toISOString()).to.equal('2026-03-28T09:00:00.000Z');
    expect(wallTimeToInstant(wall(2026, 3, 30, 10), warsaw).toISOString()).to.equal('2026-03-30T08:00:00.000Z');
  });

  it('moves a time skipped by the spring-forward gap later (02:30 → 03:30)', () => {
    const instant = wallTimeToInstant(wall(2026, 3, 29, 2, 30), warsaw);
    expect(instant.toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(zonedParts(instant, warsaw)).to.include({ hour: 3, minute: 30 });
  });

  it('takes the earlier of a time that happens twice in autumn', () => {
    const instant = wallTimeToInstant(wall(2026, 10, 25, 2, 30), warsaw);
    expect(instant.toISOString()).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('counts a day of 23 and of 25 hours across the changes', () => {
    const spring =
      startOfDay({ year: 2026, month: 3, day: 30 }, warsaw).getTime() -
      startOfDay({ year: 2026, month: 3, day: 29 }, warsaw).getTime();
    const autumn =
      startOfDay({ year: 2026, month: 10, day: 26 }, warsaw).getTime() -
      startOfDay({ year: 2026, month: 10, day: 25 }, warsaw).getTime();
    expect(spring / 3_600_000).to.equal(23);
    expect(autumn / 3_600_000).to.equal(25);
  });

  it('works in other zones too, including ones without DST', () => {
    expect(wallTimeToInstant(wall(2026, 6, 1, 9), 'Asia/Kolkata').toISOString()).to.equal('2026-06-01T03:30:00.000Z');
    expect(wallTimeToInstant(wall(2026, 3, 8, 2, 30), 'America/New_York').toISOString()).to.equal(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).to.deep.equal({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).to.deep.equal({ year: 2028, month: 2, day: 29 });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).to.deep.equal({ year: 2026, month: 2, day: 28 });
  });

  it('gives ISO weekdays and compares dates', () => {
    expect(weekdayOf({ year: 2026, month: 11, day: 24 })).to.equal(2); // a Tuesday
    expect(weekdayOf({ year: 2026, month: 11, day: 29 })).to.equal(7);
    expect(compareDates({ year: 2026, month: 1, day: 2 }, { year: 2025, month: 12, day: 31 })).to.be.above(0);
    expect(compareDates({ year: 2026, month: 1, day: 2 }, { year: 2026, month: 1, day: 2 })).to.equal(0);
  });

  it('starts weeks on the locale’s first day, using the city’s region when the locale has none', () => {
    expect(firstDayOfWeek('pl')).to.equal(1);
    expect(firstDayOfWeek('en')).to.equal(1);
    expect(firstDayOfWeek('en-US')).to.equal(7);
    expect(firstDayOfWeek('ar', 'EG')).to.equal(6);
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Warsaw')).to.equal(true);
    expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
  });

  it('formats in the locale and the zone given, not the visitor’s', () => {
    const instant = new Date('2026-11-24T17:05:00Z');
    expect(formatDateTime(instant, 'pl', { timeZone: warsaw, hour: '2-digit', minute: '2-digit' })).to.equal('18:05');
    expect(formatDateTime(instant, 'uk', { timeZone: warsaw, month: 'long', day: 'numeric' })).to.equal('24 листопада');
    const range = formatDateTimeRange(instant, new Date('2026-11-24T19:00:00Z'), 'en', {
      timeZone: warsaw,
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(range).to.match(/18:05\s*–\s*20:00/);
  });
});
