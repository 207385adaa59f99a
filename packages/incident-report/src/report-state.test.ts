import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { OcElement, RefusedError } from '@open-city/core';
import { FormController } from './form-state.js';
import { Outbox, outboxKey } from './outbox.js';
import { buildPayload } from './payload.js';
import { DEFAULT_EXIT_URL, ReportController, type ReportConfig, type ReportSettings } from './report-state.js';
import { withImages } from './attachment-store.js';
import { lockName } from './evidence-store.js';
import {
  NOW,
  clearOutbox,
  completeDraft,
  currentEndpoint,
  draftKey,
  evidenceReceiver,
  fakeReceiver,
  pending,
  sha256Of,
  storeDraft,
  useEndpoint,
  type EvidenceReceiver,
  type FakeReceiver,
} from './test-helpers.js';

useEndpoint('/api/reports-state');

type Setting = Parameters<ReportConfig['get']>[0];

/**
 * The smallest element the controller can serve: settings instead of checked attributes, the form
 * logic given at once or later (as a chunk would load), and only the targets that focus moves to.
 */
class ReportStateHost extends OcElement {
  retryDelayMs = 60_000;
  minFillMs = 0;
  clock = () => NOW;
  settings: Partial<Record<Setting, string | number>> = { endpoint: currentEndpoint(), timeZone: 'Europe/Warsaw' };
  /** Where the form comes from; a test may hold it back, as a chunk still loading. */
  readonly source: { module?: { FormController: typeof FormController }; ready: Promise<void> } = {
    module: { FormController },
    ready: Promise.resolve(),
  };
  readonly report = new ReportController<FormController>(
    this,
    { get: <K extends Setting>(setting: K) => this.settings[setting] as ReportSettings[K] | undefined },
    this.source,
  );

  protected override render() {
    return litHtml`<h2 id="step-title" tabindex="-1">Step</h2>
      <div class="error-summary" tabindex="-1"></div>
      <section part="confirmation"><h2 tabindex="-1">Outcome</h2></section>`;
  }
}
customElements.define('report-state-host', ReportStateHost);

async function mountHost(prepare: (element: ReportStateHost) => void = () => {}): Promise<ReportStateHost> {
  const element = document.createElement('report-state-host') as ReportStateHost;
  prepare(element);
  const mounted = await fixture<ReportStateHost>(html`<div></div>`);
  mounted.append(element);
  await element.updateComplete;
  return element;
}

const form = (element: ReportStateHost) => element.report.form!;
const focused = (element: ReportStateHost) => element.shadowRoot!.activeElement;

/** A report queued on an earlier visit, waiting in the outbox. */
function queueEarlierReport(description = 'Queued on an earlier visit.') {
  const body = buildPayload(completeDraft({ description, consent: true }), { locale: 'en' });
  new Outbox(localStorage, outboxKey(currentEndpoint())).put({
    id: body.id,
    endpoint: currentEndpoint(),
    body,
    queuedAt: 0,
    attempts: 0,
  });
  return body;
}

