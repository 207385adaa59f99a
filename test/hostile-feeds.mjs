/**
 * Serves the hostile corpus (test/hostile/) to the browser tests, over real HTTP:
 *   /hostile/<case>               the case file as it is (bytes, not re-encoded)
 *   /hostile/<case>.gen           a large case made from its recipe (the recipe file is small, the
 *                                 feed it makes is not: 100,000 services, a 1 MB field…)
 *   /hostile/<case>.pages.json?page=N   page N of an HSDS API listing kept in one file
 *   /hostile-cdn/<file>           the drop-in build: packages/widgets/dist/cdn/, or the folder in
 *                                 OC_HOSTILE_CDN (to test a build made elsewhere with OC_CDN_OUT)
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const corpusDir = new URL('./hostile/', import.meta.url).pathname;
const defaultCdn = new URL('../packages/widgets/dist/cdn/', import.meta.url).pathname;
const generated = new Map();

/** A little deterministic randomness, so generated feeds are the same every run. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const service = (i, extra = {}) => ({
  id: `svc-${i}`,
  name: `Usługa ${i}`,
  status: 'active',
  description: `Pomoc numer ${i} dla cudzoziemców w Krakowie.`,
  ...extra,
});

const crlf = (lines) => lines.join('\r\n') + '\r\n';
const calendar = (events) =>
  crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hostile corpus//EN', ...events.flat(), 'END:VCALENDAR']);
const vevent = (uid, ...lines) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'];

const generators = {
  /** `count` plain services. */
  services: ({ count }) => JSON.stringify(Array.from({ length: count }, (_, i) => service(i))),
  /** One service with `languages` languages and `phones` phones, and one plain one. */
  bigLists: ({ languages = 0, phones = 0 }) =>
    JSON.stringify([
      service(0, {
        name: 'Usługa z listami',
        languages: Array.from({ length: languages }, (_, i) => ({ code: `l${i}`, name: `Język ${i}` })),
        phones: Array.from({ length: phones }, (_, i) => ({ number: `+48 12 ${String(i).padStart(6, '0')}` })),
      }),
      service(1, { name: 'Zwykła usługa' }),
    ]),
  /** `count` services with `each` distinct categories each. */
  categories: ({ count, each }) =>
    JSON.stringify(
      Array.from({ length: count }, (_, i) =>
        service(i, {
          attributes: Array.from({ length: each }, (_, j) => ({
            taxonomy_term: { id: `cat-${i}-${j}`, name: `Kategoria ${i}-${j}` },
          })),
        }),
      ),
    ),
  /** A category chain `depth` deep. */
  chain: ({ depth }) =>
    JSON.stringify([
      service(0, {
        name: 'Usługa w głębokiej kategorii',
        attributes: Array.from({ length: 1 }, () => ({
          taxonomy_term: { id: 'c0', name: 'Poziom 0', parent_id: 'c1' },
        })),
      }),
      ...Array.from({ length: depth }, (_, i) =>
        service(i + 1, {
          attributes: [{ taxonomy_term: { id: `c${i + 1}`, name: `Poziom ${i + 1}`, parent_id: `c${i + 2}` } }],
        }),
      ),
    ]),
  /** A service whose description is `size` characters of `pattern`. */
  bigText: ({ size, pattern, field = 'description' }) =>
    JSON.stringify([
      service(0, {
        name: 'Usługa z długim opisem',
        [field]: pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size),
      }),
      service(1, { name: 'Zwykła usługa' }),
    ]),
  /** Services whose every text field is `size` characters long. */
  bigEverywhere: ({ size, count }) => {
    const long = (c) => c.repeat(size);
    return JSON.stringify(
      Array.from({ length: count }, (_, i) =>
        service(i, {
          name: `Usługa ${i} ${long('n')}`,
          alternate_name: long('a'),
          description: long('d'),
          email: `${long('e')}@example.org`,
          application_process: long('p'),
          organization: { name: long('o') },
          phones: [{ number: long('1') }],
          service_at_locations: [
            { location: { name: long('l'), addresses: [{ address_1: long('s'), city: long('c') }] } },
          ],
        }),
      ),
    );
  },
  /** `count` VEVENTs, each FREQ=SECONDLY since 2000, plus one plain event. */
  secondly: ({ count }) =>
    calendar([
      ...Array.from({ length: count }, (_, i) =>
        vevent(`s${i}`, `SUMMARY:Co sekundę ${i}`, 'DTSTART:20000101T000000Z', 'RRULE:FREQ=SECONDLY'),
      ),
      vevent('plain', 'SUMMARY:Zwykłe spotkanie', 'DTSTART:20261210T170000Z', 'DURATION:PT1H'),
    ]),
  /** An event whose DESCRIPTION is `size` characters of `pattern` (folded at 75 octets), and a plain one. */
  icsBigField: ({ size, pattern, fold = true }) => {
    const value = pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);
    const line = `DESCRIPTION:${value}`;
    const folded = fold ? line.match(/.{1,74}/g).join('\r\n ') : line;
    return calendar([
      vevent('big', 'SUMMARY:Wydarzenie z długim opisem', 'DTSTART:20261210T170000Z', folded),
      vevent('plain', 'SUMMARY:Zwykłe spotkanie', 'DTSTART:20261211T170000Z'),
    ]);
  },
  /** `count` events over a few months, a tenth of them weekly or monthly series. */
  icsMany: ({ count }) => {
    const next = random(7);
    return calendar(
      Array.from({ length: count }, (_, i) => {
        const start = new Date(
          Date.UTC(2026, 10, 1, 8 + Math.floor(next() * 10)) + Math.floor(next() * 90) * 86_400_000,
        );
        const stamp = start
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '');
        const rule =
          i % 10 === 0 ? ['RRULE:FREQ=WEEKLY'] : i % 10 === 1 ? ['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=12'] : [];
        return vevent(`m${i}`, `SUMMARY:Wydarzenie ${i}`, `DTSTART:${stamp}`, 'DURATION:PT1H', ...rule);
      }),
    );
  },
  /** A weekly series with `count` EXDATEs. */
  exdates: ({ count }) => {
    const dates = Array.from({ length: count }, (_, i) => {
      const d = new Date(Date.UTC(2000, 0, 3, 17) + i * 7 * 86_400_000);
      return d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    });
    return calendar([
      vevent(
        'ex',
        'SUMMARY:Seria z wieloma wyjątkami',
        'DTSTART:20000103T170000Z',
        'RRULE:FREQ=WEEKLY',
        `EXDATE:${dates.join(',')}`,
      ),
      vevent('plain', 'SUMMARY:Zwykłe spotkanie', 'DTSTART:20261211T170000Z'),
    ]);
  },
  /** `count` schema.org events, a tenth weekly. */
  jsonldMany: ({ count }) =>
    JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: Array.from({ length: count }, (_, i) => ({
        '@type': 'Event',
        identifier: `j${i}`,
        name: `Wydarzenie ${i}`,
        startDate: new Date(Date.UTC(2026, 11, 1 + (i % 28), 9 + (i % 8))).toISOString(),
        ...(i % 10 === 0
          ? {
              eventSchedule: {
                '@type': 'Schedule',
                repeatFrequency: 'P1W',
                byDay: 'https://schema.org/Tuesday',
                startTime: '18:00',
              },
            }
          : {}),
      })),
    }),
  /** An event with `count` keywords. */
  keywords: ({ count }) =>
    JSON.stringify([
      {
        '@type': 'Event',
        name: 'Wydarzenie z wieloma słowami',
        startDate: '2026-12-10T18:00:00+01:00',
        keywords: Array.from({ length: count }, (_, i) => `słowo${i}`),
      },
      { '@type': 'Event', name: 'Zwykłe spotkanie', startDate: '2026-12-11T18:00:00+01:00' },
    ]),
};

