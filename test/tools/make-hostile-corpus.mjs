#!/usr/bin/env node
/**
 * Writes the hostile corpus: test/hostile/<case> (one file each), test/hostile/cases.json (what
 * each case must show) and test/hostile/README.md (each case and where it comes from). The files
 * are committed; run this again only to change the corpus: `node test/tools/make-hostile-corpus.mjs`.
 *
 * Calendar cases are read with `now` = 2026-11-24 10:00 UTC, `month="2026-12"`, `view="list"`,
 * `time-zone="Europe/Warsaw"`, in Polish; finder cases in Polish too. `.gen` files are recipes that
 * test/hostile-feeds.mjs turns into large feeds when the test asks for them.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { outlookCentralEurope } from '../recurrence/outlook-vtimezone.mjs';
import { WARSAW_VTIMEZONE } from '../recurrence/warsaw-vtimezone.mjs';

const dir = new URL('../hostile/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) rmSync(`${dir}${file}`);

const cases = {};
/**
 * One case. `expect`: `shown` (the `texts` are visible, no feed alert), `alert` (a visible
 * localized alert, and none of `absent`), or `empty` (neither an alert nor any entry: an empty feed).
 */
function add(file, content, { widget, expect, texts = [], absent = [], note = false, source }) {
  if (cases[file]) throw new Error(`${file} twice`);
  writeFileSync(`${dir}${file}`, content);
  cases[file] = { widget, expect, texts, absent, note, source };
}
const raw = (content) =>
  typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 1);
const finder = (file, content, options) => add(file, raw(content), { widget: 'finder', ...options });
const cal = (file, content, options) => add(file, raw(content), { widget: 'calendar', ...options });
const gen = (file, widget, recipe, options) => add(file, JSON.stringify(recipe), { widget, ...options });

/** The payloads that must stay text: any of them running sets window.__hostileRan. */
const XSS = {
  script: '<script>window.__hostileRan = 1</script>',
  img: '<img src="x" onerror="window.__hostileRan = 1">',
  svg: '<svg onload="window.__hostileRan = 1"></svg>',
  link: 'javascript:window.__hostileRan = 1',
  data: 'data:text/html,<script>window.__hostileRan = 1</script>',
};

// ---------------------------------------------------------------- service finder
const svc = (id, extra = {}) => ({ id, name: `Usługa ${id}`, status: 'active', ...extra });

