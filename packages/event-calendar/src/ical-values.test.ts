/**
 * ical-values.ts against ical.js (a seeded differential over thousands of values of each type,
 * read from whole content lines), plus the sloppy values exporters write and the ones that
 * cannot be read.
 */
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { splitContentLine } from './ics-lines.js';
import {
  addDuration,
  dateOfDay,
  dayNumber,
  daysInMonth,
  decodeDate,
  decodeDateTime,
  decodeDuration,
  decodePeriod,
  decodeText,
  decodeTextList,
  decodeTime,
  decodeTimes,
  decodeUtcOffset,
  durationSeconds,
  paramOf,
  wallOf,
  wallSeconds,
  type Period,
  type TimeValue,
} from './ical-values.js';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const p2 = (n: number, width = 2) => String(n).padStart(width, '0');

/** What ical.js makes of one content line's first value. */
function icalValue(line: string): unknown {
  return ICAL.Property.fromString(line).getFirstValue();
}

/** A line's value through ics-lines.ts and this module. */
function ourTime(line: string): TimeValue | undefined {
  const parsed = splitContentLine(line)!;
  return decodeTime(parsed.value, parsed.params);
}

type IcalTime = InstanceType<typeof ICAL.Time>;
function fieldsOf(time: IcalTime) {
  const zone =
    time.zone === ICAL.Timezone.utcTimezone ? 'UTC' : ((time as { timezone?: string }).timezone ?? undefined);
  return time.isDate
    ? { isDate: true, year: time.year, month: time.month, day: time.day }
    : {
        isDate: false,
        year: time.year,
        month: time.month,
        day: time.day,
        // (ical.js leaves a -0 after some arithmetic)
        hour: time.hour + 0,
        minute: time.minute + 0,
        second: time.second + 0,
        zone,
      };
}
function fieldsOfOurs(time: TimeValue | undefined) {
  if (!time) return undefined;
  if (time.isDate) return { isDate: true, year: time.year, month: time.month, day: time.day };
  const { year, month, day, hour, minute, second } = time;
  return { isDate: false, year, month, day, hour, minute, second, zone: time.utc ? 'UTC' : time.tzid };
}

describe('ical-values: calendar arithmetic', () => {
  it('day numbers agree with Date for every day of 1600–2400, and invert', () => {
    for (let day = dayNumber(1600, 1, 1); day <= dayNumber(2400, 12, 31); day += 1) {
      const date = new Date(day * 86_400_000);
      const back = dateOfDay(day);
      if (
        back.year !== date.getUTCFullYear() ||
        back.month !== date.getUTCMonth() + 1 ||
        back.day !== date.getUTCDate() ||
        dayNumber(back.year, back.month, back.day) !== day
      ) {
        expect({ day, back }).to.equal('the same day');
      }
    }
    expect(dayNumber(1970, 1, 1)).to.equal(0);
    // Years before 100, which `Date.UTC` would read as 19xx.
    expect(dateOfDay(dayNumber(50, 3, 1))).to.deep.equal({ year: 50, month: 3, day: 1 });
    expect([daysInMonth(2024, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2026, 4)]).to.deep.equal([
      29, 28, 29, 30,
    ]);
    expect(wallOf(wallSeconds({ year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 }) + 1)).to.deep.equal(
      {
        year: 2027,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
      },
    );
  });
});

