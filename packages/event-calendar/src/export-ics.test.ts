import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsFileName, occurrenceToIcs } from './export-ics.js';
import { emptyInfo, type Occurrence } from './model.js';

const encoder = new TextEncoder();

function sampleOccurrence(changes: Partial<Occurrence> = {}): Occurrence {
  return {
    key: 'k',
    event: {
      ...emptyInfo('language-cafe@otwarty.krakow.pl', 'Kawiarenka językowa; café, «разом» \\ مقهى'),
      description: 'Line one, with a comma; and a semicolon.\nLine two: ' + 'długi tekst '.repeat(12),
      place: {
        name: 'Biblioteka',
        address: 'ul. Powstania Warszawskiego 6, Kraków',
        latitude: 50.0617,
        longitude: 19.9571,
      },
      url: 'https://otwarty.krakow.example/kawiarenka',
      organizer: { name: 'Fundacja', email: 'kontakt@example.org' },
      categories: ['Język', 'Spotkanie'],
    },
    start: new Date('2026-11-24T17:00:00Z'),
    end: new Date('2026-11-24T19:00:00Z'),
    allDay: false,
    recurring: true,
    feed: 0,
    ...changes,
  };
}

describe('single-event .ics export', () => {
  it('escapes TEXT values and folds at 75 octets without splitting characters', () => {
    expect(escapeText('a,b;c\\d\ne')).to.equal('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ż'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(encoder.encode(line).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(`SUMMARY:${'ż'.repeat(60)}`);
  });

  it('writes CRLF lines of at most 75 octets, with UID and DTSTAMP', () => {
    const text = occurrenceToIcs(sampleOccurrence(), new Date('2026-11-24T10:00:00Z'));
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.include('\n');
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).to.be.at.most(75);
    expect(text).to.include('DTSTAMP:20261124T100000Z');
    expect(text).to.include('UID:language-cafe@otwarty.krakow.pl-20261124T170000Z');
  });

  it('parses back with ical.js to the same event', () => {
    const occurrence = sampleOccurrence();
    const component = new ICAL.Component(ICAL.parse(occurrenceToIcs(occurrence, new Date('2026-11-24T10:00:00Z'))));
    const vevents = component.getAllSubcomponents('vevent');
    expect(vevents).to.have.length(1);
    const event = new ICAL.Event(vevents[0]);
    expect(event.summary).to.equal(occurrence.event.title);
    expect(event.description).to.equal(occurrence.event.description);
    expect(event.location).to.equal('Biblioteka, ul. Powstania Warszawskiego 6, Kraków');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-11-24T17:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-11-24T19:00:00.000Z');
    expect(vevents[0].getFirstPropertyValue('url')).to.equal('https://otwarty.krakow.example/kawiarenka');
    expect(vevents[0].getFirstProperty('categories')!.getValues()).to.deep.equal(['Język', 'Spotkanie']);
  });

  it('writes an all-day event as DATE values, and a cancelled one with STATUS', () => {
    const text = occurrenceToIcs(
      sampleOccurrence({
        allDay: true,
        recurring: false,
        startDate: { year: 2026, month: 12, day: 18 },
        endDate: { year: 2026, month: 12, day: 19 },
        event: { ...emptyInfo('day', 'Dzień Migranta'), status: 'cancelled' },
      }),
    );
    expect(text).to.include('DTSTART;VALUE=DATE:20261218\r\n');
    expect(text).to.include('DTEND;VALUE=DATE:20261219\r\n');
    expect(text).to.include('UID:day\r\n');
    expect(text).to.include('STATUS:CANCELLED\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.isDate).to.equal(true);
  });

  it('says the language each text is written in (LANGUAGE=), and nothing when it is not known', () => {
    const base = sampleOccurrence();
    const marked = occurrenceToIcs({
      ...base,
      event: { ...base.event, titleLanguage: 'pl', descriptionLanguage: 'uk' },
    });
    const vevent = new ICAL.Component(ICAL.parse(marked)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('summary')!.getParameter('language')).to.equal('pl');
    expect(vevent.getFirstProperty('description')!.getParameter('language')).to.equal('uk');
    expect(occurrenceToIcs(base)).to.not.include('LANGUAGE=');
    const hostile = occurrenceToIcs({ ...base, event: { ...base.event, titleLanguage: 'pl:X;Y' } });
    expect(hostile).to.include('\r\nSUMMARY:Kawiarenka', 'a value that is not a language tag is left out');
  });

  it('names the file by the date of the event where the calendar shows it, not in UTC', () => {
    // 23:30 UTC on 24 November is 00:30 on 25 November in Kraków, and 18:30 on the 24th in New York.
    const late = sampleOccurrence({
      start: new Date('2026-11-24T23:30:00Z'),
      end: new Date('2026-11-25T01:00:00Z'),
    });
    expect(icsFileName(late, 'Europe/Warsaw')).to.match(/^kawiarenka-jezykowa-cafe-.*-20261125\.ics$/);
    expect(icsFileName(late, 'America/New_York')).to.match(/^kawiarenka-jezykowa-cafe-.*-20261124\.ics$/);
    const allDay = sampleOccurrence({
      allDay: true,
      start: new Date('2026-12-17T23:00:00Z'),
      startDate: { year: 2026, month: 12, day: 18 },
      endDate: { year: 2026, month: 12, day: 19 },
    });
    expect(icsFileName(allDay, 'UTC')).to.match(/-20261218\.ics$/);
  });
});