finder('finder-constructor-language.json', [svc('a', { name: 'Porady prawne', languages: ['constructor', 'uk'] })], {
  expect: 'shown',
  texts: ['Porady prawne'],
  source: 'Issue 10: "languages": ["constructor"] made an uncaught TypeError and no results.',
});
finder(
  'finder-proto-language.json',
  '[{"id":"a","name":"Kurs polskiego","status":"active","languages":["__proto__",{"code":"__proto__"},{"code":"toString"},{"name":"hasOwnProperty"},"valueOf"]}]',
  {
    expect: 'shown',
    texts: ['Kurs polskiego'],
    source: 'Issue 10: language codes that name Object.prototype members.',
  },
);
finder(
  'finder-proto-keys.json',
  '[{"__proto__":{"name":"x"},"constructor":{"prototype":1},"id":"a","name":"Pomoc psychologiczna","status":"active","toString":"x"}]',
  {
    expect: 'shown',
    texts: ['Pomoc psychologiczna'],
    source: 'JSON keys that are Object.prototype names (JSON.parse makes them own properties).',
  },
);
gen(
  'finder-20000-languages.gen',
  'finder',
  { generator: 'bigLists', languages: 20_000 },
  {
    expect: 'shown',
    texts: ['Usługa z listami', 'Zwykła usługa'],
    note: true,
    source: 'Issue 10: a service with 20,000 languages froze the page.',
  },
);
gen(
  'finder-100000-phones.gen',
  'finder',
  { generator: 'bigLists', phones: 100_000 },
  {
    expect: 'shown',
    texts: ['Usługa z listami', 'Zwykła usługa'],
    note: true,
    source: 'Issue 10: a service with 100,000 phones.',
  },
);
gen(
  'finder-500-services-100-categories.gen',
  'finder',
  { generator: 'categories', count: 500, each: 100 },
  {
    expect: 'shown',
    texts: ['Usługa 0'],
    note: true,
    source: 'Issue 10: 500 services × 100 categories blocked the page for 20 s.',
  },
);
gen(
  'finder-100000-services.gen',
  'finder',
  { generator: 'services', count: 100_000 },
  {
    expect: 'shown',
    texts: ['Usługa 0', 'Usługa 1'],
    source: 'Issue 10: 100,000 services blocked the page for 6.7 s.',
  },
);
gen(
  'finder-10000-services.gen',
  'finder',
  { generator: 'services', count: 10_000 },
  {
    expect: 'shown',
    texts: ['Usługa 0'],
    source: 'The bench size: a city-wide directory.',
  },
);
gen(
  'finder-a-a-a-description.gen',
  'finder',
  { generator: 'bigText', size: 200_000, pattern: '<a' },
  {
    expect: 'shown',
    texts: ['Usługa z długim opisem', 'Zwykła usługa'],
    note: true,
    source: 'Issue 10: a 200 KB description of <a<a<a… (quadratic regexes).',
  },
);
gen(
  'finder-1mb-description.gen',
  'finder',
  { generator: 'bigText', size: 1_000_000, pattern: 'Opis usługi. ' },
  {
    expect: 'shown',
    texts: ['Usługa z długim opisem'],
    note: true,
    source: 'A 1 MB text field.',
  },
);
gen(
  'finder-long-strings-everywhere.gen',
  'finder',
  { generator: 'bigEverywhere', size: 100_000, count: 20 },
  {
    expect: 'shown',
    texts: ['Usługa 0'],
    note: true,
    source: 'Every text field 100 KB long.',
  },
);
gen(
  'finder-category-chain.gen',
  'finder',
  { generator: 'chain', depth: 2000 },
  {
    expect: 'shown',
    texts: ['Usługa w głębokiej kategorii'],
    note: true,
    source: 'A taxonomy whose parent_id chain is 2,000 levels deep.',
  },
);
finder(
  'finder-html-payloads.json',
  [
    svc('a', {
      name: `Pomoc ${XSS.script}`,
      alternate_name: XSS.img,
      description: `${XSS.svg} <b>pogrubione</b>`,
      organization: { name: `Fundacja ${XSS.img}` },
      eligibility_description: XSS.script,
      alert: XSS.img,
    }),
  ],
  { expect: 'shown', texts: ['Pomoc'], source: 'Markup in every text field: shown as text, never run.' },
);
finder(
  'finder-javascript-urls.json',
  [
    svc('a', {
      name: 'Linki do sprawdzenia',
      url: XSS.link,
      email: `${XSS.link}@x.pl`,
      organization: { name: 'Org', url: XSS.data },
      phones: [{ number: XSS.link }],
    }),
    svc('b', { name: 'Ukryty link', url: ' JaVaScRiPt:window.__hostileRan=1' }),
    svc('c', { name: 'Link vbscript', url: 'vbscript:msgbox(1)' }),
  ],
  {
    expect: 'shown',
    texts: ['Linki do sprawdzenia', 'Ukryty link'],
    source: 'javascript:, data: and vbscript: in url fields.',
  },
);
finder(
  'finder-invalid-code-points.json',
  '[{"id":"a","name":"Usługa \\ud800 z błędem \\udc00 kodowania\\u0000","status":"active","description":"\\u0007\\u001b[31m czerwony"}]',
  { expect: 'shown', texts: ['z błędem'], source: 'Lone surrogates and control characters in JSON strings.' },
);
finder('finder-bom.json', `\uFEFF${JSON.stringify([svc('a', { name: 'Plik z BOM' })])}`, {
  expect: 'shown',
  texts: ['Plik z BOM'],
  source: 'Exporters on Windows write a UTF-8 byte order mark.',
});
finder('finder-html-error-page.json', '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', {
  expect: 'alert',
  absent: ['502'],
  source: 'A proxy answers 200 with an HTML error page.',
});
finder('finder-empty-body.json', '', { expect: 'alert', source: 'An empty answer.' });
finder(
  'finder-error-object.json',
  { error: 'rate limited', code: 429 },
  { expect: 'alert', source: 'An API error object instead of data.' },
);
finder('finder-all-broken.json', [1, 'x', null, true, [], {}], { expect: 'alert', source: 'No record is a service.' });
finder('finder-array-of-arrays.json', [[svc('a')], [svc('b')]], {
  expect: 'alert',
  source: 'Records wrapped one level too deep.',
});
finder('finder-empty-array.json', [], { expect: 'empty', source: 'A directory with no services yet.' });
finder('finder-inactive-only.json', [svc('a', { status: 'inactive' }), svc('b', { status: 'defunct' })], {
  expect: 'empty',
  absent: ['Usługa a'],
  source: 'HSDS status: inactive and defunct services are not shown.',
});
finder(
  'finder-ndjson.ndjson',
  [svc('a', { name: 'Pierwsza' }), svc('b', { name: 'Druga' })].map((r) => JSON.stringify(r)).join('\n') + '\n',
  { expect: 'shown', texts: ['Pierwsza', 'Druga'], source: 'HSDS API format=ndjson.' },
);
finder(
  'finder-ndjson-bad-lines.ndjson',
  `${JSON.stringify(svc('a', { name: 'Dobra linia' }))}\n{"id": "b", "name": \nnot json at all\n${JSON.stringify(svc('c', { name: 'Też dobra' }))}\n`,
  {
    expect: 'shown',
    texts: ['Dobra linia', 'Też dobra'],
    note: true,
    source: 'NDJSON with broken lines (a cut stream).',
  },
);
finder(
  'finder-ndjson-crlf.ndjson',
  [svc('a', { name: 'Windows CRLF' }), svc('b')].map((r) => JSON.stringify(r)).join('\r\n'),
  { expect: 'shown', texts: ['Windows CRLF'], source: 'NDJSON written with CRLF.' },
);
finder('finder-single-object.json', svc('a', { name: 'Jedna usługa' }), {
  expect: 'shown',
  texts: ['Jedna usługa'],
  source: 'One service object instead of an array.',
});
const page = (n, total, records) => ({
  total_items: total * 2,
  total_pages: total,
  page_number: n,
  size: 2,
  contents: records,
});
finder(
  'finder-api-three-pages.pages.json',
  { pages: [1, 2, 3].map((n) => page(n, 3, [svc(`p${n}a`, { name: `Strona ${n} A` }), svc(`p${n}b`)])) },
  {
    expect: 'shown',
    texts: ['Strona 1 A', 'Strona 2 A', 'Strona 3 A'],
    source: 'HSDS API: /services?page=N, total_pages 3.',
  },
);
finder(
  'finder-api-page-fails.pages.json',
  {
    pages: [
      page(1, 3, [svc('a', { name: 'Ze strony pierwszej' })]),
      { status: 500, body: 'oops' },
      page(3, 3, [svc('c', { name: 'Ze strony trzeciej' })]),
    ],
  },
  {
    expect: 'shown',
    texts: ['Ze strony pierwszej', 'Ze strony trzeciej'],
    note: true,
    source: 'Issue 10 ("lose the rest"): one page of a listing fails.',
  },
);
finder(
  'finder-api-page-html.pages.json',
  { pages: [page(1, 2, [svc('a', { name: 'Pierwsza strona' })]), '<html>Service Unavailable</html>'] },
  { expect: 'shown', texts: ['Pierwsza strona'], note: true, source: 'A further page that is an HTML error page.' },
);
finder(
  'finder-api-absurd-total-pages.pages.json',
  { pages: [{ total_pages: 1e12, page_number: 'x', contents: [svc('a', { name: 'Bez końca' })] }] },
  {
    expect: 'shown',
    texts: ['Bez końca'],
    note: true,
    source:
      'total_pages of 10^12 and a page_number that is no number (the 50 pages read all repeat the first: duplicates).',
  },
);
finder(
  'finder-api-contents-not-array.json',
  { total_pages: 2, contents: { id: 'a' } },
  {
    expect: 'alert',
    source: 'An API page whose contents is an object.',
  },
);
finder(
  'finder-tostring-objects.json',
  [
    { id: { toString: 'x' }, name: { toString: 'y' }, status: { valueOf: 1 } },
    svc('b', {
      name: 'Poprawna usługa',
      phones: [{ number: { toString: 'x' } }],
      languages: [{ code: { toString: 1 } }],
    }),
  ],
  {
    expect: 'shown',
    texts: ['Poprawna usługa'],
    note: true,
    source: 'Objects whose toString is not a function, where text is expected.',
  },
);
finder(
  'finder-wrong-types.json',
  [
    svc('a', {
      name: 'Złe typy pól',
      phones: 'oops',
      languages: { uk: true },
      service_at_locations: 'x',
      attributes: [[]],
      schedules: [null, 1, 'MO'],
      cost_options: [{ amount: 'free' }],
      latitude: [],
    }),
  ],
  { expect: 'shown', texts: ['Złe typy pól'], source: 'Every list field of the wrong type.' },
);
finder(
  'finder-null-everything.json',
  [{ id: 'a', name: 'Same nulle', status: null, description: null, phones: null, languages: null, organization: null }],
  {
    expect: 'shown',
    texts: ['Same nulle'],
    source: 'null in every optional field.',
  },
);
finder(
  'finder-schedules-garbage.json',
  [
    svc('a', {
      name: 'Dziwne godziny',
      schedules: [
        { freq: 'SECONDLY', byday: 'constructor', opens_at: '25:99', closes_at: 'noon' },
        { freq: 'WEEKLY', byday: '__proto__,MO', opens_at: '09:00', closes_at: '17:00' },
        { freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '17:00', valid_from: 'yesterday' },
      ],
    }),
  ],
  { expect: 'shown', texts: ['Dziwne godziny'], source: 'HSDS schedules with unknown frequencies and day codes.' },
);
finder(
  'finder-extreme-numbers.json',
  '[{"id":"a","name":"Skrajne liczby","status":"active","service_at_locations":[{"location":{"latitude":1e308,"longitude":-1e400,"name":"Nigdzie"}}],"cost_options":[{"amount":-1e308,"currency":"PLN"}],"minimum_age":1e999}]',
  { expect: 'shown', texts: ['Skrajne liczby'], source: 'Numbers out of range (and JSON numbers that are Infinity).' },
);
finder(
  'finder-circular-categories.json',
  [
    svc('a', {
      name: 'Kategorie w kółko',
      attributes: [
        { taxonomy_term: { id: 'x', name: 'X', parent_id: 'y' } },
        { taxonomy_term: { id: 'y', name: 'Y', parent_id: 'x' } },
        { taxonomy_term: { id: 'z', name: 'Z', parent_id: 'z' } },
      ],
    }),
  ],
  { expect: 'shown', texts: ['Kategorie w kółko'], source: 'Taxonomy terms whose parent_id makes a cycle.' },
);
finder(
  'finder-missing-names.json',
  [svc('a', { name: 'Jest nazwa' }), { id: 'b' }, { id: 'c', name: '   ' }, { name: 'bez id' }],
  {
    expect: 'shown',
    texts: ['Jest nazwa'],
    note: true,
    source: 'Records without a name or an id.',
  },
);
finder('finder-duplicate-ids.json', [svc('a', { name: 'Pierwsza wersja' }), svc('a', { name: 'Druga wersja' })], {
  expect: 'shown',
  texts: ['Pierwsza wersja'],
  absent: ['Druga wersja'],
  note: true,
  source: 'Two records with one id.',
});
finder(
  'finder-rtl-and-bidi.json',
  [svc('a', { name: 'مساعدة قانونية \u202Eمعكوس\u202C', description: 'שלום 👩‍👩‍👧 \u2066isolated\u2069' })],
  { expect: 'shown', texts: ['مساعدة قانونية'], source: 'Right-to-left text, bidi controls and emoji sequences.' },
);
finder(
  'finder-deep-nesting.json',
  `[{"id":"a","name":"Głęboko zagnieżdżone","status":"active","description":${'['.repeat(3000)}${']'.repeat(3000)}}]`,
  { expect: 'shown', texts: ['Głęboko zagnieżdżone'], source: 'A field 3,000 arrays deep.' },
);
finder(
  'finder-hsds-example.json',
  [
    {
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Punkt Informacyjny dla Cudzoziemców',
      status: 'active',
      description: 'Informacja o legalizacji pobytu.',
      organization: { id: 'org-1', name: 'Urząd Miasta Krakowa', url: 'https://www.krakow.pl' },
      email: 'info@example.org',
      phones: [{ id: 'ph', number: '"+48 12 616 12 12"', type: 'voice' }],
      languages: [
        { id: 'l1', name: 'Ukrainian', code: 'uk' },
        { id: 'l2', name: 'Polish', code: 'pl' },
      ],
      service_at_locations: [
        {
          id: 'sal',
          location: {
            id: 'loc',
            name: 'Biuro',
            latitude: 50.0614,
            longitude: 19.9366,
            addresses: [
              {
                id: 'ad',
                address_1: 'ul. Przy Rondzie 6',
                city: 'Kraków',
                postal_code: '31-547',
                country: 'PL',
                address_type: 'physical',
              },
            ],
            accessibility: [{ id: 'ac', description: 'Winda' }],
          },
        },
      ],
      schedules: [
        { id: 's', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '16:00', timezone: 1 },
      ],
      cost_options: [{ id: 'c', amount: 0, currency: 'PLN', option: 'Bezpłatnie' }],
      attributes: [{ id: 'at', taxonomy_term: { id: 't', name: 'Pobyt', code: 'residence' } }],
    },
  ],
  {
    expect: 'shown',
    texts: ['Punkt Informacyjny dla Cudzoziemców'],
    source: 'A complete HSDS 3.0 record, as the standard shows it.',
  },
);
finder(
  'finder-hostile-email.json',
  [svc('a', { name: 'Dziwne maile', email: '"><img src=x onerror=window.__hostileRan=1>@x' })],
  {
    expect: 'shown',
    texts: ['Dziwne maile'],
    source: 'Markup in an e-mail address.',
  },
);
finder('finder-truncated-json.json', JSON.stringify([svc('a'), svc('b')]).slice(0, 40), {
  expect: 'alert',
  source: 'A download cut in the middle.',
});

