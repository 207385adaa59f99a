/**
 * The widgets in the states a person meets, for the cross-widget accessibility tests in this folder
 * (reflow and zoom, text spacing, forced colours, reduced motion, target size) and for
 * test/pseudo-locale.test.ts. Each scenario mounts one widget on the test page and resolves once it
 * shows what the state is about.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { OcServiceFinder } from '@open-city/service-finder';
import type { OcEventCalendar } from '@open-city/event-calendar';
import type { OcIncidentReport } from '@open-city/incident-report';
import '@open-city/language-switcher/define.js';
import '@open-city/service-finder/define.js';
import '@open-city/event-calendar/define.js';
import {
  click,
  completeDraft,
  fakeReceiver,
  mount,
  storeDraft,
  submit,
  useEndpoint,
  type FakeReceiver,
} from '../../packages/incident-report/src/test-helpers.js';
import { steps } from '../../packages/incident-report/src/validation.js';

useEndpoint('/api/reports-a11y');

export const SERVICES = '/packages/service-finder/sample/krakow-services.json';
export const ICS = '/packages/event-calendar/sample/krakow-events.ics';
export const JSONLD = '/packages/event-calendar/sample/krakow-events.json';
/** What a person types in the "nothing found" scenario (shown back as it is). */
export const QUERY = 'zzzzzz';
/** Tuesday 24 November 2026, 11:00 in Kraków: inside the sample feeds' weeks. */
export const NOW = new Date('2026-11-24T10:00:00Z');

export interface Scenario {
  name: string;
  render: () => Promise<Element>;
}

export const shadow = (element: Element) => element.shadowRoot!;

/** Map tiles drawn by the test server (test/test-tiles.mjs), so that nothing needs the internet. */
export const TILES = '/test-tiles/{z}/{x}/{y}.png';

async function finder(view: 'list' | 'map' = 'list'): Promise<OcServiceFinder> {
  const element = await fixture<OcServiceFinder>(
    html`<oc-service-finder src=${SERVICES} view=${view} map-tiles=${TILES} .now=${NOW}></oc-service-finder>`,
  );
  await element.loaded;
  await waitUntil(
    () => shadow(element).querySelector(view === 'map' ? '.viewport' : '.card-title'),
    `the finder shows no ${view}`,
    {
      timeout: 10_000,
    },
  );
  return element;
}

async function calendar(view: 'list' | 'month'): Promise<OcEventCalendar> {
  const element = await fixture<OcEventCalendar>(
    html`<oc-event-calendar src=${`${ICS} ${JSONLD}`} view=${view} .now=${NOW}></oc-event-calendar>`,
  );
  await element.loaded;
  await waitUntil(
    () => shadow(element).querySelector(view === 'month' ? 'table' : '.list'),
    'the calendar did not render',
    {
      timeout: 10_000,
    },
  );
  return element;
}

let receiver: FakeReceiver | undefined;

/** Undo what a scenario left behind (the fake receiver, the stored draft). */
export function cleanUpScenario() {
  receiver?.restore();
  receiver = undefined;
  sessionStorage.clear();
  localStorage.removeItem('oc-incident-report:draft:/api/reports-a11y');
}

export const scenarios: Scenario[] = [
  { name: 'language switcher, select', render: () => fixture(html`<oc-language-switcher></oc-language-switcher>`) },
  {
    name: 'language switcher, list',
    render: () => fixture(html`<oc-language-switcher variant="list"></oc-language-switcher>`),
  },
  { name: 'service finder, results', render: () => finder() },
  {
    name: 'service finder, a service',
    render: async () => {
      const element = await finder();
      shadow(element).querySelector<HTMLElement>('.card-title')!.click();
      await waitUntil(() => shadow(element).querySelector('#detail-title'), 'no detail view');
      return element;
    },
  },
  { name: 'service finder, map', render: () => finder('map') },
  {
    name: 'service finder, nothing found',
    render: async () => {
      const element = await finder();
      const input = shadow(element).querySelector<HTMLInputElement>('#q')!;
      input.value = QUERY;
      input.dispatchEvent(new Event('input'));
      await element.updateComplete;
      return element;
    },
  },
  {
    name: 'service finder, feed that fails',
    render: async () => {
      const element = await fixture<OcServiceFinder>(
        html`<oc-service-finder src="/test-feed/status/404"></oc-service-finder>`,
      );
      await waitUntil(() => shadow(element).querySelector('[role="alert"]'), 'no error shown');
      return element;
    },
  },
  { name: 'event calendar, list', render: () => calendar('list') },
  { name: 'event calendar, month', render: () => calendar('month') },
  {
    name: 'event calendar, an event',
    render: async () => {
      const element = await calendar('list');
      shadow(element).querySelector<HTMLElement>('.event')!.click();
      await waitUntil(() => shadow(element).querySelector('.back'), 'no event detail');
      return element;
    },
  },
  ...steps.map<Scenario>((step) => ({
    name: `incident report, step "${step}"`,
    render: async () => {
      storeDraft(completeDraft({ anonymous: step !== 'contact' }), step);
      return mount();
    },
  })),
  {
    name: 'incident report, with errors shown',
    render: async () => {
      const element = await mount();
      await submit(element);
      return element;
    },
  },
  {
    name: 'incident report, sent',
    render: async () => {
      receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
      storeDraft(completeDraft(), 'review');
      const element: OcIncidentReport = await mount();
      await click(element, '#consent');
      await submit(element);
      await waitUntil(() => shadow(element).querySelector('.reference-value'), 'not sent');
      return element;
    },
  },
];

/** Every element a widget shows, through its shadow roots, with the root each one lives in. */
export function* elementsOf(root: ParentNode): Generator<Element> {
  for (const element of root.children) {
    if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(element.tagName)) continue;
    yield element;
    if (element.shadowRoot) yield* elementsOf(element.shadowRoot);
    yield* elementsOf(element);
  }
}

/** Every shadow root inside and including a widget's own. */
export function shadowRootsOf(widget: Element): ShadowRoot[] {
  const roots = widget.shadowRoot ? [widget.shadowRoot] : [];
  for (const element of elementsOf(widget.shadowRoot ?? widget)) if (element.shadowRoot) roots.push(element.shadowRoot);
  return roots;
}

export const describeElement = (element: Element) =>
  `${element.localName}${element.id ? `#${element.id}` : ''}${[...element.classList].map((name) => `.${name}`).join('')}`;

/** Hidden by a screen-reader-only or trap style: clipped away, or 1 px. */
function clippedAway(element: Element): boolean {
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  return (
    rect.width <= 1 ||
    rect.height <= 1 ||
    (style.clipPath !== 'none' && style.clipPath !== '') ||
    (style.clip !== 'auto' && style.clip !== '')
  );
}

/**
 * Shown on screen: not display: none, not visibility: hidden, and neither it nor an ancestor in its
 * shadow root screen-reader-only, clipped away or aria-hidden (a honeypot field).
 */
export function shown(element: Element): boolean {
  if (!element.checkVisibility({ visibilityProperty: true })) return false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (clippedAway(node) || node.getAttribute('aria-hidden') === 'true') return false;
  }
  return true;
}

/** The controls a person operates: what takes focus or a click. */
export const controlSelector = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[role="button"]',
  '[role="tab"]',
  '[role="option"]',
  '[role="gridcell"][tabindex]',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `element` lies inside `widget`, across shadow roots. */
export function inside(widget: Element, element: Element | null): boolean {
  let node: Node | null = element;
  while (node) {
    if (node === widget) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}
