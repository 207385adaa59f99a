import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ConfigError, configProblemText, setLocale } from '@open-city/core';
import type { OcServiceFinder } from '../oc-service-finder.js';
import '../define.js';

/**
 * The map view as a visitor meets it, against tiles made by the test server (test/test-tiles.mjs):
 * nothing here needs the internet.
 */

const SAMPLE = '/packages/service-finder/test-fixtures/krakow-services-2025.json';
const TILES = '/test-tiles/{z}/{x}/{y}.png';
const FAILING_TILES = '/test-tiles/fail/{z}/{x}/{y}.png';

const $ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OcServiceFinder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const active = (el: OcServiceFinder) => el.shadowRoot!.activeElement as HTMLElement | null;
const markers = (el: OcServiceFinder) => $$<HTMLButtonElement>(el, '.markers button');
const labels = (el: OcServiceFinder) => markers(el).map((button) => button.getAttribute('aria-label')!);
const tileZoom = (el: OcServiceFinder) =>
  Number($<HTMLImageElement>(el, '.tile')!.getAttribute('src')!.split('/').at(-3));

/** Three offices within 200 m in the old town, one 8 km east, one with no place; all help newcomers. */
const place = (id: string, latitude: number, longitude: number, street: string) => ({
  description: 'Help for people new to Kraków.',
  service_at_locations: [{ location: { id, latitude, longitude, addresses: [{ address_1: street, city: 'Kraków' }] } }],
});
const free = { cost_options: [{ option: 'Free', amount: 0 }] };
const services = [
  {
    id: 'rynek',
    name: 'Info point Rynek',
    status: 'active',
    ...free,
    ...place('l1', 50.0617, 19.9373, 'Rynek Główny 1'),
  },
  {
    id: 'florianska',
    name: 'Legal aid Floriańska',
    status: 'active',
    ...free,
    ...place('l2', 50.0635, 19.9397, 'ul. Floriańska 3'),
  },
  { id: 'grodzka', name: 'Polish course Grodzka', status: 'active', ...place('l3', 50.0583, 19.9383, 'ul. Grodzka 5') },
  {
    id: 'huta',
    name: 'Nowa Huta family doctor',
    status: 'active',
    ...place('l4', 50.0717, 20.0379, 'os. Centrum A 1'),
  },
  { id: 'helpline', name: 'Helpline (phone only)', status: 'active', ...free },
];
/** Two services that share one door, and one far away. */
const sameDoor = [
  { id: 'a', name: 'Housing advice', status: 'active', ...place('d', 50.05, 19.94, 'ul. Dietla 1') },
  { id: 'b', name: 'Work advice', status: 'active', ...place('d', 50.05, 19.94, 'ul. Dietla 1') },
  { id: 'c', name: 'Far away', status: 'active', ...place('f', 50.09, 20.03, 'ul. Daleka 2') },
];

async function inlineFinder(data: unknown[], attributes: Record<string, string> = {}): Promise<OcServiceFinder> {
  const element = document.createElement('oc-service-finder');
  for (const [name, value] of Object.entries({ view: 'map', 'map-tiles': TILES, ...attributes }))
    element.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(data);
  element.append(script);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.style.width = '800px';
  container.append(element);
  await element.loaded;
  return element;
}

async function sampleFinder(attrs = 'view="map"', tiles = TILES): Promise<OcServiceFinder> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.style.width = '800px';
  container.innerHTML = `<oc-service-finder src="${SAMPLE}" map-tiles="${tiles}" ${attrs}></oc-service-finder>`;
  const element = container.firstElementChild as OcServiceFinder;
  await element.loaded;
  return element;
}

/** Until the map chunk is in and has drawn its markers. */
async function mapShown(el: OcServiceFinder): Promise<void> {
  await waitUntil(() => markers(el).length > 0, 'no markers on the map', { timeout: 5000 });
}

async function switchTo(el: OcServiceFinder, view: 'List' | 'Map') {
  const button = $$<HTMLButtonElement>(el, '.view-choice').find((b) => text(b) === view)!;
  button.click();
  await el.updateComplete;
}

async function type(el: OcServiceFinder, value: string) {
  const input = $<HTMLInputElement>(el, '#q')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const resources = (part: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part)).length;

