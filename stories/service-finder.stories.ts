import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { FinderState } from '@open-city/service-finder';
import '@open-city/service-finder/define.js';
import sampleUrl from '../packages/service-finder/sample/krakow-services.json?url';
import notAFeedUrl from '../packages/service-finder/test-fixtures/not-a-feed.json?url';

interface FinderArgs {
  src: string;
  timeZone: string;
  syncUrl: boolean;
  /** A fixed clock for "open now", as an ISO instant; empty for the real time. */
  now: string;
  state?: FinderState;
}

/** A feed path that never answers, to show the loading state (an http(s) URL, as `src` must be). */
const NEVER = '/storybook-never/services';
if (!(window as unknown as { ocNeverFetch?: boolean }).ocNeverFetch) {
  (window as unknown as { ocNeverFetch?: boolean }).ocNeverFetch = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith(NEVER)) return realFetch(input, init);
    return new Promise((_, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
    );
  };
}

const oneService = [
  {
    id: 'one',
    name: 'Emergency number 112',
    status: 'active',
    description: 'Call 112 when a life, health or property is in danger. Operators can answer in English.',
    phones: [{ number: '112' }],
    languages: [{ code: 'pl' }, { code: 'en' }, { code: 'uk' }],
    cost_options: [{ option: 'Free', amount: 0 }],
    schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '00:00' }],
    assured_date: '2025-09-15',
  },
];

/** A finder whose services sit in a child `<script type="application/json">`. */
function inline(services: unknown[]): HTMLElement {
  const finder = document.createElement('oc-service-finder');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(services);
  finder.append(script);
  return finder;
}

const meta: Meta<FinderArgs> = {
  title: 'Widgets/Service finder',
  component: 'oc-service-finder',
  args: { src: sampleUrl, timeZone: 'Europe/Warsaw', syncUrl: false, now: '' },
  argTypes: {
    src: { control: 'text', description: 'HSDS feed: array, API page or NDJSON; may contain {lang}' },
    timeZone: { control: 'text', description: 'IANA zone of the opening hours' },
    now: { control: 'text', description: 'Fixed clock (ISO instant) for "open now"; empty for now' },
  },
  render: ({ src, timeZone, syncUrl, now, state }) =>
    html`<oc-service-finder
      src=${src || nothing}
      time-zone=${timeZone}
      ?sync-url=${syncUrl}
      .now=${now ? new Date(now) : undefined}
      .state=${state ?? { query: '' }}
    ></oc-service-finder>`,
};
export default meta;

type Story = StoryObj<FinderArgs>;

/** The Kraków sample feed (sample data, not an authoritative directory): many results, in pages. */
export const ManyResults: Story = {};

/** While the feed loads: an announced indicator, never a blank box. */
export const Loading: Story = { args: { src: NEVER } };

/** A feed with no services. */
export const Empty: Story = { render: () => inline([]) };

/** Nothing matches: the finder suggests which filter to remove, with the count it would give. */
export const NoMatch: Story = { args: { state: { query: 'dentist', language: 'ka' } } };

/** An unusable feed: a localized alert with "Try again", and `oc-load-error`. */
export const UnusableFeed: Story = { args: { src: notAFeedUrl } };

/** An attribute it cannot use: a localized alert above a finder that goes on with Europe/Warsaw. */
export const UnknownTimeZone: Story = { args: { timeZone: 'Mars/Base' } };

/** A `src` that is not a web address is never fetched: only the alert, and `oc-load-error`. */
export const UnsafeSrc: Story = { args: { src: 'javascript:alert(1)' } };

/** Exactly one result. */
export const OneResult: Story = { render: () => inline(oneService) };

/** "Open now" with a fixed clock: Monday 31 March 2025, 09:30 in Kraków, the day after DST began. */
export const OpenNowFixedClock: Story = {
  args: { now: '2025-03-31T07:30:00Z', state: { query: '', openNow: true } },
};

/** The detail view of one service, as a shared link opens it. */
export const Detail: Story = {
  args: { now: '2025-03-31T07:30:00Z', state: { query: '', service: 'krk-009' } },
};

/** Query and filters kept in the URL hash (`#oc-sf=…`), so the search can be shared. */
export const SyncUrl: Story = { args: { syncUrl: true } };

export const Polish: Story = { globals: { locale: 'pl' } };
export const Ukrainian: Story = { globals: { locale: 'uk' } };
export const Russian: Story = { globals: { locale: 'ru' } };

