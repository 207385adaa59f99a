/**
 * A feed's own VTIMEZONEs (ics-zones.ts) against two references: Intl's rules of the IANA zone a
 * VTIMEZONE copies (every quarter hour around each change, and noon of every day of 30 years),
 * and ical.js's conversion of the same VTIMEZONE (on wall times that are neither in a gap nor in
 * an overlap, where ical.js's answer is the only one).
 */
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { WallTime } from '@open-city/core';
import { outlookCentralEurope } from '../../../test/recurrence/outlook-vtimezone.mjs';
import { WARSAW_VTIMEZONE } from '../../../test/recurrence/warsaw-vtimezone.mjs';
import { wallOf, wallSeconds } from './ical-values.js';
import { ZoneRules } from './ics-zones.js';
import { wallToInstant } from './zone-offsets.js';

/** Outlook's export of Central European time: rules from 1601, a Windows name for TZID. */
const OUTLOOK_BERLIN = outlookCentralEurope();

/** New York as a custom name, with the 2007 change of rules (UNTIL ends the old ones). */
const EASTERN = [
  'BEGIN:VTIMEZONE',
  'TZID:Eastern',
  'BEGIN:DAYLIGHT',
  'DTSTART:19870405T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:19671029T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const renamed = (lines: readonly string[], tzid: string) =>
  lines.map((line) => (line.startsWith('TZID:') ? `TZID:${tzid}` : line));

const wallAt = (year: number, month: number, day: number, hour = 12, minute = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

/** Wall times every quarter hour over the days around each of a year's two changes, and every noon. */
function wallsOf(fromYear: number, toYear: number): WallTime[] {
  const walls: WallTime[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const first = wallSeconds({ year, month: 1, day: 1 });
    const days = wallSeconds({ year: year + 1, month: 1, day: 1 }) / 86_400 - first / 86_400;
    for (let day = 0; day < days; day++) walls.push(wallOf(first + day * 86_400 + 12 * 3600));
  }
  for (const [month, from, to] of [
    [3, 7, 31],
    [10, 24, 31],
    [11, 1, 8],
  ]) {
    for (let day = from; day <= to; day++) {
      for (let quarter = 0; quarter < 96; quarter++) {
        walls.push(wallAt(2026, month, day, Math.floor(quarter / 4), (quarter % 4) * 15));
      }
    }
  }
  return walls;
}

function mismatches(zone: ZoneRules, iana: string, walls: WallTime[]): string[] {
  const wrong: string[] = [];
  for (const wall of walls) {
    const ours = zone.instantOf(wall);
    const intl = wallToInstant(wall, iana).getTime();
    if (ours !== intl)
      wrong.push(`${JSON.stringify(wall)}: ${new Date(ours).toISOString()} ≠ ${new Date(intl).toISOString()}`);
  }
  return wrong;
}

describe("a feed's own VTIMEZONE", () => {
  it('reads a custom name for Warsaw as Intl reads Europe/Warsaw, gaps and overlaps alike', () => {
    const zone = ZoneRules.read(renamed(WARSAW_VTIMEZONE, 'Warsaw'))!;
    expect(zone.tzid).to.equal('Warsaw');
    expect(mismatches(zone, 'Europe/Warsaw', wallsOf(1997, 2030)).slice(0, 5)).to.deep.equal([]);
    // The gap of 29 March 2026 moves later; the overlap of 25 October takes the earlier instant.
    expect(new Date(zone.instantOf(wallAt(2026, 3, 29, 2, 30))).toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(new Date(zone.instantOf(wallAt(2026, 10, 25, 2, 30))).toISOString()).to.equal('2026-10-25T00:30:00.000Z');
  });

  it("reads Outlook's rules from 1601 as Europe/Berlin, for 30 years", () => {
    const zone = ZoneRules.read(OUTLOOK_BERLIN)!;
    expect(zone.tzid).to.equal('W. Europe Standard Time');
    expect(mismatches(zone, 'Europe/Berlin', wallsOf(1996, 2026)).slice(0, 5)).to.deep.equal([]);
  });

  it('follows rules that end (UNTIL) and the rules that follow them', () => {
    const zone = ZoneRules.read(EASTERN)!;
    expect(mismatches(zone, 'America/New_York', wallsOf(1990, 2030)).slice(0, 5)).to.deep.equal([]);
    // 2006: first Sunday of April; 2007: second Sunday of March.
    expect(zone.offsetAt(Date.UTC(2006, 2, 20, 12))).to.equal(-5 * 3600);
    expect(zone.offsetAt(Date.UTC(2007, 2, 20, 12))).to.equal(-4 * 3600);
  });

  it('agrees with ical.js on every wall time that is neither in a gap nor in an overlap', () => {
    const component = new ICAL.Component(ICAL.parse(OUTLOOK_BERLIN.join('\r\n')) as never);
    const reference = new ICAL.Timezone({ component, tzid: 'W. Europe Standard Time' });
    const zone = ZoneRules.read(OUTLOOK_BERLIN)!;
    let compared = 0;
    for (const wall of wallsOf(2000, 2030)) {
      const time = new ICAL.Time({ ...wall, isDate: false }, reference);
      const theirs = time.toUnixTime() * 1000;
      // Within an hour of a change, the wall time may be in a gap or an overlap: left out.
      if (zone.offsetAt(theirs - 3_600_000) !== zone.offsetAt(theirs + 3_600_000)) continue;
      expect(zone.instantOf(wall), JSON.stringify(wall)).to.equal(theirs);
      compared++;
    }
    expect(compared).to.be.greaterThan(11_000);
  });

  it('answers years asked in any order, and keeps the offset a rule that ended left', () => {
    const zone = ZoneRules.read(OUTLOOK_BERLIN)!;
    for (const year of [2026, 1990, 2050, 1700, 2027]) {
      expect(zone.offsetAt(Date.UTC(year, 6, 1)), `July ${year}`).to.equal(7200);
      expect(zone.offsetAt(Date.UTC(year, 0, 1)), `January ${year}`).to.equal(3600);
    }
    // Summer time kept for good from 2016, as Turkey did: the last DAYLIGHT onset is the latest.
    const kept = ZoneRules.read([
      'BEGIN:VTIMEZONE',
      'TZID:Summer for good',
      'BEGIN:DAYLIGHT',
      'DTSTART:19900325T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20160327T010000Z',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0300',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:19901028T040000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20151025T010000Z',
      'TZOFFSETFROM:+0300',
      'TZOFFSETTO:+0200',
      'END:STANDARD',
      'END:VTIMEZONE',
    ])!;
    expect(kept.offsetAt(Date.UTC(2026, 0, 15))).to.equal(3 * 3600);
    expect(kept.offsetAt(Date.UTC(2015, 11, 15))).to.equal(2 * 3600);
    expect(kept.offsetAt(Date.UTC(2000, 0, 15))).to.equal(2 * 3600);
    expect(kept.offsetAt(Date.UTC(2000, 6, 15))).to.equal(3 * 3600);
  });

  it('takes onsets from RDATEs, offsets with seconds, and the offset before the first onset', () => {
    const zone = ZoneRules.read([
      'BEGIN:VTIMEZONE',
      'TZID:Local mean time, then CET',
      'BEGIN:STANDARD',
      'DTSTART:18800101T000000',
      'TZOFFSETFROM:+012400',
      'TZOFFSETTO:+0124',
      'END:STANDARD',
      'BEGIN:STANDARD',
      'DTSTART:19150805T000000',
      'RDATE:19150805T000000',
      'TZOFFSETFROM:+012400',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:19160430T230000',
      'RDATE:19160430T230000,19170416T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ])!;
    expect(zone.offsetAt(Date.UTC(1870, 0, 1))).to.equal(5040);
    expect(zone.offsetAt(Date.UTC(1900, 0, 1))).to.equal(5040);
    expect(zone.offsetAt(Date.UTC(1916, 0, 1))).to.equal(3600);
    expect(zone.offsetAt(Date.UTC(1916, 5, 1))).to.equal(7200);
    expect(zone.offsetAt(Date.UTC(2026, 5, 1))).to.equal(7200);
  });

  it('refuses a VTIMEZONE it cannot read: no TZID, no observance, an observance without offsets', () => {
    expect(ZoneRules.read(WARSAW_VTIMEZONE.filter((line) => !line.startsWith('TZID')))).to.equal(undefined);
    expect(ZoneRules.read(['BEGIN:VTIMEZONE', 'TZID:Nowhere', 'END:VTIMEZONE'])).to.equal(undefined);
    expect(ZoneRules.read(WARSAW_VTIMEZONE.filter((line) => !line.startsWith('TZOFFSETTO')))).to.equal(undefined);
    expect(ZoneRules.read(WARSAW_VTIMEZONE.map((line) => line.replace('+0200', '+2 hours')))).to.equal(undefined);
  });
});