describe('<oc-service-finder> map view', () => {
  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
    await setLocale('en');
  });

  // First in this file: the map chunk has not been loaded by any test before.
  it('downloads nothing of the map until the visitor opens it', async () => {
    const el = await sampleFinder('');
    expect($$(el, '.card')).to.have.length(20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resources('/src/map/service-map'), 'map chunk').to.equal(0);
    expect(resources('/test-tiles/'), 'tiles').to.equal(0);
    await switchTo(el, 'Map');
    await mapShown(el);
    await waitUntil(() => resources('/test-tiles/') > 0, 'no tile requested');
    expect(resources('/src/map/service-map')).to.equal(1);
    // Only tiles from the configured server: nothing else has left the page for the map.
    const external = performance
      .getEntriesByType('resource')
      .filter((entry) => !entry.name.startsWith(location.origin));
    expect(external.map((entry) => entry.name)).to.deep.equal([]);
  });

  it('shows every mapped service, clusters close ones, and lists those without coordinates beside it', async () => {
    const el = await inlineFinder(services);
    await mapShown(el);
    expect(labels(el).sort()).to.deep.equal(['3 services', 'Nowa Huta family doctor']);
    const cluster = markers(el).find((button) => button.classList.contains('cluster'))!;
    expect(text(cluster)).to.equal('3');
    const unmapped = $(el, '.unmapped')!;
    expect(text(unmapped.querySelector('h2'))).to.equal('1 service has no address on the map');
    expect([...unmapped.querySelectorAll('.card-title')].map(text)).to.deep.equal(['Helpline (phone only)']);
    // The region and its instructions; the map says that the list holds the same.
    const viewport = $(el, '.viewport')!;
    expect(viewport.getAttribute('aria-label')).to.equal('Map of the services found');
    const help = $(el, `#${viewport.getAttribute('aria-describedby')}`)!;
    expect(text(help)).to.contain('The list shows the same services.');
    // Attribution as OpenStreetMap's terms require, always visible.
    const credit = $<HTMLAnchorElement>(el, '.attribution a')!;
    expect(credit.href).to.equal('https://www.openstreetmap.org/copyright');
    expect(text(credit)).to.equal('© OpenStreetMap contributors');
    expect(credit.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('switching views keeps the query, the filters and the open service, and focus on the switch', async () => {
    const el = await inlineFinder(services, { view: 'list' });
    await type(el, 'help');
    $<HTMLInputElement>(el, 'input[name="free"]')!.click();
    await el.updateComplete;
    const listed = $$(el, '.card-title').map(text);
    expect([...listed].sort()).to.deep.equal(['Helpline (phone only)', 'Info point Rynek', 'Legal aid Floriańska']);
    const mapButton = $$<HTMLButtonElement>(el, '.view-choice')[1];
    mapButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await mapShown(el);
    expect(active(el)).to.equal(mapButton);
    expect(mapButton.getAttribute('aria-pressed')).to.equal('true');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('help');
    expect($<HTMLInputElement>(el, 'input[name="free"]')!.checked).to.equal(true);
    expect(el.state).to.deep.include({ query: 'help', free: true, view: 'map' });
    // The map holds what the list held: the two with a place on it, and the third beside it.
    expect(labels(el).sort()).to.deep.equal(['Info point Rynek', 'Legal aid Floriańska']);
    expect($$(el, '.unmapped .card-title').map(text)).to.deep.equal(['Helpline (phone only)']);
    // A service opened from the map returns to the map, with focus on its marker.
    markers(el)
      .find((button) => button.getAttribute('aria-label') === 'Legal aid Floriańska')!
      .click();
    await el.updateComplete;
    expect(text($(el, '#detail-title'))).to.equal('Legal aid Floriańska');
    expect(el.state).to.deep.include({ service: 'florianska', view: 'map' });
    $<HTMLButtonElement>(el, '.back')!.click();
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-label')).to.equal('Legal aid Floriańska');
    await switchTo(el, 'List');
    expect($$(el, '.card-title').map(text)).to.deep.equal(listed);
    // The open service stays open across a switch made while it is shown (a page setting the state).
    el.state = { ...el.state, service: 'rynek', view: 'map' };
    await el.updateComplete;
    expect(text($(el, '#detail-title'))).to.equal('Info point Rynek');
    el.state = { ...el.state, view: 'list' };
    await el.updateComplete;
    expect(text($(el, '#detail-title'))).to.equal('Info point Rynek');
  });

  it('reaches every marker by keyboard; Enter opens the same detail as the list, and Back returns to it', async () => {
    const el = await inlineFinder(services);
    await mapShown(el);
    $(el, '.viewport')!.focus();
    await sendKeys({ press: 'Tab' });
    // One marker in the tab order (roving focus), the first in reading order: Nowa Huta is a little further north.
    expect(markers(el).filter((button) => button.tabIndex === 0)).to.have.length(1);
    expect(active(el)?.getAttribute('aria-label')).to.equal('Nowa Huta family doctor');
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('3 services');
    await sendKeys({ press: 'Home' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Nowa Huta family doctor');
    await sendKeys({ press: 'End' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('3 services');
    // Enter on a cluster zooms in until it splits; focus stays on one of its services.
    const zoom = tileZoom(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tileZoom(el)).to.be.greaterThan(zoom);
    expect(['Info point Rynek', 'Legal aid Floriańska', 'Polish course Grodzka']).to.include(
      active(el)?.getAttribute('aria-label'),
    );
    await sendKeys({ press: 'End' });
    const name = active(el)!.getAttribute('aria-label')!;
    const selected = oneEvent(el, 'oc-service-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(services.find((service) => service.id === event.detail.id)!.name).to.equal(name);
    await el.updateComplete;
    expect(text($(el, '#detail-title'))).to.equal(name);
    expect(active(el)).to.equal($(el, '#detail-title'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-label')).to.equal(name);
    // Tab goes on from the markers to the map's controls, real buttons of at least 24 × 24 px.
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Zoom in');
    for (const button of $$(el, '.map-button')) {
      const { width, height } = button.getBoundingClientRect();
      expect(button.tagName).to.equal('BUTTON');
      expect(Math.min(width, height), button.getAttribute('aria-label')!).to.be.at.least(24);
    }
  });

  it('lists the services that share one place, since zooming cannot split them', async () => {
    const el = await inlineFinder(sameDoor);
    await mapShown(el);
    const door = markers(el).find((button) => button.getAttribute('aria-label') === '2 services')!;
    door.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = $(el, '.together')!;
    expect(active(el)).to.equal(panel.querySelector('h3'));
    expect([...panel.querySelectorAll('.together-item')].map(text)).to.deep.equal(['Housing advice', 'Work advice']);
    await sendKeys({ press: 'Escape' });
    expect($(el, '.together')).to.equal(null);
    expect(active(el)).to.equal(markers(el).find((button) => button.getAttribute('aria-label') === '2 services'));
    door.click();
    await el.updateComplete;
    const selected = oneEvent(el, 'oc-service-select');
    $$<HTMLButtonElement>(el, '.together-item')[1].click();
    expect((await selected).detail.id).to.equal('b');
  });

  it('pans and zooms with the buttons, the keys, a drag and the wheel, and announces the view politely after a move', async () => {
    const el = await inlineFinder(services);
    await mapShown(el);
    const status = $(el, '.map [role="status"]')!;
    expect(text(status)).to.equal('');
    const zoom = tileZoom(el);
    $<HTMLButtonElement>(el, '[aria-label="Zoom in"]')!.click();
    expect(tileZoom(el)).to.equal(zoom + 1);
    $(el, '.viewport')!.focus();
    await sendKeys({ press: '-' });
    expect(tileZoom(el)).to.equal(zoom);
    // Moving east by keys and buttons shifts the markers west.
    const x = () => markers(el)[0].getBoundingClientRect().x;
    const before = x();
    await sendKeys({ press: 'ArrowRight' });
    $<HTMLButtonElement>(el, '[aria-label="Move east"]')!.click();
    expect(x()).to.be.below(before - 100);
    // A drag moves the map with the pointer.
    const viewport = $(el, '.viewport')!.getBoundingClientRect();
    const start = [Math.round(viewport.x + 300), Math.round(viewport.y + 40)] as [number, number];
    const dragged = x();
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] + 60, start[1] + 20] });
    await sendMouse({ type: 'move', position: [start[0] + 120, start[1] + 30] });
    await sendMouse({ type: 'up' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(x()).to.be.closeTo(dragged + 120, 2);
    // The wheel zooms in around the pointer.
    $(el, '.viewport')!.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -120,
        clientX: viewport.x + 200,
        clientY: viewport.y + 100,
        bubbles: true,
        cancelable: true,
      }),
    );
    expect(tileZoom(el)).to.equal(zoom + 1);
    // Announced once the map has stood still a moment, with the area and the count in view.
    await waitUntil(() => text(status) !== '', 'nothing announced', { timeout: 3000 });
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.match(/^Area about [\d.,]+ (km|m) across(, around .+)?\. \d+ services? in view$/);
  });

  it('shows the visitor on the map after "Near me", and moves there only when asked', async () => {
    const el = await inlineFinder(services);
    await mapShown(el);
    let asked = 0;
    el.geolocation = {
      getCurrentPosition: (ok) => {
        asked++;
        ok({ coords: { latitude: 50.062, longitude: 19.938 }, timestamp: 0 } as GeolocationPosition);
      },
    };
    expect($(el, '.me')).to.equal(null);
    $<HTMLButtonElement>(el, '.near')!.click();
    await el.updateComplete;
    expect(asked).to.equal(1);
    const me = $(el, '.me')!;
    expect(me.getAttribute('role')).to.equal('img');
    expect(me.getAttribute('aria-label')).to.equal('Your location');
    const zoom = tileZoom(el);
    $<HTMLButtonElement>(el, '[aria-label="Show my location"]')!.click();
    expect(tileZoom(el)).to.be.at.least(Math.max(zoom, 15));
  });

  it('says when tiles fail, and the list stays usable', async () => {
    const el = await sampleFinder('view="map"', FAILING_TILES);
    await mapShown(el);
    const alert = await waitUntil(() => $(el, '.tiles-failed'), 'no message for failed tiles', { timeout: 5000 }).then(
      () => $(el, '.tiles-failed')!,
    );
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('could not be loaded');
    expect(alert.querySelector('button')).to.not.equal(null);
    expect(markers(el).length).to.be.greaterThan(0);
    await switchTo(el, 'List');
    expect($$(el, '.card')).to.have.length(20);
  });

  it('keeps the view in the sync-url hash, and reads links made before the map', async () => {
    history.replaceState(null, '', '#top&oc-sf=' + encodeURIComponent('q=help&v=map'));
    const el = await inlineFinder(services, { 'sync-url': '', view: 'list' });
    await mapShown(el);
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('help');
    await switchTo(el, 'List');
    expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=help');
    await switchTo(el, 'Map');
    expect(location.hash).to.match(/^#top&oc-sf=/);
    expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=help&v=map');
    fixtureCleanup();
    // An older link, without a view: the element's own view.
    history.replaceState(null, '', '#oc-sf=' + encodeURIComponent('q=help'));
    const list = await inlineFinder(services, { 'sync-url': '', view: 'list' });
    expect($(list, '.map-layout')).to.equal(null);
    expect($$(list, '.card').length).to.be.greaterThan(0);
    fixtureCleanup();
    const map = await inlineFinder(services, { 'sync-url': '' });
    await mapShown(map);
    // On a page whose finder starts on the map, choosing the list is what the link keeps.
    await switchTo(map, 'List');
    expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=help&v=list');
  });

  it('follows a change of the view attribute', async () => {
    const el = await sampleFinder('');
    el.setAttribute('view', 'map');
    await el.updateComplete;
    await mapShown(el);
    await switchTo(el, 'List');
    el.setAttribute('view', 'list');
    await el.updateComplete;
    el.setAttribute('view', 'map');
    await el.updateComplete;
    expect($(el, '.map')).to.not.equal(null);
  });

  it('view="grid": a localized alert above the list, one warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    let el: OcServiceFinder;
    try {
      el = await sampleFinder('view="grid"');
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    const alert = $(el, '[part="base"] > [role="alert"]')!;
    expect(text(alert.querySelector('.problem-details'))).to.equal('view="grid"');
    expect($$(el, '.card')).to.have.length(20);
    expect($(el, '.map-layout')).to.equal(null);
    const mine = warnings.filter((warning) => warning.includes('view="grid"'));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.contain('"list", "map"');
    const english = text($(el, '[part="base"] > [role="alert"] p'));
    await setLocale('pl');
    await el.updateComplete;
    const polish = text($(el, '[part="base"] > [role="alert"] p'));
    expect(polish).to.not.equal(english);
    expect(polish).to.equal(configProblemText(new ConfigError('view', 'grid', 'a view', 'using "list"')));
  });

  it("map-tiles it cannot use: an alert, and OpenStreetMap's tiles meanwhile", async () => {
    const captured: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void captured.push(args.map(String).join(' '));
    try {
      for (const bad of ['javascript:alert(1)', 'https://tiles.example.org/tile.png']) {
        const errors: string[] = [];
        const el = await inlineFinder(services, { 'map-tiles': bad });
        el.addEventListener('oc-load-error', (event) => errors.push(event.detail.url));
        el.requestUpdate();
        await el.updateComplete;
        await mapShown(el);
        expect(text($(el, '[part="base"] > [role="alert"] .problem-details'))).to.equal(`map-tiles="${bad}"`);
        expect($<HTMLImageElement>(el, '.tile')!.src).to.match(
          /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/,
        );
        fixtureCleanup();
      }
    } finally {
      console.warn = warn;
    }
    expect(captured.filter((warning) => warning.includes('map-tiles='))).to.have.length(2);
  });

  it("credits a city's own tile server with its attribution, and takes tiles from mapTileUrl", async () => {
    const element = document.createElement('oc-service-finder');
    element.mapTileUrl = (z, x, y) => `/test-tiles/${z}/${x}/${y}.png?from=function`;
    element.setAttribute('map-attribution', '© Miasto Kraków, data © OpenStreetMap contributors');
    element.setAttribute('view', 'map');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(services);
    element.append(script);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await element.loaded;
    await mapShown(element);
    expect(text($(element, '.attribution a'))).to.equal('© Miasto Kraków, data © OpenStreetMap contributors');
    expect($<HTMLImageElement>(element, '.tile')!.getAttribute('src')).to.match(/\?from=function$/);
    element.setAttribute('map-attribution', 'Tiles: Urząd Miasta');
    await element.updateComplete;
    expect($(element, '.attribution a')).to.equal(null);
    expect(text($(element, '.attribution'))).to.equal('Tiles: Urząd Miasta');
  });

  it('re-renders in place when the language changes, keeping the view and the search', async () => {
    const el = await inlineFinder(services, { view: 'list' });
    await type(el, 'help');
    await switchTo(el, 'Map');
    await mapShown(el);
    const before = labels(el);
    await setLocale('uk');
    await el.updateComplete;
    expect(el.lang).to.equal('uk');
    expect($<HTMLInputElement>(el, '#q')!.value).to.equal('help');
    expect($(el, '.map')).to.not.equal(null);
    expect($(el, '[aria-pressed="true"]')!.textContent!.trim()).to.equal('Мапа');
    expect($(el, '.map-button')!.getAttribute('aria-label')).to.equal('Збільшити');
    expect($(el, '.viewport')!.getAttribute('aria-label')).to.equal('Мапа знайдених послуг');
    expect(labels(el)).to.have.length(before.length);
    expect(labels(el)).to.include('3 послуги');
    expect(text($(el, '.unmapped h2'))).to.equal('1 послуга не має адреси на мапі');
    await setLocale('ar');
    await el.updateComplete;
    expect(el.dir).to.equal('rtl');
    expect($(el, '.viewport')!.getAttribute('aria-label')).to.equal('خريطة الخدمات التي تم العثور عليها');
    expect(text($(el, '.attribution a'))).to.equal('© المساهمون في OpenStreetMap');
    // The controls mirror to the right, the attribution to the left; the pan pad keeps west on the left.
    const frame = $(el, '.map-frame')!.getBoundingClientRect();
    const controls = $(el, '.map-controls')!.getBoundingClientRect();
    expect(controls.right).to.be.closeTo(frame.right, 20);
    expect($(el, '.attribution')!.getBoundingClientRect().left).to.be.closeTo(frame.left, 2);
    const west = $(el, '.pan .map-button:nth-child(2)')!.getBoundingClientRect();
    const east = $(el, '.pan .map-button:nth-child(3)')!.getBoundingClientRect();
    expect(west.left).to.be.below(east.left);
  });

  it('two finders on one page keep their own maps', async () => {
    const first = await inlineFinder(services);
    const second = await inlineFinder(sameDoor);
    await mapShown(first);
    await mapShown(second);
    const zoom = tileZoom(second);
    $<HTMLButtonElement>(first, '[aria-label="Zoom in"]')!.click();
    expect(tileZoom(second)).to.equal(zoom);
    expect(labels(second).sort()).to.deep.equal(['2 services', 'Far away']);
    expect($(first, '#map-help')).to.not.equal(null);
    expect($(second, '#map-help')).to.not.equal(null);
  });

  for (const locale of ['en', 'ar'] as const) {
    it(`passes axe on the map view in ${locale}, with the place list open`, async () => {
      await setLocale(locale);
      const el = await inlineFinder([...services, ...sameDoor]);
      await mapShown(el);
      await expect(el).to.be.accessible();
      markers(el)
        .find((button) => button.getAttribute('aria-label')?.includes('2'))
        ?.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('fits a 320 px column without scrolling sideways', async () => {
    const el = await sampleFinder();
    (el.parentElement as HTMLElement).style.width = '320px';
    await mapShown(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const frame = $(el, '.map-frame')!.getBoundingClientRect();
    expect(frame.width).to.be.at.most(320);
    for (const part of $$(el, '.map-controls, .attribution')) {
      const box = part.getBoundingClientRect();
      expect(box.left).to.be.at.least(frame.left - 0.5);
      expect(box.right).to.be.at.most(frame.right + 0.5);
    }
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
