/**
 * The events feeds made from the template at request time: valid iCalendar that ical.js expands,
 * JSON-LD, the dates of the coming months relative to the server's clock (so that no month is
 * empty), each text in the language asked for with its language marked, and the fallback to
 * Polish, then English, marked too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';
import {
  buildIcs,
  buildJsonLd,
  easterSunday,
  foldLine,
  loadEventsTemplate,
  occurrencesIn,
} from '../src/content/events-feed.mjs';

const languages = ['en', 'pl', 'uk', 'ru', 'ar'];
const iso = (date) => date.toISOString().slice(0, 10);

/** Every occurrence start (YYYY-MM-DD) of an ICS text up to `until`, expanded by ical.js. */
function expandIcs(text, until) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const found = [];
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    for (let next = iterator.next(), n = 0; next && n < 100; next = iterator.next(), n++) {
      const day = next.toString().slice(0, 10);
      if (day >= until) break;
      const end = next.clone();
      end.addDuration(event.duration);
      // `end` is exclusive: the day after the last one.
      found.push({ day, end: end.toString().slice(0, 10), summary: event.summary, component });
    }
  }
  return found;
}

describe('date rules', () => {
  it('knows Easter, the clock changes and the school year', () => {
    assert.deepEqual(
      [2025, 2026, 2027, 2028, 2038].map((year) => iso(easterSunday(year))),
      ['2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2038-04-25'],
    );
    assert.equal(iso(occurrencesIn({ type: 'easter', offset: 60 }, 2027)[0].start), '2027-05-27', 'Corpus Christi');
    assert.equal(iso(occurrencesIn({ type: 'lastSunday', month: 3 }, 2027)[0].start), '2027-03-28');
    assert.equal(iso(occurrencesIn({ type: 'lastSunday', month: 10 }, 2026)[0].start), '2026-10-25');
    // 1 September 2029 is a Saturday, 2030 a Sunday, 2028 a Friday: the next Monday; 2027 a Wednesday.
    assert.deepEqual(
      [2027, 2028, 2029, 2030].map((year) => iso(occurrencesIn({ type: 'schoolYearStart' }, year)[0].start)),
      ['2027-09-01', '2028-09-04', '2029-09-03', '2030-09-02'],
    );
    const [holidays] = occurrencesIn({ type: 'summerHolidays' }, 2027);
    assert.deepEqual([iso(holidays.start), iso(holidays.end)], ['2027-06-26', '2027-08-31']);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION;LANGUAGE=ar:${'عطلة رسمية '.repeat(20)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.length > 1);
    assert.ok(folded.every((part) => Buffer.byteLength(part) <= 75));
    assert.equal(folded.map((part, i) => (i ? part.slice(1) : part)).join(''), line);
  });
});