describe('ical-values: DATE and DATE-TIME', () => {
  it('reads 3,000 seeded lines as ical.js does (floating, UTC, TZID, dates)', () => {
    const random = rng(3);
    const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
    const zones = ['Europe/Warsaw', 'America/New_York', 'W. Europe Standard Time', '(UTC+01:00) Amsterdam, Berlin'];
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const year = int(1, 9999);
      const month = int(1, 12);
      const day = int(1, daysInMonth(year, month));
      const date = `${p2(year, 4)}${p2(month)}${p2(day)}`;
      const time = `T${p2(int(0, 23))}${p2(int(0, 59))}${p2(int(0, 59))}`;
      const kind = int(0, 3);
      const zone = zones[int(0, zones.length - 1)];
      const line =
        kind === 0
          ? `DTSTART;VALUE=DATE:${date}`
          : kind === 1
            ? `DTSTART:${date}${time}Z`
            : kind === 2
              ? `DTSTART:${date}${time}`
              : `DTSTART;TZID="${zone}":${date}${time}`;
      expect(fieldsOfOurs(ourTime(line)), line).to.deep.equal(fieldsOf(icalValue(line) as IcalTime));
      compared++;
    }
    expect(compared).to.equal(3000);
  });

  it('tolerates what ical.js tolerates, and reads it the same', () => {
    for (const line of [
      'DTSTART;VALUE=DATE:20261224T180000', // a date-time under VALUE=DATE
      'DTSTART;VALUE=DATE:20261224T180000Z',
      'DTSTART;VALUE=DATE;TZID=Europe/Warsaw:20261224T180000',
      'DTSTART;TZID=Europe/Warsaw:20261224T180000Z', // Z wins over the TZID
      'EXDATE;VALUE=DATE:20261224',
    ]) {
      expect(fieldsOfOurs(ourTime(line)), line).to.deep.equal(fieldsOf(icalValue(line) as IcalTime));
    }
    // A `Z` after a date (Google), lowercase letters, an hour 24 and a leap second roll over.
    expect(decodeDate('20261224Z')).to.deep.equal({ isDate: true, year: 2026, month: 12, day: 24 });
    expect(decodeDate('20261224T180000')).to.deep.equal({ isDate: true, year: 2026, month: 12, day: 24 });
    // A bare date as a DATE-TIME is a date (ics-lines.ts adds VALUE=DATE to such lines for ical.js).
    expect(decodeDateTime('20261224')).to.deep.equal({ isDate: true, year: 2026, month: 12, day: 24 });
    expect(decodeDateTime('20261224t180000z')).to.deep.include({ hour: 18, utc: true });
    expect(decodeDateTime('20261231T240000')).to.deep.include({ year: 2027, month: 1, day: 1, hour: 0 });
    expect(decodeDateTime('20261231T235960Z')).to.deep.include({ year: 2027, month: 1, day: 1, second: 0, utc: true });
    expect(decodeDateTime(' 20261224T180000 ', 'Europe/Warsaw')).to.deep.equal({
      isDate: false,
      year: 2026,
      month: 12,
      day: 24,
      hour: 18,
      minute: 0,
      second: 0,
      utc: false,
      tzid: 'Europe/Warsaw',
    });
  });

  it('gives undefined for what cannot be read', () => {
    for (const text of [
      '',
      '2026',
      '2026-12-24',
      '20261324',
      '20260230',
      '20250229',
      '00001224',
      '20261224T18',
      '20261224T1800',
      '20261224T250000',
      '20261224T186000',
      '20261224T180061',
      '20261224X180000',
      'abcdefgh',
      '20261224T180000+01',
    ]) {
      expect(decodeDateTime(text), text).to.equal(undefined);
    }
    expect(decodeDate('2026122')).to.equal(undefined);
    expect(decodeTime('bad', ['VALUE=DATE'])).to.equal(undefined);
  });

  it('reads parameters as splitContentLine gives them', () => {
    const line = splitContentLine(
      'DTSTART;X-A="b;c:d";tzid="(UTC+01:00) Amsterdam, Berlin";VALUE=DATE-TIME:20261224T180000',
    )!;
    expect(paramOf(line.params, 'TZID')).to.equal('(UTC+01:00) Amsterdam, Berlin');
    expect(paramOf(line.params, 'x-a')).to.equal('b;c:d');
    expect(paramOf(line.params, 'LANGUAGE')).to.equal(undefined);
    expect(decodeTime(line.value, line.params)).to.deep.include({ tzid: '(UTC+01:00) Amsterdam, Berlin', hour: 18 });
  });

  it('reads EXDATE and RDATE lists, periods included, as ical.js does', () => {
    const lines = [
      'EXDATE;TZID=Europe/Warsaw:20261224T180000,20261231T180000',
      'EXDATE;VALUE=DATE:20261225,20261226',
      'RDATE:20261201T100000Z,20261202T100000Z,20261203T100000Z',
    ];
    for (const line of lines) {
      const parsed = splitContentLine(line)!;
      const theirs = ICAL.Property.fromString(line)
        .getValues()
        .map((value) => fieldsOf(value as IcalTime));
      expect(decodeTimes(parsed.value, parsed.params).map((value) => fieldsOfOurs(value as TimeValue))).to.deep.equal(
        theirs,
      );
    }
    const periods = splitContentLine('RDATE;VALUE=PERIOD:19960403T020000Z/19960403T040000Z,19960404T010000Z/PT3H')!;
    const got = decodeTimes(periods.value, periods.params) as Period[];
    expect(
      got.map((p) => [fieldsOfOurs(p.start), fieldsOfOurs(p.end), p.duration && durationSeconds(p.duration)]),
    ).to.deep.equal([
      [fieldsOfOurs(decodeDateTime('19960403T020000Z')), fieldsOfOurs(decodeDateTime('19960403T040000Z')), undefined],
      [fieldsOfOurs(decodeDateTime('19960404T010000Z')), undefined, 3 * 3600],
    ]);
    // An unreadable item is left out, the rest kept.
    expect(decodeTimes('20261224T180000,junk,,20261231T180000').length).to.equal(2);
  });
});

