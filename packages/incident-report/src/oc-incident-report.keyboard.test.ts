/**
 * Keyboard and outline (issue 17): a journey with the keyboard alone (Tab, Shift+Tab, Enter, Space,
 * arrows), asserting after each step where focus is and that it can be seen; where focus goes after
 * "Add location" and "Remove location" (the button is replaced); `heading-level`; and targets of at
 * least 24 × 24 px.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '@open-city/core';
import type { OcIncidentReport } from './oc-incident-report.js';
import {
  $,
  NOW,
  clearOutbox,
  completeDraft,
  fakeReceiver,
  focusedVisibly as focusedVisiblyIn,
  pressKey,
  storeDraft,
  tabTo as tabToIn,
  useEndpoint,
  currentEndpoint,
} from './test-helpers.js';

useEndpoint('/api/reports-keyboard');

let element: OcIncidentReport;

async function setUp(attributes: { headingLevel?: string } = {}) {
  const page = await fixture<HTMLElement>(
    html`<div style="inline-size: 700px">
      <button id="before">Before</button>
      <oc-incident-report
        endpoint=${currentEndpoint()}
        privacy-url="/privacy.html"
        heading-level=${attributes.headingLevel ?? '2'}
        .minFillMs=${0}
        .retryDelayMs=${5}
        .clock=${() => NOW}
      ></oc-incident-report>
    </div>`,
  );
  element = page.querySelector('oc-incident-report')!;
  await element.viewsReady;
  page.querySelector<HTMLButtonElement>('#before')!.focus();
}

const focusedVisibly = () => focusedVisiblyIn(element);
const press = (key: string) => pressKey(element, key);
const tabTo = (selector: string, options?: { back?: boolean; max?: number }) => tabToIn(element, selector, options);

const stepTitle = () => element.shadowRoot!.querySelector('#step-title')!.textContent!.trim();

/** A device location the browser gives at once (or refuses, with `fail`). */
function fakeGeolocation(fail = false) {
  const original = Geolocation.prototype.getCurrentPosition;
  Geolocation.prototype.getCurrentPosition = function (success, error) {
    if (fail) error?.({ code: 1, message: 'denied' } as GeolocationPositionError);
    else success({ coords: { latitude: 50.06143, longitude: 19.93658 } } as GeolocationPosition);
  };
  return () => {
    Geolocation.prototype.getCurrentPosition = original;
  };
}

