import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import type { OcServiceFinder } from './oc-service-finder.js';
import './define.js';

/**
 * Keyboard-only journeys through the finder, with real key presses only (Tab, Shift+Tab, Enter,
 * Space, arrows, Escape; no clicks, no focus() calls): search, filter, open, back, clear, map and
 * list. After each step: where focus is (in the document and in the shadow root), and that it is
 * visible (`:focus-visible` matches, and an outline or a box shadow is drawn).
 */

const SAMPLE = '/packages/service-finder/test-fixtures/krakow-services-2025.json';
const TILES = '/test-tiles/{z}/{x}/{y}.png';
const $ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function finder(): Promise<OcServiceFinder> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<button id="before">Before</button><oc-service-finder src="${SAMPLE}" map-tiles="${TILES}"></oc-service-finder>`;
  const element = container.querySelector('oc-service-finder') as OcServiceFinder;
  await element.loaded;
  element.now = new Date('2026-02-02T10:00:00Z');
  await element.updateComplete;
  return element;
}

/** From the host page (its button before the finder), Tab into the finder. */
async function tabInto(el: OcServiceFinder) {
  for (let i = 0; i < 5 && document.activeElement !== el; i++) await sendKeys({ press: 'Tab' });
  expect(document.activeElement, 'tabbed into the finder').to.equal(el);
}

/** Press keys and let the finder render what they caused. */
async function press(el: OcServiceFinder, key: string, times = 1) {
  for (let i = 0; i < times; i++) {
    if (key === 'Shift+Tab') {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: key });
  }
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The control focused in the finder, asserted visible. */
function focused(el: OcServiceFinder, step: string): HTMLElement {
  expect(document.activeElement, `${step}: the finder has focus`).to.equal(el);
  const control = el.shadowRoot!.activeElement as HTMLElement | null;
  expect(control, `${step}: a control in the finder has focus`).to.not.equal(null);
  expect(control!.matches(':focus-visible'), `${step}: :focus-visible on <${control!.localName}>`).to.equal(true);
  const style = getComputedStyle(control!);
  const drawn =
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
    (style.boxShadow && style.boxShadow !== 'none');
  expect(drawn, `${step}: a focus indicator on <${control!.localName} class="${control!.className}">`).to.equal(true);
  return control!;
}

/** Tab (or Shift+Tab) until `wanted` holds, asserting visible focus at each stop; at most `limit` presses. */
async function tabTo(
  el: OcServiceFinder,
  wanted: (control: HTMLElement) => boolean,
  step: string,
  key = 'Tab',
  limit = 40,
) {
  for (let i = 0; i < limit; i++) {
    await press(el, key);
    const control = focused(el, `${step} (${key} ${i + 1})`);
    if (wanted(control)) return control;
  }
  throw new Error(`${step}: not reached after ${limit} presses of ${key}`);
}

describe('<oc-service-finder> keyboard journeys', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('search, filter, open, back, clear: focus is always somewhere sensible and visible', async () => {
    const el = await finder();
    await tabInto(el);
    expect(focused(el, 'into the finder')).to.equal($(el, '#q'));

    // Search.
    await sendKeys({ type: 'legal' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('legal');
    expect(focused(el, 'typed a query')).to.equal($(el, '#q'));
    const found = $$(el, '.card').length;
    expect(found).to.be.greaterThan(0);

    // Filter: the category with the arrows, then "Free of charge" with Space.
    expect(await tabTo(el, (c) => c.id === 'category', 'to the category')).to.equal($(el, '#category'));
    await press(el, 'ArrowDown');
    expect(focused(el, 'chose a category')).to.equal($(el, '#category'));
    expect(el.state.category).to.not.equal(undefined);
    await press(el, 'ArrowUp');
    expect(el.state.category).to.equal(undefined);
    const free = await tabTo(el, (c) => c.getAttribute('name') === 'free', 'to "Free of charge"');
    await press(el, ' ');
    expect(el.state.free).to.equal(true);
    expect(focused(el, 'ticked "Free of charge"')).to.equal(free);
    expect($$(el, '.chip').length).to.be.at.least(2);

    // Open the first result with Enter: focus on its title.
    const card = await tabTo(el, (c) => c.classList.contains('card-title'), 'to the first result');
    const name = text(card);
    await press(el, 'Enter');
    const title = focused(el, 'opened a service');
    expect(title.id).to.equal('detail-title');
    expect(text(title)).to.equal(name);

    // Back with Shift+Tab to "Back to results" and Enter: focus on the same card.
    const back = await tabTo(el, (c) => c.classList.contains('back'), 'to Back', 'Shift+Tab', 3);
    expect(text(back)).to.equal('Back to results');
    await press(el, 'Enter');
    const again = focused(el, 'back to the results');
    expect(again.classList.contains('card-title')).to.equal(true);
    expect(text(again)).to.equal(name);

    // Open again, and leave with Escape.
    await press(el, 'Enter');
    expect(focused(el, 'opened again').id).to.equal('detail-title');
    await press(el, 'Escape');
    expect(text(focused(el, 'Escape from the detail'))).to.equal(name);

    // Clear: back up to "Clear all", Enter; the chips go, focus goes to the query.
    await tabTo(el, (c) => c.classList.contains('clear'), 'to "Clear all"', 'Shift+Tab');
    await press(el, 'Enter');
    expect($(el, '.chip')).to.equal(null);
    expect(focused(el, 'cleared the filters')).to.equal($(el, '#q'));
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('');
  });

  it('removes one filter with Enter on its chip: focus goes to the query', async () => {
    const el = await finder();
    await tabInto(el);
    await sendKeys({ type: 'doctor' });
    await el.updateComplete;
    const chip = await tabTo(el, (c) => c.classList.contains('chip'), 'to the query chip');
    expect(chip.getAttribute('aria-label')).to.equal('Remove filter: Search: doctor');
    await press(el, 'Enter');
    expect(focused(el, 'removed the chip')).to.equal($(el, '#q'));
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('');
  });

  it('map and list: switch with Enter and Space, move the map with the arrows, open a place', async () => {
    const el = await finder();
    await tabInto(el);
    const mapChoice = await tabTo(el, (c) => c.classList.contains('view-choice') && text(c) === 'Map', 'to Map');
    await press(el, 'Enter');
    expect(mapChoice.getAttribute('aria-pressed')).to.equal('true');
    expect(focused(el, 'switched to the map')).to.equal(mapChoice);
    await waitFor(() => $(el, '.viewport') !== null);

    // Into the map: the viewport takes the arrows.
    const viewport = await tabTo(el, (c) => c.classList.contains('viewport'), 'to the map');
    const pane = () =>
      $(el, '.pane')!.className + $(el, '.pane')!.getAttribute('style') + text($(el, '[role="status"]'));
    const beforeMove = pane();
    await press(el, 'ArrowRight');
    expect(focused(el, 'moved the map')).to.equal(viewport);
    await waitFor(() => pane() !== beforeMove);

    // A marker opens its service with Enter (a cluster zooms in first, focus on a marker of it; a
    // place with several services lists them), and Escape returns to the map.
    let control = await tabTo(el, (c) => c.closest('.spot') !== null, 'to a marker');
    for (let i = 0; i < 12 && control.id !== 'detail-title'; i++) {
      if (control.id === 'together-title') {
        control = await tabTo(el, (c) => c.classList.contains('together-item'), 'to a service of the place');
      }
      expect(control.closest('.spot, .together'), `step ${i}: a marker or a service of the place`).to.not.equal(null);
      await press(el, 'Enter');
      control = focused(el, `activated a marker (${i + 1})`);
    }
    expect(control.id).to.equal('detail-title');
    await press(el, 'Escape');
    expect(focused(el, 'back to the map').closest('.spot'), 'a marker of the map').to.not.equal(null);

    // Back to the list with Space on "List".
    const listChoice = await tabTo(
      el,
      (c) => c.classList.contains('view-choice') && text(c) === 'List',
      'to List',
      'Shift+Tab',
      60,
    );
    await press(el, ' ');
    expect(listChoice.getAttribute('aria-pressed')).to.equal('true');
    expect(focused(el, 'switched to the list')).to.equal(listChoice);
    expect($(el, '.viewport')).to.equal(null);
    expect($$(el, '.card').length).to.be.greaterThan(0);
  });
});

async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
