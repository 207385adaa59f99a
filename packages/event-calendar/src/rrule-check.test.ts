import { expect } from '@open-wc/testing';
import { checkRule, reachable, type CheckedRule } from './rrule-check.js';
import { ianaZoneOf, loadWindowsZones } from './zone-names.js';
import { splitCalendar, splitContentLine } from './ics-lines.js';
import { runToEnd } from '@open-city/core';

// Windows zone names are read through CLDR's table, which the element loads on demand (zone-names.test.ts).
before(() => loadWindowsZones());

const start = { year: 2026, month: 11, day: 30, hour: 10, minute: 0, second: 0 }; // a Monday

describe('recurrence rules checked as the feed is split', () => {
  it('keeps the rules real feeds use, rewritten from their parts', () => {
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270629T160000Z',
      'FREQ=MONTHLY;BYDAY=2TU;COUNT=10',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    ]) {
      const checked = checkRule(rule);
      expect(checked.ok, rule).to.equal(true);
    }
    expect((checkRule('freq=weekly;x-name=1;interval=2') as CheckedRule).text).to.equal('FREQ=WEEKLY;INTERVAL=2');
    // Written back in a fixed order, and read back the same.
    const written = (checkRule('BYDAY=-1FR,+2MO;WKST=SU;BYMONTH=3,1;UNTIL=20270629T160000Z;FREQ=YEARLY') as CheckedRule)
      .text;
    expect(written).to.equal('FREQ=YEARLY;UNTIL=20270629T160000Z;BYMONTH=1,3;BYDAY=-1FR,2MO;WKST=SU');
    expect((checkRule(written) as CheckedRule).text).to.equal(written);
  });

  it('refuses parts out of range, combinations RFC 5545 forbids, and lattices that would walk for ever', () => {
    for (const rule of [
      'FREQ=HOURLY;INTERVAL=99999999999999999999',
      'FREQ=DAILY;INTERVAL=0',
      'FREQ=DAILY;BYHOUR=25',
      'FREQ=MONTHLY;BYDAY=9MO',
      'FREQ=WEEKLY;BYDAY=2MO',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=SECONDLY;BYMONTH=6',
      'FREQ=DAILY;COUNT=99999999',
      'FREQ=DAILY;UNTIL=tomorrow',
      'FREQ=WEEKLY;INTERVAL=1000000',
      'FREQ=FORTNIGHTLY',
      'FREQ=DAILY;FREQ=WEEKLY',
      'FREQ=MONTHLY;BYWEEKNO=3',
      'FREQ=YEARLY;RSCALE=CHINESE',
    ]) {
      expect(checkRule(rule).ok, rule).to.equal(false);
    }
  });

  it('bounds the lattice steps one occurrence may take', () => {
    expect((checkRule('FREQ=WEEKLY') as CheckedRule).stepsPerMatch).to.equal(1);
    expect((checkRule('FREQ=MONTHLY;BYDAY=2TU') as CheckedRule).stepsPerMatch).to.equal(1);
    expect((checkRule('FREQ=MINUTELY;BYDAY=MO') as CheckedRule).stepsPerMatch).to.equal(7 * 24 * 60);
  });

  it('finds lattices that never meet their BY* parts', () => {
    expect(reachable(checkRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU') as CheckedRule, start, 100_000)).to.equal(-1);
    expect(reachable(checkRule('FREQ=DAILY;INTERVAL=7;BYDAY=MO') as CheckedRule, start, 100_000)).to.be.greaterThan(0);
    expect(reachable(checkRule('FREQ=HOURLY;INTERVAL=24;BYHOUR=11') as CheckedRule, start, 100_000)).to.equal(-1);
    expect(reachable(checkRule('FREQ=WEEKLY') as CheckedRule, start, 100_000)).to.equal(0);
  });
});

describe('zone names without VTIMEZONE', () => {
  it('reads IANA names, old prefixes, Windows IDs and display names', () => {
    expect(ianaZoneOf('Europe/Warsaw')).to.equal('Europe/Warsaw');
    expect(ianaZoneOf('/mozilla.org/20050126_1/Europe/Berlin')).to.equal('Europe/Berlin');
    expect(ianaZoneOf('W. Europe Standard Time')).to.equal('Europe/Berlin');
    expect(ianaZoneOf('Central European Standard Time')).to.equal('Europe/Warsaw');
    expect(ianaZoneOf('(UTC-05:00) Eastern Time (US & Canada)')).to.equal('America/New_York');
    // The first city that names a zone (Sarajevo keeps the same clock as Warsaw).
    expect(ianaZoneOf('(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb')).to.equal('Europe/Sarajevo');
    expect(ianaZoneOf('(UTC+03:00) Nowhere Land')).to.equal('Etc/GMT-3');
    expect(ianaZoneOf('Mars/Olympus')).to.equal(undefined);
    expect(ianaZoneOf({ toString: 'x' })).to.equal(undefined);
  });
});

describe('iCalendar text cut into components', () => {
  it('splits content lines with quoted parameters', () => {
    expect(splitContentLine('DTSTART;TZID="a:b;c":20261210T100000')).to.deep.equal({
      name: 'dtstart',
      params: ['TZID="a:b;c"'],
      value: '20261210T100000',
    });
    expect(splitContentLine('not a content line')).to.equal(undefined);
  });

  it('repairs date lines and counts broken components', () => {
    const split = runToEnd(
      splitCalendar(
        [
          'BEGIN:VCALENDAR',
          'X-WR-TIMEZONE:Europe/Kyiv',
          'BEGIN:VEVENT',
          'DTSTART:20261210',
          'DTEND;TZID=(UTC-05:00) Eastern Time:20261210T100000',
          'BEGIN:VALARM',
          'TRIGGER:-PT5M',
          'END:VALARM',
          'END:VEVENT',
          'BEGIN:VEVENT',
          'UID:open',
          'END:VCALENDAR',
        ].join('\n'),
      ),
    );
    expect(split.calendarZones).to.deep.equal(['Europe/Kyiv']);
    expect(split.broken).to.equal(1);
    expect(split.components).to.have.length(1);
    expect(split.components[0].lines).to.deep.equal([
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261210',
      'DTEND;TZID="(UTC-05:00) Eastern Time":20261210T100000',
      'END:VEVENT',
    ]);
  });
});
