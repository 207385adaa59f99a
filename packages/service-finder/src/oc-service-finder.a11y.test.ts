import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import type { OcServiceFinder } from './oc-service-finder.js';
import './define.js';

/**
 * The finder's accessibility and right-to-left content: the open badge's contrast in every theme,
 * the labelled search landmark, `heading-level`, target sizes, where focus goes after each action
 * that removes or replaces the focused control, and the isolation of mixed-direction text in Arabic.
 */

const SAMPLE = '/packages/service-finder/test-fixtures/krakow-services-2025.json';
const $ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: OcServiceFinder) => el.shadowRoot!.activeElement;

// Monday 2 February 2026, 11:00 in Warsaw.
const MONDAY = new Date('2026-02-02T10:00:00Z');

const clinic = {
  id: 'clinic',
  name: 'Przychodnia dla cudzoziemców',
  status: 'active',
  organization: { name: 'Fundacja Przykład', website: 'https://clinic.example.org/' },
  languages: [{ code: 'en' }, { code: 'fa' }, { code: 'ar' }],
  cost_options: [{ option: 'Free', amount: 0 }],
  schedules: [
    {
      id: 's1',
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR',
      opens_at: '09:00',
      closes_at: '17:00',
      notes: 'Ring the bell',
    },
    { id: 's2', freq: 'MONTHLY', byday: '1SA', opens_at: '10:00', closes_at: '13:00' },
    { id: 's3', freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '12:00', valid_to: '2025-12-31' },
    { id: 's4', freq: 'WEEKLY', byday: 'MO', opens_at: '08:00', closes_at: '18:00', valid_from: '2026-07-01' },
  ],
  attributes: [
    { taxonomy_term: { id: 'health', name: 'Health' } },
    { taxonomy_term: { id: 'gp', name: 'Lekarz rodzinny', parent_id: 'health' } },
  ],
  service_at_locations: [
    {
      id: 'sal',
      location: {
        id: 'loc',
        name: 'Przychodnia',
        latitude: 50.0614,
        longitude: 19.9366,
        addresses: [{ address_1: 'ul. Długa 5a', city: 'Kraków', postal_code: '31-146' }],
        // The same schedule as the service's, as the HSDS example has it: shown once.
        schedules: [{ id: 's1', freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
      },
    },
  ],
};
const office = {
  id: 'office',
  name: 'Urząd',
  status: 'active',
  schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '09:00', closes_at: '10:00' }],
  service_at_locations: [
    {
      id: 'sal2',
      location: { id: 'loc2', addresses: [{ address_1: 'al. Powstania Warszawskiego 10', city: 'Kraków' }] },
    },
  ],
};

async function inlineFinder(services: unknown[], attributes: Record<string, string> = {}): Promise<OcServiceFinder> {
  const element = document.createElement('oc-service-finder');
  element.now = MONDAY;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(services);
  element.append(script);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.append(element);
  await element.loaded;
  return element;
}

