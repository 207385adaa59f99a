import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '@open-city/core';
import './index.js';
import { readRoute, type OcStaffConsole } from './staff-console.js';
import { readFilterQuery, toApiFilters } from './inbox.js';

/**
 * The console in Chromium against a fake staff API (the real one is tested in
 * packages/server/test/): sign-in with and without a second factor, the inbox, a report's page,
 * the audit log, in English, Polish and Arabic, with axe on every view.
 */

interface Call {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  csrf: string | null;
}

const image =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4IScHRwzEcQCxYxBBO0tjggAAAABJRU5ErkJggg==';

function fakeStaffApi({
  role = 'moderator',
  twoFactor = 'none',
  oidc = false,
}: { role?: string; twoFactor?: 'none' | 'enrol' | 'code'; oidc?: boolean } = {}) {
  const calls: Call[] = [];
  let signedIn = false;
  let status = 'new';
  const notes: { id: string; at: string; author: string; text: string }[] = [];
  const session = () => ({
    account: { email: 'anna@krakow.example', role, mustChangePassword: false },
    csrfToken: 'csrf-token-of-this-session',
    retentionDays: 365,
    sessionIdleMinutes: 30,
    overdueOpen: role === 'admin' ? 2 : undefined,
  });
  const detail = () => ({
    reference: 'KR-7F3K-Q9XM',
    receivedAt: '2026-11-24T10:00:00.000Z',
    status,
    statusChangedAt: '2026-11-24T10:00:00.000Z',
    overdue: false,
    report: {
      schemaVersion: 1,
      id: '5b0c1f0e-0000-4000-8000-000000000001',
      createdAt: '2026-11-24T09:58:00.000Z',
      locale: 'uk',
      reporterRole: 'witness',
      incidentTypes: ['graffiti-or-symbols'],
      biasMotivations: ['racism-xenophobia-nationality'],
      place: { kind: 'offline', description: 'Rondo Mogilskie, tram shelter', district: 'II Grzegórzki' },
      occurredOn: '2026-11-20',
      description: 'A slogan against Ukrainians was painted on the shelter.',
      reportedToPolice: 'no',
      anonymous: true,
      consent: { specialCategoryData: true, givenAt: '2026-11-24T09:58:00.000Z' },
      targets: ['group'],
      futureQuestion: 'tak',
    },
    attachments: [{ id: 'a1', type: 'image/png', bytes: 70, alt: 'The slogan on the shelter', url: image }],
    notes,
    referrals: [],
    history: [
      {
        id: 1,
        at: '2026-11-24T10:00:00.000Z',
        actor: 'reporter',
        actorKind: 'reporter',
        action: 'report-received',
        details: {},
      },
    ],
  });
  const summary = () => ({
    reference: 'KR-7F3K-Q9XM',
    receivedAt: '2026-11-24T10:00:00.000Z',
    status,
    incidentTypes: ['graffiti-or-symbols'],
    biasMotivations: ['racism-xenophobia-nationality'],
    place: { kind: 'offline', district: 'II Grzegórzki' },
    occurredOn: '2026-11-20',
    excerpt: 'A slogan against Ukrainians was painted on the shelter.',
    evidence: 1,
    overdue: false,
  });
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    const method = init.method ?? 'GET';
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
    const headers = new Headers(init.headers);
    const path = url.pathname.replace('/staff/api', '');
    calls.push({ method, path: `${path}${url.search}`, body, csrf: headers.get('X-CSRF-Token') });
    if (path === '/sign-in-options') return json(200, { oidc });
    if (path === '/session' && method === 'GET')
      return signedIn ? json(200, session()) : json(401, { error: 'Sign in first', code: 'signed-out' });
    if (path === '/session' && method === 'POST') {
      if (body?.password !== 'right password') return json(401, { error: 'wrong', code: 'credentials' });
      if (twoFactor === 'enrol' && !body.code)
        return json(401, {
          error: 'Set up',
          code: 'totp-enrolment',
          details: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' },
        });
      if (twoFactor === 'code' && !body.code) return json(401, { error: 'Code', code: 'totp-required' });
      signedIn = true;
      return json(200, session());
    }
    if (!signedIn) return json(401, { error: 'Sign in first', code: 'signed-out' });
    if (path === '/session' && method === 'DELETE') {
      signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (path === '/reports') return json(200, { reports: [summary()] });
    if (path === '/reports/KR-7F3K-Q9XM' && method === 'GET') return json(200, detail());
    if (path === '/reports/KR-7F3K-Q9XM/status') {
      status = String(body?.status);
      return json(200, detail());
    }
    if (path === '/reports/KR-7F3K-Q9XM/notes') {
      notes.push({ id: 'n1', at: '2026-11-24T11:00:00.000Z', author: 'anna@krakow.example', text: String(body?.text) });
      return json(200, detail());
    }
    if (path === '/audit')
      return json(200, {
        entries: [
          {
            id: 2,
            at: '2026-11-24T11:00:00.000Z',
            actor: 'anna@krakow.example',
            actorKind: 'staff',
            action: 'status-changed',
            reference: 'KR-7F3K-Q9XM',
            details: { from: 'new', to: 'in-review' },
          },
        ],
      });
    return json(404, { error: 'No such endpoint' });
  };
  return {
    calls,
    signIn: () => {
      signedIn = true;
    },
    restore: () => {
      window.fetch = original;
    },
  };
}

