/**
 * Search and filter speed of <oc-service-finder> on 10,000 services: builds a synthetic HSDS
 * directory, indexes it, and replays a user typing queries letter by letter with filters on.
 * Runs in Node or a browser; imports only the pure modules (no DOM, no Lit).
 */
import { buildDirectory } from '../src/parse.js';
import { find, prepare } from '../src/finder.js';

// A block of words, not one per line.
// prettier-ignore
const words = [
  'urząd', 'wojewódzki', 'pomoc', 'prawna', 'karta', 'pobytu', 'lekarz', 'przychodnia', 'kurs', 'języka',
  'polskiego', 'praca', 'mieszkanie', 'schronisko', 'szkoła', 'psycholog', 'wsparcie', 'kryzys', 'legal',
  'advice', 'residence', 'permit', 'doctor', 'clinic', 'course', 'housing', 'shelter', 'school', 'support',
  'emergency', 'Kraków', 'Nowa', 'Huta', 'Podgórze', 'Kazimierz', 'Łagiewniki', 'młodzież', 'dzieci',
  'rodzina', 'tłumacz', 'bezpłatna', 'informacja', 'cudzoziemców', 'migrantów', 'uchodźców',
];
const streets = [
  'ul. Długa',
  'ul. Wielicka',
  'al. Powstania Warszawskiego',
  'ul. Józefińska',
  'os. Centrum',
  'ul. Grodzka',
];
const categories = ['legal', 'residence', 'language', 'health', 'work', 'housing', 'education', 'psych', 'emergency'];
const languages = ['pl', 'en', 'uk', 'ru', 'ar', 'be', 'ka', 'vi', 'es', 'tr'];

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function generateServices(count: number): unknown[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const phrase = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const category = pick(categories);
    return {
      id: `bench-${i}`,
      name: `${phrase(3)} ${i}`,
      status: 'active',
      description: phrase(25),
      organization: { id: `org-${i % 300}`, name: phrase(2) },
      languages: Array.from(new Set([pick(languages), pick(languages), 'pl'])).map((code) => ({ code })),
      cost_options: next() < 0.6 ? [{ option: 'Free', amount: 0 }] : [],
      schedules: [
        { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: `0${7 + Math.floor(next() * 3)}:00`, closes_at: '16:00' },
      ],
      service_at_locations: [
        {
          location: {
            id: `loc-${i}`,
            latitude: 50.0 + next() * 0.12,
            longitude: 19.85 + next() * 0.2,
            addresses: [
              { address_1: `${pick(streets)} ${1 + Math.floor(next() * 120)}`, city: 'Kraków', postal_code: '31-000' },
            ],
            accessibility: next() < 0.5 ? [{ description: 'Step-free entrance' }] : [],
          },
        },
      ],
      attributes: [
        { taxonomy_term: { id: category, name: category } },
        { taxonomy_term: { id: `${category}-sub`, name: `${category} sub`, parent_id: category } },
      ],
    };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const round = (value: number) => Math.round(value * 1000) / 1000;

export async function run(): Promise<Record<string, number>> {
  const records = generateServices(10_000);
  let started = performance.now();
  const directory = buildDirectory(records, 'bench');
  const parseMs = performance.now() - started;
  started = performance.now();
  const prepared = prepare(directory);
  const indexMs = performance.now() - started;

  const now = new Date('2025-03-31T08:00:00Z');
  const queries = ['urzad wojewodzki', 'pomoc prawna krakow', 'lekarz nowa huta', 'kurs jezyka polskiego', 'mlodziez'];
  const keystrokes: number[] = [];
  const filtered: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of queries) {
      for (let length = 1; length <= query.length; length++) {
        const typed = query.slice(0, length);
        let t = performance.now();
        find(prepared, { query: typed }, now, 'Europe/Warsaw');
        keystrokes.push(performance.now() - t);
        t = performance.now();
        find(
          prepared,
          { query: typed, language: 'uk', free: true, openNow: true, category: 'health' },
          now,
          'Europe/Warsaw',
        );
        filtered.push(performance.now() - t);
      }
    }
  }
  let t = performance.now();
  find(prepared, { query: '' }, now, 'Europe/Warsaw', { latitude: 50.06, longitude: 19.94 });
  const nearMs = performance.now() - t;
  t = performance.now();
  find(prepared, { query: '', openNow: true }, now, 'Europe/Warsaw');
  const openNowMs = performance.now() - t;

  return {
    services: directory.services.length,
    parseMs: round(parseMs),
    indexBuildMs: round(indexMs),
    keystrokeMedianMs: round(median(keystrokes)),
    keystrokeP95Ms: round(percentile(keystrokes, 0.95)),
    keystrokeWithFiltersMedianMs: round(median(filtered)),
    keystrokeWithFiltersP95Ms: round(percentile(filtered, 0.95)),
    openNowAllMs: round(openNowMs),
    nearMeSortAllMs: round(nearMs),
  };
}
