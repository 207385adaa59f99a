import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Validator } from '@cfworker/json-schema';
import { ConfigError, configProblemText, setLocale, type LoadErrorDetail } from '@open-city/core';
import type { OcIncidentReport } from './oc-incident-report.js';
import { shellText } from './shell-messages.js';
import {
  $,
  NOW,
  clearOutbox,
  click,
  completeDraft,
  currentEndpoint,
  fakeReceiver,
  heading,
  draftKey,
  mount,
  pending,
  storeDraft,
  submit,
  type,
  type FakeReceiver,
  useEndpoint,
} from './test-helpers.js';

useEndpoint('/api/reports');

let validator: Validator;
let receiver: FakeReceiver | undefined;

const active = (element: OcIncidentReport) => element.shadowRoot!.activeElement as HTMLElement | null;

/** Press Tab until the focused element matches (keyboard only), at most 40 times. */
async function tabTo(element: OcIncidentReport, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (active(element)?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${active(element)?.outerHTML}`);
}

async function send(element: OcIncidentReport): Promise<void> {
  await click(element, '#consent');
  await submit(element);
}

describe('<oc-incident-report>', () => {
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

  it('is filled in and sent with the keyboard alone, one step at a time', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-7F3K-Q9XM' } });
    const element = await mount();
    expect($(element, '.step-count').textContent).to.contain('Step 1 of 8');
    expect($(element, '[aria-current="step"]').textContent).to.contain('You');

    // 1. who
    await tabTo(element, '#reporterRole');
    await sendKeys({ press: 'ArrowDown' }); // moves to and selects "I saw it happen"
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(heading(element)).to.equal('What happened?');
    expect(active(element)).to.equal($(element, '#step-title'), 'focus moves to the new step');

    // 2. what (in groups that open on demand) and why
    await tabTo(element, '[data-section="types-violence"] > summary');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await tabTo(element, '#incidentTypes-graffiti-or-symbols');
    await sendKeys({ press: 'Space' });
    await tabTo(element, '#biasMotivations-anti-muslim');
    await sendKeys({ press: 'Space' });
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(heading(element)).to.equal('Where did it happen?');

    // 3. where: in a place
    await tabTo(element, '#placeKind');
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    await tabTo(element, '#placeDescription');
    await sendKeys({ type: 'Rynek Główny' });
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(heading(element)).to.equal('When did it happen?');

    // 4. when: the Yesterday button
    await tabTo(element, '.quick-dates button:last-child');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect($<HTMLInputElement>(element, '#occurredOn').value).to.equal('2026-11-23');
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // 5. details
    await tabTo(element, '#description');
    await sendKeys({ type: 'Someone painted a hate symbol on the wall.' });
    await tabTo(element, '#reportedToPolice');
    await sendKeys({ press: 'ArrowDown' }); // "Yes" → "No", selected as focus moves
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // 6. photos or screenshots: optional
    expect(heading(element)).to.equal('Photos or screenshots');
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // 7. contact: anonymous is already chosen
    expect(heading(element)).to.equal('Do you want a reply?');
    expect($<HTMLInputElement>(element, '#contact').checked).to.equal(true);
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    // 8. check and send
    expect(heading(element)).to.equal('Check your report and send it');
    expect($(element, '.summary').textContent).to.contain('Rynek Główny');
    await tabTo(element, '#consent');
    await sendKeys({ press: 'Space' });
    const submitted = oneEvent(element, 'oc-report-submitted');
    await tabTo(element, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    await element.updateComplete;

    expect(receiver.requests.length).to.equal(1);
    const [request] = receiver.requests;
    expect(request.url).to.equal('/api/reports');
    expect(request.headers['Content-Type']).to.equal('application/json');
    expect(request.headers['Idempotency-Key']).to.equal(request.body.id);
    expect(validator.validate(request.body).errors).to.deep.equal([]);
    expect(request.body).to.deep.include({
      reporterRole: 'witness',
      incidentTypes: ['graffiti-or-symbols'],
      biasMotivations: ['anti-muslim'],
      occurredOn: '2026-11-23',
      reportedToPolice: 'no',
      anonymous: true,
      locale: 'en',
    });
    expect(detail).to.deep.equal({ id: request.body.id, reference: 'KR-7F3K-Q9XM' });
    expect(heading(element)).to.equal('Your report has been sent');
    expect(active(element)).to.equal($(element, '#outcome-title'));
    expect($(element, '.reference-value').textContent).to.equal('KR-7F3K-Q9XM');
    expect($(element, '[part="confirmation"]').textContent).to.contain('What happens next');
    expect($(element, '[part="confirmation"]').textContent).to.contain('Where to get support');
    expect(sessionStorage.getItem(draftKey())).to.equal(null, 'draft cleared after sending');
  });

  it('shows errors next to fields and focuses an error summary, in the user’s language', async () => {
    await setLocale('uk');
    const element = await mount();
    await submit(element);
    const summary = $(element, '.error-summary');
    expect(active(element)).to.equal(summary);
    const message = 'Оберіть, від чийого імені ви повідомляєте.';
    expect(summary.textContent).to.contain(message);
    expect($(element, '#reporterRole-error').textContent).to.contain(message);
    expect($(element, 'fieldset[data-field="reporterRole"]').getAttribute('aria-describedby')).to.contain(
      'reporterRole-error',
    );
    expect(heading(element)).to.equal($(element, '#step-title').textContent!.trim(), 'still on step 1');
    await click(element, '.error-summary a');
    expect(active(element)).to.equal($(element, '#reporterRole'), 'the summary link leads to the field');
    await click(element, '#reporterRole');
    expect(element.shadowRoot!.querySelector('#reporterRole-error')).to.equal(null, 'fixed errors go away');
  });

  it('asks nothing that is not needed: time, district, map point and name are optional', async () => {
    storeDraft(completeDraft({ occurredOn: '', occurredAt: '' }), 'when');
    const element = await mount();
    await click(element, '.quick-dates button');
    await submit(element);
    expect(element.shadowRoot!.querySelector('.error-summary')).to.equal(null);
    expect(heading(element)).to.equal('Tell us more');
  });

  it('refuses a date in the future', async () => {
    storeDraft(completeDraft({ occurredOn: '2026-11-25' }), 'when');
    const element = await mount();
    await submit(element);
    expect($(element, '.error-summary').textContent).to.contain('cannot be in the future');
  });

  it('sends no contact data at all for an anonymous report, even after contact details were typed', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    storeDraft(completeDraft(), 'contact');
    const element = await mount();
    await click(element, '#contact-contact');
    await type(element, '#name', 'Olena');
    await type(element, '#email', 'olena@example.com');
    await type(element, '#phone', '+48 600 100 200');
    await click(element, '#contact'); // changes her mind: anonymous
    expect(element.shadowRoot!.querySelector('#email')).to.equal(null);
    await submit(element);
    await send(element);
    await waitUntil(() => receiver!.requests.length === 1);
    const body = receiver.requests[0].body;
    expect(body.anonymous).to.equal(true);
    expect(body).not.to.have.property('contact');
    expect(JSON.stringify(body)).not.to.match(/Olena|olena|600 100/);
    expect(validator.validate(body).valid).to.equal(true);
  });

  it('sends contact details with the reply language when the person wants a reply', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    storeDraft(completeDraft(), 'contact');
    const element = await mount();
    await click(element, '#contact-contact');
    await submit(element);
    expect($(element, '.error-summary').textContent).to.contain('Give an email address or a phone number');
    await type(element, '#email', 'olena@example.com');
    const select = $<HTMLSelectElement>(element, '#preferredLanguage');
    select.value = 'uk';
    select.dispatchEvent(new Event('change'));
    await submit(element);
    await send(element);
    await waitUntil(() => receiver!.requests.length === 1);
    const body = receiver.requests[0].body;
    expect(body.contact).to.deep.equal({ email: 'olena@example.com', preferredLanguage: 'uk' });
    expect(validator.validate(body).errors).to.deep.equal([]);
  });

  it('retries after a 500 with the same key, and the report is stored once', async () => {
    receiver = fakeReceiver({ status: 500 }, { status: 201, body: { reference: 'KR-RETR-Y222' } });
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    const queued = oneEvent(element, 'oc-report-queued');
    const submitted = oneEvent(element, 'oc-report-submitted');
    await send(element);
    expect((await queued).detail.id).to.be.a('string');
    expect((await submitted).detail.reference).to.equal('KR-RETR-Y222');
    await element.updateComplete;
    expect(receiver.requests.length).to.equal(2);
    const [first, second] = receiver.requests;
    expect(second.headers['Idempotency-Key']).to.equal(first.headers['Idempotency-Key']);
    expect(second.body).to.deep.equal(first.body);
    expect(heading(element)).to.equal('Your report has been sent');
    expect(pending()).to.deep.equal([]);
  });

  it('keeps a report made offline on the device, and sends it when the browser is back online', async () => {
    receiver = fakeReceiver('offline');
    storeDraft(completeDraft(), 'review');
    const element = await mount({ retryDelayMs: 60_000 });
    const queued = oneEvent(element, 'oc-report-queued');
    await send(element);
    const { detail } = await queued;
    await element.updateComplete;
    expect(heading(element)).to.equal('Your report is saved and will be sent');
    expect($(element, '[part="confirmation"]').textContent).to.contain('saved on this device until it is sent');
    expect(pending().map((entry) => entry.id)).to.deep.equal([detail.id]);
    expect(localStorage.getItem(`oc-incident-report:outbox:${currentEndpoint()}`)).to.contain(
      detail.id,
      'in localStorage',
    );

    receiver.answers.splice(0, 1, { status: 201, body: { reference: 'KR-ONLN-2345' } });
    const submitted = oneEvent(element, 'oc-report-submitted');
    window.dispatchEvent(new Event('online'));
    expect((await submitted).detail).to.deep.equal({ id: detail.id, reference: 'KR-ONLN-2345' });
    await element.updateComplete;
    expect($(element, '.reference-value').textContent).to.equal('KR-ONLN-2345');
    expect(pending()).to.deep.equal([]);
  });

  it('lets the person delete a saved report', async () => {
    receiver = fakeReceiver('offline');
    storeDraft(completeDraft(), 'review');
    const element = await mount({ retryDelayMs: 60_000 });
    await send(element);
    await waitUntil(() => element.shadowRoot!.querySelector('.queued'));
    await click(element, '.queued .button.secondary');
    expect(pending()).to.deep.equal([]);
    expect($(element, '.notice').textContent).to.contain('deleted');
    expect($(element, '.step-count').textContent).to.contain('Step 1 of 8');
  });

  it('restores the draft and the step after a reload', async () => {
    let element = await mount();
    await click(element, '#reporterRole-on-behalf');
    await submit(element);
    await click(element, '#incidentTypes-threat');
    fixtureCleanup(); // the page goes away...
    element = await mount(); // ...and comes back
    expect(heading(element)).to.equal('What happened?');
    expect($<HTMLInputElement>(element, '#incidentTypes-threat').checked).to.equal(true);
    await click(element, 'button.secondary'); // Back
    expect($<HTMLInputElement>(element, '#reporterRole-on-behalf').checked).to.equal(true);
  });

  it('sends a report queued on an earlier visit when the page is opened again', async () => {
    receiver = fakeReceiver('offline');
    storeDraft(completeDraft(), 'review');
    let element = await mount({ retryDelayMs: 60_000 });
    await send(element);
    await waitUntil(() => element.shadowRoot!.querySelector('.queued'));
    const id = receiver.requests[0].body.id;
    fixtureCleanup();
    sessionStorage.clear(); // the tab was closed: only the outbox is left

    receiver.answers.splice(0, 1, { status: 200, body: { reference: 'KR-LATE-R234' } });
    const submitted = oneEvent(window, 'oc-report-submitted');
    element = await mount();
    expect((await submitted).detail).to.deep.equal({ id, reference: 'KR-LATE-R234' });
    await element.updateComplete;
    expect(heading(element)).to.equal('Your report has been sent');
    expect(receiver.requests.map((request) => request.body.id)).to.deep.equal([id, id]);
    expect(pending()).to.deep.equal([]);
  });

  it('shows why a 400 was refused, and keeps the draft', async () => {
    receiver = fakeReceiver({
      status: 400,
      body: { error: 'The description is too short.', details: ['/description'] },
    });
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    await send(element);
    await waitUntil(() => element.shadowRoot!.querySelector('.error-summary'));
    await element.updateComplete;
    const summary = $(element, '.error-summary');
    expect(summary.textContent).to.contain('The description is too short.');
    expect(summary.textContent).to.contain('/description');
    expect(active(element)).to.equal(summary);
    expect(heading(element)).to.equal('Check your report and send it');
    expect(JSON.parse(sessionStorage.getItem(draftKey())!).draft.description).to.equal(
      'Hate symbols sprayed on the shelter.',
    );
    expect(pending()).to.deep.equal([], 'not retried');
    expect(receiver.requests.length).to.equal(1);
  });

  it('does not send when the hidden honeypot is filled, yet shows the usual confirmation', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    const trap = $(element, '.trap');
    expect(trap.getAttribute('aria-hidden')).to.equal('true');
    expect($(element, '#website').tabIndex).to.equal(-1);
    await type(element, '#website', 'http://spam.example');
    await send(element);
    expect(heading(element)).to.equal('Your report has been sent');
    expect($(element, '.reference-value').textContent).to.match(/^KR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(receiver.requests.length).to.equal(0);
    expect(pending()).to.deep.equal([], 'not queued');
  });

  it('does not send a report made faster than a person could, but sends one after the minimum time', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    let now = NOW;
    // A bot fills everything within a second of the form appearing.
    storeDraft({ ...completeDraft(), startedAt: NOW }, 'review');
    const fast = await mount({ minFillMs: 3000, clock: () => now });
    now = NOW + 1000;
    await send(fast);
    expect(heading(fast)).to.equal('Your report has been sent');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(receiver.requests.length).to.equal(0);
    expect(pending()).to.deep.equal([]);

    storeDraft({ ...completeDraft(), startedAt: NOW }, 'review');
    fixtureCleanup();
    const human = await mount({ minFillMs: 3000, clock: () => now });
    now = NOW + 60_000;
    await send(human);
    await waitUntil(() => receiver!.requests.length === 1);
  });

  it('has a quick exit that is always there, reachable first by keyboard, and replaces the page', async () => {
    storeDraft(completeDraft(), 'details');
    const element = await mount();
    const emergency = $<HTMLAnchorElement>(element, '.emergency a');
    expect(emergency.getAttribute('href')).to.equal('tel:112');
    await sendKeys({ press: 'Tab' });
    expect(active(element)).to.equal(emergency);
    await sendKeys({ press: 'Tab' });
    expect(active(element)).to.equal($(element, '.exit'));
    const exit = oneEvent(element, 'oc-quick-exit');
    element.addEventListener('oc-quick-exit', (event) => event.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await exit).detail).to.deep.equal({ url: 'https://weather.example/' });

    // Escape three times quickly does the same.
    const again = oneEvent(element, 'oc-quick-exit');
    element.addEventListener('oc-quick-exit', (event) => event.preventDefault(), { once: true });
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Escape' });
    expect((await again).detail.url).to.equal('https://weather.example/');
    expect(sessionStorage.getItem(draftKey())).not.to.equal(null, 'cancelled: nothing forgotten');
  });

  it('says plainly that it cannot send without an endpoint, and warns the site (also of a missing privacy-url)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    const element = await fixture<OcIncidentReport>(html`<oc-incident-report></oc-incident-report>`);
    console.warn = warn;
    expect($(element, '[role="alert"]').textContent).to.contain('cannot send reports yet');
    expect(element.shadowRoot!.querySelector('form')).to.equal(null);
    expect(element.shadowRoot!.querySelector('.exit')).not.to.equal(null);
    expect(warnings.join()).to.contain('endpoint is missing');
    // warnOnce warns once per page, so the privacy-url warning is checked here, in the first test without it.
    expect(warnings.join()).to.contain('privacy-url is not set');
  });

  it('without privacy-url still explains, in plain words, how the report is used', async () => {
    storeDraft(completeDraft(), 'review');
    const element = await mount({ privacyUrl: null });
    expect($(element, '#privacy').textContent).to.contain('only to respond to incidents');
    expect(element.shadowRoot!.querySelector('#privacy a')).to.equal(null);
  });

  it('links the privacy notice at consent, and requires consent', async () => {
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    expect($<HTMLAnchorElement>(element, '#privacy a').href).to.match(/\/privacy\.html$/);
    await submit(element);
    expect($(element, '.error-summary').textContent).to.contain('agree');
  });

  it('keeps what was typed when the language changes, and turns right to left in Arabic', async () => {
    storeDraft(completeDraft(), 'details');
    const element = await mount();
    await type(element, '#description', 'Changed text');
    await setLocale('ar');
    await element.updateComplete;
    expect(element.dir).to.equal('rtl');
    expect(getComputedStyle($(element, 'form')).direction).to.equal('rtl');
    expect($<HTMLTextAreaElement>(element, '#description').value).to.equal('Changed text');
    expect(heading(element)).to.equal($(element, '#step-title').textContent!.trim());
    expect($(element, '.step-count').textContent).to.match(/[\u0600-\u06FF]/);
  });

  it('types its events through core’s event registry', async () => {
    receiver = fakeReceiver({ status: 201, body: { reference: 'KR-TYPE-D234' } });
    storeDraft(completeDraft(), 'review');
    const element = await mount();
    const references: string[] = [];
    // Type-checked by tsc: `detail` is a ReportSubmittedDetail on any element, with no cast.
    element.addEventListener('oc-report-submitted', (event) => references.push(event.detail.reference));
    element.addEventListener('oc-report-queued', (event) => {
      // @ts-expect-error -- a queued report has no reference yet
      void event.detail.reference;
    });
    await send(element);
    await waitUntil(() => references.length === 1);
    expect(references).to.deep.equal(['KR-TYPE-D234']);
  });
});

const locales = ['en', 'pl', 'uk', 'ru', 'ar'] as const;

/** Collects console warnings until `restore()`. */
function collectWarnings() {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(message);
  return { warnings, restore: () => (console.warn = warn) };
}

describe('<oc-incident-report> with attributes that cannot be used', () => {
  afterEach(async () => {
    fixtureCleanup();
    receiver?.restore();
    receiver = undefined;
    sessionStorage.clear();
    await setLocale('en');
  });

  // Each value is used by this test alone: warnings are given once per page.
  for (const endpoint of ['ftp://x', 'javascript:alert(1)']) {
    it(`shows only the alert for endpoint="${endpoint}", in every locale, and never sends or keeps anything`, async () => {
      receiver = fakeReceiver({ status: 201, body: { reference: 'KR-NEVE-R234' } });
      const warned = collectWarnings();
      const english = shellText.noEndpoint();
      try {
        for (const locale of locales) {
          await setLocale(locale);
          const loadErrors: LoadErrorDetail[] = [];
          const element = await fixture<OcIncidentReport>(
            html`<oc-incident-report
              endpoint=${endpoint}
              privacy-url="/privacy.html"
              @oc-load-error=${(event: CustomEvent<LoadErrorDetail>) => loadErrors.push(event.detail)}
            ></oc-incident-report>`,
          );
          await element.viewsReady;
          const alert = $(element, '[role="alert"]');
          expect(alert.textContent!.trim()).to.equal(shellText.noEndpoint());
          if (locale !== 'en') expect(alert.textContent!.trim()).not.to.equal(english, locale);
          expect(element.shadowRoot!.querySelector('form')).to.equal(null);
          expect(element.shadowRoot!.querySelector('.exit')).not.to.equal(null, 'the quick exit stays');
          expect(loadErrors).to.deep.equal([{ url: endpoint, message: `endpoint="${endpoint}" cannot be used` }]);
          fixtureCleanup();
        }
      } finally {
        warned.restore();
      }
      expect(warned.warnings.filter((warning) => warning.includes('endpoint')).length).to.equal(1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(receiver.requests).to.deep.equal([]);
      expect(Object.keys(localStorage).filter((key) => key.startsWith('oc-incident-report:outbox'))).to.deep.equal([]);
      expect(sessionStorage.length).to.equal(0, 'no draft kept');
    });
  }

  it('shows a localized alert for time-zone="Mars/Base", in every locale, and keeps the form on Europe/Warsaw', async () => {
    const warned = collectWarnings();
    const problem = new ConfigError('time-zone', 'Mars/Base', '', 'using "Europe/Warsaw"');
    const english = configProblemText(problem);
    try {
      for (const locale of locales) {
        await setLocale(locale);
        storeDraft(completeDraft(), 'when');
        const loadErrors: LoadErrorDetail[] = [];
        const element = await fixture<OcIncidentReport>(
          html`<oc-incident-report
            endpoint=${currentEndpoint()}
            privacy-url="/privacy.html"
            time-zone="Mars/Base"
            .clock=${() => NOW}
            @oc-load-error=${(event: CustomEvent<LoadErrorDetail>) => loadErrors.push(event.detail)}
          ></oc-incident-report>`,
        );
        await element.viewsReady;
        const alert = $(element, '[part="error"][role="alert"]');
        expect(alert.querySelector('p')!.textContent).to.equal(configProblemText(problem));
        if (locale !== 'en') expect(alert.querySelector('p')!.textContent).not.to.equal(english, locale);
        expect(alert.textContent).to.contain('time-zone="Mars/Base"');
        // 11:00 in Kraków on 24 November: the latest date allowed is that day there.
        expect($<HTMLInputElement>(element, '#occurredOn').max).to.equal('2026-11-24');
        expect(loadErrors).to.deep.equal([], 'not a URL');
        fixtureCleanup();
      }
    } finally {
      warned.restore();
    }
    expect(warned.warnings.filter((warning) => warning.includes('time-zone')).length).to.equal(1);
  });
});