/** Right to left: the layout mirrors; addresses and phone numbers keep their own direction. */
export const ArabicRtl: Story = {
  globals: { locale: 'ar' },
  args: { state: { query: '', service: 'krk-009' }, now: '2025-03-31T07:30:00Z' },
};
export const ArabicList: Story = { globals: { locale: 'ar' } };

/** The embedding page's high-contrast tokens. */
export const HighContrast: Story = { globals: { theme: 'contrast' } };

/** A 320 px column: everything reflows, nothing scrolls sideways. */
export const Narrow: Story = {
  render: () => html`<div class="narrow-320"><oc-service-finder src=${sampleUrl}></oc-service-finder></div>`,
};

// ---- the map view

/**
 * A generated tile set, so that the map stories need no tile server and no internet: each tile is
 * a small SVG (a pale ground, a grid, its z/x/y), given through the `mapTileUrl` property.
 */
function storyTile(z: number, x: number, y: number): string {
  const ground = (x + y) % 2 ? '#e6ede4' : '#eef2ea';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
    <rect width="256" height="256" fill="${ground}"/>
    <path d="M64 0V256M128 0V256M192 0V256M0 64H256M0 128H256M0 192H256" stroke="#d3dccf" stroke-width="1"/>
    <path d="M0 0H256V256" fill="none" stroke="#b8c4b4" stroke-width="2"/>
    <text x="8" y="20" font-family="sans-serif" font-size="12" fill="#7c8a78">${z}/${x}/${y}</text>
  </svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** A path the story server does not have: every tile fails. */
const MISSING_TILES = '/storybook-no-tiles/{z}/{x}/{y}.png';

function mapFinder(options: { src?: string; services?: unknown[]; tiles?: string; state?: FinderState }): HTMLElement {
  const finder = options.services ? inline(options.services) : document.createElement('oc-service-finder');
  if (options.src) finder.setAttribute('src', options.src);
  finder.setAttribute('view', 'map');
  if (options.tiles) finder.setAttribute('map-tiles', options.tiles);
  else (finder as HTMLElement & { mapTileUrl?: typeof storyTile }).mapTileUrl = storyTile;
  if (options.state) (finder as HTMLElement & { state: FinderState }).state = options.state;
  return finder;
}

/** 10,000 services spread over Kraków (generated, not real), to see the clustering. */
function manyServices(count: number): unknown[] {
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (_, i) => ({
    id: `generated-${i}`,
    name: `Generated service ${i + 1}`,
    status: 'active',
    service_at_locations: [
      {
        location: {
          id: `generated-place-${i}`,
          latitude: 49.98 + random() * 0.17,
          longitude: 19.8 + random() * 0.36,
          addresses: [{ address_1: `ul. Przykładowa ${(i % 200) + 1}`, city: 'Kraków' }],
        },
      },
    ],
  }));
}

/** Services without coordinates: the map says so and lists them beside it. */
const withoutPlaces = [
  { ...oneService[0], id: 'phone-1' },
  { id: 'phone-2', name: 'Online Polish course', status: 'active', languages: [{ code: 'uk' }] },
];

/** The map view with the Kraków sample: clusters, markers, and the services without an address beside it. */
export const MapView: Story = { render: () => mapFinder({ src: sampleUrl }) };

/** 10,000 services: clusters keep the map light and smooth; Enter on a cluster zooms into it. */
export const MapManyServices: Story = { render: () => mapFinder({ services: manyServices(10_000) }) };

/** No service has coordinates: the map says so, and the list beside it holds them all. */
export const MapNoCoordinates: Story = { render: () => mapFinder({ services: withoutPlaces }) };

/** The tile server does not answer: a message, the markers stay, and the list is one control away. */
export const MapTilesFailing: Story = { render: () => mapFinder({ src: sampleUrl, tiles: MISSING_TILES }) };

export const MapPolish: Story = { globals: { locale: 'pl' }, render: () => mapFinder({ src: sampleUrl }) };
export const MapUkrainian: Story = { globals: { locale: 'uk' }, render: () => mapFinder({ src: sampleUrl }) };
export const MapRussian: Story = { globals: { locale: 'ru' }, render: () => mapFinder({ src: sampleUrl }) };

/** Right to left: the controls and the list beside the map mirror; the map itself (west on the left) does not. */
export const MapArabicRtl: Story = { globals: { locale: 'ar' }, render: () => mapFinder({ src: sampleUrl }) };

/** A 320 px column: the map, its controls and its attribution fit; nothing scrolls sideways. */
export const MapNarrow: Story = {
  render: () => html`<div class="narrow-320">${mapFinder({ src: sampleUrl })}</div>`,
};
