import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { directionOf, setLocale, supportedLocales } from '@open-city/core';
import { steps } from './validation.js';
import { withImages } from './attachment-store.js';
import {
  $,
  chooseFiles,
  clearOutbox,
  click,
  completeDraft,
  drawnImage,
  fakeReceiver,
  mount,
  storeDraft,
  submit,
  type,
  useEndpoint,
  type FakeReceiver,
} from './test-helpers.js';

useEndpoint('/api/reports-a11y');

/** axe on every step, with errors shown, and on both outcomes, in every locale. */
describe('<oc-incident-report> accessibility', () => {
  let receiver: FakeReceiver | undefined;

  afterEach(async () => {
    fixtureCleanup();
    receiver?.restore();
    receiver = undefined;
    sessionStorage.clear();
    clearOutbox();
    await withImages('readwrite', (store) => void store.clear());
    await setLocale('en');
  });

  for (const locale of supportedLocales) {
    it(`passes axe on every step in ${locale}`, async function () {
      // Eight steps and two outcomes, each audited by axe: more than mocha's default on a busy machine.
      this.timeout(60_000);
      await setLocale(locale);
      for (const step of steps) {
        // Contact step with the contact fields open; the others as a person would reach them.
        storeDraft(
          completeDraft({
            anonymous: step !== 'contact',
            placeKind: 'offline',
            point: { latitude: 50.06, longitude: 19.94 },
          }),
          step,
        );
        const element = await mount();
        expect(element.lang).to.equal(locale);
        expect(element.dir).to.equal(directionOf(locale));
        await expect(element).to.be.accessible();
        fixtureCleanup();
      }
    });

    it(`passes axe with errors shown, and on both outcomes, in ${locale}`, async function () {
      this.timeout(60_000);
      await setLocale(locale);
      let element = await mount();
      await submit(element);
      expect(element.shadowRoot!.querySelector('.error-summary')).not.to.equal(null);
      await expect(element).to.be.accessible();
      fixtureCleanup();

      receiver = fakeReceiver('offline');
      storeDraft(completeDraft(), 'review');
      element = await mount({ retryDelayMs: 60_000 });
      await click(element, '#consent');
      await submit(element);
      await waitUntil(() => element.shadowRoot!.querySelector('.queued'));
      await expect(element).to.be.accessible();
      fixtureCleanup();

      receiver.answers.splice(0, 1, { status: 201, body: { reference: 'KR-AAAA-BBBB' } });
      element = await mount();
      await waitUntil(() => element.shadowRoot!.querySelector('.reference-value'));
      expect($(element, '.reference-value').textContent).to.equal('KR-AAAA-BBBB');
      await expect(element).to.be.accessible();
    });

    it(`passes axe with every section open, with images and a refused file, and on the withdrawal, in ${locale}`, async () => {
      await setLocale(locale);
      const open = async (element: Awaited<ReturnType<typeof mount>>) => {
        for (const details of element.shadowRoot!.querySelectorAll('details')) details.open = true;
        await element.updateComplete;
      };
      // What happened: the groups open, with errors.
      storeDraft(completeDraft({ incidentTypes: [], biasMotivations: [] }), 'what');
      let element = await mount();
      await open(element);
      await submit(element);
      await expect(element).to.be.accessible();
      fixtureCleanup();

      // Details: every optional question open and answered.
      storeDraft(
        completeDraft({
          reportedToPolice: 'yes',
          witnesses: 'yes',
          injuries: 'minor',
          perpetratorCount: 'one',
          reportedElsewhere: ['organisation', 'platform'],
        }),
        'details',
      );
      element = await mount();
      await open(element);
      await expect(element).to.be.accessible();
      fixtureCleanup();

      // Photos: two images and a file that was refused.
      storeDraft(completeDraft(), 'evidence');
      element = await mount();
      const png = new File([await drawnImage(30, 20)], 'a.png', { type: 'image/png' });
      await chooseFiles(element, [png, png, new File(['GIF89a'], 'b.gif', { type: 'image/gif' })]);
      await waitUntil(() => element.shadowRoot!.querySelectorAll('.image').length === 2, 'two images', {
        timeout: 5000,
      });
      await waitUntil(() => element.shadowRoot!.querySelector('.image-problems li'));
      await expect(element).to.be.accessible();
      fixtureCleanup();

      // Withdrawal, under the first step, with a problem shown.
      sessionStorage.clear();
      element = await mount();
      await open(element);
      await type(element, '#withdraw-reference', 'KR-AAAA-BBBB');
      await click(element, '.withdraw button[type="submit"]');
      expect($(element, '#withdraw-outcome').textContent!.trim()).not.to.equal('');
      await expect(element).to.be.accessible();
    });
  }
});