// ---------------------------------------------------------------- event calendar: iCalendar
const crlf = (lines) => lines.join('\r\n') + '\r\n';
const ics = (...events) =>
  crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hostile corpus//EN', ...events.flat(), 'END:VCALENDAR']);
const ev = (uid, ...lines) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'];
const plain = (title = 'Zwykłe spotkanie', day = 11) =>
  ev(`plain-${day}`, `SUMMARY:${title}`, `DTSTART:202612${day}T170000Z`, 'DURATION:PT1H');
const warsaw = WARSAW_VTIMEZONE;

cal(
  'ics-interval-huge.ics',
  ics(
    ev('h', 'SUMMARY:Absurdalny odstęp', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=HOURLY;INTERVAL=99999999999999999999'),
    plain(),
  ),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: one iterator.next() of ical.js never returned (the tab froze for good).',
  },
);
gen(
  'ics-secondly-2000-series.gen',
  'calendar',
  { generator: 'secondly', count: 2000 },
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: FREQ=SECONDLY since 2000 across 2,000 VEVENTs.',
  },
);
cal(
  'ics-interval-zero.ics',
  ics(ev('z', 'SUMMARY:Odstęp zero', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=0'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: INTERVAL=0.',
  },
);
cal(
  'ics-byhour-25.ics',
  ics(ev('b', 'SUMMARY:Godzina 25', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=DAILY;BYHOUR=25'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: BYHOUR=25 made the whole feed unreadable.',
  },
);
cal(
  'ics-bad-fold.ics',
  ics(
    ev(
      'f',
      'SUMMARY:Źle złożony opis',
      'DTSTART:20261210T170000Z',
      'DESCRIPTION:Pierwsza część opisu, która',
      'ciągnie się bez spacji na początku linii.',
    ),
    plain(),
  ),
  {
    expect: 'shown',
    texts: ['Źle złożony opis', 'Zwykłe spotkanie'],
    source: 'Issue 10: a badly folded line (the continuation lost its space).',
  },
);
cal(
  'ics-half-quoted-tzid.ics',
  ics(
    warsaw,
    ev('q', 'SUMMARY:Niedomknięty cudzysłów', 'DTSTART;TZID="Europe/Warsaw:20261210T180000', 'DURATION:PT1H'),
    plain(),
  ),
  {
    expect: 'shown',
    texts: ['Niedomknięty cudzysłów', 'Zwykłe spotkanie'],
    source: 'Issue 10: a malformed quoted TZID made the whole feed unreadable.',
  },
);
cal(
  'ics-unclosed-vevent.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...ev('a', 'SUMMARY:Pierwsze', 'DTSTART:20261210T170000Z'),
    'BEGIN:VEVENT',
    'UID:open',
    'SUMMARY:Niezamknięte',
    'DTSTART:20261212T170000Z',
    ...ev('c', 'SUMMARY:Trzecie', 'DTSTART:20261214T170000Z'),
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Pierwsze', 'Trzecie'],
    absent: ['Niezamknięte'],
    note: true,
    source: 'Issue 10: an unclosed component.',
  },
);
cal(
  'ics-no-end-vcalendar.ics',
  crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', ...ev('a', 'SUMMARY:Bez końca kalendarza', 'DTSTART:20261210T170000Z')]),
  {
    expect: 'shown',
    texts: ['Bez końca kalendarza'],
    source: 'A download cut after the last VEVENT.',
  },
);
cal(
  'ics-date-without-value.ics',
  ics(ev('d', 'SUMMARY:Dzień otwarty', 'DTSTART:20261215', 'DTEND:20261216'), plain()),
  {
    expect: 'shown',
    texts: ['Dzień otwarty'],
    source: 'Issue 10: DTSTART:20221201, a DATE without VALUE=DATE, as many exports write it.',
  },
);
cal(
  'ics-windows-display-zone.ics',
  ics(
    ev(
      'w',
      'SUMMARY:Webinar z Nowego Jorku',
      'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261210T100000',
      'DURATION:PT1H',
    ),
  ),
  {
    expect: 'shown',
    texts: ['Webinar z Nowego Jorku', '16:00'],
    source:
      'Issue 10: a Windows display name as TZID, with no VTIMEZONE (Outlook). 10:00 in New York is 16:00 in Warsaw.',
  },
);
cal(
  'ics-windows-zone-id.ics',
  ics(ev('w', 'SUMMARY:Spotkanie w Berlinie', 'DTSTART;TZID=W. Europe Standard Time:20261210T090000', 'DURATION:PT1H')),
  {
    expect: 'shown',
    texts: ['Spotkanie w Berlinie', '09:00'],
    source: 'Issue 10: TZID=W. Europe Standard Time without VTIMEZONE (Exchange).',
  },
);
cal(
  'ics-windows-zone-asia.ics',
  ics(ev('t', 'SUMMARY:Konsultacje z Tokio', 'DTSTART;TZID=Tokyo Standard Time:20261210T180000', 'DURATION:PT1H')),
  {
    expect: 'shown',
    texts: ['Konsultacje z Tokio', '10:00'],
    source: 'A Windows zone ID far from Warsaw: 18:00 in Tokyo is 10:00 in Warsaw.',
  },
);
cal(
  'ics-outlook-export.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'VERSION:2.0',
    'METHOD:PUBLISH',
    'X-MS-OLK-FORCEINSPECTOROPEN:TRUE',
    ...outlookCentralEurope('Central European Standard Time'),
    'BEGIN:VEVENT',
    'CLASS:PUBLIC',
    'CREATED:20261101T120000Z',
    'DESCRIPTION:Spotkanie informacyjne.\\n',
    'DTEND;TZID="Central European Standard Time":20261210T190000',
    'DTSTAMP:20261101T120000Z',
    'DTSTART;TZID="Central European Standard Time":20261210T180000',
    'LAST-MODIFIED:20261101T120000Z',
    'LOCATION:Sala 101',
    'PRIORITY:5',
    'SEQUENCE:0',
    'SUMMARY;LANGUAGE=pl:Dyżur w urzędzie',
    'TRANSP:OPAQUE',
    'UID:040000008200E00074C5B7101A82E00800000000',
    'X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Spotkanie</p><script>window.__hostileRan=1</script></body></html>',
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'X-MICROSOFT-CDO-IMPORTANCE:1',
    'BEGIN:VALARM',
    'TRIGGER:-PT15M',
    'ACTION:DISPLAY',
    'DESCRIPTION:Reminder',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Dyżur w urzędzie', '18:00'],
    source: 'Outlook/Exchange: VTIMEZONE from 1601, quoted Windows TZID, X-ALT-DESC HTML, VALARM.',
  },
);
cal(
  'ics-google-export.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Integracja Kraków',
    'X-WR-TIMEZONE:Europe/Warsaw',
    ...warsaw,
    'BEGIN:VEVENT',
    'DTSTART;TZID=Europe/Warsaw:20261103T180000',
    'DTEND;TZID=Europe/Warsaw:20261103T200000',
    'RRULE:FREQ=WEEKLY;BYDAY=TH',
    'EXDATE;TZID=Europe/Warsaw:20261224T180000',
    'DTSTAMP:20261101T000000Z',
    'UID:5kq1a2b3c4d5e6f7g8h9@google.com',
    'CREATED:20260901T100000Z',
    'DESCRIPTION:Rozmowy przy herbacie.<br><a href="javascript:window.__hostileRan=1">link</a>',
    'LAST-MODIFIED:20261101T100000Z',
    'LOCATION:Biblioteka\\, ul. Powstania Warszawskiego 6\\, Kraków',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'SUMMARY:Kawiarenka językowa',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;TZID=Europe/Warsaw:20261211T180000',
    'DTEND;TZID=Europe/Warsaw:20261211T200000',
    'DTSTAMP:20261101T000000Z',
    'UID:5kq1a2b3c4d5e6f7g8h9@google.com',
    'RECURRENCE-ID;TZID=Europe/Warsaw:20261210T180000',
    'SEQUENCE:1',
    'SUMMARY:Kawiarenka językowa (w piątek)',
    'END:VEVENT',
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Kawiarenka językowa', 'Kawiarenka językowa (w piątek)'],
    source:
      'Google Calendar export: X-WR-TIMEZONE, VTIMEZONE, weekly RRULE, EXDATE, a moved occurrence, HTML description.',
  },
);
cal(
  'ics-apple-export.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Apple Inc.//macOS 14.0//EN',
    'CALSCALE:GREGORIAN',
    ...warsaw,
    'BEGIN:VEVENT',
    'CREATED:20261101T120000Z',
    'UID:8C1D3E2F-1A2B-4C3D-9E8F-0A1B2C3D4E5F',
    'DTEND;TZID=Europe/Warsaw:20261212T130000',
    'TRANSP:OPAQUE',
    'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC',
    'SUMMARY:Spacer po Kazimierzu',
    'LAST-MODIFIED:20261101T120000Z',
    'DTSTAMP:20261101T120000Z',
    'DTSTART;TZID=Europe/Warsaw:20261212T110000',
    'SEQUENCE:0',
    'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-APPLE-RADIUS=70;X-TITLE=Plac Nowy:geo:50.0514,19.9446',
    'BEGIN:VALARM',
    'X-WR-ALARMUID:ABC',
    'UID:ABC',
    'TRIGGER:-PT30M',
    'ACTION:DISPLAY',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Spacer po Kazimierzu', '11:00'],
    source: 'Apple Calendar export: X-APPLE-* properties with parameters, VALARM.',
  },
);
cal(
  'ics-nextcloud-export.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'PRODID:-//SabreDAV//SabreDAV//EN',
    'X-WR-CALNAME:Fundacja',
    'X-APPLE-CALENDAR-COLOR:#0082c9',
    ...warsaw,
    'BEGIN:VEVENT',
    'CREATED:20261101T120000Z',
    'DTSTAMP:20261101T120000Z',
    'LAST-MODIFIED:20261101T120000Z',
    'SEQUENCE:2',
    'UID:a1b2c3d4-e5f6-7890-abcd-ef0123456789',
    'DTSTART;TZID=Europe/Warsaw:20261214T170000',
    'DTEND;TZID=Europe/Warsaw:20261214T190000',
    'STATUS:CONFIRMED',
    'SUMMARY:Grupa wsparcia',
    'CATEGORIES:Wsparcie,Kobiety',
    'RRULE:FREQ=MONTHLY;BYDAY=2MO',
    'END:VEVENT',
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Grupa wsparcia'],
    source: 'Nextcloud (SabreDAV) export: monthly on the second Monday, SEQUENCE 2.',
  },
);
cal(
  'ics-facebook-export.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'PRODID:-//Facebook//NONSGML Facebook Events V1.0//EN',
    'X-PUBLISHED-TTL:PT12H',
    'X-ORIGINAL-URL:https://www.facebook.com/events/123456789/',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    'DTSTAMP:20261101T120000Z',
    'LAST-MODIFIED:20261101T120000Z',
    'CREATED:20261101T120000Z',
    'SEQUENCE:0',
    'ORGANIZER;CN=Fundacja Otwarty Kraków:MAILTO:noreply@facebookmail.com',
    'DTSTART:20261216T170000Z',
    'DTEND:20261216T200000Z',
    'UID:e123456789@facebook.com',
    'SUMMARY:Kino integracyjne',
    'LOCATION:Kino Pod Baranami',
    'URL:https://www.facebook.com/events/123456789/',
    'DESCRIPTION:Pokaz filmu i rozmowa.\\n\\nhttps://www.facebook.com/events/123456789/',
    'CLASS:PUBLIC',
    'STATUS:CONFIRMED',
    'PARTSTAT:ACCEPTED',
    'END:VEVENT',
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Kino integracyjne', '18:00'],
    source: 'Facebook events export: UTC times, MAILTO in capitals, PARTSTAT on the VEVENT.',
  },
);
cal(
  'ics-sequence-newest-wins.ics',
  ics(
    ev('s', 'SEQUENCE:0', 'SUMMARY:Stara wersja', 'DTSTART:20261210T170000Z'),
    ev('s', 'SEQUENCE:2', 'SUMMARY:Nowa wersja', 'DTSTART:20261211T170000Z'),
    ev('s', 'SEQUENCE:1', 'SUMMARY:Pośrednia wersja', 'DTSTART:20261212T170000Z'),
  ),
  {
    expect: 'shown',
    texts: ['Nowa wersja'],
    absent: ['Stara wersja', 'Pośrednia wersja'],
    source: 'Issue 10: a newer SEQUENCE of a UID was dropped for the older one.',
  },
);
cal(
  'ics-last-modified-wins.ics',
  ics(
    ev('m', 'LAST-MODIFIED:20261105T000000Z', 'SUMMARY:Nowsza zmiana', 'DTSTART:20261211T170000Z'),
    ev('m', 'LAST-MODIFIED:20261101T000000Z', 'SUMMARY:Starsza zmiana', 'DTSTART:20261210T170000Z'),
  ),
  {
    expect: 'shown',
    texts: ['Nowsza zmiana'],
    absent: ['Starsza zmiana'],
    source: 'Equal SEQUENCE: the latest LAST-MODIFIED wins.',
  },
);
cal(
  'ics-override-moved-far.ics',
  ics(
    warsaw,
    ev(
      'r',
      'SUMMARY:Seria miesięczna',
      'DTSTART;TZID=Europe/Warsaw:20261005T180000',
      'DURATION:PT1H',
      'RRULE:FREQ=MONTHLY;COUNT=3',
    ),
    ev(
      'r',
      'RECURRENCE-ID;TZID=Europe/Warsaw:20261005T180000',
      'SUMMARY:Przeniesione z października',
      'DTSTART;TZID=Europe/Warsaw:20261218T180000',
      'DURATION:PT1H',
    ),
  ),
  {
    expect: 'shown',
    texts: ['Przeniesione z października', 'Seria miesięczna'],
    source: 'Issue 10: a RECURRENCE-ID override moved more than a week (from October into December).',
  },
);
cal(
  'ics-override-moved-out.ics',
  ics(
    ev('o', 'SUMMARY:Co tydzień', 'DTSTART:20261201T170000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=4'),
    ev(
      'o',
      'RECURRENCE-ID:20261208T170000Z',
      'SUMMARY:Przeniesione na luty',
      'DTSTART:20270210T170000Z',
      'DURATION:PT1H',
    ),
  ),
  {
    expect: 'shown',
    texts: ['Co tydzień'],
    absent: ['Przeniesione na luty'],
    source: 'An occurrence moved out of the month shown.',
  },
);
cal(
  'ics-override-without-master.ics',
  ics(ev('x', 'RECURRENCE-ID:20261210T170000Z', 'SUMMARY:Sama zmiana', 'DTSTART:20261210T170000Z')),
  {
    expect: 'shown',
    texts: ['Sama zmiana'],
    source: 'A feed that holds an override whose series is not in it (a shared single occurrence).',
  },
);
cal(
  'ics-html-payloads.ics',
  ics(
    ev(
      'h',
      `SUMMARY:Zaproszenie ${XSS.script}`,
      'DTSTART:20261210T170000Z',
      `DESCRIPTION:${XSS.img}${XSS.svg}`,
      `LOCATION:${XSS.img}`,
      `X-OC-ACCESSIBILITY:${XSS.script}`,
    ),
  ),
  { expect: 'shown', texts: ['Zaproszenie'], source: 'Markup in SUMMARY, DESCRIPTION, LOCATION: text only.' },
);
cal(
  'ics-javascript-urls.ics',
  ics(
    ev(
      'j',
      'SUMMARY:Złe linki',
      'DTSTART:20261210T170000Z',
      `URL:${XSS.link}`,
      `CONFERENCE;VALUE=URI:${XSS.data}`,
      'LOCATION:javascript:window.__hostileRan=1',
      'ORGANIZER;CN="<img src=x onerror=window.__hostileRan=1>":mailto:x@example.org',
    ),
  ),
  { expect: 'shown', texts: ['Złe linki'], source: 'javascript: and data: in URL, CONFERENCE and LOCATION.' },
);
gen(
  'ics-1mb-field.gen',
  'calendar',
  { generator: 'icsBigField', size: 1_000_000, pattern: 'Opis wydarzenia. ' },
  {
    expect: 'shown',
    texts: ['Wydarzenie z długim opisem', 'Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: a 1 MB field blocked the page for 27 s.',
  },
);
gen(
  'ics-a-a-a-description.gen',
  'calendar',
  { generator: 'icsBigField', size: 200_000, pattern: '<a' },
  {
    expect: 'shown',
    texts: ['Wydarzenie z długim opisem'],
    note: true,
    source: 'Issue 10: 200 KB of <a<a<a… blocked the page for over 80 s.',
  },
);
gen(
  'ics-500kb-unfolded-line.gen',
  'calendar',
  { generator: 'icsBigField', size: 500_000, pattern: 'x', fold: false },
  {
    expect: 'shown',
    texts: ['Wydarzenie z długim opisem'],
    note: true,
    source: 'A 500 KB line that was never folded.',
  },
);
gen(
  'ics-2000-events.gen',
  'calendar',
  { generator: 'icsMany', count: 2000 },
  {
    expect: 'shown',
    texts: ['Wydarzenie'],
    source: 'The bench size: 2,000 events, a fifth of them series.',
  },
);
gen(
  'ics-100000-exdates.gen',
  'calendar',
  { generator: 'exdates', count: 100_000 },
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'A weekly series since 2000 with 100,000 EXDATE values.',
  },
);
cal('ics-lf-only.ics', ics(plain('Tylko LF')).replace(/\r\n/g, '\n'), {
  expect: 'shown',
  texts: ['Tylko LF'],
  source: 'Line ends LF only (Unix exporters).',
});
cal('ics-cr-only.ics', ics(plain('Tylko CR')).replace(/\r\n/g, '\r'), {
  expect: 'shown',
  texts: ['Tylko CR'],
  source: 'Line ends CR only (old Mac exporters).',
});
cal('ics-bom.ics', `\uFEFF${ics(plain('Z BOM'))}`, {
  expect: 'shown',
  texts: ['Z BOM'],
  source: 'A UTF-8 byte order mark before BEGIN:VCALENDAR.',
});
cal(
  'ics-no-uid.ics',
  ics(
    ['BEGIN:VEVENT', 'SUMMARY:Bez UID', 'DTSTART:20261210T170000Z', 'END:VEVENT'],
    ['BEGIN:VEVENT', 'SUMMARY:Też bez UID', 'DTSTART:20261211T170000Z', 'END:VEVENT'],
  ),
  {
    expect: 'shown',
    texts: ['Bez UID', 'Też bez UID'],
    source: 'VEVENTs without UID (RFC 5545 requires one).',
  },
);
cal('ics-no-dtstart-anywhere.ics', ics(ev('a', 'SUMMARY:Bez początku'), ev('b', 'SUMMARY:Też bez początku')), {
  expect: 'alert',
  absent: ['Bez początku'],
  source: 'No VEVENT has a DTSTART: nothing is usable.',
});
cal('ics-garbage-inside.ics', crlf(['BEGIN:VCALENDAR', '<html><body>Not found</body></html>', 'END:VCALENDAR']), {
  expect: 'empty',
  source: 'A calendar wrapper around an HTML page: no events at all.',
});
cal(
  'ics-only-broken-components.ics',
  crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'BEGIN:VEVENT', 'UID:b', 'END:VCALENDAR']),
  {
    expect: 'alert',
    source: 'Every VEVENT is unclosed.',
  },
);
cal(
  'ics-nested-vevent.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'UID:outer',
    'SUMMARY:Zewnętrzne',
    ...ev('inner', 'SUMMARY:Wewnętrzne', 'DTSTART:20261211T170000Z'),
    'END:VEVENT',
    ...plain(),
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Wewnętrzne', 'Zwykłe spotkanie'],
    absent: ['Zewnętrzne'],
    note: true,
    source: 'A VEVENT begun inside another.',
  },
);
cal(
  'ics-unclosed-valarm.ics',
  ics(
    [
      'BEGIN:VEVENT',
      'UID:a',
      'SUMMARY:Z alarmem',
      'DTSTART:20261210T170000Z',
      'BEGIN:VALARM',
      'TRIGGER:-PT5M',
      'END:VEVENT',
    ],
    plain(),
  ),
  { expect: 'shown', texts: ['Zwykłe spotkanie'], note: true, source: 'A VALARM never closed inside a VEVENT.' },
);
cal(
  'ics-count-huge.ics',
  ics(
    ev('c', 'SUMMARY:Ogromny COUNT', 'DTSTART:20000101T100000Z', 'RRULE:FREQ=DAILY;COUNT=99999999'),
    ev('c2', 'SUMMARY:Duży COUNT', 'DTSTART:20000101T100000Z', 'RRULE:FREQ=HOURLY;COUNT=900000'),
    plain(),
  ),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Issue 10: COUNT out of reason, and a COUNT that must be walked from 2000.',
  },
);
cal(
  'ics-byday-ordinal-out-of-range.ics',
  ics(ev('o', 'SUMMARY:Dziewiąty poniedziałek', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=MONTHLY;BYDAY=9MO'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'An out-of-range BYDAY ordinal.',
  },
);
cal(
  'ics-never-occurs.ics',
  ics(
    ev('n1', 'SUMMARY:Nigdy 1', 'DTSTART:20261130T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU'),
    ev('n2', 'SUMMARY:Nigdy 2', 'DTSTART;VALUE=DATE:20261201', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'),
    ev('n3', 'SUMMARY:Nigdy 3', 'DTSTART:20261201T100000Z', 'RRULE:FREQ=HOURLY;INTERVAL=24;BYHOUR=11'),
    plain(),
  ),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'Rules that never meet their BY* parts (30 February; a lattice that misses them), which ical.js loops on.',
  },
);
cal(
  'ics-secondly-with-bymonth.ics',
  ics(ev('s', 'SUMMARY:Co sekundę w czerwcu', 'DTSTART:20261201T000000Z', 'RRULE:FREQ=SECONDLY;BYMONTH=6'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'FREQ=SECONDLY limited to June: ical.js would try every second of the year.',
  },
);
cal(
  'ics-minutely-since-2000.ics',
  ics(ev('m', 'SUMMARY:Co minutę', 'DTSTART:20000101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY'), plain()),
  {
    expect: 'shown',
    texts: ['Co minutę'],
    note: true,
    source: 'FREQ=MINUTELY over a long span.',
  },
);
cal(
  'ics-daily-since-1970.ics',
  ics(ev('d', 'SUMMARY:Codziennie od 1970', 'DTSTART:19700101T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY')),
  {
    expect: 'shown',
    texts: ['Codziennie od 1970'],
    source: 'A daily series started long ago (20,000 steps to reach today).',
  },
);
cal(
  'ics-unknown-tzid.ics',
  crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'X-WR-TIMEZONE:Europe/Kyiv',
    ...ev('u', 'SUMMARY:Nieznana strefa', 'DTSTART;TZID=Mars/Olympus:20261210T120000'),
    'END:VCALENDAR',
  ]),
  {
    expect: 'shown',
    texts: ['Nieznana strefa'],
    source: 'A TZID that names no zone at all.',
  },
);
cal(
  'ics-mozilla-tzid.ics',
  ics(ev('z', 'SUMMARY:Stary Thunderbird', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20261210T120000')),
  {
    expect: 'shown',
    texts: ['Stary Thunderbird', '12:00'],
    source: 'Old Thunderbird/Lightning TZIDs with a /mozilla.org/ prefix.',
  },
);
cal(
  'ics-hostile-vtimezone.ics',
  ics(
    [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Warsaw',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'RRULE:FREQ=SECONDLY',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ],
    ev('v', 'SUMMARY:Strefa z pułapką', 'DTSTART;TZID=Europe/Warsaw:20261210T180000'),
  ),
  {
    expect: 'shown',
    texts: ['Strefa z pułapką', '18:00'],
    note: true,
    source: 'A VTIMEZONE whose own rule is FREQ=SECONDLY (ical.js expands zone rules too).',
  },
);
cal(
  'ics-proto-property-names.ics',
  ics(
    ev(
      'p',
      'SUMMARY;CONSTRUCTOR=1;__PROTO__=2:Dziwne nazwy',
      'DTSTART:20261210T170000Z',
      'CONSTRUCTOR:x',
      '__PROTO__:y',
      'TOSTRING:z',
      'X-OC-LANGUAGES:constructor,__proto__,uk',
    ),
  ),
  { expect: 'shown', texts: ['Dziwne nazwy'], source: 'Property and parameter names that are Object.prototype names.' },
);
cal('ics-two-calendars.ics', ics(plain('Pierwszy kalendarz', 10)) + ics(plain('Drugi kalendarz', 12)), {
  expect: 'shown',
  texts: ['Pierwszy kalendarz', 'Drugi kalendarz'],
  source: 'Two VCALENDARs in one file (concatenated exports).',
});
cal(
  'ics-rdate-period.ics',
  ics(
    ev(
      'p',
      'SUMMARY:Terminy okresowe',
      'DTSTART:20261201T100000Z',
      'DURATION:PT1H',
      'RDATE;VALUE=PERIOD:20261215T100000Z/20261215T120000Z,20261216T100000Z/PT3H',
    ),
  ),
  { expect: 'shown', texts: ['Terminy okresowe'], source: 'RDATE with PERIOD values.' },
);
cal(
  'ics-invalid-utf8.ics',
  Buffer.concat([
    Buffer.from(ics(plain('Zły bajt \u0000 w tytule')).split('Zły')[0] + 'Zły '),
    Buffer.from([0xff, 0xfe, 0xc3]),
    Buffer.from(' bajt\r\n' + ['DTSTART:20261211T170000Z', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')),
  ]),
  {
    expect: 'shown',
    texts: ['Zły'],
    source: 'Bytes that are not UTF-8 in a SUMMARY.',
  },
);
cal('ics-cancelled.ics', ics(ev('c', 'SUMMARY:Odwołane', 'STATUS:CANCELLED', 'DTSTART:20261210T170000Z')), {
  expect: 'shown',
  texts: ['Odwołane'],
  source: 'STATUS:CANCELLED is shown, marked.',
});
cal(
  'ics-huge-interval-weekly.ics',
  ics(ev('w', 'SUMMARY:Co milion tygodni', 'DTSTART:20261210T170000Z', 'RRULE:FREQ=WEEKLY;INTERVAL=1000000'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'A weekly INTERVAL that ical.js walks day by day.',
  },
);
cal(
  'ics-bad-until.ics',
  ics(ev('u', 'SUMMARY:Zły UNTIL', 'DTSTART:20261210T170000Z', 'RRULE:FREQ=DAILY;UNTIL=jutro'), plain()),
  {
    expect: 'shown',
    texts: ['Zwykłe spotkanie'],
    note: true,
    source: 'An UNTIL that is no date.',
  },
);

// ---------------------------------------------------------------- event calendar: JSON-LD
cal(
  'jsonld-schema-org-schedule-example.json',
  {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: 'Zajęcia jogi',
    eventSchedule: {
      '@type': 'Schedule',
      startDate: '2026-11-01',
      endDate: '2027-06-30',
      repeatFrequency: 'P1W',
      byDay: ['https://schema.org/Monday', 'https://schema.org/Wednesday'],
      startTime: '19:00:00',
      endTime: '20:00:00',
      scheduleTimezone: 'Europe/Warsaw',
    },
  },
  {
    expect: 'shown',
    texts: ['Zajęcia jogi', '19:00'],
    source: "Issue 10: schema.org's own Schedule example (an Event with eventSchedule and no startDate).",
  },
);
cal(
  'jsonld-repeat-frequencies.json',
  [
    {
      '@type': 'Event',
      name: 'Słowo Weekly',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'Weekly',
        byDay: 'Tuesday',
        startTime: '10:00',
        startDate: '2026-12-01',
      },
    },
    {
      '@type': 'Event',
      name: 'Co dwa tygodnie P14D',
      eventSchedule: { '@type': 'Schedule', repeatFrequency: 'P14D', startDate: '2026-12-02', startTime: '11:00' },
    },
    {
      '@type': 'Event',
      name: 'Fortnightly',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'fortnightly',
        startDate: '2026-12-03',
        startTime: '12:00',
      },
    },
    {
      '@type': 'Event',
      name: 'Miesięcznie P1M',
      startDate: '2026-12-04T13:00:00+01:00',
      eventSchedule: { '@type': 'Schedule', repeatFrequency: 'P1M' },
    },
    {
      '@type': 'Event',
      name: 'Dni jako słowa',
      eventSchedule: {
        '@type': 'Schedule',
        byDay: ['Mon', 'schema:Friday', { '@id': 'http://schema.org/Sunday' }],
        startDate: '2026-12-01',
        startTime: '9:30',
      },
    },
  ],
  {
    expect: 'shown',
    texts: ['Słowo Weekly', 'Co dwa tygodnie P14D', 'Fortnightly', 'Miesięcznie P1M', 'Dni jako słowa'],
    source: 'repeatFrequency as ISO 8601 durations and words; byDay as names, prefixed names and @id objects.',
  },
);
cal(
  'jsonld-except-date.json',
  [
    {
      '@type': 'Event',
      name: 'Z wyjątkiem świąt',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1D',
        startDate: '2026-12-20',
        endDate: '2026-12-28',
        startTime: '10:00',
        exceptDate: ['2026-12-24', '2026-12-25T10:00:00+01:00', { toString: 'x' }],
      },
    },
  ],
  { expect: 'shown', texts: ['Z wyjątkiem świąt'], source: 'schema.org exceptDate as Date, DateTime and junk.' },
);
cal(
  'jsonld-type-tostring.json',
  '[{"@type":{"toString":"x"},"name":"Zły typ"},{"@type":["Event",{"valueOf":1}],"name":"Dobre wydarzenie","startDate":"2026-12-10T18:00:00+01:00"}]',
  { expect: 'shown', texts: ['Dobre wydarzenie'], source: 'Issue 10: "@type": {"toString": "x"} threw.' },
);
cal(
  'jsonld-code-point-110000.json',
  [
    {
      '@type': 'Event',
      name: 'Znak &#x110000; poza zakresem',
      startDate: '2026-12-10T18:00:00+01:00',
      description: 'Opis &#x110000; &#xD800; &#0; &#99999999999999999;',
    },
  ],
  {
    expect: 'shown',
    texts: ['Znak', 'poza zakresem'],
    source: 'Issue 10: &#x110000; in a description threw a RangeError.',
  },
);
cal(
  'jsonld-html-payloads.json',
  [
    {
      '@type': 'Event',
      name: `Spotkanie ${XSS.script}`,
      startDate: '2026-12-10T18:00:00+01:00',
      description: `${XSS.img} ${XSS.svg}`,
      location: { '@type': 'Place', name: XSS.img, address: XSS.script },
    },
  ],
  { expect: 'shown', texts: ['Spotkanie'], source: 'Markup in name, description and place.' },
);
cal(
  'jsonld-javascript-urls.json',
  [
    {
      '@type': 'Event',
      name: 'Złe adresy',
      startDate: '2026-12-10T18:00:00+01:00',
      url: XSS.link,
      location: { '@type': 'VirtualLocation', url: XSS.data },
      offers: { url: XSS.link, price: '10', priceCurrency: 'PLN' },
      organizer: { name: 'X', url: XSS.link },
    },
  ],
  {
    expect: 'shown',
    texts: ['Złe adresy'],
    source: 'javascript: and data: URLs in url, VirtualLocation, offers and organizer.',
  },
);
cal(
  'jsonld-graph-and-listitems.json',
  {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'ItemList',
        itemListElement: [
          {
            '@type': 'ListItem',
            position: 1,
            item: { '@type': 'EducationEvent', name: 'W grafie', startDate: '2026-12-10T18:00:00+01:00' },
          },
        ],
      },
    ],
  },
  { expect: 'shown', texts: ['W grafie'], source: 'An @graph holding an ItemList of ListItems.' },
);
cal(
  'jsonld-not-events.json',
  { '@context': 'https://schema.org', '@type': 'Organization', name: 'Fundacja' },
  { expect: 'alert', source: 'JSON-LD without any Event.' },
);
cal('jsonld-invalid-json.json', '[{"@type": "Event", "name": "Urwane', { expect: 'alert', source: 'A cut download.' });
cal(
  'jsonld-every-type-everywhere.json',
  [
    {
      '@type': 'Event',
      name: ['lista', 'nazw'],
      startDate: { '@value': 12 },
      endDate: true,
      location: 7,
      offers: 'free',
      organizer: [null],
      inLanguage: { toString: 'pl' },
      keywords: { a: 1 },
      audience: [[]],
      eventSchedule: 'weekly',
    },
    {
      '@type': 'Event',
      name: 'Poprawne obok',
      startDate: '2026-12-10T18:00:00+01:00',
      location: [null, 1, { '@type': 'Place', name: 'Sala', geo: { latitude: 'x', longitude: { valueOf: 1 } } }],
      offers: [{ price: { toString: 1 } }],
      inLanguage: ['pl', 7, null],
    },
  ],
  {
    expect: 'shown',
    texts: ['Poprawne obok'],
    note: true,
    source: 'Any JSON type in any field (the first event has no usable name or start).',
  },
);
gen(
  'jsonld-million-keywords.gen',
  'calendar',
  { generator: 'keywords', count: 1_000_000 },
  {
    expect: 'shown',
    texts: ['Wydarzenie z wieloma słowami', 'Zwykłe spotkanie'],
    note: true,
    source: 'An event with 100,000 keywords.',
  },
);
gen(
  'jsonld-2000-events.gen',
  'calendar',
  { generator: 'jsonldMany', count: 2000 },
  {
    expect: 'shown',
    texts: ['Wydarzenie'],
    source: 'The bench size in JSON-LD.',
  },
);
cal(
  'jsonld-proto-keys.json',
  '[{"__proto__":{"@type":"Event"},"constructor":"x","@type":"Event","name":"Klucze prototypu","startDate":"2026-12-10T18:00:00+01:00","eventSchedule":{"@type":"Schedule","byDay":"constructor","repeatFrequency":"__proto__"}}]',
  { expect: 'shown', texts: ['Klucze prototypu'], source: '__proto__ and constructor as keys and values.' },
);
cal(
  'jsonld-facebook-offsets.json',
  {
    '@context': 'http://schema.org',
    '@type': 'Event',
    name: 'Offset bez dwukropka',
    startDate: '2026-12-10T18:00:00+0100',
    endDate: '2026-12-10T20:00:00+0100',
    location: { '@type': 'Place', name: 'Klub', address: { '@type': 'PostalAddress', addressLocality: 'Kraków' } },
  },
  { expect: 'shown', texts: ['Offset bez dwukropka', '18:00'], source: 'Facebook event pages: offsets written +0100.' },
);
cal(
  'jsonld-absurd-schedules.json',
  [
    {
      '@type': 'Event',
      name: 'Licznik miliard',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1D',
        repeatCount: 1e9,
        startDate: '1970-01-01',
        startTime: '08:00',
      },
    },
    {
      '@type': 'Event',
      name: 'Zła reguła',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'PT1S',
        byMonthDay: 99,
        byMonth: 13,
        startDate: '2026-12-01',
      },
    },
    {
      '@type': 'Event',
      name: 'Trwa wieki',
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1D',
        duration: 'P99999D',
        startDate: '2026-12-01',
        startTime: '10:00',
      },
    },
    { '@type': 'Event', name: 'Normalne', startDate: '2026-12-10T18:00:00+01:00' },
  ],
  {
    expect: 'shown',
    texts: ['Normalne', 'Trwa wieki'],
    note: true,
    source: 'repeatCount of a billion, impossible parts, a duration of centuries.',
  },
);
cal(
  'jsonld-date-formats.json',
  [
    { '@type': 'Event', name: 'Spacja zamiast T', startDate: '2026-12-10 18:00' },
    { '@type': 'Event', name: 'Format polski', startDate: '10.12.2026' },
    { '@type': 'Event', name: 'Dobra data', startDate: '2026-12-11' },
  ],
  {
    expect: 'shown',
    texts: ['Dobra data', 'Spacja zamiast T'],
    note: true,
    source: 'Dates as people type them (10.12.2026 cannot be read).',
  },
);
cal(
  'jsonld-empty-list.json',
  { '@type': 'ItemList', itemListElement: [] },
  { expect: 'empty', source: 'An empty ItemList: no events yet.' },
);
cal(
  'jsonld-deep-nesting.json',
  `[{"@type":"Event","name":"Zagnieżdżone pole","startDate":"2026-12-10T18:00:00+01:00","description":${'['.repeat(3000)}${']'.repeat(3000)}}]`,
  { expect: 'shown', texts: ['Zagnieżdżone pole'], source: 'A field 3,000 arrays deep.' },
);

