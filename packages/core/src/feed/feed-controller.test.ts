import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml, LitElement, render } from 'lit';
import { property } from 'lit/decorators.js';
import { setLocale } from '../locale/page-locale.js';
import { feedErrorText } from './feed-messages.js';
import { renderLoading, renderProblem } from '../status-views.js';
import { baseStyles, themeTokens } from '../styles/theme.styles.js';
import '../translations.js';
import { FeedController } from './feed-controller.js';

interface Items {
  lang: string | null;
  items: number[];
}

class FeedWidget extends LitElement {
  static override styles = [themeTokens, baseStyles];
  @property() accessor src: string | undefined = undefined;
  readonly feed = new FeedController<Items>(this, {
    parse: ({ text }) => {
      const data = JSON.parse(text);
      if (!Array.isArray(data.items)) throw new Error('items is not an array');
      return data;
    },
    retryDelayMs: 10,
    timeoutMs: 1500,
  });

  protected override willUpdate(): void {
    this.feed.setSource(this.src);
  }

  protected override render() {
    const { status, data, error, progress } = this.feed;
    if (status === 'loading') return renderLoading(progress);
    if (status === 'error' && error) return renderProblem(feedErrorText(error), () => this.feed.reload());
    return litHtml`<p class="count">${data?.items.length ?? 0} ${data?.lang ?? ''}</p>`;
  }
}
customElements.define('feed-widget', FeedWidget);

/** The same with a long quiet time, to tell a first source from a change. */
class PatientFeedWidget extends LitElement {
  @property() accessor src: string | undefined = undefined;
  readonly feed = new FeedController<Items>(this, { parse: ({ text }) => JSON.parse(text), settleMs: 1000 });

  protected override willUpdate(): void {
    this.feed.setSource(this.src);
  }
}
customElements.define('patient-feed-widget', PatientFeedWidget);

async function hitsFor(key: string): Promise<number> {
  return (await (await fetch(`/test-feed/count/${key}`)).json()).hits;
}

async function settle(element: FeedWidget) {
  await element.updateComplete;
  await element.feed.settled;
  await element.updateComplete;
}

describe('FeedController', () => {
  afterEach(() => setLocale('en'));

  it('shows progress while loading, then the data', async () => {
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/json?ms=300"></feed-widget>`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await element.updateComplete;
    const status = element.shadowRoot!.querySelector('[role="status"]');
    expect(status?.textContent).to.contain('Loading…');
    await settle(element);
    expect(element.shadowRoot!.querySelector('.count')!.textContent).to.equal('3 ');
  });

  it('fetches once when the source changes quickly', async () => {
    const key = `storm-${Math.random().toString(36).slice(2)}`;
    const element = await fixture<FeedWidget>(html`<feed-widget></feed-widget>`);
    for (let i = 0; i < 10; i++) {
      element.src = `/test-feed/json?key=${key}&n=${i % 2}`;
      await element.updateComplete;
    }
    element.src = `/test-feed/json?key=${key}&n=final`;
    await settle(element);
    expect(await hitsFor(key)).to.equal(1);
  });

  it('asks for the first source at once, and keeps the quiet time for a change', async () => {
    const key = `first-${Math.random().toString(36).slice(2)}`;
    const element = await fixture<PatientFeedWidget>(
      html`<patient-feed-widget src=${`/test-feed/json?key=${key}&n=first`}></patient-feed-widget>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await hitsFor(key), 'the first source within 300 ms').to.equal(1);
    element.src = `/test-feed/json?key=${key}&n=second`;
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await hitsFor(key), 'a change waits its 1,000 ms').to.equal(1);
    await element.feed.settled;
    expect(await hitsFor(key)).to.equal(2);
  });

  it('fetches again when the language changes and the URL holds {lang}', async () => {
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/json?lang={lang}"></feed-widget>`);
    await settle(element);
    expect(element.feed.data?.lang).to.equal('en');
    await setLocale('uk');
    await settle(element);
    expect(element.feed.data?.lang).to.equal('uk');
    expect(element.shadowRoot!.querySelector('.count')!.textContent).to.equal('3 uk');
  });

  it('does not fetch again on a language change when the URL has no {lang}', async () => {
    const key = `nolang-${Math.random().toString(36).slice(2)}`;
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/json?key=${key}"></feed-widget>`);
    await settle(element);
    await setLocale('pl');
    await settle(element);
    expect(await hitsFor(key)).to.equal(1);
  });

  it('shows a localized, announced error and fires oc-load-error for a 404', async () => {
    await setLocale('pl');
    const element = document.createElement('feed-widget') as FeedWidget;
    element.src = '/test-feed/status/404';
    const failed = oneEvent(element, 'oc-load-error');
    document.body.append(element);
    const event = await failed;
    await element.updateComplete;
    expect(event.detail.url).to.contain('/test-feed/status/404');
    expect(event.bubbles && event.composed).to.equal(true);
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Nie znaleziono tych informacji na serwerze.');
    await expect(element).to.be.accessible();
    element.remove();
  });

  it('turns an unreadable answer into a parse error', async () => {
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/large?bytes=10"></feed-widget>`);
    await settle(element);
    expect(element.feed.status).to.equal('error');
    expect(element.feed.error?.kind).to.equal('parse');
  });

  it('tries again from the error view', async () => {
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    // three failures use up the automatic retries; the button's attempt succeeds
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/flaky/${key}?fail=3"></feed-widget>`);
    await settle(element);
    expect(element.feed.error?.status).to.equal(500);
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;
    button.click();
    await settle(element);
    expect(element.feed.status).to.equal('ready');
  });

  it('aborts on disconnect and resumes when put back', async () => {
    const element = await fixture<FeedWidget>(
      html`<feed-widget .src=${'/test-feed/json?ms=400&lang=x'}></feed-widget>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    const parent = element.parentElement!;
    element.remove();
    await element.feed.settled;
    expect(element.feed.status).to.equal('loading');
    parent.append(element);
    await settle(element);
    expect(element.feed.status).to.equal('ready');
  });

  it('reports a malformed URL as a setup problem', async () => {
    const element = await fixture<FeedWidget>(html`<feed-widget .src=${'http://[bad'}></feed-widget>`);
    await settle(element);
    expect(element.feed.error?.kind).to.equal('config');
    expect(element.shadowRoot!.textContent).to.contain('not set up correctly');
  });

  it('goes idle when the source is removed', async () => {
    const element = await fixture<FeedWidget>(html`<feed-widget src="/test-feed/json?ms=300"></feed-widget>`);
    element.src = undefined;
    await settle(element);
    expect(element.feed.status).to.equal('idle');
  });

  it('renders a problem without a retry button when none is offered', async () => {
    const element = document.createElement('div');
    render(renderProblem('Broken'), element);
    expect(element.querySelector('[role="alert"]')!.textContent).to.contain('Broken');
    expect(element.querySelector('button')).to.equal(null);
  });
});