describe('ical-values: DURATION, PERIOD, UTC-OFFSET', () => {
  it('reads 3,000 seeded durations as ical.js does', () => {
    const random = rng(9);
    const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
    for (let i = 0; i < 3000; i++) {
      const sign = ['', '-', '+'][int(0, 2)];
      let text: string;
      if (int(0, 4) === 0) text = `${sign}P${int(0, 60)}W`;
      else {
        const date = int(0, 1) ? `${int(0, 400)}D` : '';
        const parts = [
          int(0, 1) ? `${int(0, 48)}H` : '',
          int(0, 1) ? `${int(0, 120)}M` : '',
          int(0, 1) ? `${int(0, 3600)}S` : '',
        ].join('');
        text = `${sign}P${date}${parts ? `T${parts}` : ''}`;
        if (!date && !parts) text = `${sign}P${int(0, 9)}D`;
      }
      const theirs = ICAL.Duration.fromString(text);
      const got = decodeDuration(text);
      expect(got, text).to.not.equal(undefined);
      expect(durationSeconds(got!), text).to.equal(theirs.toSeconds());
      expect(got!.negative, text).to.equal(theirs.isNegative);
    }
  });

  it('reads sloppy durations as ical.js does, and refuses what is no duration', () => {
    for (const text of ['P1W2D', 'P1H', 'PT1H30M', 'P1DT12H', '-PT15M', 'P0D', 'pt1h']) {
      const theirs = ICAL.Duration.fromString(text.toUpperCase());
      expect(durationSeconds(decodeDuration(text)!), text).to.equal(theirs.toSeconds());
    }
    for (const text of ['', 'P', 'PT', '1H', 'P1Y', 'PT1H2', 'P-1D', 'PXD', 'P1D1H2', 'PT1.5H']) {
      expect(decodeDuration(text), text).to.equal(undefined);
    }
    expect(decodeDuration('P2W')).to.deep.equal({
      negative: false,
      weeks: 2,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
    });
  });

  it('moves times by durations on the wall clock, as ical.js does', () => {
    const random = rng(4);
    const int = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
    for (let i = 0; i < 1000; i++) {
      const year = int(1900, 2100);
      const month = int(1, 12);
      const date = `${year}${p2(month)}${p2(int(1, daysInMonth(year, month)))}`;
      const allDay = int(0, 3) === 0;
      const text = allDay ? date : `${date}T${p2(int(0, 23))}${p2(int(0, 59))}${p2(int(0, 59))}`;
      const duration = allDay
        ? `${int(0, 1) ? '-' : ''}P${int(0, 800)}D`
        : `${int(0, 1) ? '-' : ''}P${int(0, 60)}DT${int(0, 30)}H${int(0, 90)}M`;
      const [y, mo, d, h, mi, se] = [0, 4, 6, 9, 11, 13].map((at, k) => Number(text.slice(at, at + (k ? 2 : 4))));
      const time = ICAL.Time.fromData(
        allDay
          ? { year: y, month: mo, day: d, isDate: true }
          : { year: y, month: mo, day: d, hour: h, minute: mi, second: se },
      );
      time.addDuration(ICAL.Duration.fromString(duration));
      const got = addDuration((allDay ? decodeDate(text) : decodeDateTime(text))!, decodeDuration(duration)!);
      expect(fieldsOfOurs(got), `${text} + ${duration}`).to.deep.equal({
        ...fieldsOf(time),
        ...(allDay ? {} : { zone: undefined }),
      });
    }
    // A date moved by hours becomes a floating midnight-based time.
    expect(addDuration(decodeDate('20261224')!, decodeDuration('PT12H')!)).to.deep.include({ isDate: false, hour: 12 });
  });

  it('reads periods, and refuses half ones', () => {
    expect(decodePeriod('19970101T180000Z/19970102T070000Z')).to.deep.equal({
      start: decodeDateTime('19970101T180000Z'),
      end: decodeDateTime('19970102T070000Z'),
    });
    expect(decodePeriod('19970101T180000/PT5H30M', 'Europe/Warsaw')).to.deep.equal({
      start: decodeDateTime('19970101T180000', 'Europe/Warsaw'),
      duration: decodeDuration('PT5H30M'),
    });
    for (const text of ['19970101T180000Z', '19970101T180000Z/', '/PT1H', '19970101T180000Z/-PT1H', 'x/y']) {
      expect(decodePeriod(text), text).to.equal(undefined);
    }
  });

  it('reads UTC offsets as ical.js does, and their seconds, which ical.js drops', () => {
    for (const text of ['+0100', '-0500', '+0545', '-0000', '+1400', '-1100', '+0030']) {
      const theirs = icalValue(`TZOFFSETFROM:${text}`) as InstanceType<typeof ICAL.UtcOffset>;
      expect(decodeUtcOffset(text), text).to.equal(theirs.toSeconds());
    }
    // RFC 5545 §3.3.14 allows seconds (`-001914`, Amsterdam's mean time before 1937).
    expect(decodeUtcOffset('+001932')).to.equal(19 * 60 + 32);
    expect(decodeUtcOffset('+01:00')).to.equal(3600);
    for (const text of ['', '0100', '+1', '+01', '+2400', '+0160', 'UTC']) {
      expect(decodeUtcOffset(text), text).to.equal(undefined);
    }
  });
});