writeFileSync(`${dir}cases.json`, JSON.stringify(cases, null, 1) + '\n');
const rows = Object.entries(cases).map(
  ([file, c]) =>
    `| \`${file}\` | ${c.widget} | ${c.expect}${c.note ? ' + note' : ''} | ${c.source.replace(/\|/g, '\\|')} |`,
);
writeFileSync(
  `${dir}README.md`,
  `# The hostile corpus

Feeds as real exporters write them, and as an attacker would: ${rows.length} cases, one file each,
run by \`test/hostile-corpus.test.ts\` in Chromium through the drop-in build. Made by
\`test/tools/make-hostile-corpus.mjs\` (run it again to change the corpus; \`cases.json\` holds what each
case must show). Files ending in \`.gen\` are recipes for large feeds, which \`test/hostile-feeds.mjs\`
makes when a test asks for them; \`.pages.json\` files hold every page of an HSDS API listing.

Every case asserts: no uncaught exception, no script of the feed runs, no \`javascript:\` or \`data:\`
link, no main-thread task over 1 s, and then by its kind: **shown** (the texts listed in
\`cases.json\` are visible, and no feed alert), **alert** (a visible alert in the page language, Polish),
**empty** (a feed with nothing to show: no alert, no entry). "+ note" means the widget must also say
that some entries are not shown.

Calendar cases are read with \`now\` = 24 November 2026, the month December 2026, the list view and
\`time-zone="Europe/Warsaw"\`.

| case | widget | expect | where it comes from |
|---|---|---|---|
${rows.join('\n')}
`,
);
console.log(`${rows.length} cases written to test/hostile/`);
