import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { FinderController, type FinderHost, type GeolocationLike } from './finder-state.js';
import type { Found } from './finder.js';
import type { Service } from './model.js';

const services = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, name: `Service ${i}` }) as Service);
const found: Found = { services };

interface FakeHost extends FinderHost {
  syncUrl: boolean;
  geolocation: GeolocationLike | undefined;
  updates: number;
  events: CustomEvent[];
  /** Call preventDefault() on `oc-service-select`, as a page that shows services its own way. */
  cancelSelect: boolean;
}

/** A stand-in for the element: a node to dispatch on and render into, counting requested updates. */
function fakeHost(properties: Partial<Pick<FakeHost, 'syncUrl' | 'geolocation' | 'id'>> = {}): FakeHost {
  const root = document.createElement('div');
  document.body.append(root);
  const host = Object.assign(document.createElement('div'), {
    syncUrl: false,
    geolocation: undefined,
    renderRoot: root,
    updates: 0,
    events: [] as CustomEvent[],
    cancelSelect: false,
    updateComplete: Promise.resolve(true),
    addController: (_controller: ReactiveController) => undefined,
    removeController: (_controller: ReactiveController) => undefined,
    requestUpdate: () => void host.updates++,
    emit: (type: string, detail: unknown, options: { cancelable?: boolean } = {}) => {
      const event = new CustomEvent(type, { detail, cancelable: options.cancelable ?? false });
      host.events.push(event);
      if (host.cancelSelect) event.preventDefault();
      return !event.defaultPrevented;
    },
    ...properties,
  });
  return host as unknown as FakeHost;
}

function controller(host = fakeHost()) {
  return new FinderController(host, { pageSize: () => 10, results: () => services });
}

/** Render cards and the query field into the host, as the views would, then finish the update. */
function render(host: FakeHost, finder: FinderController, detail = false) {
  const root = host.renderRoot as HTMLElement;
  root.innerHTML = detail
    ? '<h2 id="detail-title" tabindex="-1">Service</h2>'
    : `<input id="q" />${services
        .slice(0, finder.shown)
        .map((service) => `<button class="card-title" data-id="${service.id}">${service.name}</button>`)
        .join('')}`;
  finder.hostUpdated();
}

const focused = () => document.activeElement as HTMLElement | null;

/** A geolocation that answers when the test says so. */
function fakeGeolocation() {
  const calls: Array<{ ok: PositionCallback; fail?: PositionErrorCallback | null }> = [];
  const geolocation: GeolocationLike = {
    getCurrentPosition: (ok, fail) => void calls.push({ ok, fail }),
  };
  const at = (latitude: number, longitude: number) =>
    ({ coords: { latitude, longitude }, timestamp: 0 }) as GeolocationPosition;
  const error = (code: number) =>
    ({ code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }) as GeolocationPositionError;
  return { geolocation, calls, at, error };
}

