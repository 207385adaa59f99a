import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { Validator } from '@cfworker/json-schema';
import { setLocale } from '@open-city/core';
import type { OcIncidentReport } from './oc-incident-report.js';
import {
  $,
  NOW,
  clearOutbox,
  click,
  completeDraft,
  currentEndpoint,
  fakeReceiver,
  heading,
  mount,
  sha256Of,
  storeDraft,
  submit,
  type,
  useEndpoint,
  type FakeReceiver,
} from './test-helpers.js';

useEndpoint('/api/reports-caseworker');

let validator: Validator;
let receiver: FakeReceiver | undefined;

const active = (element: OcIncidentReport) => element.shadowRoot!.activeElement as HTMLElement | null;
/** Open a section (a group of choices, an optional question) as a person does: on its summary. */
const open = (element: OcIncidentReport, name: string) => click(element, `[data-section="${name}"] > summary`);

async function send(element: OcIncidentReport): Promise<void> {
  await click(element, '#consent');
  await submit(element);
}

describe('<oc-incident-report> categories and caseworker questions', () => {
  before(async () => {
    const schema = await (await fetch('/packages/incident-report/schema/incident-report.schema.json')).json();
    validator = new Validator(schema, '2020-12', false);
  });

  afterEach(async () => {
    fixtureCleanup();
    receiver?.restore();
    receiver = undefined;
    sessionStorage.clear();
    clearOutbox();
    await setLocale('en');
  });

  it('offers each OSCE/ODIHR bias category as its own choice, and the incident types in short groups', async () => {
    storeDraft(completeDraft({ incidentTypes: [], biasMotivations: [] }), 'what');
    const element = await mount();
    const biases = [...element.shadowRoot!.querySelectorAll('[data-field="biasMotivations"] label')].map((label) =>
      label.textContent!.trim(),
    );
    expect(biases).to.deep.equal([
      'Racism or xenophobia: skin colour, origin, nationality or language',
      'Antisemitism: against Jewish people',
      'Against Muslims',
      'Against Christians or people of another religion',
      'Against Roma or Sinti',
      'Against LGBTI people: sexual orientation or gender identity',
      'Because of gender, for example against women',
      'Disability',
      'Another reason',
      'I don’t know',
    ]);
    // The ten types: three closed groups and "Something else"; a group opens on demand.
    const groups = [
      ...element.shadowRoot!.querySelectorAll<HTMLDetailsElement>('[data-field="incidentTypes"] details'),
    ];
    expect(groups.map((group) => group.open)).to.deep.equal([false, false, false]);
    expect($(element, '#incidentTypes-threat').checkVisibility()).to.equal(false);
    await open(element, 'types-words');
    expect($(element, '#incidentTypes-threat').checkVisibility()).to.equal(true);
    await click(element, '#incidentTypes-threat');
    expect($(element, '[data-section="types-words"] summary').textContent).to.contain('chosen: 1');

    // An error on the types: its link opens the group holding the first choice and focuses it.
    await click(element, '#incidentTypes-threat');
    await open(element, 'types-words'); // closed again by the person
    await submit(element);
    const link = $<HTMLAnchorElement>(element, '.error-summary a[href="#incidentTypes"]');
    link.click();
    await element.updateComplete;
    expect(active(element)).to.equal($(element, '#incidentTypes'));
    expect($<HTMLDetailsElement>(element, '[data-section="types-words"]').open).to.equal(true);
  });

  it('asks what a caseworker needs, all optional, and sends only what was answered (schema version 2)', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-CASE-W234' } });
    storeDraft(completeDraft({ reporterRole: 'victim' }), 'role');
    const element = await mount();
    await click(element, '#targets');
    await click(element, '#targets-place-of-worship-or-community-centre');
    await submit(element);
    await click(element, '#biasMotivations-antisemitism');
    await click(element, '#biasMotivations-anti-roma-sinti');
    await submit(element);
    await submit(element); // where
    await submit(element); // when
    expect(heading(element)).to.equal('Tell us more');
    await click(element, '#reportedToPolice');
    await type(element, '#policeReference', 'RSD-123/26');
    await open(element, 'injuries');
    await click(element, '#injuries-minor');
    await open(element, 'witnesses');
    await click(element, '#witnesses');
    await click(element, '#witnessesContact');
    await open(element, 'perpetrators');
    await click(element, '#perpetratorCount-two-or-three');
    expect($(element, '[data-field="perpetratorKnown"] legend').textContent).to.contain('Did you know them?');
    await click(element, '#perpetratorKnown-no');
    await type(element, '#perpetratorDescription', 'Two young men, black jackets');
    await open(element, 'elsewhere');
    await click(element, '#reportedElsewhere');
    await type(element, '#organisationName', 'Ośrodek Monitorowania');
    await type(element, '#organisationReference', 'OM/77');
    await click(element, '#reportedElsewhere-platform'); // chosen, then taken back
    await click(element, '#reportedElsewhere-platform');
    // An answer given by mistake can be taken back.
    await click(element, '[data-field="perpetratorCount"] .link-button');
    expect($<HTMLInputElement>(element, '#perpetratorCount-two-or-three').checked).to.equal(false);
    await submit(element);
    await submit(element); // photos
    await click(element, '#contact-contact');
    await type(element, '#email', 'olena@example.com');
    await submit(element);
    const summary = $(element, '.summary').textContent!;
    expect(summary).to.contain('Who or what was targeted');
    expect(summary).to.contain('Was anyone hurt? Yes, slightly');
    expect(summary).to.contain('Ośrodek Monitorowania · OM/77');
    await send(element);
    await waitUntil(() => receiver!.requests.length === 1);
    const body = receiver.requests[0].body;
    expect(validator.validate(body).errors).to.deep.equal([]);
    expect(body).to.deep.include({
      schemaVersion: 2,
      biasMotivations: ['racism-xenophobia-nationality', 'antisemitism', 'anti-roma-sinti'],
      reportedToPolice: 'yes',
      targets: ['me', 'place-of-worship-or-community-centre'],
      injuries: 'minor',
      witnesses: { present: true, contactThroughReporter: true },
      perpetrators: { knownToVictim: 'no', description: 'Two young men, black jackets' },
      reportedElsewhere: [
        { to: 'police', reference: 'RSD-123/26' },
        { to: 'organisation', name: 'Ośrodek Monitorowania', reference: 'OM/77' },
      ],
    });
  });

  it('asks nothing new of a hurried person, and never says an anonymous reporter can pass on messages', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-ANON-2345' } });
    storeDraft(completeDraft({ witnesses: 'yes', witnessesContact: 'yes' }), 'review');
    const element = await mount();
    await send(element);
    await waitUntil(() => receiver!.requests.length === 1);
    const body = receiver.requests[0].body;
    expect(body.witnesses).to.deep.equal({ present: true });
    for (const key of ['targets', 'injuries', 'perpetrators', 'reportedElsewhere', 'attachments']) {
      expect(body).not.to.have.property(key);
    }
    expect(validator.validate(body).errors).to.deep.equal([]);
  });

  it('shows a code to withdraw the report with its reference, and sends only the code’s SHA-256', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-CODE-2345' } });
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    await send(element);
    await waitUntil(() => element.shadowRoot!.querySelector('.code-value'));
    const code = $(element, '.code-value').textContent!.trim();
    expect(code).to.match(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect($(element, '.deletion-code').textContent).to.contain('Keep this to withdraw your report');
    const body = receiver.requests[0].body;
    expect(body.deletionCodeSha256).to.equal(await sha256Of(new TextEncoder().encode(code)));
    expect(JSON.stringify(receiver.requests[0])).not.to.contain(code.slice(0, 9));
  });

  it('withdraws a report with its reference and code, and says plainly when it cannot', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const answers = [404, 0, 204];
    const realFetch = window.fetch;
    window.fetch = async (url, init = {}) => {
      requests.push({ url: String(url), init });
      const status = answers.shift()!;
      if (status === 0) throw new TypeError('Failed to fetch');
      return new Response(null, { status });
    };
    try {
      const element = await mount();
      await open(element, 'withdraw');
      await click(element, '.withdraw button[type="submit"]');
      expect($(element, '#withdraw-outcome').textContent).to.contain('Enter the reference number and the code.');
      await type(element, '#withdraw-reference', ' kr-7f3k-q9xm ');
      await type(element, '#withdraw-code', '7k3m q9xp 2hvd');
      await click(element, '.withdraw button[type="submit"]');
      expect($(element, '#withdraw-outcome').textContent).to.contain('16 letters and digits');
      expect(requests).to.deep.equal([], 'nothing sent for a code that cannot be one');

      await type(element, '#withdraw-code', '7k3m q9xp 2hvd 8rtw');
      const withdraw = async () => {
        $(element, '.withdraw button[type="submit"]').click();
        await waitUntil(() => !$<HTMLButtonElement>(element, '.withdraw button[type="submit"]').disabled);
        await element.updateComplete;
        return $(element, '#withdraw-outcome');
      };
      expect((await withdraw()).textContent).to.contain('No report matches');
      expect(active(element)).to.equal($(element, '#withdraw-outcome'));
      expect((await withdraw()).textContent).to.contain('try again later');
      const done = await withdraw();
      expect(done.textContent).to.contain('Your report was withdrawn and deleted');
      expect(done.getAttribute('role')).to.equal('status');
      expect(requests).to.have.length(3);
      expect(requests[0].url).to.equal(`${currentEndpoint()}/KR-7F3K-Q9XM`);
      expect(requests[0].init.method).to.equal('DELETE');
      expect(requests[0].init.headers).to.deep.equal({ 'Deletion-Code': '7K3M-Q9XP-2HVD-8RTW' });
      expect(requests[0].init.credentials).to.equal('omit');
      expect($<HTMLInputElement>(element, '#withdraw-code').value).to.equal('', 'the code is not kept on screen');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('sends people to the site’s support service from the confirmation', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-HELP-2345' } });
    storeDraft(completeDraft(), 'review');
    const element = await fixture<OcIncidentReport>(
      html`<oc-incident-report
        endpoint=${currentEndpoint()}
        privacy-url="/privacy.html"
        support-url="https://support.example/hate"
        support-phone="+48 12 616 12 34"
        .minFillMs=${0}
        .clock=${() => NOW}
      ></oc-incident-report>`,
    );
    await element.viewsReady;
    await send(element);
    await waitUntil(() => element.shadowRoot!.querySelector('.support'));
    const link = $<HTMLAnchorElement>(element, '.support a[target="_blank"]');
    expect(link.href).to.equal('https://support.example/hate');
    expect(link.rel).to.equal('noopener noreferrer');
    const call = $<HTMLAnchorElement>(element, '.support a[href^="tel:"]');
    expect(call.getAttribute('href')).to.equal('tel:+48126161234');
    expect(call.textContent).to.equal('+48 12 616 12 34');
    expect($(element, '.support').textContent).not.to.contain('contact point for foreigners');
  });

  it('shows a localized alert for a support-url or support-phone that cannot be used, and leaves them out', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      await setLocale('pl');
      receiver = fakeReceiver({ status: 201, body: { reference: 'KR-HELP-2345' } });
      storeDraft(completeDraft(), 'review');
      const element = await fixture<OcIncidentReport>(
        html`<oc-incident-report
          endpoint=${currentEndpoint()}
          privacy-url="/privacy.html"
          support-url="javascript:alert(1)"
          support-phone="call us"
          .minFillMs=${0}
          .clock=${() => NOW}
        ></oc-incident-report>`,
      );
      await element.viewsReady;
      const alert = $(element, '[part="error"][role="alert"]');
      expect(alert.textContent).to.contain('support-url="javascript:alert(1)"');
      expect(alert.textContent).to.contain('support-phone="call us"');
      expect(alert.querySelector('p')!.textContent).not.to.contain('may not work as intended');
      await send(element);
      await waitUntil(() => element.shadowRoot!.querySelector('.support'));
      expect(element.shadowRoot!.querySelector('.support a')).to.equal(null);
      expect(warnings.join('\n')).to.contain('support-phone="call us" cannot be used');
    } finally {
      console.warn = warn;
    }
  });
});
