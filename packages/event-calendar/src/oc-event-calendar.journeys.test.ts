/**
 * Keyboard-only journeys through the calendar (issue 17): Tab, Shift+Tab, Enter, Space, arrows and
 * Escape, nothing else. After each step: where focus is, and that it can be seen (`:focus-visible`
 * matches, with an outline or a box shadow).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import type { OcEventCalendar } from './oc-event-calendar.js';
import './define.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const FEEDS = '/packages/event-calendar/sample/krakow-events.ics /packages/event-calendar/sample/krakow-events.json';

let element: OcEventCalendar;

async function setUp(view: 'list' | 'month') {
  const page = await fixture<HTMLElement>(
    html`<div style="inline-size: 1000px">
      <button id="before">Before</button>
      <oc-event-calendar .now=${NOW} src=${FEEDS} view=${view}></oc-event-calendar>
    </div>`,
  );
  element = page.querySelector('oc-event-calendar')!;
  await element.loaded;
  await waitUntil(() => element.shadowRoot!.querySelector('.list, table'), 'rendered', { timeout: 5000 });
  page.querySelector<HTMLButtonElement>('#before')!.focus();
}

const $ = <T extends Element = HTMLElement>(selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector)!;

/** The focused element inside the calendar, after checking that focus is there and visible. */
function focusedVisibly(): HTMLElement {
  expect(document.activeElement).to.equal(element, 'focus is in the calendar');
  const active = element.shadowRoot!.activeElement as HTMLElement | null;
  expect(active, 'an element of the calendar has focus').to.not.equal(null);
  expect(active!.matches(':focus-visible'), `:focus-visible on ${active!.outerHTML.slice(0, 80)}`).to.equal(true);
  const style = getComputedStyle(active!);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  expect(outline || style.boxShadow !== 'none', 'a focus indicator is drawn').to.equal(true);
  return active!;
}

/** A key, or Shift with one ("Shift+Tab"). */
async function sendKey(key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  if (modifier) await sendKeys({ up: modifier });
}

async function press(key: string): Promise<HTMLElement> {
  await sendKey(key);
  await element.updateComplete;
  await element.updateComplete;
  return focusedVisibly();
}

/** Tab (or Shift+Tab) until `matches`, at most `max` times. */
async function tabTo(matches: (focused: HTMLElement) => boolean, key = 'Tab', max = 20): Promise<HTMLElement> {
  for (let step = 0; step < max; step++) {
    await sendKey(key);
    await element.updateComplete;
    const active = element.shadowRoot!.activeElement as HTMLElement | null;
    if (active && matches(active)) return focusedVisibly();
  }
  throw new Error(`not reached by ${key} in ${max} steps`);
}

const title = () => $('#title').textContent!.trim();

describe('<oc-event-calendar> keyboard journeys', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('changes months and views from the toolbar', async () => {
    await setUp('month');
    let focused = await press('Tab');
    expect(focused.getAttribute('aria-label')).to.equal('Previous month');
    focused = await press('Tab');
    expect(focused.getAttribute('aria-label')).to.equal('Next month');
    focused = await press('Enter');
    expect(focused.getAttribute('aria-label')).to.equal('Next month', 'focus stays on the button');
    expect(title()).to.equal('December 2026');
    focused = await press('Shift+Tab');
    expect(focused.getAttribute('aria-label')).to.equal('Previous month');
    focused = await press('Space');
    expect(title()).to.equal('November 2026');
    focused = await press('Tab');
    focused = await press('Tab');
    expect(focused.textContent!.trim()).to.equal('Today');
    focused = await press('Tab');
    expect(focused.textContent!.trim()).to.equal('List');
    focused = await press('Enter');
    expect(element.shownView).to.equal('list');
    expect(focused.getAttribute('aria-pressed')).to.equal('true');
    expect($('.list')).to.not.equal(null);
    focused = await press('Tab');
    expect(focused.textContent!.trim()).to.equal('Month');
    focused = await press('Space');
    expect(element.shownView).to.equal('month');
    expect(focused.getAttribute('aria-pressed')).to.equal('true');
  });

  it('moves in the grid with arrows, opens an event, goes back with the button and with Escape', async () => {
    await setUp('month');
    let focused = await tabTo((active) => active.tagName === 'TD');
    expect(focused.dataset.date).to.equal('2026-11-24', 'the roving tab stop is today');
    focused = await press('ArrowRight');
    expect(focused.dataset.date).to.equal('2026-11-25');
    focused = await press('ArrowDown');
    expect(focused.dataset.date).to.equal('2026-12-02');
    expect(title()).to.equal('December 2026');
    focused = await press('ArrowUp');
    expect(focused.dataset.date).to.equal('2026-11-25');
    focused = await press('ArrowRight');
    expect(focused.dataset.date).to.equal('2026-11-26');
    focused = await press('Enter');
    expect(focused.classList.contains('event')).to.equal(true, "Enter goes to the day's events");
    expect(focused.closest('.day-events')).to.not.equal(null);
    const key = focused.dataset.key;
    expect(focused.textContent).to.include('Карта побиту');

    focused = await press('Enter');
    expect(focused.id).to.equal('detail-title');
    focused = await press('Shift+Tab');
    expect(focused.classList.contains('back')).to.equal(true);
    focused = await press('Enter');
    expect(focused.dataset.key).to.equal(key, 'Back returns to the event');

    focused = await press('Space');
    expect(focused.id).to.equal('detail-title');
    focused = await tabTo((active) => active.getAttribute('part') === 'add-to-calendar');
    focused = await press('Escape');
    expect($('.detail')).to.equal(null);
    expect(focused.dataset.key).to.equal(key, 'Escape returns to the event');
  });

  it('searches, clears the filters, and keeps focus in the search field', async () => {
    await setUp('list');
    let focused = await tabTo((active) => active.id === 'q');
    await sendKeys({ type: 'zzzz' });
    await element.updateComplete;
    expect($('[part="empty"]')).to.not.equal(null);
    focused = await tabTo((active) => active.classList.contains('clear'));
    expect(focused.textContent!.trim()).to.equal('Clear filters');
    focused = await press('Enter');
    expect(focused.id).to.equal('q', 'focus goes to the search field');
    expect((focused as HTMLInputElement).value).to.equal('');
    expect($('[part="empty"]')).to.equal(null);
    focused = await tabTo((active) => active.id === 'free');
    focused = await press('Space');
    expect((focused as HTMLInputElement).checked).to.equal(true);
    focused = await tabTo((active) => active.classList.contains('clear'));
    focused = await press('Space');
    expect(focused.id).to.equal('q');
    expect($<HTMLInputElement>('#free').checked).to.equal(false);
  });
});
