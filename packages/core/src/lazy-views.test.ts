import { expect, fixture, html } from '@open-wc/testing';
import { css, html as litHtml } from 'lit';
import { OcElement } from './base-element.js';
import { LazyViewsController, lazyModule } from './lazy-views.js';

interface Views {
  styles: ReturnType<typeof css>;
  label: string;
}

let attempts = 0;
let failNext = false;
const loadViews = lazyModule<Views>(async () => {
  attempts++;
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (failNext) {
    failNext = false;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  return {
    styles: css`
      p {
        color: rgb(1, 2, 3);
      }
    `,
    label: 'loaded views',
  };
});

class LazyWidget extends OcElement {
  static override tagName = 'oc-lazy-widget';
  readonly lazyViews = new LazyViewsController(this, loadViews);
  protected override render() {
    const views = this.lazyViews.module;
    return views ? litHtml`<p>${views.label}</p>` : this.lazyViews.renderPending();
  }
}
LazyWidget.define();

describe('LazyViewsController', () => {
  it('shows progress, then renders with the module and adopts its styles', async () => {
    failNext = false;
    const element = await fixture<LazyWidget>(html`<oc-lazy-widget></oc-lazy-widget>`);
    if (!element.lazyViews.module) expect(element.shadowRoot!.querySelector('[role="status"]')).not.to.equal(null);
    await element.lazyViews.ready;
    const paragraph = element.shadowRoot!.querySelector('p')!;
    expect(paragraph.textContent).to.equal('loaded views');
    expect(getComputedStyle(paragraph).color).to.equal('rgb(1, 2, 3)');
  });

  it('loads the module once for every widget on the page', async () => {
    const before = attempts;
    const elements = await Promise.all(
      [1, 2, 3].map(() => fixture<LazyWidget>(html`<oc-lazy-widget></oc-lazy-widget>`)),
    );
    await Promise.all(elements.map((element) => element.lazyViews.ready));
    expect(attempts - before).to.be.at.most(1);
  });
});

describe('lazyModule after a failed load', () => {
  it('offers to try again, and a retry loads it', async () => {
    let calls = 0;
    let fail = true;
    const load = lazyModule(async () => {
      calls++;
      if (fail) throw new TypeError('offline');
      return { label: 'ok' };
    });
    let error: unknown;
    await load().catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(TypeError);
    fail = false;
    expect((await load()).label).to.equal('ok');
    expect(calls).to.equal(2);
  });

  it('shows a localized problem with a working retry button', async () => {
    failNext = false;
    let fail = true;
    const load = lazyModule(async () => {
      if (fail) throw new TypeError('offline');
      return { label: 'back online' };
    });
    class FlakyWidget extends OcElement {
      readonly lazyViews = new LazyViewsController(this, load);
      protected override render() {
        return this.lazyViews.module ? litHtml`<p>${this.lazyViews.module.label}</p>` : this.lazyViews.renderPending();
      }
    }
    FlakyWidget.define('oc-flaky-widget');
    const element = await fixture<FlakyWidget>(html`<oc-flaky-widget></oc-flaky-widget>`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await element.updateComplete;
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    // A chunk that did not load says so: it is not a feed, and the connection may well be fine.
    expect(alert.textContent).to.contain('could not be loaded');
    expect(alert.textContent).not.to.contain('Check your internet connection');
    fail = false;
    alert.querySelector('button')!.click();
    await element.lazyViews.ready;
    expect(element.shadowRoot!.querySelector('p')!.textContent).to.equal('back online');
  });
});
