import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '@open-city/event-calendar/define.js';
import icsText from '../packages/event-calendar/sample/krakow-events.ics?raw';
import jsonText from '../packages/event-calendar/sample/krakow-events.json?raw';
import { buildIcs } from '../packages/event-calendar/bench/render-bench.js';

/** The sample feeds as same-origin URLs (Storybook serves no API). */
const feedUrl = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));
const ICS = feedUrl(icsText, 'text/calendar');
const JSONLD = feedUrl(jsonText, 'application/ld+json');
const EMPTY = feedUrl('[]', 'application/ld+json');
const BROKEN = feedUrl('this is not a calendar', 'text/plain');
/** A feed path that never answers, to show the loading state. */
const NEVER = '/storybook-never/events.ics';
if (!(window as unknown as { ocNeverEvents?: boolean }).ocNeverEvents) {
  (window as unknown as { ocNeverEvents?: boolean }).ocNeverEvents = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== NEVER) return realFetch(input, init);
    return new Promise((_, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
    );
  };
}
let busy: string | undefined;
const busyFeed = () => (busy ??= feedUrl(buildIcs(600, 120), 'text/calendar'));

/** "Today" in the sample feeds, so stories look the same on any day. */
const NOW = new Date('2026-11-24T10:00:00Z');

interface CalendarArgs {
  src: string;
  view: '' | 'list' | 'month';
  timeZone: string;
}

const meta: Meta<CalendarArgs> = {
  title: 'Widgets/Event calendar',
  component: 'oc-event-calendar',
  args: { src: `${ICS} ${JSONLD}`, view: '', timeZone: 'Europe/Warsaw' },
  argTypes: {
    view: {
      control: 'inline-radio',
      options: ['', 'list', 'month'],
      description: 'Empty: by the width of the container',
    },
    timeZone: { control: 'text' },
  },
  render: ({ src, view, timeZone }) =>
    html`<oc-event-calendar .now=${NOW} src=${src} view=${view} time-zone=${timeZone}></oc-event-calendar>`,
};
export default meta;

type Story = StoryObj<CalendarArgs>;

/** The agenda list, grouped by day: the default in a narrow container. Both sample feeds, merged. */
export const List: Story = { args: { view: 'list' } };

/** The month grid: one ARIA grid; arrow keys, Home/End, Page Up/Down; Enter goes to the day's events. */
export const Month: Story = { args: { view: 'month' } };

/** Default view by width: a list in a 320 px column. */
export const Narrow: Story = {
  render: () =>
    html`<div class="narrow-320"><oc-event-calendar .now=${NOW} src=${`${ICS} ${JSONLD}`}></oc-event-calendar></div>`,
};

/** While the feeds load: an announced indicator, never a blank box. */
export const Loading: Story = {
  args: { src: NEVER, view: 'list' },
  play: async ({ canvasElement }) => {
    const calendar = canvasElement.querySelector('oc-event-calendar')!;
    await waitFor(() => expect(calendar.shadowRoot!.querySelector('[part="loading"][role="status"]')).not.toBeNull());
  },
};

/** A feed with no events. */
export const Empty: Story = { args: { src: EMPTY, view: 'list' } };

/** One feed cannot be read: its error shows, the other feed's events still show. */
export const ErrorInOneFeed: Story = { name: 'Error', args: { src: `${ICS} ${BROKEN}`, view: 'list' } };

/** Every feed fails: a localized alert with "Try again", never a blank box. */
export const AllFeedsFail: Story = { args: { src: BROKEN, view: 'month' } };

/** An unknown `time-zone`: a localized alert above the calendar, which shows times in Europe/Warsaw. */
export const UnknownTimeZone: Story = { args: { view: 'list', timeZone: 'Mars/Base' } };

/** A `src` that cannot be fetched (`javascript:`): the alert is all there is, and nothing is fetched. */
export const UnusableSrc: Story = { args: { src: 'javascript:alert(1)' } };

/** A busy month: 600 events, 120 of them recurring. */
export const BusyMonth: Story = {
  render: () => html`<oc-event-calendar .now=${NOW} src=${busyFeed()} view="month"></oc-event-calendar>`,
};

/** Events shown in another zone: the language café at 18:00 in Kraków is at noon in New York. */
export const OtherTimeZone: Story = { args: { view: 'list', timeZone: 'America/New_York' } };

export const Polish: Story = { args: { view: 'month' }, globals: { locale: 'pl' } };
export const Ukrainian: Story = { args: { view: 'list' }, globals: { locale: 'uk' } };
export const Russian: Story = { args: { view: 'month' }, globals: { locale: 'ru' } };
/** Right to left: the grid mirrors, and so do the arrow keys. */
export const Arabic: Story = { args: { view: 'month' }, globals: { locale: 'ar' } };
export const ArabicList: Story = { args: { view: 'list' }, globals: { locale: 'ar' } };

/** The embedding page's high-contrast tokens. */
export const HighContrast: Story = { args: { view: 'month' }, globals: { theme: 'contrast' } };
