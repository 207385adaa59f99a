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