async function generate(name) {
  if (generated.has(name)) return generated.get(name);
  const recipe = JSON.parse(await readFile(join(corpusDir, name), 'utf8'));
  const make = generators[recipe.generator];
  if (!make) throw new Error(`${name}: no generator "${recipe.generator}"`);
  const body = make(recipe);
  generated.set(name, body);
  return body;
}

export function hostileFeedMiddleware() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    const cdn = url.pathname.match(/^\/hostile-cdn\/(.+)$/);
    if (cdn) {
      const dir = process.env.OC_HOSTILE_CDN ? `${normalize(process.env.OC_HOSTILE_CDN)}/` : defaultCdn;
      const file = normalize(join(dir, cdn[1]));
      if (!file.startsWith(dir)) return next();
      try {
        ctx.body = await readFile(file);
        ctx.type = file.endsWith('.json') ? 'application/json' : 'text/javascript';
      } catch {
        ctx.status = 404;
      }
      return;
    }
    const match = url.pathname.match(/^\/hostile\/([A-Za-z0-9._-]+)$/);
    if (!match) return next();
    const name = match[1];
    ctx.set('Cache-Control', 'no-store');
    try {
      if (name.endsWith('.gen')) {
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = await generate(name);
        return;
      }
      const bytes = await readFile(join(corpusDir, name));
      if (name.endsWith('.pages.json')) {
        const pages = JSON.parse(bytes.toString('utf8')).pages;
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const body = pages[Math.min(page, pages.length) - 1];
        if (body && typeof body === 'object' && body.status) {
          ctx.status = body.status;
          ctx.body = body.body ?? '';
          return;
        }
        ctx.type = 'application/json';
        ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
        return;
      }
      ctx.type = 'application/octet-stream';
      ctx.body = bytes;
    } catch {
      ctx.status = 404;
    }
  };
}