describe('ical-values: TEXT', () => {
  it('unescapes 2,000 seeded texts as ical.js does', () => {
    const random = rng(5);
    const pieces = ['a', 'ż', ' ', '\\\\', '\\;', '\\,', '\\n', '\\N', ':', '"', 'x\\:y', '\\t'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(decodeText(text), text).to.equal(icalValue(`SUMMARY:${text}`));
    }
  });

  it('splits lists at the commas that are not escaped, as ical.js does', () => {
    for (const value of ['a,b,c', 'a\\,b,c', 'one', 'x\\;y,z\\nw', ',a,', '']) {
      const theirs = ICAL.Property.fromString(`CATEGORIES:${value}`).getValues();
      expect(decodeTextList(value), value).to.deep.equal(theirs);
    }
    expect(decodeTextList('Kultura\\, sztuka,Dzieci')).to.deep.equal(['Kultura, sztuka', 'Dzieci']);
    // RFC 5545 §3.3.11: `\\` is a backslash, so the comma after it separates; ical.js keeps one item.
    expect(decodeTextList('a\\\\,b')).to.deep.equal(['a\\', 'b']);
    expect(ICAL.Property.fromString('CATEGORIES:a\\\\,b').getValues()).to.deep.equal(['a\\,b']);
  });
});
