/**
 * Keyboard-only journeys through both variants of the switcher (issue 17): keys sent through the
 * browser (sendKeys), and after every step, where focus is and that it can be seen.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { directionOf, getLocale, setLocale, supportedLocales } from '@open-city/core';
import type { OcLanguageSwitcher } from './oc-language-switcher.js';
import './define.js';

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Focus is on `element`, and drawn: `:focus-visible` with an outline at least 2 px wide. */
function expectVisibleFocus(element: Element | null, step: string) {
  expect(deepActive(), `${step}: focus`).to.equal(element);
  expect(element!.matches(':focus-visible'), `${step}: :focus-visible`).to.equal(true);
  const style = getComputedStyle(element!);
  expect(style.outlineStyle, `${step}: outline`).not.to.equal('none');
  expect(parseFloat(style.outlineWidth), `${step}: outline width`).to.be.at.least(2);
}

async function mount(variant: 'select' | 'list') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button type="button" id="before">Before</button>
      <oc-language-switcher variant=${variant}></oc-language-switcher>
      <button type="button" id="after">After</button>
    </div>`,
  );
  const element = wrapper.querySelector<OcLanguageSwitcher>('oc-language-switcher')!;
  await element.updateComplete;
  wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
  return { element, after: wrapper.querySelector('#after')!, root: element.shadowRoot! };
}

describe('<oc-language-switcher> keyboard journeys', () => {
  afterEach(async () => {
    fixtureCleanup();
    localStorage.clear();
    await setLocale('en');
  });

  it('select: Tab in, arrows pick without changing the page, Enter applies, the button applies, Tab out', async () => {
    const { element, after, root } = await mount('select');
    const select = root.querySelector('select')!;
    const apply = root.querySelector<HTMLButtonElement>('.apply')!;

    await sendKeys({ press: 'Tab' });
    expectVisibleFocus(select, 'Tab into the switcher');

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expectVisibleFocus(select, 'ArrowDown twice');
    expect(select.value).to.equal('uk');
    expect(getLocale(), 'the page keeps its language while picking').to.equal('en');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => getLocale() === 'uk', 'Enter did not apply the language');
    await waitUntil(() => element.lang === 'uk');
    await element.updateComplete;
    expectVisibleFocus(select, 'Enter');
    expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Мову змінено.');

    await sendKeys({ press: 'Tab' });
    expectVisibleFocus(apply, 'Tab to "Change"');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expectVisibleFocus(select, 'Shift+Tab back to the select');

    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(select.value).to.equal('pl');
    await sendKeys({ press: 'Tab' });
    expectVisibleFocus(apply, 'Tab to "Change" with Polski picked');
    expect(select.value, 'the pick survives moving to the button').to.equal('pl');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => getLocale() === 'pl', '"Change" did not apply the language');
    await element.updateComplete;
    expectVisibleFocus(apply, 'Space on "Change"');
    expect(apply.textContent!.trim()).to.equal('Zmień');

    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'Tab out of the switcher').to.equal(after);
  });

  it('select: Enter without a pick changes nothing and announces nothing', async () => {
    const { element, root } = await mount('select');
    const select = root.querySelector('select')!;
    let announced = 0;
    const count = () => announced++;
    window.addEventListener('oc-locale-change', count);
    try {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expectVisibleFocus(select, 'Enter with nothing picked');
      expect(announced).to.equal(0);
      expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal('');
    } finally {
      window.removeEventListener('oc-locale-change', count);
    }
  });

  it('list: Tab in, arrows move, Space and Enter choose, mirrored in right-to-left, Tab out', async () => {
    const { element, after, root } = await mount('list');
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('.option')];
    const byLang = (locale: string) => buttons().find((button) => button.lang === locale)!;

    await sendKeys({ press: 'Tab' });
    expectVisibleFocus(byLang('en'), 'Tab into the list');

    await sendKeys({ press: 'ArrowRight' });
    expectVisibleFocus(byLang('pl'), 'ArrowRight');
    expect(getLocale(), 'moving does not choose').to.equal('en');

    await sendKeys({ press: 'Space' });
    await waitUntil(() => getLocale() === 'pl', 'Space did not choose');
    await element.updateComplete;
    expectVisibleFocus(byLang('pl'), 'Space');
    expect(byLang('pl').getAttribute('aria-current')).to.equal('true');
    expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal('Język został zmieniony.');

    await sendKeys({ press: 'End' });
    const last = supportedLocales.at(-1)!;
    expectVisibleFocus(byLang(last), 'End');
    expect(directionOf(last)).to.equal('rtl');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => getLocale() === last, 'Enter did not choose');
    await waitUntil(() => element.dir === 'rtl');
    await element.updateComplete;
    expectVisibleFocus(byLang(last), 'Enter');

    // Right to left: the arrow pointing left moves forward, and wraps to the first language.
    await sendKeys({ press: 'ArrowLeft' });
    expectVisibleFocus(byLang('en'), 'ArrowLeft in right-to-left');
    await sendKeys({ press: 'ArrowRight' });
    expectVisibleFocus(byLang(last), 'ArrowRight in right-to-left');
    await sendKeys({ press: 'Home' });
    expectVisibleFocus(byLang('en'), 'Home');

    byLang(last).focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'Tab out of the list').to.equal(after);
  });
});
