import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { ConfigError, configProblemText, setLocale, setupProblemText, supportedLocales } from '@open-city/core';
import type { OcEventCalendar } from './oc-event-calendar.js';
import './define.js';

const NOW = new Date('2026-11-24T10:00:00Z'); // Tuesday 24 November 2026, 11:00 in Kraków
const ICS = '/packages/event-calendar/sample/krakow-events.ics';
const JSONLD = '/packages/event-calendar/sample/krakow-events.json';

async function calendar(src: string, view: string | null = 'list', timeZone?: string) {
  const element = await fixture<OcEventCalendar>(
    html`<oc-event-calendar
      .now=${NOW}
      src=${src}
      view=${view ?? ''}
      time-zone=${timeZone ?? 'Europe/Warsaw'}
    ></oc-event-calendar>`,
  );
  if (view === null) element.removeAttribute('view');
  await element.loaded;
  await waitUntil(() => element.shadowRoot!.querySelector('.list, table, .empty, [role="alert"]'), 'rendered', {
    timeout: 5000,
  });
  return element;
}

const $ = <T extends Element = HTMLElement>(element: OcEventCalendar, selector: string) =>
  element.shadowRoot!.querySelector<T & Element>(selector)!;
const $$ = <T extends Element = HTMLElement>(element: OcEventCalendar, selector: string) => [
  ...element.shadowRoot!.querySelectorAll<T & Element>(selector),
];
const titles = (element: OcEventCalendar) => $$(element, '.event .title-text').map((t) => t.textContent!.trim());
const focused = (element: OcEventCalendar) => element.shadowRoot!.activeElement as HTMLElement | null;