describe('the events feeds', () => {
  let template;
  before(async () => {
    template = await loadEventsTemplate();
  });

  it('are valid iCalendar in every language, each text marked with its LANGUAGE', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const titles = new Map();
    for (const language of languages) {
      const { text, languages: used } = buildIcs(template, language, now);
      assert.deepEqual([...used], [language]);
      assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends');
      assert.ok(
        text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
        'lines folded at 75 octets',
      );
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = calendar.getAllSubcomponents('vevent');
      assert.ok(events.length >= 25);
      for (const event of events) {
        assert.ok(event.getFirstPropertyValue('uid') && event.getFirstPropertyValue('dtstamp'));
        for (const name of ['summary', 'description', 'categories']) {
          assert.equal(event.getFirstProperty(name).getParameter('language'), language, `${name} in ${language}`);
        }
      }
      titles.set(language, events.map((event) => event.getFirstPropertyValue('summary')).join('|'));
    }
    assert.equal(new Set(titles.values()).size, languages.length, 'the titles differ between languages');
  });

  it('cover every one of the coming twelve months, relative to the clock', () => {
    for (const now of [new Date('2026-12-01T10:00:00Z'), new Date('2031-07-15T10:00:00Z')]) {
      const { text } = buildIcs(template, 'en', now);
      const until = iso(new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth() + 1, 1)));
      const spans = expandIcs(text, until);
      for (let m = 0; m < 12; m++) {
        const month = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1)));
        const nextMonth = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m + 1, 1)));
        assert.ok(
          spans.some((o) => o.day < nextMonth && o.end > month),
          `${month} has events in the feed made on ${iso(now)}`,
        );
      }
      const christmas = expandIcs(text, until).filter((o) => o.summary === 'Christmas Day');
      assert.ok(christmas.length >= 1);
      assert.ok(christmas.every((o) => o.day.endsWith('-12-25')));
    }
  });

  it('as JSON-LD: an ItemList of dated Events with @language and inLanguage', () => {
    const now = new Date('2027-03-10T10:00:00Z');
    for (const language of languages) {
      const { document } = buildJsonLd(template, language, now);
      assert.deepEqual(document['@context'], ['https://schema.org', { '@language': language }]);
      assert.equal(document['@type'], 'ItemList');
      const events = document.itemListElement.map((item) => item.item);
      assert.ok(events.length >= 25);
      assert.ok(events.every((event) => event['@type'] === 'Event' && event.inLanguage === language));
      assert.ok(events.every((event) => typeof event.name === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.startDate)));
      assert.equal(new Set(events.map((event) => event.identifier)).size, events.length, 'identifiers are unique');
      const starts = events.map((event) => event.startDate);
      assert.deepEqual([...starts].sort(), starts, 'in date order');
      assert.ok(starts[0] >= '2027-02-01' && starts.at(-1) < '2028-05-01', 'the months around the clock');
      assert.ok(events.some((event) => event.startDate === '2027-03-28' && event.endDate === '2027-03-28'));
    }
  });

  it('fall back to Polish, then English, and say so', () => {
    const partial = structuredClone(template);
    const christmas = partial.events.find((event) => event.key === 'christmas-day');
    delete christmas.title.uk;
    const migrants = partial.events.find((event) => event.key === 'migrants-day');
    delete migrants.title.uk;
    delete migrants.title.pl;
    const now = new Date('2026-12-01T10:00:00Z');
    const { text, languages: used } = buildIcs(partial, 'uk', now);
    assert.deepEqual([...used].sort(), ['en', 'pl', 'uk']);
    assert.match(text, /\r\nSUMMARY;LANGUAGE=pl:Boże Narodzenie \(pierwszy dzień\)\r\n/);
    assert.match(text, /\r\nSUMMARY;LANGUAGE=en:International Migrants Day\r\n/);
    const { document } = buildJsonLd(partial, 'uk', now);
    const names = document.itemListElement.map((item) => item.item.name);
    assert.ok(
      names.some((name) => name?.['@language'] === 'pl' && name['@value'] === 'Boże Narodzenie (pierwszy dzień)'),
    );
    assert.ok(names.some((name) => name?.['@language'] === 'en'));
    assert.ok(names.some((name) => name === 'Новий рік'));
  });
});

describe('/api/events.ics and /api/events.json', () => {
  let db;
  let server;
  let base;
  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    const clock = () => new Date('2027-06-10T08:00:00Z');
    server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema(), clock });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('answer in the language asked for, with Content-Language and CORS, made for the server’s date', async () => {
    const texts = new Set();
    for (const language of languages) {
      const ics = await fetch(`${base}/api/events.ics?lang=${language}`);
      assert.equal(ics.status, 200);
      assert.match(ics.headers.get('content-type'), /^text\/calendar/);
      assert.equal(ics.headers.get('content-language'), language);
      assert.equal(ics.headers.get('access-control-allow-origin'), '*');
      const text = await ics.text();
      assert.match(text, new RegExp(`SUMMARY;LANGUAGE=${language}:`));
      texts.add(text);
      const json = await fetch(`${base}/api/events.json?lang=${language}`);
      assert.match(json.headers.get('content-type'), /^application\/ld\+json/);
      assert.equal(json.headers.get('content-language'), language);
      const document = await json.json();
      assert.equal(document.inLanguage, language);
      const starts = document.itemListElement.map((item) => item.item.startDate);
      assert.ok(starts[0] >= '2027-05-01' && starts.includes('2027-06-20'), 'World Refugee Day of 2027');
    }
    assert.equal(texts.size, languages.length);
    const english = await (await fetch(`${base}/api/events.ics`)).text();
    assert.match(english, /SUMMARY;LANGUAGE=en:/, 'English without lang');
    assert.equal((await fetch(`${base}/api/events.json?lang=x y`)).status, 400);
    const georgian = await fetch(`${base}/api/events.ics?lang=ka`);
    assert.equal(georgian.headers.get('content-language'), 'pl');
  });
});
