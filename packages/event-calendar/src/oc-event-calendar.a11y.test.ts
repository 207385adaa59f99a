/**
 * Accessibility fixes of issue 17: focus after "Clear filters", the labelled search landmark,
 * `heading-level`, Escape in the detail, cancelled events in the grid said in words, target sizes.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { setLocale } from '@open-city/core';
import type { OcEventCalendar } from './oc-event-calendar.js';
import './define.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const ICS = '/packages/event-calendar/sample/krakow-events.ics';
const JSONLD = '/packages/event-calendar/sample/krakow-events.json';

async function calendar(view = 'list', headingLevel?: string, month?: string) {
  const element = await fixture<OcEventCalendar>(
    html`<oc-event-calendar
      .now=${NOW}
      src=${`${ICS} ${JSONLD}`}
      view=${view}
      heading-level=${headingLevel ?? nothing}
      month=${month ?? nothing}
    ></oc-event-calendar>`,
  );
  await element.loaded;
  await waitUntil(() => element.shadowRoot!.querySelector('.list, table, .empty'), 'rendered', { timeout: 5000 });
  return element;
}

const $ = <T extends Element = HTMLElement>(element: OcEventCalendar, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector)!;
const $$ = <T extends Element = HTMLElement>(element: OcEventCalendar, selector: string) => [
  ...element.shadowRoot!.querySelectorAll<T & Element>(selector),
];
const focused = (element: OcEventCalendar) => element.shadowRoot!.activeElement as HTMLElement | null;

async function type(element: OcEventCalendar, text: string) {
  $<HTMLInputElement>(element, '#q').focus();
  await sendKeys({ type: text });
  await element.updateComplete;
}

describe('<oc-event-calendar> accessibility', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  describe('"Clear filters"', () => {
    it('moves focus to the search field, not to the body, from the filters', async () => {
      const element = await calendar();
      await type(element, 'wigilia');
      const clear = $<HTMLButtonElement>(element, '.filters .clear');
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.filters .clear')).to.equal(null, 'the button is gone');
      expect(focused(element)?.id).to.equal('q');
      expect($<HTMLInputElement>(element, '#q').value).to.equal('');
    });

    it('moves focus to the search field from the empty state', async () => {
      const element = await calendar('month');
      await type(element, 'zzzz');
      const clear = $$<HTMLButtonElement>(element, '.empty .button')[0];
      expect(clear.textContent!.trim()).to.equal('Clear filters');
      clear.focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.empty')).to.equal(null);
      expect(focused(element)?.id).to.equal('q');
      expect(document.activeElement).to.equal(element);
    });
  });

  it('moves focus to the month title when "Next month" of an empty month goes away', async () => {
    const feed = URL.createObjectURL(
      new Blob(
        [JSON.stringify([{ '@type': 'Event', name: 'Styczniowe spotkanie', startDate: '2027-01-12T18:00:00+01:00' }])],
        { type: 'application/json' },
      ),
    );
    const element = await fixture<OcEventCalendar>(
      html`<oc-event-calendar .now=${NOW} src=${feed} view="list" month="2026-12"></oc-event-calendar>`,
    );
    await element.loaded;
    await waitUntil(() => element.shadowRoot!.querySelector('.empty'), 'empty December', { timeout: 5000 });
    const next = $$<HTMLButtonElement>(element, '.empty .button').at(-1)!;
    expect(next.textContent!.trim()).to.equal('Next month');
    next.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.empty')).to.equal(null, 'January has an event');
    expect(focused(element)?.id).to.equal('title');
    expect(focused(element)?.textContent!.trim()).to.equal('January 2027');
  });

  it('labels its search landmark, in the page language', async () => {
    const element = await calendar();
    const search = $(element, '[role="search"]');
    expect(search.getAttribute('aria-label')).to.equal('Search and filter events');
    await setLocale('pl');
    await element.updateComplete;
    expect(search.getAttribute('aria-label')).to.equal('Wyszukiwanie i filtrowanie wydarzeń');
  });

  describe('heading-level', () => {
    const levels = (element: OcEventCalendar) => ({
      title: $(element, '#title').tagName,
      day: $(element, '.day-title').tagName,
    });

    it('puts the top headings at level 2 and the days at 3 by default', async () => {
      const element = await calendar();
      expect(levels(element)).to.deep.equal({ title: 'H2', day: 'H3' });
    });

    it('follows the host page: level 3 gives h3 for the month and an event, h4 for the days', async function () {
      this.timeout(30_000); // axe over the whole calendar, on a busy machine
      const element = await calendar('list', '3');
      expect(levels(element)).to.deep.equal({ title: 'H3', day: 'H4' });
      $<HTMLButtonElement>(element, '.event').click();
      await element.updateComplete;
      expect($(element, '#detail-title').tagName).to.equal('H3');
      await expect(element).to.be.accessible();
    });

    it('keeps headings within h1…h6, and shows an alert for a level it cannot use', async () => {
      const six = await calendar('month', '6');
      expect(levels(six)).to.deep.equal({ title: 'H6', day: 'H6' });
      const wrong = await calendar('list', '9');
      expect(wrong.shadowRoot!.querySelector('[role="alert"]')).not.to.equal(null);
      expect(levels(wrong)).to.deep.equal({ title: 'H2', day: 'H3' });
    });
  });

  describe('the detail', () => {
    it('closes with Escape, and focus returns to the event that opened it', async () => {
      const element = await calendar();
      const second = $$<HTMLButtonElement>(element, '.event')[1];
      const key = second.dataset.key;
      second.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(focused(element)?.id).to.equal('detail-title');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('.detail')).to.equal(null);
      expect(focused(element)?.dataset.key).to.equal(key);
    });
  });

  describe('a cancelled event in the month grid', () => {
    it('is said in words and shown by a mark, not by colour or strikethrough alone', async function () {
      this.timeout(30_000); // with an axe run
      const element = await calendar('month', undefined, '2026-12');
      const chip = $(element, 'td[data-date="2026-12-06"] .chip.cancelled');
      expect(chip.querySelector('.visually-hidden')!.textContent!.trim()).to.equal('Cancelled:');
      const mark = chip.querySelector('svg.icon')!;
      expect(mark.getBoundingClientRect().width).to.be.greaterThan(8, 'a visible mark');
      expect(chip.closest('td')!.textContent).to.include('Cancelled').and.include('Mikołajki dla dzieci');
      const plain = $(element, 'td[data-date="2026-12-05"] .chip');
      expect(plain.querySelector('svg.icon, .visually-hidden')).to.equal(null);
      await setLocale('uk');
      await element.updateComplete;
      expect(chip.querySelector('.visually-hidden')!.textContent!.trim()).to.not.equal('Cancelled:');
      await setLocale('ar');
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });
  });

  describe('a cancelled event in the narrow month grid', () => {
    it('marks its day and says how many are cancelled, where the chips are hidden', async () => {
      const box = document.createElement('div');
      box.style.width = '320px';
      document.body.append(box);
      try {
        const element = document.createElement('oc-event-calendar');
        element.now = NOW;
        element.src = `${ICS} ${JSONLD}`;
        element.view = 'month';
        element.setAttribute('month', '2026-12');
        box.append(element);
        await element.loaded;
        await waitUntil(() => element.shadowRoot!.querySelector('table'), 'rendered', { timeout: 5000 });
        const cell = $(element, 'td[data-date="2026-12-06"]');
        expect(getComputedStyle(cell.querySelector('.chips')!).display).to.equal('none', 'the chips give way');
        const mark = cell.querySelector<HTMLElement>('.dot-cancelled')!;
        expect(mark.getBoundingClientRect().width).to.be.greaterThan(6, 'a visible mark');
        expect(mark.textContent!.trim()).to.equal('Cancelled: 1');
        expect($(element, 'td[data-date="2026-12-05"] .dot-cancelled')).to.equal(null, 'only where one is cancelled');
        await setLocale('fa');
        await element.updateComplete;
        expect(mark.textContent!.trim()).to.equal('لغو شده: ۱');
      } finally {
        box.remove();
      }
    });

    it('hides the mark in the wide grid, where each chip says so', async () => {
      const element = await calendar('month', undefined, '2026-12');
      const mark = $(element, 'td[data-date="2026-12-06"] .dot-cancelled');
      expect(getComputedStyle(mark).display).to.equal('none');
    });
  });

  describe('event titles in the month grid', () => {
    it('shows each title whole, wrapped, not cut with an ellipsis', async () => {
      const element = await calendar('month', undefined, '2026-12');
      const titles = $$(element, '.chip-text');
      expect(titles.length).to.be.greaterThan(3);
      for (const title of titles) {
        expect(getComputedStyle(title).textOverflow).to.not.equal('ellipsis');
        expect(title.scrollWidth, title.textContent!).to.be.at.most(title.clientWidth + 1);
      }
    });
  });

  describe('target size (WCAG 2.5.8)', () => {
    const targets = (element: OcEventCalendar) =>
      $$(element, 'button, a[href], input, select, td[tabindex], .chip').filter(
        (target) => !target.closest('.visually-hidden') && target.getClientRects().length > 0,
      );
    const small = (element: OcEventCalendar) =>
      targets(element)
        .map((target) => ({ target, box: target.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ target, box }) => `${target.tagName}.${target.className} ${box.width}×${box.height}`);

    for (const width of ['1000px', '320px']) {
      it(`makes every control at least 24 × 24 px at ${width}: list, month and detail`, async () => {
        const box = document.createElement('div');
        box.style.width = width;
        document.body.append(box);
        try {
          for (const view of ['list', 'month']) {
            const element = document.createElement('oc-event-calendar');
            element.now = NOW;
            element.src = `${ICS} ${JSONLD}`;
            element.view = view;
            box.replaceChildren(element);
            await element.loaded;
            await waitUntil(() => element.shadowRoot!.querySelector('.list, table'), 'rendered', { timeout: 5000 });
            expect(targets(element).length).to.be.greaterThan(10);
            expect(small(element)).to.deep.equal([]);
            $<HTMLButtonElement>(element, '.event').click();
            await element.updateComplete;
            expect(small(element)).to.deep.equal([]);
          }
        } finally {
          box.remove();
        }
      });
    }
  });
});