describe('<oc-incident-report> with the keyboard alone', () => {
  let restore: (() => void) | undefined;

  afterEach(async () => {
    restore?.();
    restore = undefined;
    fixtureCleanup();
    sessionStorage.clear();
    clearOutbox();
    await setLocale('en');
  });

  it('goes through the first steps, with an error on each, by Tab, arrows, Space and Enter', async function () {
    this.timeout(30_000);
    await setUp();
    // Step 1: the first answer by Tab, the next one by an arrow; Continue by Enter.
    const first = await tabTo('#reporterRole');
    expect(first).to.equal($(element, '#reporterRole'));
    const second = await press('ArrowDown');
    expect(second.id).to.equal('reporterRole-witness');
    expect((second as HTMLInputElement).checked).to.equal(true);
    await tabTo('button[type="submit"]');
    await press('Enter');
    await waitUntil(() => stepTitle() === 'What happened?', 'step 2');
    expect(focusedVisibly().id).to.equal('step-title');

    // Step 2, sent empty: the summary of problems takes focus; its first link leads to the field.
    await tabTo('button[type="submit"]');
    await press('Enter');
    await waitUntil(() => element.shadowRoot!.activeElement?.matches('.error-summary'), 'summary focused');
    focusedVisibly();
    const link = await press('Tab');
    expect(link.matches('.error-summary a')).to.equal(true);
    const field = await press('Enter');
    expect(field.matches('input[type="checkbox"]'), field.outerHTML.slice(0, 80)).to.equal(true);
    await press('Space');
    expect((field as HTMLInputElement).checked).to.equal(true);
    // The reason: Tab on to "I don't know" among the bias categories, Space to choose it.
    await tabTo('input[value="unknown"], #biasMotivations-unknown');
    await press('Space');
    await tabTo('button[type="submit"]');
    await press('Enter');
    await waitUntil(() => stepTitle() === 'Where did it happen?', 'step 3');
    expect(focusedVisibly().id).to.equal('step-title');

    // Step 3: back with Shift+Tab to "Back"? Forward: choose "in a place" with the keyboard.
    const place = await tabTo('#placeKind');
    await press('Space');
    expect((place as HTMLInputElement).checked || $<HTMLInputElement>(element, '#placeKind-online').checked).to.equal(
      true,
    );
  });

  it('moves focus to "Remove location" after "Add location", and back after removing it', async () => {
    restore = fakeGeolocation();
    storeDraft(completeDraft({ placeKind: 'offline' }), 'where');
    await setUp();
    const add = await tabTo('#add-location');
    expect(add.textContent!.trim()).to.equal('Add my current location (optional)');
    const remove = await press('Enter');
    expect(remove.id).to.equal('remove-location', 'focus on the button that replaced "Add location"');
    expect(element.shadowRoot!.querySelector('#add-location')).to.equal(null);
    const again = await press('Space');
    expect(again.id).to.equal('add-location', 'focus back on "Add location" after removing the location');
    // Shift+Tab goes back through the district to the place description, in the page's order.
    const district = await press('Shift+Tab');
    expect(district.id).to.equal('district');
  });

  it('keeps focus on "Add location" when the device gives no location, and says why', async () => {
    restore = fakeGeolocation(true);
    storeDraft(completeDraft({ placeKind: 'offline' }), 'where');
    await setUp();
    await tabTo('#add-location');
    const still = await press('Enter');
    expect(still.id).to.equal('add-location');
    expect(element.shadowRoot!.querySelector('.location [role="alert"]')).to.not.equal(null);
  });

  it('puts its headings at heading-level, the inner ones one below', async () => {
    storeDraft(completeDraft({ description: '' }), 'details');
    await setUp({ headingLevel: '4' });
    expect($(element, '#step-title').tagName).to.equal('H4');
    expect($(element, '#more-title').tagName).to.equal('H5');
    $(element, 'button[type="submit"]').click();
    await element.updateComplete;
    await element.updateComplete;
    expect($(element, '#error-title').tagName).to.equal('H5');
    expect(element.shadowRoot!.querySelector('h2')).to.equal(null);
  });

  it('shows the outcome at heading-level too', async () => {
    const receiver = fakeReceiver({ status: 201, body: { reference: 'KR-AAAA-BBBB' } });
    try {
      storeDraft(completeDraft({ consent: true }), 'review');
      await setUp({ headingLevel: '3' });
      $(element, 'button[type="submit"]').click();
      await waitUntil(() => element.shadowRoot!.querySelector('#outcome-title'), 'sent', { timeout: 5000 });
      expect($(element, '#outcome-title').tagName).to.equal('H3');
      const inner = [...element.shadowRoot!.querySelectorAll('.outcome h4')];
      expect(inner.length).to.be.greaterThan(1);
    } finally {
      receiver.restore();
    }
  });

  it('falls back to level 2, with a visible note, for a heading-level it cannot use', async () => {
    await setUp({ headingLevel: '9' });
    expect($(element, '#step-title').tagName).to.equal('H2');
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.match(/heading-level/);
  });

  it('gives every control of every step a target of at least 24 × 24 px', async () => {
    const small: string[] = [];
    for (const step of ['role', 'what', 'where', 'when', 'details', 'evidence', 'contact', 'review']) {
      fixtureCleanup();
      storeDraft(completeDraft({ placeKind: 'offline', anonymous: false }), step);
      await setUp();
      await element.updateComplete;
      const controls = element.shadowRoot!.querySelectorAll<HTMLElement>(
        'button, input:not([type="hidden"]):not(.trap input), select, textarea, summary, a[href]:not(p a):not(li a)',
      );
      for (const control of controls) {
        if (control.closest('.trap')) continue;
        const box = control.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not shown
        // A radio or checkbox counts with its label (2.5.8: the target includes the label).
        const label = control.id ? element.shadowRoot!.querySelector(`label[for="${control.id}"]`) : null;
        const both = label ? label.getBoundingClientRect() : box;
        const width = Math.max(box.width, both.width);
        const height = Math.max(box.height, both.height);
        if (width < 24 || height < 24) small.push(`${step}: ${control.outerHTML.slice(0, 70)} ${width}×${height}`);
      }
    }
    expect(small, small.join('\n')).to.deep.equal([]);
  });
});