async function select(element: OcEventCalendar, id: string, value: string) {
  const control = $<HTMLSelectElement>(element, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

/** The alerts' English texts, to prove the other locales say something else. */
const englishNonBlocking = configProblemText(new ConfigError('x', 'y', '', 'z'));
const englishBlocking = setupProblemText();

describe('<oc-event-calendar>', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  describe('list view', () => {
    it('groups the rest of the month by day, with today marked, in the time-zone given', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`);
      const days = $$(element, '.day-title').map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
      expect(days.slice(0, 3)).to.deep.equal([
        // English as read in Kraków: day before month, 24-hour clock (en-GB).
        'Tuesday 24 November Today',
        'Thursday 26 November',
        'Saturday 28 November',
      ]);
      expect($(element, '.event .time').textContent!.trim()).to.match(/^18:00\s*–\s*20:00$/);
      expect(titles(element)).to.include('Dzień otwarty Wydziału Spraw Cudzoziemców');
      const ny = await calendar(ICS, 'list', 'America/New_York');
      expect($(ny, '.event .time').textContent!.trim()).to.match(/^12:00\s*–\s*14:00$/);
    });

    it('opens an event by keyboard, fires oc-event-select, and Back returns to it', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`);
      const first = $<HTMLButtonElement>(element, '.event');
      first.focus();
      const selected = oneEvent(element, 'oc-event-select');
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.detail).to.deep.equal({ uid: 'language-cafe@otwarty.krakow.pl', start: '2026-11-24T17:00:00.000Z' });
      expect(event.bubbles && event.composed).to.equal(true);
      await element.updateComplete;
      expect(focused(element)?.id).to.equal('detail-title');
      const detail = $(element, '.detail').textContent!.replace(/\s+/g, ' ');
      expect(detail).to.include('Tuesday, 24 November 2026');
      expect(detail).to.include('Biblioteka Kraków – Filia nr 3');
      expect(detail).to.include('Fundacja Otwarty Kraków');
      expect($<HTMLAnchorElement>(element, '.detail a[href*="openstreetmap.org/directions"]').href).to.include(
        '50.0617%2C19.9571',
      );
      $<HTMLButtonElement>(element, '.back').focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(focused(element)?.dataset.key).to.equal(first.dataset.key);
    });

    it('shows feed text as text, never as HTML', async () => {
      const feed = JSON.stringify([
        {
          '@type': 'Event',
          name: '<img src=x onerror="window.hacked=1">Party',
          startDate: '2026-11-25T18:00:00+01:00',
          description: '<script>window.hacked=2</script>Hello <b>you</b>',
        },
      ]);
      const url = URL.createObjectURL(new Blob([feed], { type: 'application/json' }));
      const element = await calendar(url);
      expect(titles(element)).to.deep.equal(['Party']);
      $<HTMLButtonElement>(element, '.event').click();
      await element.updateComplete;
      expect($(element, '.description').textContent).to.equal('Hello you');
      expect(element.shadowRoot!.querySelector('.detail img, .detail script, .detail b')).to.equal(null);
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });
  });

  describe('a busy month', () => {
    it('lists whole days up to a page of events, then shows more and moves focus to them', async () => {
      // 90 events over five days, 18 a day, every half hour from 8:00.
      const events = Array.from({ length: 90 }, (_, index) => {
        const day = 25 + Math.floor(index / 18);
        const hour = 8 + Math.floor((index % 18) / 2);
        const minute = index % 2 ? '30' : '00';
        return {
          '@type': 'Event',
          name: `Workshop ${index + 1}`,
          startDate: `2026-11-${day}T${String(hour).padStart(2, '0')}:${minute}:00+01:00`,
        };
      });
      const url = URL.createObjectURL(new Blob([JSON.stringify(events)], { type: 'application/json' }));
      const element = await calendar(url);
      const first = titles(element).length;
      expect(first).to.be.at.least(40).and.below(90);
      expect(first % 18).to.equal(0, 'whole days only');
      expect($(element, '.list-more').textContent).to.contain(`${first} of 90`);
      $<HTMLButtonElement>(element, '.list-more button').click();
      await element.updateComplete;
      await element.updateComplete;
      expect(titles(element).length).to.be.above(first);
      expect(focused(element)?.textContent).to.contain(`Workshop ${first + 1}`);
      while (element.shadowRoot!.querySelector('.list-more button')) {
        $<HTMLButtonElement>(element, '.list-more button').click();
        await element.updateComplete;
      }
      expect(titles(element).length).to.equal(90);
    });
  });

  describe('month grid', () => {
    it('is one ARIA grid for the whole month, weeks from Monday, today marked', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`, 'month');
      expect($$(element, 'table')).to.have.length(1);
      const grid = $(element, 'table');
      expect(grid.getAttribute('role')).to.equal('grid');
      expect($$(element, 'th .visually-hidden').map((th) => th.textContent!.trim())).to.deep.equal([
        'Monday',
        'Tuesday',
        'Wednesday',
        'Thursday',
        'Friday',
        'Saturday',
        'Sunday',
      ]);
      expect($$(element, 'tbody tr')).to.have.length(6);
      const today = $(element, 'td[aria-current="date"]');
      expect(today.dataset.date).to.equal('2026-11-24');
      expect(today.getAttribute('tabindex')).to.equal('0');
      expect($$(element, 'td[tabindex="0"]')).to.have.length(1);
      // The festival is in both feeds: shown once.
      expect(
        $$(element, 'td[data-date="2026-12-05"] .chip')
          .map((c) => c.textContent!.trim())
          .filter((t) => t === 'Festiwal Kultur Świata'),
      ).to.have.length(1);
    });

    it('moves by arrow keys, Home/End and Page Up/Down, and announces the month', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`, 'month');
      $(element, 'td[tabindex="0"]').focus();
      const keys = async (key: string) => {
        await sendKeys({ press: key });
        await element.updateComplete;
        return focused(element)?.dataset.date;
      };
      expect(await keys('ArrowRight')).to.equal('2026-11-25');
      expect(await keys('ArrowDown')).to.equal('2026-12-02');
      expect($(element, '#title').textContent!.trim()).to.equal('December 2026');
      await waitUntil(() => $(element, '[role="status"]').textContent!.includes('December 2026'));
      expect(await keys('ArrowUp')).to.equal('2026-11-25');
      expect(await keys('Home')).to.equal('2026-11-23');
      expect(await keys('End')).to.equal('2026-11-29');
      expect(await keys('PageDown')).to.equal('2026-12-29');
      expect(await keys('PageUp')).to.equal('2026-11-29');
      expect(await keys('ArrowLeft')).to.equal('2026-11-28');
      expect(focused(element)?.getAttribute('aria-selected')).to.equal('true');
    });

    it('reaches the events of a day with Enter', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`, 'month');
      $(element, 'td[tabindex="0"]').focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect($(element, '#day-title').textContent).to.include('Thursday 26 November');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(focused(element)?.classList.contains('event')).to.equal(true);
      expect(focused(element)?.textContent).to.include('Карта побиту');
    });

    it('mirrors the arrow keys in the Arabic (right-to-left) grid', async () => {
      await setLocale('ar');
      const element = await calendar(`${ICS}`, 'month');
      expect(element.dir).to.equal('rtl');
      $(element, 'td[tabindex="0"]').focus();
      await sendKeys({ press: 'ArrowLeft' });
      await element.updateComplete;
      expect(focused(element)?.dataset.date).to.equal('2026-11-25', 'left is forward in RTL');
      const cells = $$(element, 'tbody tr:first-child td');
      // The first day of the week is drawn at the right edge.
      expect(cells[0].getBoundingClientRect().left).to.be.greaterThan(cells[6].getBoundingClientRect().left);
    });

    it('starts as a list in a narrow container and as a month in a wide one', async () => {
      const make = (width: string) => {
        const div = document.createElement('div');
        div.style.width = width;
        const element = document.createElement('oc-event-calendar');
        element.now = NOW;
        element.src = ICS;
        div.append(element);
        document.body.append(div);
        return element;
      };
      const [n, w] = [make('20em'), make('60em')];
      await Promise.all([n.loaded, w.loaded]);
      await waitUntil(
        () => n.shadowRoot!.querySelector('.list') && w.shadowRoot!.querySelector('table'),
        'views by width',
        { timeout: 5000 },
      );
      expect(n.shownView).to.equal('list');
      expect(w.shownView).to.equal('month');
      n.parentElement!.remove();
      w.parentElement!.remove();
    });
  });

  describe('filters', () => {
    it('filters by language, free, audience and text, announces the count, and clears', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`);
      element.shownMonth = '2026-12';
      await element.updateComplete;
      const all = titles(element).length;
      await select(element, 'f-language', 'ru');
      expect([...new Set(titles(element))].sort()).to.deep.equal([
        'Dyżur prawny dla cudzoziemców',
        'Grupa wsparcia dla kobiet (online)',
        'Międzynarodowy Dzień Migranta',
      ]);
      await waitUntil(() => /\d events?/.test($(element, '[role="status"]').textContent!));
      await select(element, 'f-language', '');
      const free = $<HTMLInputElement>(element, '#free');
      free.click();
      await element.updateComplete;
      expect(titles(element)).not.to.include('Warsztaty: CV i rozmowa o pracę po polsku');
      expect(titles(element)).not.to.include('Polski dla dzieci – zajęcia przez zabawę');
      free.click();
      await select(element, 'f-audience', 'Dzieci');
      expect([...new Set(titles(element))].sort()).to.deep.equal([
        'Mikołajki dla dzieci',
        'Polski dla dzieci – zajęcia przez zabawę',
      ]);
      await select(element, 'f-audience', '');
      const search = $<HTMLInputElement>(element, '#q');
      search.focus();
      await sendKeys({ type: 'wigilia' });
      await element.updateComplete;
      expect(titles(element)).to.deep.equal(['Wigilia integracyjna']);
      $<HTMLButtonElement>(element, '.clear').click();
      await element.updateComplete;
      expect(titles(element).length).to.equal(all);
    });

    it('keeps the month and the filters across a change of language', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`, 'month');
      element.shownMonth = '2026-12';
      await element.updateComplete;
      await select(element, 'f-category', 'Kultura');
      await setLocale('pl');
      await element.updateComplete;
      expect($(element, '#title').textContent!.trim()).to.equal('grudzień 2026');
      expect($<HTMLSelectElement>(element, '#f-category').value).to.equal('Kultura');
      expect($(element, 'label[for="free"]').textContent!.trim()).to.equal('Tylko bezpłatne');
      expect(element.shownMonth).to.equal('2026-12');
    });

    it('says so when nothing matches, and offers to clear', async () => {
      const element = await calendar(ICS);
      $<HTMLInputElement>(element, '#q').value = 'zzzz';
      $<HTMLInputElement>(element, '#q').dispatchEvent(new Event('input'));
      await element.updateComplete;
      expect($(element, '[part="empty"]').textContent).to.include('No events match');
    });
  });

  describe('feeds', () => {
    it('merges two feeds when a third one is broken: its error shows, the others still show', async () => {
      const errors: string[] = [];
      const listener = (event: Event) => errors.push((event as CustomEvent).detail.url);
      window.addEventListener('oc-load-error', listener);
      try {
        const element = await calendar(`${ICS} /test-feed/status/404 ${JSONLD}`);
        const alert = $(element, '[role="alert"]');
        expect(alert.textContent).to.include('Some events could not be loaded');
        expect(alert.textContent).to.include('could not be found');
        expect(errors.some((url) => url.endsWith('/test-feed/status/404'))).to.equal(true);
        expect(titles(element)).to.include('Kawiarenka językowa / Language café'); // iCalendar
        expect(titles(element)).to.include('Прогулянка Казимежем українською'); // JSON-LD
      } finally {
        window.removeEventListener('oc-load-error', listener);
      }
    });

    it('shows an unreadable feed as an error, never a blank widget', async () => {
      const url = URL.createObjectURL(new Blob(['hello'], { type: 'text/plain' }));
      const element = await calendar(url);
      expect($(element, '[role="alert"]').textContent).to.include('could not be read');
    });

    it('asks for src when it is missing', async () => {
      const element = await fixture<OcEventCalendar>(html`<oc-event-calendar></oc-event-calendar>`);
      expect($(element, '[role="alert"]').textContent).to.include('not set up correctly');
    });
  });

  describe('attributes that cannot be used', () => {
    const locales = ['en', 'pl', 'uk', 'ru', 'ar'] as const;
    /** A value per locale: core warns once per message and page, and each run must warn. */
    const valueIn = (value: string, locale: string) => (locale === 'en' ? value : `${value}-${locale}`);

    /** Renders the calendar, and returns it with the console warnings that name `attribute`. */
    async function withWarnings(attribute: string, template: ReturnType<typeof html>) {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        if (args.join(' ').includes(attribute)) warnings.push(args.join(' '));
        warn(...args);
      };
      try {
        const element = await fixture<OcEventCalendar>(template);
        await element.loaded;
        await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'alert', { timeout: 5000 });
        return { element, warnings };
      } finally {
        console.warn = warn;
      }
    }

    const alertText = (element: OcEventCalendar) =>
      element.shadowRoot!.querySelector('[role="alert"] p')!.textContent!.trim();

    for (const locale of locales) {
      it(`time-zone="Mars/Base" shows a localized alert in ${locale}, warns once, and uses Europe/Warsaw`, async () => {
        await setLocale(locale);
        const zone = valueIn('Mars/Base', locale);
        const { element, warnings } = await withWarnings(
          'time-zone',
          html`<oc-event-calendar .now=${NOW} src=${ICS} view="list" time-zone=${zone}></oc-event-calendar>`,
        );
        const expected = configProblemText(new ConfigError('time-zone', zone, '', 'using "Europe/Warsaw"'));
        expect(alertText(element)).to.equal(expected);
        if (locale !== 'en') expect(expected).not.to.equal(englishNonBlocking);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.include(`time-zone="${zone}"`);
        const warsaw = await calendar(ICS, 'list', 'Europe/Warsaw');
        expect($(element, '.event .time').textContent).to.equal($(warsaw, '.event .time').textContent);
      });

      it(`view="grid" shows a localized alert in ${locale}, warns once, and chooses the view by width`, async () => {
        await setLocale(locale);
        const view = valueIn('grid', locale);
        const { element, warnings } = await withWarnings(
          'view',
          html`<oc-event-calendar .now=${NOW} src=${ICS} view=${view}></oc-event-calendar>`,
        );
        const expected = configProblemText(new ConfigError('view', view, '', 'it is left out'));
        expect(alertText(element)).to.equal(expected);
        if (locale !== 'en') expect(expected).not.to.equal(englishNonBlocking);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.include(`view="${view}"`);
        const narrow = element.getBoundingClientRect().width < 40 * parseFloat(getComputedStyle(element).fontSize);
        expect(element.shownView).to.equal(narrow ? 'list' : 'month');
      });

      it(`src="javascript:alert(1)" shows only a localized alert in ${locale}, warns once, fires oc-load-error once, fetches nothing`, async () => {
        await setLocale(locale);
        const src = valueIn('javascript:alert(1)', locale);
        const fetched: string[] = [];
        const fetch = window.fetch;
        window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          fetched.push(input instanceof Request ? input.url : String(input));
          return fetch(input, init);
        };
        const errors: CustomEvent[] = [];
        const listener = (event: Event) => errors.push(event as CustomEvent);
        window.addEventListener('oc-load-error', listener);
        try {
          const { element, warnings } = await withWarnings(
            'src',
            html`<oc-event-calendar .now=${NOW} src=${src}></oc-event-calendar>`,
          );
          expect(alertText(element)).to.equal(setupProblemText());
          if (locale !== 'en') expect(setupProblemText()).not.to.equal(englishBlocking);
          expect(element.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
          expect(element.shadowRoot!.querySelector('.toolbar, .list, table')).to.equal(null);
          expect(warnings).to.have.length(1);
          expect(warnings[0]).to.include(`src="${src}"`);
          expect(errors).to.have.length(1);
          expect(errors[0].detail.url).to.equal(src);
          expect(errors[0].detail.message).to.be.a('string').and.not.equal('');
          expect(fetched.filter((url) => url.includes('javascript'))).to.deep.equal([]);
        } finally {
          window.fetch = fetch;
          window.removeEventListener('oc-load-error', listener);
        }
      });
    }

    it('leaves out a javascript: feed of several, and still loads the usable ones', async () => {
      const fetched: string[] = [];
      const fetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        fetched.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      };
      try {
        const src = `${ICS} javascript:alert(2) ${JSONLD}`;
        const { element } = await withWarnings(
          'src',
          html`<oc-event-calendar .now=${NOW} src=${src} view="list"></oc-event-calendar>`,
        );
        expect($(element, '[role="alert"]').textContent).to.include('javascript:alert(2)');
        expect(titles(element)).to.include('Kawiarenka językowa / Language café'); // iCalendar
        expect(titles(element)).to.include('Прогулянка Казимежем українською'); // JSON-LD
        expect(fetched.filter((url) => url.includes('javascript'))).to.deep.equal([]);
        expect(fetched.filter((url) => url.includes('/sample/krakow-events'))).to.have.length(2);
      } finally {
        window.fetch = fetch;
      }
    });

    it('shows the month attribute first, and the current month for one it cannot use', async () => {
      const december = await fixture<OcEventCalendar>(
        html`<oc-event-calendar .now=${NOW} src=${ICS} view="month" month="2026-12"></oc-event-calendar>`,
      );
      await december.loaded;
      expect(december.shownMonth).to.equal('2026-12');
      expect($(december, '#title').textContent!.trim()).to.equal('December 2026');
      const { element, warnings } = await withWarnings(
        'month',
        html`<oc-event-calendar .now=${NOW} src=${ICS} view="month" month="2026-13"></oc-event-calendar>`,
      );
      expect(element.shownMonth).to.equal('2026-11');
      expect(alertText(element)).to.equal(configProblemText(new ConfigError('month', '2026-13', '', 'x')));
      expect(warnings.filter((text) => text.includes('month="2026-13"'))).to.have.length(1);
    });
  });

  describe('add to my calendar', () => {
    it('downloads a single-event .ics that parses back to the same event', async () => {
      const element = await calendar(`${ICS} ${JSONLD}`);
      const button = $$(element, '.event').find(
        (b) => b.textContent!.includes('Karta pobytu') || b.textContent!.includes('Карта побиту'),
      )!;
      button.click();
      await element.updateComplete;
      const link = $<HTMLAnchorElement>(element, '[part="add-to-calendar"]');
      expect(link.download).to.match(/\.ics$/);
      const text = await (await fetch(link.href)).text();
      expect(text).to.match(/\r\n$/);
      const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
      const event = new ICAL.Event(vevent);
      expect(event.summary).to.equal('Карта побиту: як подати заяву онлайн');
      expect(event.uid).to.equal('webinar-residence-permit@otwarty.krakow.pl');
      expect(event.startDate.toJSDate().toISOString()).to.equal('2026-11-26T17:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).to.equal('2026-11-26T18:30:00.000Z');
      expect(event.description).to.equal(
        'Онлайн-зустріч з юристкою: документи, терміни, типові помилки. Питання можна ставити в чаті.',
      );
      expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2026-11-24T10:00:00Z');
    });
  });

  describe('accessibility', () => {
    for (const locale of supportedLocales) {
      it(`passes axe in ${locale}: list, month and detail`, async function () {
        this.timeout(30_000); // three axe runs over the whole calendar; the first one loads axe
        await setLocale(locale);
        const element = await calendar(`${ICS} ${JSONLD}`);
        await expect(element).to.be.accessible();
        $<HTMLButtonElement>(element, '.views .button:last-child').click();
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('table')).not.to.equal(null);
        await expect(element).to.be.accessible();
        $<HTMLButtonElement>(element, '.day-events .event').click();
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('.detail')).not.to.equal(null);
        await expect(element).to.be.accessible();
      });
    }
  });
});
