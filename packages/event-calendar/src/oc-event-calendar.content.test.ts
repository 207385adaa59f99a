/**
 * What the calendar says, in the visitor's language: the live summary after a switch, titles in
 * their own language and direction, counts and digits per locale, the zone by its name, and the
 * file name of "Add to my calendar" (issues 11 and 16).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import { setLocale } from '@open-city/core';
import type { OcEventCalendar } from './oc-event-calendar.js';
import { eventCountText } from './messages.js';
import { languagesText } from './views/format.js';
import './define.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const ICS = '/packages/event-calendar/sample/krakow-events.ics';
const JSONLD = '/packages/event-calendar/sample/krakow-events.json';

const feedUrl = (text: string, type = 'application/json') => URL.createObjectURL(new Blob([text], { type }));

async function calendar(src: string, view = 'month', timeZone = 'Europe/Warsaw') {
  const element = await fixture<OcEventCalendar>(
    html`<oc-event-calendar .now=${NOW} src=${src} view=${view} time-zone=${timeZone}></oc-event-calendar>`,
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
const status = (element: OcEventCalendar) => $(element, '[role="status"]').textContent!.trim();

describe('<oc-event-calendar> content in the visitor’s language', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('says the month summary again in the new language after a switch', async () => {
    const element = await calendar(`${ICS} ${JSONLD}`);
    $$<HTMLButtonElement>(element, '.month-nav .icon-button')[1].click();
    await waitUntil(() => /^December 2026: \d+ events$/.test(status(element)), 'English summary');
    const count = status(element).match(/\d+/g)!.at(-1);
    await setLocale('pl');
    await element.updateComplete;
    expect(status(element)).to.equal(`grudzień 2026: ${count} wydarzeń`);
    await setLocale('uk');
    await element.updateComplete;
    expect(status(element)).to.match(/^грудень 2026 р\.?: \d+ под/u);
  });

  it('shows a Latin title in an Arabic month chip whole, wrapped left to right from its start', async () => {
    await setLocale('ar');
    const title = 'Language café and board games evening at the Kraków city library';
    const feed = feedUrl(JSON.stringify([{ '@type': 'Event', name: title, startDate: '2026-11-25T18:00:00+01:00' }]));
    const element = await calendar(feed);
    expect(element.dir).to.equal('rtl');
    const text = $(element, 'td[data-date="2026-11-25"] .chip-text');
    expect(text.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(text).direction).to.equal('ltr');
    expect(getComputedStyle(text).textOverflow).to.not.equal('ellipsis');
    expect(text.scrollWidth).to.be.at.most(text.clientWidth + 1, 'nothing cut');
    const box = text.getBoundingClientRect();
    const node = [...text.childNodes].find(
      (child) => child.nodeType === Node.TEXT_NODE && child.textContent === title,
    )!;
    const letter = (at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    const [first, last] = [letter(0), letter(title.length - 1)];
    expect(first.left).to.be.at.least(box.left - 0.5, 'the first letter is inside the chip');
    expect(first.left).to.be.at.most(box.left + 2, 'and at its left, where a Latin line starts');
    expect(last.bottom).to.be.greaterThan(first.bottom, 'the title wraps onto more lines');
    expect(last.right).to.be.at.most(box.right + 0.5, 'the last letter is inside the chip');
    expect(last.bottom).to.be.at.most(box.bottom + 0.5);
  });

  it('marks a title and description with the language the feed wrote them in, apart from the languages spoken', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:lang-test@example.org',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261125T170000Z',
      'DTEND:20261125T180000Z',
      'SUMMARY;LANGUAGE=en:Legal advice hour',
      'DESCRIPTION;LANGUAGE=en:Bring your documents.',
      'X-OC-LANGUAGES:uk',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:lang-test-2@example.org',
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261126T170000Z',
      'DTEND:20261126T180000Z',
      'SUMMARY;LANGUAGE=pl:Kawiarenka',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const element = await calendar(feedUrl(ics, 'text/calendar'), 'list');
    // The language filter offers the language spoken (uk), not the language of the texts (en, pl).
    const options = $$<HTMLOptionElement>(element, '#f-language option').map((option) => option.value);
    expect(options).to.deep.equal(['', 'uk']);
    const titles = $$(element, '.event .title-text');
    expect(titles.map((title) => title.getAttribute('lang'))).to.deep.equal(['en', 'pl']);
    $<HTMLButtonElement>(element, '.event').click();
    await element.updateComplete;
    expect($(element, '#detail-title').getAttribute('lang')).to.equal('en');
    expect($(element, '.description').getAttribute('lang')).to.equal('en');
    // Only the language spoken is "Language" in the detail.
    expect($(element, '.detail dl').textContent).to.include('Ukrainian').and.not.include('English');
    const link = $<HTMLAnchorElement>(element, '[part="add-to-calendar"]');
    const vevent = new ICAL.Component(ICAL.parse(await (await fetch(link.href)).text())).getFirstSubcomponent(
      'vevent',
    )!;
    expect(vevent.getFirstProperty('summary')!.getParameter('language')).to.equal('en');
    expect(vevent.getFirstProperty('description')!.getParameter('language')).to.equal('en');
  });

  it('names the add-to-calendar file by the date the event is on in the calendar’s zone', async () => {
    // 00:30 on 25 November in Kraków is still 24 November in UTC.
    const feed = feedUrl(
      JSON.stringify([{ '@type': 'Event', name: 'Nocny spacer', startDate: '2026-11-25T00:30:00+01:00' }]),
    );
    const element = await calendar(feed, 'list');
    $<HTMLButtonElement>(element, '.event').click();
    await element.updateComplete;
    expect($<HTMLAnchorElement>(element, '[part="add-to-calendar"]').download).to.equal('nocny-spacer-20261125.ics');
  });

  it('reads JSON-LD categories given as value objects and DefinedTerms, and offers them as filters', async () => {
    const feed = feedUrl(
      JSON.stringify({
        '@context': ['https://schema.org', { '@language': 'pl' }],
        '@graph': [
          {
            '@type': 'Event',
            name: 'Porady prawne',
            startDate: '2026-11-25T18:00:00+01:00',
            keywords: [{ '@value': 'Prawo', '@language': 'pl' }],
            about: { '@type': 'DefinedTerm', name: 'Pobyt', termCode: 'residence' },
          },
        ],
      }),
    );
    const element = await calendar(feed, 'list');
    const categories = $$<HTMLOptionElement>(element, '#f-category option').map((option) => option.value);
    expect(categories).to.deep.equal(['', 'Pobyt', 'Prawo']);
    expect($(element, '.event .title-text').getAttribute('lang')).to.equal('pl');
  });

  describe('locale data through core', () => {
    it('counts events in Arabic in words for 0, 1 and 2, and with the number from 3', async () => {
      await setLocale('ar');
      expect([0, 1, 2, 3, 11, 100].map(eventCountText)).to.deep.equal([
        'لا توجد فعاليات',
        'فعالية واحدة',
        'فعاليتان',
        '3 فعاليات',
        '11 فعالية',
        '100 فعالية',
      ]);
      // A locale whose translator kept "-" gets the counted forms.
      await setLocale('pl');
      expect([0, 1, 2, 5, 22].map(eventCountText)).to.deep.equal([
        '0 wydarzeń',
        '1 wydarzenie',
        '2 wydarzenia',
        '5 wydarzeń',
        '22 wydarzenia',
      ]);
      await setLocale('en');
      expect([0, 1, 2].map(eventCountText)).to.deep.equal(['0 events', '1 event', '2 events']);
    });

    it('says "No events" in an Arabic grid cell, and uses Latin digits throughout', async () => {
      await setLocale('ar');
      const element = await calendar(ICS);
      const cell = $(element, 'td[data-date="2026-11-02"]');
      expect(cell.querySelector('.visually-hidden')!.textContent).to.include('لا توجد فعاليات');
      expect(cell.querySelector('.day-number')!.textContent).to.equal('2');
      expect($(element, '#title').textContent).to.include('2026');
    });

    it('shows Gregorian months and Persian digits everywhere in fa', async () => {
      await setLocale('fa');
      const element = await calendar(`${ICS} ${JSONLD}`);
      const title = $(element, '#title').textContent!.trim();
      expect(title).to.include('۲۰۲۶').and.not.include('۱۴۰۵');
      expect(title).to.include('نوامبر');
      expect($(element, 'td[data-date="2026-11-24"] .day-number').textContent).to.equal('۲۴');
      $$<HTMLButtonElement>(element, '.month-nav .icon-button')[1].click();
      await waitUntil(() => status(element).length > 0, 'summary');
      expect(status(element)).to.match(/[۰-۹]/u).and.not.match(/[0-9]/);
      const labels = $$(element, 'tbody .visually-hidden').map((label) => label.textContent!);
      expect(labels.join(' ')).not.to.match(/[0-9]/);
    });

    it('lists languages in words ("and"), never with "&"', async () => {
      expect(languagesText(['pl', 'uk', 'en'])).to.equal('Polish, Ukrainian and English');
      await setLocale('pl');
      expect(languagesText(['pl', 'uk', 'en'])).to.equal('polski, ukraiński i angielski');
    });

    for (const locale of ['be', 'ka']) {
      it(`writes months, weekdays and languages in ${locale}, where Chromium has no data, never in English`, async () => {
        await setLocale(locale);
        const element = await calendar(ICS);
        const words = [
          $(element, '#title').textContent!,
          ...$$(element, 'th .visually-hidden').map((th) => th.textContent!),
          languagesText(['pl', 'uk']),
        ];
        for (const text of words) expect(text, text).to.not.match(/[A-Za-z]/);
        expect($(element, '#title').textContent).to.include('2026');
      });
    }

    it('names the time zone in the page language, never as "America/New_York"', async () => {
      const element = await calendar(ICS, 'list', 'America/New_York');
      $<HTMLButtonElement>(element, '.event').click();
      await element.updateComplete;
      const note = $(element, '.detail dd .muted').textContent!;
      expect(note).to.not.include('America/New_York');
      expect(note).to.match(/Eastern Time/);
      await setLocale('pl');
      await element.updateComplete;
      expect($(element, '.detail dd .muted').textContent).to.match(/czas wschodnioamerykański/i);
    });
  });
});