/**
 * Find an element through the shadow roots of the console and its views; `view >> selector`
 * looks inside that view's shadow root.
 */
function deep<T extends Element = HTMLElement>(root: Element, selector: string): T | null {
  const [host, ...rest] = selector.split(' >> ');
  if (rest.length > 0) {
    const view = deep(root, host);
    return view ? deep<T>(view, rest.join(' >> ')) : null;
  }
  const search = (node: Element | ShadowRoot): T | null => {
    const found = node.querySelector<T>(selector);
    if (found) return found;
    for (const child of node.querySelectorAll('*')) {
      if (child.shadowRoot) {
        const inner = search(child.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  return search(root.shadowRoot ?? root);
}

const find = async <T extends Element = HTMLElement>(root: Element, selector: string) => {
  await waitUntil(() => deep(root, selector), `${selector} appears`, { timeout: 4000 });
  return deep<T>(root, selector)!;
};

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function mount() {
  return fixture<OcStaffConsole>(html`<oc-staff-console></oc-staff-console>`);
}

async function signIn(element: Element, password = 'right password') {
  type(await find<HTMLInputElement>(element, '#email'), 'anna@krakow.example');
  type(await find<HTMLInputElement>(element, '#password'), password);
  (await find(element, 'oc-staff-sign-in')).shadowRoot!.querySelector('form')!.requestSubmit();
}

describe('staff console', () => {
  let api: ReturnType<typeof fakeStaffApi>;

  beforeEach(() => {
    history.replaceState(null, '', location.pathname);
  });
  afterEach(async () => {
    fixtureCleanup();
    api?.restore();
    history.replaceState(null, '', location.pathname);
    await setLocale('en');
  });

  it('signs in, says why a wrong password failed, and shows the inbox newest first; both views pass axe', async () => {
    api = fakeStaffApi();
    const element = await mount();
    const signInView = await find(element, 'oc-staff-sign-in');
    await expect(signInView).to.be.accessible();
    await signIn(element, 'wrong password');
    const alert = await find(element, '.problem[role="alert"]');
    expect(alert.textContent).to.contain('The e-mail or the password is wrong.');

    await signIn(element);
    const link = await find<HTMLAnchorElement>(element, 'oc-staff-inbox >> article h2 a');
    expect(link.textContent!.trim()).to.equal('KR-7F3K-Q9XM');
    expect(link.getAttribute('href')).to.equal('#/reports/KR-7F3K-Q9XM');
    const card = deep(element, 'oc-staff-inbox >> article')!;
    expect(card.textContent).to.contain('Graffiti, stickers or hate symbols');
    expect(card.textContent).to.contain('Images: 1');
    await expect(deep(element, 'oc-staff-inbox')!).to.be.accessible();
    // The heading of the new view has the focus, so a screen reader starts there.
    await waitUntil(() => deep(element, 'oc-staff-inbox')!.shadowRoot!.activeElement?.tagName === 'H1');
  });

  it('shows the set-up of an authenticator app as a link and a key in text, then asks for the code', async () => {
    api = fakeStaffApi({ twoFactor: 'enrol' });
    const element = await mount();
    await signIn(element);
    const key = await find(element, '.secret');
    expect(key.textContent!.trim()).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    const setUp = deep<HTMLAnchorElement>(element, 'a[href^="otpauth://"]')!;
    expect(setUp).to.not.equal(null);
    const code = deep<HTMLInputElement>(element, '#code')!;
    expect(code.autocomplete).to.equal('one-time-code');
    await expect(deep(element, 'oc-staff-sign-in')!).to.be.accessible();
    type(code, '123456');
    deep(element, 'oc-staff-sign-in')!.shadowRoot!.querySelector('form')!.requestSubmit();
    await find(element, 'oc-staff-inbox');
    const signInCall = api.calls.filter((call) => call.method === 'POST' && call.path === '/session').at(-1)!;
    expect(signInCall.body).to.deep.equal({ email: 'anna@krakow.example', password: 'right password', code: '123456' });
  });

  it('shows a report in words with its evidence, and changes its status and adds a note with the CSRF token', async () => {
    api = fakeStaffApi();
    api.signIn();
    location.hash = '#/reports/KR-7F3K-Q9XM';
    const element = await mount();
    const page = await find(element, 'oc-staff-report');
    await find(element, 'dl.fields');
    const text = page.shadowRoot!.textContent!;
    for (const words of [
      'A witness',
      'Racism, xenophobia or nationality',
      'II Grzegórzki',
      '20 November 2026',
      'Anonymous: no contact details',
    ]) {
      expect(text).to.contain(words);
    }
    expect(text).to.contain('Who or what was targeted');
    expect(text).to.contain('A group of people');
    expect(text).not.to.contain('group,');
    expect(text).to.contain('FutureQuestion', 'a field this console does not know yet is still shown');
    expect(text).to.contain('tak');
    const img = deep<HTMLImageElement>(element, '.evidence img')!;
    expect(img.alt).to.equal('The slogan on the shelter');
    expect(deep(element, '#delete-heading'), 'a moderator cannot delete').to.equal(null);
    await expect(page).to.be.accessible();

    const select = deep<HTMLSelectElement>(element, '#status-select')!;
    select.value = 'in-review';
    select.closest('form')!.requestSubmit();
    await waitUntil(() => page.shadowRoot!.querySelector('[role="status"]')!.textContent!.includes('In review'));
    type(deep<HTMLTextAreaElement>(element, '#note')!, 'Called the transport company.');
    deep(element, '#note')!.closest('form')!.requestSubmit();
    await waitUntil(() => page.shadowRoot!.textContent!.includes('Called the transport company.'));
    const changes = api.calls.filter((call) => call.method === 'POST');
    expect(changes.map((call) => [call.path, call.csrf])).to.deep.equal([
      ['/reports/KR-7F3K-Q9XM/status', 'csrf-token-of-this-session'],
      ['/reports/KR-7F3K-Q9XM/notes', 'csrf-token-of-this-session'],
    ]);
    await expect(page).to.be.accessible();
  });

  it('lets an admin read the audit log, delete a report, and see the reports past retention', async () => {
    api = fakeStaffApi({ role: 'admin' });
    api.signIn();
    location.hash = '#/reports/KR-7F3K-Q9XM';
    const element = await mount();
    await find(element, '#delete-heading');
    await expect(deep(element, 'oc-staff-report')!).to.be.accessible();
    location.hash = '#/audit';
    const entry = await find(element, 'oc-staff-audit >> li.card');
    expect(entry.textContent).to.contain('Status changed');
    expect(entry.textContent).to.contain('New → In review');
    await expect(deep(element, 'oc-staff-audit')!).to.be.accessible();
    location.hash = '#/';
    const notice = await find(element, 'oc-staff-inbox >> .notice');
    expect(notice.textContent).to.contain('(365 days): 2');
  });

  it('speaks Polish and Arabic (right to left), and stays accessible', async () => {
    api = fakeStaffApi();
    api.signIn();
    await setLocale('pl');
    let element = await mount();
    const heading = await find(element, 'oc-staff-inbox >> h1');
    expect(heading.textContent!.trim()).to.equal('Zgłoszenia');
    expect(deep(element, 'oc-staff-inbox >> article')!.textContent).to.contain(
      'Napisy, naklejki lub symbole nienawiści',
    );
    await expect(deep(element, 'oc-staff-inbox')!).to.be.accessible();
    fixtureCleanup();
    await setLocale('ar');
    element = await mount();
    const inbox = await find(element, 'oc-staff-inbox');
    await find(element, 'oc-staff-inbox >> article');
    expect(inbox.getAttribute('dir')).to.equal('rtl');
    expect(inbox.shadowRoot!.querySelector('h1')!.textContent!.trim()).to.equal('البلاغات');
    await expect(inbox).to.be.accessible();
  });

  it('goes back to sign-in with a notice when the session has ended', async () => {
    api = fakeStaffApi();
    const element = await mount();
    const signInView = await find(element, 'oc-staff-sign-in');
    expect(signInView.shadowRoot!.querySelector('.notice')).to.equal(null);
    await signIn(element);
    await find(element, 'oc-staff-inbox >> article');
    // The server forgets the session (idle time out); the next request finds out.
    api.restore();
    api = fakeStaffApi();
    location.hash = '#/?status=closed';
    const notice = await find(element, 'oc-staff-sign-in >> .notice');
    expect(notice.textContent).to.contain('Your session has ended');
  });

  it('reflows into 320 px: the inbox and a report need no sideways scrolling', async () => {
    api = fakeStaffApi({ role: 'admin' });
    api.signIn();
    const frame = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><oc-staff-console></oc-staff-console></div>`,
    );
    const element = frame.querySelector('oc-staff-console')!;
    const inbox = await find(element, 'oc-staff-inbox');
    await find(element, 'oc-staff-inbox >> article');
    expect(inbox.scrollWidth).to.be.at.most(320);
    expect(element.scrollWidth).to.be.at.most(320);
    location.hash = '#/reports/KR-7F3K-Q9XM';
    const page = await find(element, 'oc-staff-report');
    await find(element, 'oc-staff-report >> dl.fields');
    expect(page.scrollWidth).to.be.at.most(320);
  });

  it('offers the city identity provider when the server has one, and says why coming back from it failed', async () => {
    api = fakeStaffApi({ oidc: true });
    history.replaceState(null, '', `${location.pathname}?sign-in=oidc-no-account`);
    const element = await mount();
    const link = await find<HTMLAnchorElement>(element, 'oc-staff-sign-in >> a.button');
    expect(link.getAttribute('href')).to.equal('/staff/api/oidc/start');
    expect(link.textContent!.trim()).to.equal('Sign in with the city’s account');
    const alert = await find(element, 'oc-staff-sign-in >> [role="alert"]');
    expect(alert.textContent).to.contain('There is no staff account');
    expect(location.search, 'the outcome is not left in the address').to.equal('');
    await expect(deep(element, 'oc-staff-sign-in')!).to.be.accessible();
  });

  it('reads its routes and filters from the page address', () => {
    expect(readRoute('')).to.deep.equal({ view: 'inbox', query: '' });
    expect(readRoute('#/?status=new')).to.deep.equal({ view: 'inbox', query: 'status=new' });
    expect(readRoute('#/reports/KR-7F3K-Q9XM')).to.deep.equal({ view: 'report', reference: 'KR-7F3K-Q9XM' });
    expect(readRoute('#/audit')).to.deep.equal({ view: 'audit' });
    expect(readFilterQuery('status=new&bogus=1&q=graffiti')).to.deep.equal({ status: 'new', q: 'graffiti' });
    const range = toApiFilters({ from: '2026-11-01', to: '2026-11-30' });
    expect(new Date(range.from!).getDate()).to.equal(1);
    expect(new Date(range.to!).getDate(), 'the end day is included').to.equal(1);
    expect(new Date(range.to!).getMonth()).to.equal(11);
  });
});
