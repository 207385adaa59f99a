/**
 * The one pass reads most VEVENTs the quick way (their marked lines now, the rest when first
 * read). It must give exactly what reading every line gives: the same components, lines, cuts,
 * rules and scans, on every feed of the hostile corpus and on the shapes the quick way hands back.
 */
import { expect } from '@open-wc/testing';
import { runToEnd } from '@open-city/core';
import { splitCalendar, type SplitCalendar } from './ics-lines.js';

/** Everything a split holds, as plain data (the quick VEVENTs' lines and cuts read). */
function plain(split: SplitCalendar) {
  return {
    ...split,
    components: split.components.map((part) => ({
      name: part.name,
      lines: part.lines,
      cut: part.cut,
      calendar: part.calendar,
      rules: part.rules,
      scan: part.scan,
    })),
  };
}

function expectSameBothWays(text: string): SplitCalendar {
  const quick = runToEnd(splitCalendar(text));
  const lineByLine = runToEnd(splitCalendar(text, { quick: false }));
  expect(plain(quick)).to.deep.equal(plain(lineByLine));
  return quick;
}

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';
const calendar = (...events: string[][]) => crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR']);
const event = (...lines: string[]) => [
  'BEGIN:VEVENT',
  'UID:a@test',
  'DTSTART;TZID=Europe/Warsaw:20260601T100000',
  ...lines,
  'END:VEVENT',
];

describe('splitCalendar: the quick way and line by line', () => {
  it('gives the same on every iCalendar feed of the hostile corpus', async () => {
    const cases: Record<string, { widget: string }> = await (await fetch('/hostile/cases.json')).json();
    const names = Object.keys(cases).filter((name) => name.startsWith('ics-'));
    expect(names.length).to.be.greaterThan(40);
    for (const name of names) {
      const text = await (await fetch(`/hostile/${name}`)).text();
      try {
        expectSameBothWays(text);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
  });

  it('gives the same on the exported calendars of the recurrence corpus and the sample feed', async () => {
    const files = ['google-weekly', 'outlook-monthly', 'utc-frequent', 'new-york', 'started-long-ago', 'all-day'].map(
      (name) => `/test/recurrence/feeds/${name}.ics`,
    );
    files.push('/packages/event-calendar/sample/krakow-events.ics');
    for (const file of files) {
      const response = await fetch(file);
      expect(response.ok, file).to.equal(true);
      const split = expectSameBothWays(await response.text());
      expect(split.components.length, file).to.be.greaterThan(0);
    }
  });

  it('reads a plain VEVENT the quick way, and its lines only when asked', () => {
    const text = calendar(
      event(
        'DTEND;TZID=Europe/Warsaw:20260601T120000',
        'SUMMARY:Kawiarenka',
        'DESCRIPTION:Długi',
        '  opis',
        'RRULE:FREQ=WEEKLY;COUNT=3',
      ),
    );
    const [part] = expectSameBothWays(text).components;
    expect(part.constructor.name).not.to.equal('Object');
    expect(part.scan).to.deep.equal({
      uid: 'a@test',
      start: 'DTSTART;TZID=Europe/Warsaw:20260601T100000',
      end: 'DTEND;TZID=Europe/Warsaw:20260601T120000',
      recurrenceId: false,
      rdate: false,
      unsure: false,
    });
    expect(part.lines).to.include('DESCRIPTION:Długi opis');
  });

  it('gives the same where the quick way hands a VEVENT back to be read line by line', () => {
    const shapes: [string, string][] = [
      [
        'a VALARM with its own DURATION',
        calendar(event('BEGIN:VALARM', 'DURATION:PT15M', 'TRIGGER:-PT1H', 'END:VALARM', 'DURATION:PT1H')),
      ],
      ['an END:VALARM never begun', calendar(event('END:VALARM'))],
      ['a STANDARD inside a VEVENT', calendar(event('BEGIN:STANDARD', 'DTSTART:19701025T030000', 'END:STANDARD'))],
      ['a VEVENT inside a VEVENT', calendar(event('BEGIN:VEVENT', 'UID:b@test', 'END:VEVENT'))],
      ['a VCALENDAR ending inside', crlf(['BEGIN:VCALENDAR', ...event().slice(0, 3), 'END:VCALENDAR', ...event()])],
      ['no END:VEVENT', crlf(['BEGIN:VCALENDAR', ...event().slice(0, 3)])],
      ['a name with a leading -', calendar(event('-DTEND:20260601T120000'))],
      ['a line starting with a no-break space', calendar(event('\u00a0BEGIN:VALARM', 'DURATION:PT5M', 'END:VALARM'))],
      ['a DTSTART in a description after U+2028', calendar(event('DESCRIPTION:a\u2028DTEND:20260601T230000'))],
      [
        'lower-case names',
        calendar(['begin:vevent', 'uid:c@test', 'dtstart:20260601', 'dtend:20260602', 'end:vevent']),
      ],
      ['a dotless i in BEGIN', calendar(event('BEG\u0131N:VALARM', 'DURATION:PT5M', 'END:VALARM'))],
      ['a fold that lost its space after DTEND', calendar(event('DTEND;TZID=Europe/Warsaw:20260601', 'T120000'))],
      ['a DTSTART that cannot be read', calendar(['BEGIN:VEVENT', 'UID:d@test', 'DTSTART:tomorrow', 'END:VEVENT'])],
      ['a broken and a good rule', calendar(event('RRULE:FREQ=SOMETIMES', 'RRULE:FREQ=DAILY;COUNT=2'))],
      [
        'RDATE and EXDATE over the dates budget',
        calendar(
          event(
            `RDATE:${Array.from({ length: 3000 }, (_, i) => `2026${String(1 + (i % 12)).padStart(2, '0')}01T10${String(i % 60).padStart(2, '0')}00`).join(',')}`,
          ),
        ),
      ],
      [
        'more lines than a component keeps',
        calendar(event(...Array.from({ length: 1200 }, (_, i) => `X-N-${i}:${i}`), 'DTEND:20260601T120000Z')),
      ],
      [
        'a line longer than the budget',
        calendar(event(`DESCRIPTION:${'a'.repeat(210_000)}`, 'DTEND:20260601T120000Z')),
      ],
      [
        'a marked line longer than the budget',
        calendar(event(`RDATE:${'20260601T100000,'.repeat(13_000)}20260601T100000`)),
      ],
      ['CR line ends only', calendar(event('DTEND:20260601T120000Z')).replace(/\r\n/g, '\r')],
      ['LF line ends only', calendar(event('DTEND:20260601T120000Z')).replace(/\r\n/g, '\n')],
      ['blank lines and trailing spaces', calendar(event('', 'DTEND:20260601T120000Z   ', ' ', 'END:VEVENT   '))],
      [
        'two calendars, one zone each',
        calendar(event()) + crlf(['BEGIN:VCALENDAR', 'X-WR-TIMEZONE:Europe/Kyiv', ...event(), 'END:VCALENDAR']),
      ],
      [
        'a recurrence id and RDATE',
        calendar(event('RECURRENCE-ID;TZID=Europe/Warsaw:20260608T100000', 'RDATE:20260610T100000Z')),
      ],
    ];
    for (const [what, text] of shapes) {
      try {
        expectSameBothWays(text);
      } catch (error) {
        throw new Error(`${what}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
  });
});