describe('FinderController', () => {
  afterEach(() => {
    document.body.replaceChildren();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('starts with an empty query, the first page and no position', () => {
    const finder = controller();
    expect(finder.filters).to.deep.equal({ query: '' });
    expect(finder.shown).to.equal(10);
    expect(finder.geoStatus).to.equal('off');
    expect(finder.position).to.equal(undefined);
    expect(finder.state).to.deep.equal({ query: '', service: undefined });
  });

  it('setFilters merges the changes, goes back to the first page and asks for an update', () => {
    const host = fakeHost();
    const finder = controller(host);
    finder.showMore(found);
    expect(finder.shown).to.equal(20);
    const before = host.updates;
    finder.setFilters({ query: 'doctor' });
    finder.setFilters({ free: true });
    expect(finder.filters).to.deep.equal({ query: 'doctor', free: true });
    expect(finder.shown).to.equal(10);
    expect(host.updates).to.be.greaterThan(before);
  });

  it('showMore adds a page and focuses the first new card after the render', () => {
    const host = fakeHost();
    const finder = controller(host);
    finder.showMore(found);
    expect(finder.shown).to.equal(20);
    render(host, finder);
    expect(focused()?.dataset.id).to.equal('s10');
  });

  it('removeFilter takes one filter away and clearFilters all; both focus the query and reset paging', () => {
    const host = fakeHost();
    const finder = controller(host);
    finder.setFilters({ query: 'legal', language: 'uk', openNow: true });
    finder.showMore(found);
    finder.removeFilter('language');
    expect(finder.filters).to.deep.equal({ query: 'legal', openNow: true });
    expect(finder.shown).to.equal(10);
    render(host, finder);
    expect(focused()?.id).to.equal('q');
    finder.removeFilter('query');
    expect(finder.filters).to.deep.equal({ query: '', openNow: true });
    (focused() as HTMLElement).blur();
    finder.showMore(found);
    finder.clearFilters();
    expect(finder.filters).to.deep.equal({ query: '' });
    expect(finder.shown).to.equal(10);
    render(host, finder);
    expect(focused()?.id).to.equal('q');
  });

  it('open fires a cancelable oc-service-select and shows the detail, focused, unless cancelled', () => {
    const host = fakeHost();
    const finder = controller(host);
    host.cancelSelect = true;
    finder.open(services[3]);
    expect(host.events.map((event) => [event.type, event.detail, event.cancelable])).to.deep.equal([
      ['oc-service-select', { id: 's3' }, true],
    ]);
    expect(finder.selected).to.equal(undefined);
    host.cancelSelect = false;
    finder.open(services[3]);
    expect(finder.selected).to.equal('s3');
    expect(finder.state.service).to.equal('s3');
    render(host, finder, true);
    expect(focused()?.id).to.equal('detail-title');
  });

  it('back() shows the pages up to the card it returns to, and focuses that card', () => {
    const host = fakeHost();
    const finder = controller(host);
    finder.state = { query: '', service: 's25' }; // a shared link to a service far down the list
    expect(finder.shown).to.equal(10);
    finder.back();
    expect(finder.selected).to.equal(undefined);
    expect(finder.shown).to.equal(30);
    render(host, finder);
    expect(focused()?.dataset.id).to.equal('s25');
  });

  it('back() keeps the page when the card is already shown, and copes with no results yet', () => {
    const finder = controller();
    finder.open(services[4]);
    finder.back();
    expect(finder.shown).to.equal(10);
    // Before the directory is in, there are no results to page through.
    const early = new FinderController(fakeHost(), { pageSize: () => 10, results: () => undefined });
    early.state = { query: '', service: 's25' };
    early.back();
    expect(early.selected).to.equal(undefined);
    expect(early.shown).to.equal(10);
  });

  it('the page size is read when needed: a larger one shows more at once', () => {
    let pageSize = 10;
    const finder = new FinderController(fakeHost(), { pageSize: () => pageSize, results: () => services });
    pageSize = 25;
    expect(finder.shown).to.equal(25);
  });

  it('toggleNear asks for the position, sorts by it once known, and turns off again', () => {
    const { geolocation, calls, at } = fakeGeolocation();
    const finder = controller(fakeHost({ geolocation }));
    finder.showMore(found);
    finder.toggleNear();
    expect(finder.geoStatus).to.equal('locating');
    expect(calls).to.have.length(1);
    calls[0].ok(at(50.06, 19.94));
    expect(finder.geoStatus).to.equal('on');
    expect(finder.position).to.deep.equal({ latitude: 50.06, longitude: 19.94 });
    expect(finder.shown).to.equal(10);
    finder.toggleNear();
    expect(finder.geoStatus).to.equal('off');
    expect(finder.position).to.equal(undefined);
  });

  it('toggleNear explains a refusal and a failure, and ignores an answer after it was turned off', () => {
    const { geolocation, calls, at, error } = fakeGeolocation();
    const finder = controller(fakeHost({ geolocation }));
    finder.toggleNear();
    calls[0].fail!(error(1));
    expect(finder.geoStatus).to.equal('denied');
    finder.toggleNear();
    calls[1].fail!(error(3));
    expect(finder.geoStatus).to.equal('unavailable');
    finder.toggleNear();
    finder.toggleNear(); // turned off while locating
    expect(finder.geoStatus).to.equal('off');
    calls[2].ok(at(50, 20));
    expect(finder.geoStatus).to.equal('off');
    expect(finder.position).to.equal(undefined);
  });

  it('toggleNear says "unavailable" when asking throws', () => {
    const geolocation: GeolocationLike = {
      getCurrentPosition: () => {
        throw new Error('blocked by a permissions policy');
      },
    };
    const finder = controller(fakeHost({ geolocation }));
    finder.toggleNear();
    expect(finder.geoStatus).to.equal('unavailable');
  });

  it('with sync-url, restores from its hash segment on connection and writes it back after updates', () => {
    history.replaceState(null, '', '#intro&oc-sf=' + encodeURIComponent('q=doctor&free=1&id=s2'));
    const host = fakeHost({ syncUrl: true });
    const finder = controller(host);
    finder.hostConnected();
    expect(finder.state).to.deep.equal({ query: 'doctor', free: true, service: 's2' });
    finder.hostUpdate();
    finder.setFilters({ openNow: true });
    finder.hostUpdated();
    expect(location.hash).to.match(/^#intro&oc-sf=/);
    expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=doctor&free=1&open=1&id=s2');
    finder.hostDisconnected();
  });

  it('follows a pasted link (hashchange) and uses oc-sf-<id> for a finder with an id', async () => {
    const host = fakeHost({ syncUrl: true, id: 'legal' });
    const finder = controller(host);
    finder.hostConnected();
    history.replaceState(null, '', '#oc-sf=q%3Dother&oc-sf-legal=' + encodeURIComponent('q=lawyer'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(finder.filters).to.deep.equal({ query: 'lawyer' });
    finder.hostDisconnected();
    history.replaceState(null, '', '#oc-sf-legal=' + encodeURIComponent('q=notary'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(finder.filters.query).to.equal('lawyer'); // no longer listening
  });

  it('without sync-url, leaves the hash alone', () => {
    history.replaceState(null, '', '#oc-sf=' + encodeURIComponent('q=doctor'));
    const finder = controller();
    finder.hostConnected();
    expect(finder.filters.query).to.equal('');
    finder.hostUpdate();
    finder.setFilters({ query: 'lawyer' });
    finder.hostUpdated();
    expect(location.hash).to.equal('#oc-sf=' + encodeURIComponent('q=doctor'));
    finder.hostDisconnected();
  });

  it('a state given at creation is kept, and a link in the hash wins over it', () => {
    const first = new FinderController(
      fakeHost(),
      { pageSize: () => 10, results: () => services },
      {
        query: 'doctor',
        free: true,
      },
    );
    expect(first.state).to.deep.equal({ query: 'doctor', free: true, service: undefined });
    history.replaceState(null, '', '#oc-sf=' + encodeURIComponent('q=lawyer'));
    const second = new FinderController(
      fakeHost({ syncUrl: true }),
      { pageSize: () => 10, results: () => services },
      {
        query: 'doctor',
      },
    );
    second.hostConnected();
    expect(second.filters).to.deep.equal({ query: 'lawyer' });
    second.hostDisconnected();
  });

  describe('list or map', () => {
    /** A controller whose element says `view="…"`, changeable as an attribute would be. */
    function withAttribute(initial: 'list' | 'map', host = fakeHost()) {
      const attribute = { view: initial };
      const finder = new FinderController(host, {
        pageSize: () => 10,
        results: () => services,
        view: () => attribute.view,
      });
      return { finder, attribute, host };
    }

    it('starts in the view of the attribute, switches without touching query, filters or the open service', () => {
      const { finder, host } = withAttribute('list');
      finder.hostUpdate();
      expect(finder.view).to.equal('list');
      finder.setFilters({ query: 'doctor', free: true });
      finder.state = { ...finder.state, service: 's3' };
      const updates = host.updates;
      finder.setView('map');
      expect(finder.view).to.equal('map');
      expect(host.updates).to.equal(updates + 1);
      expect(finder.state).to.deep.equal({ query: 'doctor', free: true, service: 's3', view: 'map' });
      finder.setView('list');
      // Back to the attribute's view: nothing to remember (a link stays as it was before the map).
      expect(finder.state).to.deep.equal({ query: 'doctor', free: true, service: 's3' });
    });

    it('remembers the choice that differs from the attribute, and follows a change of the attribute', () => {
      const { finder, attribute } = withAttribute('map');
      finder.hostUpdate();
      expect(finder.view).to.equal('map');
      finder.setView('list');
      finder.hostUpdate();
      expect(finder.state.view).to.equal('list');
      attribute.view = 'list';
      finder.hostUpdate();
      attribute.view = 'map';
      finder.hostUpdate();
      expect(finder.view).to.equal('map');
      expect(finder.state.view).to.equal(undefined);
    });

    it('keeps the view in the hash with sync-url, and a link with a view opens it', () => {
      history.replaceState(null, '', '#oc-sf=' + encodeURIComponent('q=doctor&v=map'));
      const { finder } = withAttribute('list', fakeHost({ syncUrl: true }));
      finder.hostConnected();
      finder.hostUpdate();
      expect(finder.view).to.equal('map');
      finder.setView('list');
      finder.hostUpdated();
      expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=doctor');
      finder.setView('map');
      finder.hostUpdated();
      expect(decodeURIComponent(location.hash.split('oc-sf=')[1])).to.equal('q=doctor&v=map');
      finder.hostDisconnected();
    });

    it('without a view option (older hosts), shows the list', () => {
      const finder = controller();
      expect(finder.view).to.equal('list');
      finder.state = { query: '', view: 'list' };
      expect(finder.state).to.deep.equal({ query: '', service: undefined });
    });
  });
});