async function sampleFinder(attrs = ''): Promise<OcServiceFinder> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<oc-service-finder src="${SAMPLE}" ${attrs}></oc-service-finder>`;
  const element = container.firstElementChild as OcServiceFinder;
  await element.loaded;
  return element;
}

async function open(el: OcServiceFinder, index = 0) {
  $$<HTMLButtonElement>(el, '.card-title')[index].click();
  await el.updateComplete;
}

/** A CSS colour as sRGB 0–255, whatever syntax the browser resolved it to (color-mix gives oklab). */
function rgb(color: string): [number, number, number] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = rgb(color).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The background an element is drawn on: the first ancestor (across shadow roots) with one. */
function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node;) {
    const background = getComputedStyle(node).backgroundColor;
    if (background && rgb(background).length && !/rgba\(0, 0, 0, 0\)|transparent/.test(background)) return background;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return 'rgb(255, 255, 255)';
}

/** The Storybook themes, as the embedding page sets them: every `.theme-*` class of preview.css. */
async function themes(): Promise<Array<{ name: string; css: string }>> {
  const css = await (await fetch('/.storybook/preview.css')).text();
  const names = [...css.matchAll(/\.theme-([a-z0-9-]+)\s*\{/g)].map((match) => match[1]);
  return [{ name: 'default', css: '' }, ...names.map((name) => ({ name, css }))];
}

/** Controls a pointer can hit (visually hidden ones aside). */
function controls(el: OcServiceFinder): HTMLElement[] {
  return $$<HTMLElement>(el, 'button, input, select, a[href], [tabindex]:not([tabindex="-1"])').filter((control) => {
    const rect = control.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1 && getComputedStyle(control).visibility !== 'hidden';
  });
}

describe('<oc-service-finder> accessibility', () => {
  afterEach(async () => {
    fixtureCleanup();
    document.getElementById('theme-css')?.remove();
    await setLocale('en');
  });

  it('draws "Open now" at 4.5:1 or more in every theme, high contrast included, through --oc-color-open', async () => {
    const all = await themes();
    expect(all.map((theme) => theme.name)).to.include.members(['default', 'contrast', 'city']);
    for (const theme of all) {
      document.getElementById('theme-css')?.remove();
      const style = document.createElement('style');
      style.id = 'theme-css';
      style.textContent = theme.css;
      document.head.append(style);
      const el = await inlineFinder([clinic]);
      if (theme.name !== 'default') el.parentElement!.className = `theme-${theme.name}`;
      await el.updateComplete;
      for (const place of ['list', 'detail']) {
        const badge = $(el, '.badge.open')!;
        expect(badge, `${theme.name} ${place}`).to.not.equal(null);
        const ratio = contrast(getComputedStyle(badge).color, backgroundOf(badge));
        expect(ratio, `${theme.name} ${place}: ${getComputedStyle(badge).color}`).to.be.at.least(4.5);
        if (place === 'list') await open(el);
      }
      fixtureCleanup();
    }
    // A page's own colour wins.
    const el = await inlineFinder([clinic]);
    el.style.setProperty('--oc-color-open', 'rgb(0, 80, 0)');
    expect(getComputedStyle($(el, '.badge.open')!).color).to.equal('rgb(0, 80, 0)');
  });

  it('labels its search landmark', async () => {
    const el = await inlineFinder([clinic]);
    expect($(el, '[role="search"]')!.getAttribute('aria-label')).to.equal('Search services');
    await setLocale('pl');
    await el.updateComplete;
    expect($(el, '[role="search"]')!.getAttribute('aria-label')).to.not.equal('Search services');
  });

  it('puts its headings at heading-level: cards one below, the detail at the level; 2 by default', async () => {
    let el = await inlineFinder([clinic, office], { 'heading-level': '4' });
    el.state = { query: '', free: true };
    await el.updateComplete;
    expect($$(el, '.card-heading').map((h) => h.localName)).to.deep.equal(['h5']);
    expect($(el, '.chips .visually-hidden')!.localName).to.equal('h4');
    await open(el);
    expect($(el, '#detail-title')!.localName).to.equal('h4');
    fixtureCleanup();
    el = await inlineFinder([clinic, office]);
    expect($$(el, '.card-heading').map((h) => h.localName)).to.deep.equal(['h3', 'h3']);
    await open(el);
    expect($(el, '#detail-title')!.localName).to.equal('h2');
    fixtureCleanup();
    // A level it cannot use: the default, under a visible alert.
    el = await inlineFinder([clinic], { 'heading-level': '9' });
    expect($(el, '[part="base"] > [role="alert"]')).to.not.equal(null);
    expect($(el, '.card-heading')!.localName).to.equal('h3');
  });

  it('gives every control a target of at least 24 × 24 px, in the list, the detail and the map', async () => {
    const el = await sampleFinder('map-tiles="/test-tiles/{z}/{x}/{y}.png"');
    el.now = MONDAY;
    el.state = { query: 'legal', free: true };
    await el.updateComplete;
    const check = (where: string) => {
      const found = controls(el);
      expect(found.length, where).to.be.greaterThan(3);
      for (const control of found) {
        const { width, height } = control.getBoundingClientRect();
        const name = `${where}: <${control.localName} class="${control.className}"> ${text(control).slice(0, 30)}`;
        expect(width, name).to.be.at.least(24);
        expect(height, name).to.be.at.least(24);
      }
    };
    check('list');
    expect($$(el, 'input[type="checkbox"]')).to.have.length(3);
    await open(el);
    check('detail');
    $<HTMLButtonElement>(el, '.back')!.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '.view-choice')[1].click();
    await el.updateComplete;
    await waitFor(() => $(el, '[part="map"]') !== null || $(el, '.map-frame') !== null);
    await el.updateComplete;
    check('map');
  });

  describe('focus after an action that removes or replaces the focused control', () => {
    it('"Clear all" (removed with the chips) → the search field', async () => {
      const el = await inlineFinder([clinic, office]);
      el.state = { query: 'a', free: true };
      await el.updateComplete;
      const clear = $<HTMLButtonElement>(el, '.chip.clear')!;
      clear.focus();
      clear.click();
      await el.updateComplete;
      expect($(el, '.chip')).to.equal(null);
      expect(active(el)).to.equal($(el, '#q'));
    });

    it('removing a chip → the search field', async () => {
      const el = await inlineFinder([clinic, office]);
      el.state = { query: '', free: true };
      await el.updateComplete;
      const chip = $<HTMLButtonElement>(el, '.chip')!;
      chip.focus();
      chip.click();
      await el.updateComplete;
      expect(el.state.free).to.equal(undefined);
      expect(active(el)).to.equal($(el, '#q'));
    });

    it('"Show all services" and "Remove …" in the empty state → the search field', async () => {
      for (const selector of ['.empty > .button', '.empty li .button']) {
        const el = await inlineFinder([clinic, office]);
        el.state = { query: 'zzzz', free: true };
        await el.updateComplete;
        const button = $<HTMLButtonElement>(el, selector)!;
        expect(button, selector).to.not.equal(null);
        button.focus();
        button.click();
        await el.updateComplete;
        expect(active(el), selector).to.equal($(el, '#q'));
        fixtureCleanup();
      }
    });

    it('opening a service → its title; Back and Escape → the card it came from', async () => {
      const el = await inlineFinder([clinic, office]);
      await open(el, 1);
      expect(active(el)).to.equal($(el, '#detail-title'));
      $<HTMLButtonElement>(el, '.back')!.click();
      await el.updateComplete;
      expect(active(el)).to.equal($$(el, '.card-title')[1]);
      await open(el, 1);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '#detail-title')).to.equal(null);
      expect(active(el)).to.equal($$(el, '.card-title')[1]);
    });

    it('switching the view → stays on the button pressed', async () => {
      const el = await inlineFinder([clinic, office], { 'map-tiles': '/test-tiles/{z}/{x}/{y}.png' });
      const [list, map] = $$<HTMLButtonElement>(el, '.view-choice');
      map.focus();
      map.click();
      await el.updateComplete;
      expect(map.getAttribute('aria-pressed')).to.equal('true');
      expect(active(el)).to.equal(map);
      list.focus();
      list.click();
      await el.updateComplete;
      expect(list.getAttribute('aria-pressed')).to.equal('true');
      expect(active(el)).to.equal(list);
    });
  });

  it('shows hours once, leaves expired ones out, names future and monthly ones, and shows notes', async () => {
    const el = await inlineFinder([clinic]);
    await open(el);
    const rows = $$(el, '[part="hours"] tr');
    expect(rows).to.have.length(7);
    expect(text(rows[0])).to.equal('Monday (today) 09:00–17:00');
    // The expired Saturday hours are gone; the first Saturday of the month is said in words.
    expect(text(rows[5])).to.equal('Saturday Closed');
    const section = $$(el, '.section').find((s) => text(s.querySelector('dt')) === 'Opening hours')!;
    expect(text(section)).to.contain('First Saturday of the month: 10:00–13:00');
    expect(text(section)).to.contain('From 1 July 2026');
    expect(text(section)).to.contain('Monday: 08:00–18:00');
    expect(text(section)).to.contain('Ring the bell');
    expect(text($(el, '.state'))).to.match(/^Open now/);
  });

  it('counts a monthly schedule for "open now" and says when it opens next', async () => {
    const firstSaturday = {
      id: 'sat',
      name: 'Saturday clinic',
      status: 'active',
      schedules: [{ freq: 'MONTHLY', byday: '1SA', opens_at: '10:00', closes_at: '13:00' }],
    };
    const el = await inlineFinder([firstSaturday]);
    // Monday 2 February: the first Saturday is this week's.
    expect(text($(el, '.state'))).to.equal('Closed now Opens Sat 10:00');
    // Sunday 8 February: the next first Saturday is 7 March, more than a week ahead.
    el.now = new Date('2026-02-08T10:00:00Z');
    await el.updateComplete;
    expect(text($(el, '.state'))).to.equal('Closed now Opens Sat 7 Mar, 10:00');
    el.now = new Date('2026-03-07T10:00:00Z'); // 11:00 in Warsaw
    await el.updateComplete;
    expect(text($(el, '.state'))).to.match(/^Open now Closes at 13:00/);
    el.state = { query: '', openNow: true };
    await el.updateComplete;
    expect($$(el, '.card')).to.have.length(1);
  });

  it('links the organization website in a new tab, said to screen readers', async () => {
    const el = await inlineFinder([clinic]);
    await open(el);
    const link = $<HTMLAnchorElement>(el, '.org a')!;
    expect(link.href).to.equal('https://clinic.example.org/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(text(link.querySelector('.visually-hidden'))).to.equal('(opens in a new tab)');
  });

  it('in Persian and Arabic: Gregorian dates, and one digit system each (Persian digits in fa, Latin in ar)', async () => {
    const checked = { ...clinic, assured_date: '2025-09-15' };
    for (const [locale, digits, other] of [
      ['fa', /[۰-۹]/, /[0-9]/],
      ['ar', /[0-9]/, /[۰-۹٠-٩]/],
    ] as const) {
      await setLocale(locale);
      const el = await inlineFinder([checked, office]);
      const count = text($(el, '[part="status"]'));
      expect(count, `${locale} count`).to.match(digits);
      expect(count, `${locale} count`).not.to.match(other);
      await open(el);
      const date = text($(el, 'time'));
      // The Gregorian year, never the Solar Hijri 1404 or the Islamic 1447.
      expect(date, `${locale} date`).to.contain(locale === 'fa' ? '۲۰۲۵' : '2025');
      expect(date, `${locale} date`).not.to.match(other);
      const hours = text($(el, '[part="hours"]'));
      expect(hours, `${locale} hours`).to.match(digits);
      expect(hours, `${locale} hours`).not.to.match(other);
      fixtureCleanup();
    }
  });

  describe('in Arabic', () => {
    beforeEach(() => setLocale('ar'));

    it('isolates each language, the address and the distance on the card', async () => {
      const el = await inlineFinder([clinic]);
      expect(el.dir).to.equal('rtl');
      const languages = $$(el, '.card .languages bdi');
      expect(languages.map((b) => b.getAttribute('lang'))).to.deep.equal(['en', 'fa', 'ar']);
      expect(languages.map(text)).to.deep.equal(['English', 'فارسی', 'العربية']);
      // The separators are the locale's (the Arabic comma), outside the isolated names.
      const between = [...$(el, '.card .languages')!.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent!.trim())
        .filter(Boolean);
      expect(between.some((separator) => separator.includes('،'))).to.equal(true);
      const address = $(el, '.card .address')!;
      expect(address.localName).to.equal('bdi');
      expect(address.getAttribute('dir')).to.equal('auto');
      expect(text(address)).to.equal('ul. Długa 5a');
      el.geolocation = {
        getCurrentPosition: (ok) =>
          ok({ coords: { latitude: 50.062, longitude: 19.937 }, timestamp: 0 } as GeolocationPosition),
      };
      $<HTMLButtonElement>(el, '.near')!.click();
      await el.updateComplete;
      const distance = $(el, '.card .distance')!;
      expect(distance.localName).to.equal('bdi');
      expect(distance.previousElementSibling).to.equal(address);
      expect(getComputedStyle(distance).unicodeBidi).to.equal('isolate');
    });

    it('gives the chips, the address and the categories their own direction in the detail, with directions', async () => {
      const el = await inlineFinder([clinic]);
      el.state = { query: 'Lekarz', free: true };
      await el.updateComplete;
      const labels = $$(el, '.chip > span');
      expect(labels.length).to.be.at.least(2);
      for (const label of labels) expect(label.getAttribute('dir')).to.equal('auto');
      el.state = { query: '' };
      await el.updateComplete;
      await open(el);
      const address = $(el, '.place .address')!;
      expect(address.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(address).direction).to.equal('ltr');
      const directions = $<HTMLAnchorElement>(el, '.place a.directions')!;
      expect(directions.closest('[dir="auto"]')).to.equal(null);
      expect(directions.href).to.equal('https://www.openstreetmap.org/directions?route=%3B50.0614%2C19.9366');
      expect(directions.target).to.equal('_blank');
      expect(directions.rel).to.contain('noopener');
      expect(directions.querySelector('.visually-hidden')).to.not.equal(null);
      expect(text(directions.querySelector('.visually-hidden'))).to.not.equal('(opens in a new tab)');
      expect($$(el, '.categories bdi').map(text)).to.deep.equal(['Lekarz rodzinny']);
      expect($$(el, '.inline-list bdi[lang]').map((b) => b.getAttribute('lang'))).to.deep.equal(['en', 'fa', 'ar']);
      await expect(el).to.be.accessible();
    });

    it('links to an address search when a place has no coordinates', async () => {
      const el = await inlineFinder([office]);
      await open(el);
      const directions = $<HTMLAnchorElement>(el, '.place a.directions')!;
      expect(directions.href).to.equal(
        `https://www.openstreetmap.org/search?query=${encodeURIComponent('al. Powstania Warszawskiego 10, Kraków')}`,
      );
    });
  });
});

async function waitFor(condition: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
