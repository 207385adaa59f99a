/**
 * CLDR's table of Windows zone names (windows-zones.ts) loads on demand: an iCalendar feed whose
 * TZIDs are all IANA names never fetches it, and one with a Windows name loads it before it is
 * read. Each test file runs in a page of its own, so nothing here has loaded the table yet.
 */
import { expect } from '@open-wc/testing';
import { WARSAW_VTIMEZONE } from '../../../test/recurrence/warsaw-vtimezone.mjs';
import { parseICalendarInSlices } from './ics.js';
import { ianaZoneOf, mayNeedWindowsZones } from './zone-names.js';

const december = { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') };
const tableLoaded = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/windows-zones\./.test(entry.name)).length;

function feed(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...WARSAW_VTIMEZONE];
  for (const event of events) lines.push('BEGIN:VEVENT', ...event, 'END:VEVENT');
  return [...lines, 'END:VCALENDAR'].join('\r\n');
}

describe('Windows zone names, loaded on demand', () => {
  it('are not fetched for a feed of IANA names', async () => {
    expect(mayNeedWindowsZones('Europe/Warsaw')).to.equal(false);
    const parsed = await parseICalendarInSlices(
      feed(['UID:a', 'SUMMARY:A', 'DTSTART;TZID=Europe/Warsaw:20261210T090000']),
      0,
      undefined,
      { ahead: december },
    );
    expect(parsed.expand(december, 'Europe/Warsaw')[0].start.toISOString()).to.equal('2026-12-10T08:00:00.000Z');
    expect(tableLoaded()).to.equal(0);
    expect(ianaZoneOf('Tokyo Standard Time')).to.equal(undefined);
  });

  it('are loaded before a feed with a Windows name is read', async () => {
    expect(mayNeedWindowsZones('Tokyo Standard Time')).to.equal(true);
    const parsed = await parseICalendarInSlices(
      feed(
        ['UID:w1', 'SUMMARY:W1', 'DTSTART;TZID=Tokyo Standard Time:20261210T180000'],
        ['UID:w2', 'SUMMARY:W2', 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261210T100000'],
      ),
      0,
      undefined,
      { ahead: december },
    );
    const starts = Object.fromEntries(
      parsed.expand(december, 'Europe/Warsaw').map((o) => [o.event.title, o.start.toISOString()]),
    );
    expect(starts).to.deep.equal({ W1: '2026-12-10T09:00:00.000Z', W2: '2026-12-10T15:00:00.000Z' });
    expect(tableLoaded()).to.equal(1);
    // The answer given before the table came is not kept.
    expect(ianaZoneOf('Tokyo Standard Time')).to.equal('Asia/Tokyo');
  });
});
