import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { retryText, setLocale } from '@open-city/core';
import type { OcServiceFinder } from './oc-service-finder.js';
import { sampleIds } from '../test/search-quality.js';
import './define.js';

/**
 * The finder and its feeds as a visitor meets them: the Polish originals searched beside a
 * translated feed, and a feed too large for one document.
 */

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cardIds = (el: OcServiceFinder) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.card-title')].map((button) => button.dataset.id);

const realFetch = window.fetch;
/** Requests made through the stub, by URL. */
let requested: string[] = [];

/** `/stub/services?lang=xx` answers with the sample feed in that language; `/stub/huge` claims 30 MB of JSON. */
function stubFeeds() {
  requested = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith('/stub/')) return realFetch(input, init);
    requested.push(url.pathname + url.search);
    if (url.pathname === '/stub/many') {
      const services = Array.from({ length: 20_000 }, (_, i) => ({
        id: `s${i}`,
        name: `Usługa ${i}`,
        description: 'Pomoc prawna dla cudzoziemców, bezpłatnie.',
        status: 'active',
        languages: [{ code: 'pl' }, { code: i % 2 ? 'uk' : 'en' }],
        attributes: [{ taxonomy_term: { id: `t${i % 7}`, name: `Kategoria ${i % 7}` } }],
      }));
      return new Response(JSON.stringify(services), { headers: { 'Content-Type': 'application/json' } });
    }
    if (url.pathname === '/stub/huge') {
      const body = new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024)) });
      return new Response(body, { headers: { 'Content-Type': 'application/json', 'Content-Length': '30000000' } });
    }
    const lang = url.searchParams.get('lang');
    return realFetch(`/packages/service-finder/sample/krakow-services${lang === 'en' ? '' : `.${lang}`}.json`, init);
  };
}

async function finder(src: string): Promise<OcServiceFinder> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<oc-service-finder src="${src}"></oc-service-finder>`;
  const element = container.firstElementChild as OcServiceFinder;
  await element.loaded;
  return element;
}

async function search(el: OcServiceFinder, query: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<oc-service-finder> feeds', () => {
  beforeEach(stubFeeds);
  afterEach(async () => {
    window.fetch = realFetch;
    fixtureCleanup();
    await setLocale('en');
  });

  it('searches the Polish originals of a translated feed, fetched after the first results', async function () {
    this.timeout(30_000); // two feeds and an axe audit, on a busy machine
    await setLocale('uk');
    const el = await finder('/stub/services?lang={lang}');
    expect(requested[0]).to.equal('/stub/services?lang=uk');
    expect(cardIds(el)).to.have.length.greaterThan(0);
    // "Zezwolenie na pracę" is the Polish name; the Ukrainian feed has only "Дозвіл на роботу".
    await waitUntil(() => requested.includes('/stub/services?lang=pl'), 'the Polish feed is fetched', {
      timeout: 8000,
    });
    await search(el, 'zezwolenie na prace');
    await waitUntil(() => cardIds(el)[0] === sampleIds.workPermit, 'the Polish name finds the service', {
      timeout: 8000,
    });
    // And the visitor's own language, with a language name in another UI language.
    await search(el, 'Ukrainian');
    expect(cardIds(el)).to.have.members([sampleIds.residenceHelp, sampleIds.infoPoint, sampleIds.consulate]);
    await expect(el).to.be.accessible();
  });

  it('fetches no second feed when the page is in Polish, or the src has no {lang}', async () => {
    await setLocale('pl');
    await finder('/stub/services?lang={lang}');
    fixtureCleanup();
    await setLocale('en');
    await finder('/stub/services?lang=en');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(requested).to.deep.equal(['/stub/services?lang=pl', '/stub/services?lang=en']);
  });

  it('shows the first page of a large feed while the rest is read, then the count and the filters', async function () {
    this.timeout(30_000);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('oc-service-finder') as OcServiceFinder;
    el.setAttribute('src', '/stub/many');
    el.setAttribute('lang', 'en');
    // What the visitor sees at each render, from the first on.
    const seen: Array<{ cards: number; count: string; busy: string | null; categories: number; more: boolean }> = [];
    const observer = new MutationObserver(() => {
      const root = el.shadowRoot!;
      if (!root.querySelector('[part~="card"]')) return;
      seen.push({
        cards: root.querySelectorAll('[part~="card"]').length,
        count: text(root.querySelector('[part~="status"]')),
        busy: root.querySelector('[part~="base"]')!.getAttribute('aria-busy'),
        categories: root.querySelectorAll('#category option').length,
        more: root.querySelector('[part~="more"]') !== null,
      });
    });
    container.append(el);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    await el.loaded;
    observer.disconnect();
    // First: a page of results, announced as still loading, without counts or choices that the rest would change.
    expect(seen[0]).to.deep.equal({ cards: 20, count: 'Loading…', busy: 'true', categories: 1, more: false });
    // Then the whole directory: its count, its categories, "Show more".
    expect(seen.at(-1)).to.deep.equal({
      cards: 20,
      count: '20,000 services found',
      busy: 'false',
      categories: 8,
      more: true,
    });
    expect(cardIds(el)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `s${i}`));
    await search(el, 'usluga 19999');
    expect(cardIds(el)).to.deep.equal(['s19999']);
    await expect(el).to.be.accessible();
  });

  it('says that a feed too large for one document cannot be shown here, with no "Try again"', async function () {
    this.timeout(20_000);
    const el = await finder('/stub/huge');
    const problem = el.shadowRoot!.querySelector('[part~="error"]');
    expect(text(problem)).to.contain('too much information');
    expect(text(problem)).to.contain('smaller parts');
    expect([...el.shadowRoot!.querySelectorAll('button')].map(text)).not.to.include(retryText());
    await expect(el).to.be.accessible();
  });
});
