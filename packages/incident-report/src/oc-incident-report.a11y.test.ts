import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { setLocale, supportedLocales } from '@open-city/core';
import { steps } from './validation.js';
import {
  $,
  clearOutbox,
  click,
  completeDraft,
  fakeReceiver,
  mount,
  storeDraft,
  submit,
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
    await setLocale('en');
  });

  for (const locale of supportedLocales) {
    it(`passes axe on every step in ${locale}`, async () => {
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
        expect(element.dir).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
        await expect(element).to.be.accessible();
        fixtureCleanup();
      }
    });

    it(`passes axe with errors shown, and on both outcomes, in ${locale}`, async () => {
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
  }
});
