import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  ConfigError,
  configProblemText,
  directionOf,
  setLocale,
  setupProblemText,
  supportedLocales,
} from '@open-city/core';
import type { OcServiceFinder } from './oc-service-finder.js';
import './define.js';

const SAMPLE = '/packages/service-finder/test-fixtures/krakow-services-2025.json';
const FIXTURES = '/packages/service-finder/test-fixtures';

const $ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const titles = (el: OcServiceFinder) => $$(el, '.card-title').map(text);
const count = (el: OcServiceFinder) => text($(el, '[part="status"]'));

async function finder(src = SAMPLE, attrs = ''): Promise<OcServiceFinder> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<oc-service-finder src="${src}" ${attrs}></oc-service-finder>`;
  const element = container.firstElementChild as OcServiceFinder;
  await element.loaded;
  return element;
}

/** A finder whose services sit in a child <script type="application/json">. */
async function inlineFinder(
  services: unknown[],
  now?: Date,
  attributes: Record<string, string> = {},
): Promise<OcServiceFinder> {
  const element = document.createElement('oc-service-finder');
  if (now) element.now = now;
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

async function type(el: OcServiceFinder, value: string) {
  const input = $<HTMLInputElement>(el, '#q')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: OcServiceFinder, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function check(el: OcServiceFinder, name: string) {
  const box = $<HTMLInputElement>(el, `input[name="${name}"]`)!;
  box.click();
  await el.updateComplete;
}

const weekdayOffice = {
  id: 'office',
  name: 'Urząd – weekday office',
  status: 'active',
  schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00', timezone: 1 }],
  cost_options: [{ option: 'Free', amount: 0 }],
};
const nightShelter = {
  id: 'shelter',
  name: 'Night shelter',
  status: 'active',
  schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '19:00', closes_at: '08:00' }],
};

/** Collects console warnings until `restore()`. */
function collectWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

const LOCALES = ['en', 'pl', 'uk', 'ru', 'ar'] as const;
/** The alert text of an attribute the finder can do without (it goes on with the fallback). */
const fallbackProblemText = () => configProblemText(new ConfigError('attribute', 'value', 'something', 'using x'));

describe('<oc-service-finder>', () => {
  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
    await setLocale('en');
  });

  it('lists the sample in pages, announces the count, and Show more moves focus to the first new card', async () => {
    const el = await finder();
    expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
    expect(count(el)).to.match(/^\d+ services found$/);
    const total = Number(count(el).split(' ')[0]);
    expect(total).to.be.at.least(40);
    expect($$(el, '.card')).to.have.length(20);
    const firstNew = titles(el).length;
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await el.updateComplete;
    expect($$(el, '.card')).to.have.length(40);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.card-title')[firstNew]);
  });

  it('shows page-size results at first and adds as many with each Show more', async () => {
    const el = await finder(SAMPLE, 'page-size="5"');
    expect($$(el, '.card')).to.have.length(5);
    expect($(el, '[part="base"] > [role="alert"]')).to.equal(null);
    $<HTMLButtonElement>(el, '[part="more"]')!.click();
    await el.updateComplete;
    expect($$(el, '.card')).to.have.length(10);
  });

  it('searches without case or diacritics and shows the count', async () => {
    const el = await finder();
    await type(el, 'URZAD miasta');
    expect(titles(el).length).to.be.greaterThan(0);
    expect(count(el)).to.equal(`${titles(el).length} services found`);
    await type(el, 'krakow przy rondzie');
    expect(titles(el)[0]).to.equal('Temporary residence permit (karta pobytu)');
  });

  it('filters by category, language, cost and accessibility, with removable chips', async () => {
    const el = await finder();
    await choose(el, '#category', 'oc-psych');
    const psych = titles(el);
    expect(psych).to.include('Crisis intervention – day and night');
    await choose(el, '#language', 'ar');
    expect(titles(el)).to.deep.equal(['Therapy for survivors of violence and torture']);
    const chips = $$(el, '.chip');
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).to.include('Remove filter: Psychological support');
    chips.find((chip) => chip.getAttribute('aria-label')!.includes('العربية'))!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(psych);
    expect($<HTMLSelectElement>(el, '#language')!.value).to.equal('');
    await check(el, 'free');
    await check(el, 'accessible');
    expect(titles(el)).not.to.include('Support line for adults in emotional crisis'); // no location
    expect(titles(el).length).to.be.greaterThan(0);
  });

  it('shows the language filter by endonym', async () => {
    const el = await finder();
    const options = $$<HTMLOptionElement>(el, '#language option');
    const ukrainian = options.find((option) => option.value === 'uk')!;
    expect(ukrainian.textContent!.trim()).to.equal('Українська (Ukrainian)');
    expect(ukrainian.lang).to.equal('uk');
  });

  it('computes "open now" in Warsaw time on the Monday after spring forward', async () => {
    // 07:30 UTC is 09:30 in Kraków (CEST); a clock stuck on winter time would say 08:30, closed.
    const el = await inlineFinder([weekdayOffice, nightShelter], new Date('2025-03-31T07:30:00Z'));
    await check(el, 'openNow');
    expect(titles(el)).to.deep.equal(['Urząd – weekday office']);
    expect(text($(el, '.card .state'))).to.equal('Open now Closes at 17:00');
  });

  it('computes "closed" in Warsaw time on the Monday after fall back, with when it opens', async () => {
    const el = await inlineFinder([weekdayOffice, nightShelter], new Date('2025-10-27T07:30:00Z'));
    const office = $$(el, '.card').find((card) => text(card).includes('weekday office'))!;
    expect(text(office.querySelector('.state'))).to.equal('Closed now Opens at 9:00');
    await check(el, 'openNow');
    // 08:30 CET: the office opens at 09:00 and the shelter closed at 08:00.
    expect(count(el)).to.equal('0 services found');
  });

  it('suggests what to loosen when nothing matches', async () => {
    const el = await finder();
    await type(el, 'dentist');
    await choose(el, '#language', 'ka');
    expect(count(el)).to.equal('0 services found');
    const empty = $(el, '[part="empty"]')!;
    expect(text(empty)).to.contain('No services match.');
    const suggestion = [...empty.querySelectorAll('button')].find((b) => text(b).startsWith('Remove “ქართული'))!;
    expect(text(suggestion)).to.match(/\(\d+\)$/);
    suggestion.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Dentist – public insurance']);
  });

  it('opens a detail view, fires oc-service-select, and Back returns focus to the card', async () => {
    const el = await finder();
    await type(el, 'legal');
    const card = $$<HTMLButtonElement>(el, '.card-title')[1];
    const name = text(card);
    const selected = oneEvent(el, 'oc-service-select');
    card.click();
    const event = await selected;
    expect(event.detail.id).to.match(/^krk-/);
    await el.updateComplete;
    const title = $(el, '#detail-title')!;
    expect(text(title)).to.equal(name);
    expect(el.shadowRoot!.activeElement).to.equal(title);
    expect($$(el, '.section dt').map(text)).to.include.members(['Address', 'Opening hours', 'Cost', 'Last checked']);
    $<HTMLButtonElement>(el, '.back')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('legal');
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.card-title')[1]);
  });

  it('shows the details: phones as tel: links, directions, hours table, last checked', async () => {
    const el = await finder();
    await type(el, 'emergency number 112');
    $<HTMLButtonElement>(el, '.card-title')!.click();
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, 'a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:112');
    expect($$(el, '[part="hours"] tr')).to.have.length(7);
    expect(text($(el, '[part="hours"] tr'))).to.match(/^Monday/);
    await el.updateComplete;
    el.state = { query: 'Przy Rondzie', service: 'krk-001' };
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, 'a[href*="openstreetmap.org/directions"]')).to.not.equal(null);
    expect(text($(el, 'time'))).to.match(/2025/);
  });

  it('can be used with the keyboard alone', async () => {
    const el = await finder();
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ type: 'psych' });
    await el.updateComplete;
    expect(titles(el).length).to.be.greaterThan(0);
    const first = $$<HTMLButtonElement>(el, '.card-title')[0];
    first.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#detail-title'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.card-title')[0]);
    // Tab from the query reaches the filters.
    $<HTMLInputElement>(el, '#q')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#category'));
  });

  it('keeps query and filters in the hash without touching other segments or adding history', async () => {
    history.replaceState(null, '', '#intro&oc-sf=' + encodeURIComponent('q=doctor&free=1'));
    const before = history.length;
    const el = await finder(SAMPLE, 'sync-url');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('doctor');
    expect($<HTMLInputElement>(el, 'input[name="free"]')!.checked).to.equal(true);
    const restored = titles(el);
    expect(restored.length).to.be.greaterThan(0);
    await type(el, 'doctor nowa');
    await check(el, 'openNow');
    expect(location.hash).to.match(/^#intro&oc-sf=/);
    expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=doctor+nowa&free=1&open=1');
    expect(history.length).to.equal(before);
    // A second finder reading the same link reproduces the search.
    const copy = await finder(SAMPLE, 'sync-url');
    expect(copy.state).to.deep.include({ query: 'doctor nowa', free: true, openNow: true });
  });

  it('keeps the query and filters when the page language changes', async () => {
    const el = await finder();
    await type(el, 'urzad');
    await check(el, 'free');
    const before = titles(el);
    await setLocale('uk');
    await el.updateComplete;
    expect(el.lang).to.equal('uk');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('urzad');
    expect($<HTMLInputElement>(el, 'input[name="free"]')!.checked).to.equal(true);
    expect(titles(el)).to.deep.equal(before);
    expect(text($(el, 'label[for="q"]'))).to.equal('Пошук послуг');
  });

  it('follows the further pages of an HSDS API and reads NDJSON', async () => {
    const sample = await (await fetch(SAMPLE)).json();
    const realFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      if (!url.pathname.startsWith('/fake-api/services')) return realFetch(input, init);
      const page = Number(url.searchParams.get('page') ?? 1);
      const body = {
        total_pages: 3,
        page_number: page,
        total_items: 30,
        contents: sample.slice((page - 1) * 10, page * 10),
      };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    };
    try {
      const paged = await finder('/fake-api/services?per_page=10');
      expect(count(paged)).to.equal('30 services found');
    } finally {
      window.fetch = realFetch;
    }
    const ndjson = await finder(`${FIXTURES}/services.ndjson`);
    expect(count(ndjson)).to.equal('3 services found');
  });

  it('skips malformed records and says so', async () => {
    const el = await finder(`${FIXTURES}/broken-records.json`);
    expect(count(el)).to.equal('2 services found');
    expect(text($(el, '.note'))).to.contain('could not be read');
  });

  it('shows a localized alert and fires oc-load-error for an unusable feed', async () => {
    await setLocale('pl');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('oc-service-finder');
    el.src = `${FIXTURES}/not-a-feed.json`;
    const failed = oneEvent(el, 'oc-load-error');
    container.append(el);
    const event = await failed;
    await el.loaded;
    expect(event.detail.url).to.contain('not-a-feed.json');
    const alert = $(el, '[role="alert"]')!;
    expect(text(alert)).to.contain('Nie udało się odczytać');
    expect(alert.querySelector('button')).to.not.equal(null);
  });

  it('says it is not set up when it has neither src nor inline data', async () => {
    const el = await fixture<OcServiceFinder>(html`<oc-service-finder></oc-service-finder>`);
    expect(text($(el, '[role="alert"]'))).to.contain('not set up correctly');
  });

  it('sorts by distance only after "Near me", and explains a refusal', async () => {
    const el = await finder();
    const before = titles(el);
    let calls = 0;
    el.geolocation = {
      getCurrentPosition: (_ok, fail) => {
        calls++;
        fail?.({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
      },
    };
    expect(calls).to.equal(0);
    $<HTMLButtonElement>(el, '.near')!.click();
    await el.updateComplete;
    expect(calls).to.equal(1);
    expect(text($(el, '.geo[role="alert"]'))).to.contain('not shared');
    expect(titles(el)).to.deep.equal(before);
    el.geolocation = {
      getCurrentPosition: (ok) =>
        ok({ coords: { latitude: 50.0727, longitude: 20.0371 }, timestamp: 0 } as GeolocationPosition),
    };
    $<HTMLButtonElement>(el, '.near')!.click();
    await el.updateComplete;
    expect($(el, '.near')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '.card .distance'))).to.match(/m$/);
    expect(titles(el)[0]).to.contain('Nowa Huta');
  });

  for (const locale of supportedLocales) {
    it(`passes axe in ${locale}, list and detail`, async function () {
      this.timeout(20_000); // a feed and two axe audits, on a busy machine
      await setLocale(locale);
      const el = await finder();
      expect(el.lang).to.equal(locale);
      expect(el.dir).to.equal(directionOf(locale));
      await type(el, 'a');
      await check(el, 'free');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '.card-title')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  describe('attributes it cannot use', () => {
    /** The alert at the top of the finder: its localized sentence and the attributes it lists. */
    const configAlert = (el: OcServiceFinder) => {
      const alert = $(el, '[part="base"] > [role="alert"]');
      expect(alert, 'alert').to.not.equal(null);
      return { sentence: text(alert!.querySelector('p')), details: text(alert!.querySelector('.problem-details')) };
    };

    it('time-zone="Mars/Base": a localized alert above a finder that uses Europe/Warsaw, one warning', async () => {
      const english = fallbackProblemText();
      const captured = collectWarnings();
      try {
        for (const locale of LOCALES) {
          await setLocale(locale);
          // 07:30 UTC is 09:30 in Warsaw: the weekday office is open there, not in UTC.
          const el = await inlineFinder([weekdayOffice, nightShelter], new Date('2025-03-31T07:30:00Z'), {
            'time-zone': 'Mars/Base',
          });
          const { sentence, details } = configAlert(el);
          expect(sentence).to.equal(fallbackProblemText());
          if (locale !== 'en') expect(sentence, locale).to.not.equal(english);
          expect(details).to.equal('time-zone="Mars/Base"');
          await check(el, 'openNow');
          expect(titles(el)).to.deep.equal(['Urząd – weekday office']);
          fixtureCleanup();
        }
      } finally {
        captured.restore();
      }
      const warnings = captured.warnings.filter((warning) => warning.includes('time-zone'));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('Europe/Warsaw');
    });

    it('page-size="-3": a localized alert above a finder that shows 20 at a time, one warning', async () => {
      const english = fallbackProblemText();
      const captured = collectWarnings();
      try {
        for (const locale of LOCALES) {
          await setLocale(locale);
          const el = await finder(SAMPLE, 'page-size="-3"');
          const { sentence, details } = configAlert(el);
          expect(sentence).to.equal(fallbackProblemText());
          if (locale !== 'en') expect(sentence, locale).to.not.equal(english);
          expect(details).to.equal('page-size="-3"');
          expect($$(el, '.card')).to.have.length(20);
          $<HTMLButtonElement>(el, '[part="more"]')!.click();
          await el.updateComplete;
          expect($$(el, '.card')).to.have.length(40);
          fixtureCleanup();
        }
      } finally {
        captured.restore();
      }
      const warnings = captured.warnings.filter((warning) => warning.includes('page-size'));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('20');
    });

    it('src="javascript:alert(1)": only a localized alert, oc-load-error once, never fetched, one warning', async () => {
      const english = setupProblemText();
      const captured = collectWarnings();
      const realFetch = window.fetch;
      let fetches = 0;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        fetches++;
        return realFetch(input, init);
      };
      try {
        for (const locale of LOCALES) {
          await setLocale(locale);
          const container = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement('oc-service-finder');
          el.setAttribute('src', 'javascript:alert(1)');
          const errors: CustomEvent<{ url: string; message: string }>[] = [];
          el.addEventListener('oc-load-error', (event) => errors.push(event));
          container.append(el);
          await el.loaded;
          const { sentence, details } = configAlert(el);
          expect(sentence).to.equal(setupProblemText());
          if (locale !== 'en') expect(sentence, locale).to.not.equal(english);
          expect(details).to.equal('src="javascript:alert(1)"');
          expect($(el, '[part="search"]')).to.equal(null);
          el.requestUpdate();
          await el.updateComplete;
          expect(errors).to.have.length(1);
          expect(errors[0].detail.url).to.equal('javascript:alert(1)');
          expect(errors[0].detail.message).to.contain('src');
          fixtureCleanup();
        }
      } finally {
        window.fetch = realFetch;
        captured.restore();
      }
      expect(fetches).to.equal(0);
      expect(captured.warnings.filter((warning) => warning.includes('src='))).to.have.length(1);
    });
  });
});
