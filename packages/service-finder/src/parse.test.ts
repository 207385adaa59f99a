import { expect } from '@open-wc/testing';
import {
  FIRST_RECORDS,
  buildDirectory,
  firstRecords,
  loadAllPages,
  pageUrl,
  parseClock,
  parseServices,
  readFeedShape,
  readPhone,
  readSchedules,
} from './parse.js';
import { endonym, languageLabel } from './format.js';
import { prepare } from './finder.js';

const service = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Service ${id}`,
  status: 'active',
  ...extra,
});

describe('parse: feed shapes', () => {
  it('reads a plain array', () => {
    const directory = parseServices(JSON.stringify([service('a'), service('b')]));
    expect(directory.services.map((s) => s.id)).to.deep.equal(['a', 'b']);
  });

  it('reads an HSDS API page and NDJSON', () => {
    const page = readFeedShape(JSON.stringify({ total_pages: 3, page_number: 1, contents: [service('a')] }));
    expect(page).to.deep.include({ kind: 'page', totalPages: 3, page: 1 });
    const ndjson = parseServices(`${JSON.stringify(service('a'))}\n\n${JSON.stringify(service('b'))}\nnot json\n`);
    expect(ndjson.services.map((s) => s.id)).to.deep.equal(['a', 'b']);
    expect(ndjson.skipped).to.equal(1);
  });

  it('refuses text that is no feed at all', () => {
    expect(() => parseServices('<html>Not found</html>')).to.throw();
    expect(() => parseServices('{"error": "nope"}')).to.throw(/neither/);
    expect(() => parseServices('')).to.throw(/empty/);
    expect(() => parseServices(JSON.stringify([1, 'x', null]))).to.throw(/usable/);
  });

  it('accepts an empty array as an empty directory', () => {
    expect(parseServices('[]').services).to.deep.equal([]);
  });

  it('skips broken records, drops inactive ones and keeps the rest', () => {
    const directory = buildDirectory([
      service('a'),
      { name: 'no id' },
      { id: 'x' },
      service('a'),
      service('old', { status: 'defunct' }),
      service('b', { phones: 'oops', schedules: [{ nonsense: true }], languages: [null, 'uk'] }),
    ]);
    expect(directory.services.map((s) => s.id)).to.deep.equal(['a', 'b']);
    expect(directory.skipped).to.equal(3);
    expect(directory.services[1].languages.map((l) => l.code)).to.deep.equal(['uk']);
  });

  it('follows the further pages of an API listing', async () => {
    const requested: string[] = [];
    const pages: Record<string, unknown> = {
      2: { total_pages: 3, page_number: 2, contents: [service('b')] },
      3: { total_pages: 3, page_number: 3, contents: [service('c')] },
    };
    const first = JSON.stringify({ total_pages: 3, page_number: 1, contents: [service('a')] });
    const directory = await loadAllPages(first, 'https://x.test/api/services?per_page=1', async (url) => {
      requested.push(url);
      return JSON.stringify(pages[new URL(url).searchParams.get('page')!]);
    });
    expect(directory.services.map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
    expect(requested).to.deep.equal([
      'https://x.test/api/services?per_page=1&page=2',
      'https://x.test/api/services?per_page=1&page=3',
    ]);
    expect(pageUrl('https://x.test/s?page=1', 2)).to.equal('https://x.test/s?page=2');
  });
});

describe('parse: fields', () => {
  it('cleans odd phone strings and makes tel: numbers', () => {
    expect(readPhone({ number: '"+48 12 000 20 03"' })).to.deep.include({
      display: '+48 12 000 20 03',
      tel: '+48120002003',
    });
    expect(readPhone({ number: '(12) 000-20-02' })?.tel).to.equal('120002002');
    expect(readPhone({ number: 'ask at the desk' })?.tel).to.equal(undefined);
    expect(readPhone({ number: '  ' })).to.equal(undefined);
  });

  it('reads weekly schedules and ignores fields it does not use', () => {
    const { hours, notes } = readSchedules([
      { freq: 'WEEKLY', byday: 'mo,tu', opens_at: '08:00:00', closes_at: '15:30', wkst: 'MO', timezone: 1 },
      { freq: 'DAILY', opens_at: '22:00', closes_at: '06:00' },
      { byday: 'SA', opens_at: 'noon', closes_at: '14:00', notes: 'Saturdays around noon' },
    ]);
    expect(hours).to.have.length(2);
    expect(hours[0]).to.deep.include({ days: [1, 2], opens: 480, closes: 930, rule: undefined });
    expect(hours[1]).to.deep.include({ days: [1, 2, 3, 4, 5, 6, 7], opens: 1320, closes: 360 });
    expect(notes).to.deep.equal(['Saturdays around noon']);
    expect(parseClock('24:00')).to.equal(1440);
    expect(parseClock('25:00')).to.equal(undefined);
  });

  it('reads monthly and every-n-weeks RFC 5545 rules, with their notes', () => {
    const { hours, notes } = readSchedules([
      { freq: 'WEEKLY', byday: '1MO', opens_at: '10:00', closes_at: '12:00', notes: 'First Monday of the month' },
      { freq: 'MONTHLY', byday: '-1FR', opens_at: '16:00', closes_at: '18:00' },
      { freq: 'MONTHLY', bymonthday: '1, 15,-1', opens_at: '09:00', closes_at: '11:00' },
      {
        freq: 'WEEKLY',
        interval: '2',
        byday: 'TU',
        wkst: 'SU',
        dtstart: '2026-01-06',
        opens_at: '12:00',
        closes_at: '14:00',
      },
      { freq: 'MONTHLY', byday: '-2MO', opens_at: '09:00', closes_at: '10:00', notes: 'Ask for the date' },
      { freq: 'WEEKLY', byweekno: '10', byday: 'MO', opens_at: '09:00', closes_at: '10:00' },
    ]);
    expect(hours).to.have.length(4);
    expect(hours[0]).to.deep.include({ days: [1], opens: 600, closes: 720, notes: 'First Monday of the month' });
    expect(hours[0].rule).to.deep.include({ freq: 'monthly', interval: 1, byDay: [{ weekday: 1, ordinal: 1 }] });
    expect(hours[1].rule).to.deep.include({ freq: 'monthly', byDay: [{ weekday: 5, ordinal: -1 }] });
    expect(hours[2].days).to.deep.equal([]);
    expect(hours[2].rule).to.deep.include({ freq: 'monthly', byDay: [], byMonthDay: [1, 15, -1] });
    expect(hours[3]).to.deep.include({ days: [2], validFrom: '2026-01-06' });
    expect(hours[3].rule).to.deep.include({ freq: 'weekly', interval: 2, weekStart: 7, anchor: '2026-01-06' });
    // A count from the end other than the last, or weeks of the year: only the notes.
    expect(notes).to.deep.equal(['Ask for the date']);
  });

  it('bounds a schedule by valid_from, valid_to, dtstart, until and count', () => {
    const { hours } = readSchedules([
      { byday: 'MO', opens_at: '09:00', closes_at: '10:00', valid_from: '2026-01-01', valid_to: '2026-06-30' },
      {
        byday: 'MO',
        opens_at: '09:00',
        closes_at: '10:00',
        dtstart: '2026-02-02',
        until: '2026-03-31',
        valid_to: '2026-12-31',
      },
      // Four Mondays from 2 March 2026: the last is 23 March.
      { freq: 'WEEKLY', byday: 'MO', count: 4, dtstart: '2026-03-02', opens_at: '11:00', closes_at: '12:00' },
      // Three first Mondays from January: 5 January, 2 February, 2 March.
      { freq: 'MONTHLY', byday: '1MO', count: '3', valid_from: '2026-01-01', opens_at: '11:00', closes_at: '12:00' },
    ]);
    expect(hours.map((h) => [h.validFrom, h.validTo])).to.deep.equal([
      ['2026-01-01', '2026-06-30'],
      ['2026-02-02', '2026-03-31'],
      ['2026-03-02', '2026-03-23'],
      ['2026-01-01', '2026-03-02'],
    ]);
  });

  it('reads a schedule shared by the service and its location once: by id, and by identical periods', () => {
    // As in the official HSDS 3.0 example: the same schedule under the service and its location.
    const shared = {
      id: 'sch-1',
      freq: 'WEEKLY',
      byday: 'MO,TU',
      opens_at: '09:00',
      closes_at: '17:00',
      notes: 'Ring the bell',
    };
    const copy = { id: 'sch-2', freq: 'WEEKLY', byday: 'TU,MO', opens_at: '09:00:00', closes_at: '17:00' };
    const directory = parseServices(
      JSON.stringify([
        service('a', {
          schedules: [shared],
          service_at_locations: [
            { id: 'sal', schedules: [shared], location: { id: 'loc', name: 'Office', schedules: [shared, copy] } },
          ],
        }),
      ]),
    );
    const { hours } = directory.services[0];
    expect(hours).to.have.length(1);
    expect(hours[0]).to.deep.include({ days: [1, 2], opens: 540, closes: 1020, notes: 'Ring the bell' });
  });

  it("reads the organization's website (HSDS 3.0), else its older url, through the same link check", () => {
    const read = (organization: unknown) =>
      parseServices(JSON.stringify([service('a', { organization })])).services[0].organization?.url;
    expect(read({ name: 'Org', website: 'https://new.example.org/' })).to.equal('https://new.example.org/');
    expect(read({ name: 'Org', url: 'https://old.example.org/' })).to.equal('https://old.example.org/');
    expect(read({ name: 'Org', website: 'https://new.example.org/', url: 'https://old.example.org/' })).to.equal(
      'https://new.example.org/',
    );
    expect(read({ name: 'Org', website: 'javascript:alert(1)' })).to.equal(undefined);
    expect(read({ name: 'Org', website: 'javascript:alert(1)', url: 'https://old.example.org/' })).to.equal(
      'https://old.example.org/',
    );
  });

  it('calls a service free only when a cost option says 0 and none charges', () => {
    const read = (cost_options: unknown) => parseServices(JSON.stringify([service('a', { cost_options })])).services[0];
    expect(read([{ option: 'Free', amount: 0 }]).cost).to.equal('free');
    expect(
      read([
        { option: 'With NFZ', amount: 0 },
        { option: 'Private', amount: 180, currency: 'PLN' },
      ]).cost,
    ).to.equal('paid');
    expect(read([]).cost).to.equal('unknown');
    expect(read([{ option: 'Ask us' }]).cost).to.equal('unknown');
    expect(read([{ option: 'Private', amount: 180, currency: 'PLN' }]).costDetails).to.deep.equal(['Private: 180 PLN']);
  });

  it('keeps only absolute http(s) links', () => {
    const read = (url: string) =>
      parseServices(JSON.stringify([service('a', { url, organization: { name: 'Org', url } })])).services[0];
    expect(read('javascript:alert(1)').url).to.equal(undefined);
    expect(read('javascript:alert(1)').organization?.url).to.equal(undefined);
    expect(read('https://example.org').url).to.equal('https://example.org/');
    expect(read('https://example.org').organization?.url).to.equal('https://example.org/');
    expect(read('mailto:a@example.org').url).to.equal(undefined);
    expect(read('/relative/page').url).to.equal(undefined);
    const parsed = parseServices(JSON.stringify([service('a', { url: 'javascript:alert(1)' })])).services[0];
    expect(parsed.url).to.equal(undefined);
  });

  it('reads the 2025 test directory: at least 40 services, categories with parents, places and hours', async () => {
    const text = await (await fetch('/packages/service-finder/test-fixtures/krakow-services-2025.json')).text();
    const directory = parseServices(text);
    expect(directory.services.length).to.be.at.least(40);
    expect(directory.skipped).to.equal(0);
    expect(directory.categories.get('oc-health-doctor')?.parentId).to.equal('oc-health');
    const permit = directory.services[0];
    expect(permit.places[0].address?.street).to.equal('ul. Przy Rondzie 6');
    expect(permit.hours.length).to.be.greaterThan(0);
    expect(permit.accessible).to.equal(true);
    expect(directory.services.some((s) => s.organization?.description?.includes('SAMPLE DATA'))).to.equal(true);
  });
});

describe('parse: hostile feeds', () => {
  it('reads feed keys that are Object.prototype names as data', () => {
    const directory = parseServices(
      '[{"id":"a","name":"A","status":"active","languages":["constructor","__proto__",{"code":"toString"},"uk"],' +
        '"schedules":[{"freq":"WEEKLY","byday":"constructor,MO","opens_at":"09:00","closes_at":"10:00"}]}]',
    );
    const [service] = directory.services;
    expect(service.languages.map((l) => l.code)).to.deep.equal(['constructor', 'tostring', 'uk']);
    expect(service.hours).to.deep.equal([]);
    expect(endonym('constructor')).to.equal('constructor');
    expect(languageLabel('__proto__', 'pl')).to.be.a('string');
  });

  it('keeps at most 50 entries of a list and 10,000 characters of a text, and counts what it cuts', () => {
    const directory = buildDirectory([
      service('a', {
        languages: Array.from({ length: 20_000 }, (_, i) => ({ code: `x${i}` })),
        phones: Array.from({ length: 100_000 }, (_, i) => ({ number: `+48 ${i}` })),
        description: `${'<a'.repeat(100_000)}`,
      }),
      service('b'),
    ]);
    const [a] = directory.services;
    expect(a.languages).to.have.length(50);
    expect(a.phones).to.have.length(50);
    expect(a.description!.length).to.be.at.most(10_000);
    expect(directory.cut).to.equal(1);
    expect(directory.skipped).to.equal(1, 'so the finder says that not everything is shown');
  });

  it('replaces invalid code points and drops control characters', () => {
    const [s] = parseServices('[{"id":"a","name":"A\\ud800B\\u0000C","status":"active"}]').services;
    expect(s.name).to.equal('A\uFFFDBC');
  });

  it('bounds the categories of a feed and the depth of their parent chains', () => {
    const directory = buildDirectory(
      Array.from({ length: 30 }, (_, i) =>
        service(`s${i}`, {
          attributes: Array.from({ length: 50 }, (_, j) => ({ taxonomy_term: { id: `c${i}-${j}`, name: `C ${j}` } })),
        }),
      ),
    );
    expect(directory.categories.size).to.equal(1000);
    expect(directory.cut).to.be.greaterThan(0);
  });

  it('shows the pages of a listing that could be read, and counts the one that could not', async () => {
    const first = JSON.stringify({ total_pages: 3, page_number: 1, contents: [service('a'), service('a2')] });
    const directory = await loadAllPages(first, 'https://x.test/api/services', async (url) => {
      const page = new URL(url).searchParams.get('page');
      if (page === '2') throw new Error('The server answered 500');
      return JSON.stringify({ total_pages: 3, page_number: 3, contents: [service('c')] });
    });
    expect(directory.services.map((s) => s.id)).to.deep.equal(['a', 'a2', 'c']);
    expect(directory.skipped).to.equal(2);
  });

  it('reads 100,000 services in slices that leave the page responsive, and indexes them ahead', async function () {
    // A large feed on purpose. How long it takes, and its longest task, are the bench's figures
    // (scripts/bench/finder.mjs); here: that the page gets its turns while it is read.
    this.timeout(60_000);
    const records = Array.from({ length: 100_000 }, (_, i) => service(`s${i}`, { description: `Opis ${i}` }));
    const text = JSON.stringify(records);
    let turns = 0;
    let reading = true;
    const tick = () => {
      if (!reading) return;
      turns++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const directory = await loadAllPages(text, 'https://x.test/services', async () => '[]');
    reading = false;
    expect(directory.services).to.have.length(100_000);
    // A count, not a rate: a faster machine reads in fewer slices, so only "it yielded, more than
    // once" holds everywhere (reading in one go gives at most one turn).
    expect(turns, 'timers that ran while the feed was read').to.be.greaterThan(2);
    const prepared = prepare(directory);
    expect(prepared.index.size).to.equal(100_000);
    expect(prepare(directory), 'made once, while loading').to.equal(prepared);
  });
});

describe('parse: the first records ahead of the rest', () => {
  it('finds the first records of an array, whatever its strings and spacing hold', () => {
    const tricky = [
      service('a', { description: 'brackets ] } [ { and "quotes" \\ and a backslash\\' }),
      service('b', { languages: [{ code: 'uk' }, { code: 'pl' }], attributes: [] }),
      service('c'),
    ];
    expect(firstRecords(JSON.stringify(tricky), 2)).to.deep.equal(tricky.slice(0, 2));
    expect(firstRecords(`\ufeff  ${JSON.stringify(tricky, null, 2)}`, 5)).to.deep.equal(tricky);
    expect(firstRecords(tricky.map((record) => JSON.stringify(record)).join('\n'), 2)).to.deep.equal(
      tricky.slice(0, 2),
    );
  });

  it('leaves pages, single objects and text that is not JSON to the whole reader', () => {
    expect(firstRecords(JSON.stringify({ total_pages: 2, contents: [service('a')] }))).to.equal(undefined);
    expect(firstRecords(JSON.stringify(service('a')))).to.equal(undefined);
    expect(firstRecords(JSON.stringify({ contents: [service('a')] }, null, 2))).to.equal(undefined);
    expect(firstRecords('<html>Not found</html>')).to.equal(undefined);
    expect(firstRecords('[{"id": "a", "name": ')).to.equal(undefined);
    expect(firstRecords('[]')).to.deep.equal([]);
  });

  it('hands over the first records before the rest is read, then the whole directory', async () => {
    const records = Array.from({ length: 5_000 }, (_, i) => service(`s${i}`));
    let resolved = false;
    const early: string[][] = [];
    const loading = loadAllPages(
      JSON.stringify(records),
      'https://x.test/services',
      async () => '[]',
      (first) => {
        expect(resolved, 'before the whole directory').to.equal(false);
        early.push(first.services.map((s) => s.id));
      },
    ).then((directory) => {
      resolved = true;
      return directory;
    });
    const directory = await loading;
    expect(early).to.deep.equal([records.slice(0, FIRST_RECORDS).map((r) => r.id)]);
    expect(directory.services).to.have.length(5_000);
  });

  it('hands over the first page of a listing before the further pages come', async () => {
    const first = JSON.stringify({ total_pages: 2, page_number: 1, contents: [service('a'), service('b')] });
    const order: string[] = [];
    const directory = await loadAllPages(
      first,
      'https://x.test/api/services',
      async () => {
        order.push('page 2 fetched');
        return JSON.stringify({ total_pages: 2, page_number: 2, contents: [service('c')] });
      },
      (early) => order.push(`first: ${early.services.map((s) => s.id).join(' ')}`),
    );
    expect(order).to.deep.equal(['first: a b', 'page 2 fetched']);
    expect(directory.services.map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('hands over nothing when none of the first records is usable, and the whole feed says why', async () => {
    let early = 0;
    const broken = JSON.stringify([{ name: 'no id' }, { id: 'x' }]);
    let problem: unknown;
    await loadAllPages(
      broken,
      'https://x.test/services',
      async () => '[]',
      () => early++,
    ).catch((error) => {
      problem = error;
    });
    expect(early).to.equal(0);
    expect(String(problem)).to.match(/usable/);
  });
});