describe('ReportController and its FormController', () => {
  let receiver: FakeReceiver | undefined;

  afterEach(() => {
    fixtureCleanup();
    receiver?.restore();
    receiver = undefined;
    sessionStorage.clear();
    clearOutbox();
  });

  it('restores the draft and step of its endpoint, and keeps every change in sessionStorage', async () => {
    storeDraft(completeDraft({ description: 'Kept over a reload.' }), 'details');
    const element = await mountHost();
    expect(form(element).step).to.equal('details');
    expect(form(element).draft.description).to.equal('Kept over a reload.');
    form(element).change({ description: 'Changed.' });
    expect(JSON.parse(sessionStorage.getItem(draftKey())!)).to.deep.include({ step: 'details' });
    expect(JSON.parse(sessionStorage.getItem(draftKey())!).draft.description).to.equal('Changed.');
  });

  it('checks each step before moving on, re-checks a wrong field as it is fixed, and moves focus', async () => {
    const element = await mountHost();
    const state = form(element);
    state.next();
    await element.updateComplete;
    expect(state.errors).to.deep.equal({ reporterRole: 'required' });
    expect(state.step).to.equal('role');
    expect(focused(element)).to.equal(element.shadowRoot!.querySelector('.error-summary'));
    state.change({ reporterRole: 'victim' });
    expect(state.errors).to.deep.equal({}, 'fixed: the error goes');
    state.next();
    await element.updateComplete;
    expect(state.step).to.equal('what');
    expect(focused(element)).to.equal(element.shadowRoot!.querySelector('#step-title'));
    state.back();
    expect(state.step).to.equal('role');
  });

  it('comes back to the check page after "Change", unless another step became incomplete', async () => {
    storeDraft(completeDraft(), 'review');
    const element = await mountHost();
    const state = form(element);
    state.edit('when');
    state.next();
    expect(state.step).to.equal('review');
    state.edit('where');
    state.change({ placeKind: 'online' }); // no link given yet
    state.next();
    expect(state.errors).to.deep.equal({ url: 'required' });
    state.change({ url: 'https://social.example/post/1' });
    state.next();
    expect(state.step).to.equal('review');
  });

  it('sends through the outbox; once accepted, shows the reference and forgets the draft', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-STAT-E234' } });
    storeDraft(completeDraft({ consent: true }), 'review');
    const element = await mountHost();
    const sentId = form(element).draft.id;
    const submitted = oneEvent(element, 'oc-report-submitted');
    form(element).next();
    expect((await submitted).detail).to.deep.equal({ id: sentId, reference: 'KR-STAT-E234' });
    await element.updateComplete;
    expect(element.report.view).to.equal('sent');
    expect(element.report.reference).to.equal('KR-STAT-E234');
    expect(element.report.sentWithContact).to.equal(false);
    expect(form(element).draft.id).not.to.equal(sentId, 'never sent twice');
    expect(sessionStorage.getItem(draftKey())).to.equal(null);
    expect(receiver.requests[0].headers['Idempotency-Key']).to.equal(sentId);
    element.report.startAgain();
    expect(element.report.view).to.equal('form');
    expect(form(element).step).to.equal('role');
  });

  it('keeps a report that cannot be sent in the outbox, and deletes it on request', async () => {
    receiver = fakeReceiver('offline');
    storeDraft(completeDraft({ consent: true }), 'review');
    const element = await mountHost();
    const queued = oneEvent(element, 'oc-report-queued');
    form(element).next();
    const { detail } = await queued;
    expect(element.report.view).to.equal('queued');
    expect(pending().map((entry) => entry.id)).to.deep.equal([detail.id]);
    expect(sessionStorage.getItem(draftKey())).to.equal(null, 'the outbox holds it now');
    element.report.discardQueued();
    expect(pending()).to.deep.equal([]);
    expect(element.report.view).to.equal('form');
    expect(element.report.notice).to.contain('deleted');
    expect(form(element).step).to.equal('role');
  });

  it('keeps a refused report as the draft, on the check step, with the receiver’s reason', async () => {
    receiver = fakeReceiver({ status: 422, body: { error: 'Invalid place.', details: ['/place'] } });
    storeDraft(completeDraft({ consent: true }), 'review');
    const element = await mountHost();
    form(element).next();
    await waitUntil(() => form(element).rejection);
    const refusal = form(element).rejection!;
    expect(refusal).to.be.instanceOf(RefusedError);
    expect(refusal).to.include({ status: 422, reason: 'Invalid place.', url: currentEndpoint() });
    expect(refusal.details).to.deep.equal(['/place']);
    expect(form(element).step).to.equal('review');
    expect(JSON.parse(sessionStorage.getItem(draftKey())!).draft.description).to.equal(
      'Hate symbols sprayed on the shelter.',
    );
    expect(pending()).to.deep.equal([], 'not retried');
    form(element).back();
    expect(form(element).rejection).to.equal(undefined, 'gone once the person moves on');
  });

  it('sends a report queued on an earlier visit before the form has loaded', async () => {
    receiver = fakeReceiver({ status: 200, body: { reference: 'KR-EARL-Y234' } });
    const body = queueEarlierReport();
    const submitted = oneEvent(window, 'oc-report-submitted');
    const element = await mountHost((element) => {
      element.source.module = undefined;
      element.source.ready = new Promise(() => {});
    });
    expect((await submitted).detail).to.deep.equal({ id: body.id, reference: 'KR-EARL-Y234' });
    await element.updateComplete;
    expect(element.report.form).to.equal(undefined, 'no form logic yet');
    expect(element.report.view).to.equal('sent');
    expect(element.report.reference).to.equal('KR-EARL-Y234');
  });

  it('sends a report queued with images on an earlier visit, images first, while the form never loads', async () => {
    const images: EvidenceReceiver = evidenceReceiver();
    try {
      const bytes = new TextEncoder().encode('the image, re-encoded');
      const id = crypto.randomUUID();
      const body = buildPayload(completeDraft({ consent: true }), { locale: 'en' });
      body.attachments = [{ id, type: 'image/webp', bytes: bytes.length, sha256: await sha256Of(bytes), alt: '' }];
      await withImages('readwrite', (store) => {
        store.put({ id, reportId: body.id, endpoint: currentEndpoint(), blob: new Blob([bytes]), savedAt: 0 });
      });
      new Outbox(localStorage, outboxKey(currentEndpoint())).put({
        id: body.id,
        endpoint: currentEndpoint(),
        body,
        queuedAt: 0,
        attempts: 0,
        deletionCode: '7K3M-Q9XP-2HVD-8RTW',
      });
      const submitted = oneEvent(window, 'oc-report-submitted');
      const element = await mountHost((element) => {
        element.source.module = undefined;
        element.source.ready = new Promise(() => {});
      });
      expect((await submitted).detail.id).to.equal(body.id);
      expect(images.requests.map((request) => request.method)).to.deep.equal(['PUT', 'POST']);
      expect(element.report.form).to.equal(undefined, 'no form logic yet');
      expect(element.report.deletionCode).to.equal('7K3M-Q9XP-2HVD-8RTW', 'its code is shown with the reference');
      await waitUntil(async () => (await withImages<unknown[]>('readonly', (store) => store.getAll())).length === 0);
    } finally {
      images.restore();
    }
  });

  it('gives a report refused on a later visit back as the draft, once the form has loaded', async () => {
    receiver = fakeReceiver({ status: 400, body: { error: 'Too old.' } });
    const body = queueEarlierReport('Refused on the next visit.');
    let loaded = () => {};
    const element = await mountHost((element) => {
      element.source.module = undefined;
      element.source.ready = new Promise((resolve) => (loaded = resolve));
    });
    await waitUntil(() => receiver!.requests.length === 1);
    expect(element.report.view).to.equal('queued', 'waits for the form');
    element.source.module = { FormController };
    element.requestUpdate();
    await element.updateComplete;
    loaded();
    await waitUntil(() => element.report.view === 'form');
    expect(form(element).draft).to.include({ id: body.id, description: 'Refused on the next visit.', consent: false });
    expect(form(element).step).to.equal('review');
    expect(form(element).rejection?.reason).to.equal('Too old.');
  });

  it('shows a bot the usual confirmation, and sends nothing', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    storeDraft(completeDraft({ consent: true }), 'review');
    const element = await mountHost();
    form(element).fillHoneypot('http://spam.example');
    form(element).next();
    expect(element.report.view).to.equal('sent');
    expect(element.report.reference).to.match(/^KR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(receiver.requests).to.deep.equal([]);
    expect(pending()).to.deep.equal([]);
  });

  it('without a usable endpoint has no form, and keeps and sends nothing', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    queueEarlierReport();
    const element = await mountHost((element) => (element.settings = { timeZone: 'Europe/Warsaw' }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(element.report.form).to.equal(undefined);
    expect(element.report.view).to.equal('form');
    expect(receiver.requests).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
  });

  it('gives the form of the old endpoint up when the endpoint changes, and its hold on the draft’s images', async () => {
    const element = await mountHost();
    const first = form(element);
    const held = async () => ((await navigator.locks.query()).held ?? []).map((lock) => lock.name);
    await waitUntil(async () => (await held()).includes(lockName(first.draft.id)), 'the draft is held');
    element.settings = { ...element.settings, endpoint: '/api/reports-state-other' };
    element.requestUpdate();
    await element.updateComplete;
    expect(form(element)).not.to.equal(first);
    expect(form(element).endpoint).to.equal('/api/reports-state-other');
    await waitUntil(async () => !(await held()).includes(lockName(first.draft.id)), 'the old draft is let go');
    expect(await held()).to.include(lockName(form(element).draft.id));
  });

  it('leaves on three presses of Escape, unless the page cancels it, and forgets the draft', async () => {
    storeDraft(completeDraft(), 'details');
    const element = await mountHost();
    const exit = oneEvent(element, 'oc-quick-exit');
    element.addEventListener('oc-quick-exit', (event) => event.preventDefault(), { once: true });
    for (let i = 0; i < 3; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect((await exit).detail).to.deep.equal({ url: DEFAULT_EXIT_URL });
    expect(element.report.view).to.equal('form', 'cancelled: still here');
    expect(sessionStorage.getItem(draftKey())).not.to.equal(null, 'cancelled: nothing forgotten');
    element.settings = { ...element.settings, exitUrl: 'https://weather.example/' };
    const again = oneEvent(element, 'oc-quick-exit');
    element.addEventListener('oc-quick-exit', (event) => event.preventDefault(), { once: true });
    element.report.quickExit();
    expect((await again).detail.url).to.equal('https://weather.example/');
  });
});
