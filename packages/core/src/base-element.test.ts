import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { state } from 'lit/decorators.js';
import { OcElement } from './base-element.js';
import { loadingText } from './messages.js';
import { setLocale } from './locale/page-locale.js';
import './translations.js';

declare module './events.js' {
  interface OcEventDetails {
    'test-picked': { id: string };
  }
}

class TestWidget extends OcElement {
  static override tagName = 'oc-test-widget';
  @state() accessor query = '';
  renders = 0;

  protected override render() {
    this.renders++;
    return litHtml`<input aria-label="query" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /><p>${loadingText()}</p>`;
  }
}
TestWidget.define();

describe('OcElement', () => {
  afterEach(() => setLocale('en'));

  it('defines once and never throws on a second definition', () => {
    expect(() => TestWidget.define()).not.to.throw();
    class Copy extends OcElement {}
    expect(() => Copy.define('oc-test-widget')).not.to.throw();
    expect(customElements.get('oc-test-widget')).to.equal(TestWidget);
  });

  it('warns when another version already holds the name', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      class OtherVersion extends OcElement {
        static override readonly version = '9.9.9';
      }
      OtherVersion.define('oc-test-widget');
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('version 9.9.9 is not used');
  });

  it('warns instead of throwing for a name the registry refuses', () => {
    class NoName extends OcElement {}
    expect(() => NoName.define('not valid')).not.to.throw();
  });

  it('emits bubbling, composed events with a typed detail', async () => {
    // Fixtures of plain elements wait for an animation frame, which a background test page may not get.
    const widget = await fixture<TestWidget>(html`<oc-test-widget></oc-test-widget>`);
    const heard = oneEvent(document, 'test-picked');
    const dispatched = widget.emit('test-picked', { id: 'a1' });
    const event = await heard;
    expect(dispatched).to.equal(true);
    expect(event.detail).to.deep.equal({ id: 'a1' });
    expect(event.composed).to.equal(true);
  });

  it('puts the page language on its host, with the direction', async () => {
    const widget = await fixture<TestWidget>(html`<oc-test-widget></oc-test-widget>`);
    expect(widget.lang).to.equal('en');
    expect(widget.dir).to.equal('ltr');
    await setLocale('ar');
    expect(widget.lang).to.equal('ar');
    expect(widget.dir).to.equal('rtl');
  });

  it('re-renders in place on a change of language, keeping what the user typed', async () => {
    const widget = await fixture<TestWidget>(html`<oc-test-widget></oc-test-widget>`);
    const input = widget.shadowRoot!.querySelector('input')!;
    input.value = 'urząd';
    input.dispatchEvent(new Event('input'));
    await widget.updateComplete;
    await setLocale('uk');
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal('Завантаження…');
    expect(widget.shadowRoot!.querySelector('input')).to.equal(input);
    expect(input.value).to.equal('urząd');
    expect(widget.query).to.equal('urząd');
  });

  it('renders its first frame in the page language, not English first', async () => {
    const switching = setLocale('ru');
    const widget = document.createElement('oc-test-widget') as TestWidget;
    document.body.append(widget);
    await switching;
    await widget.updateComplete;
    expect(widget.renders).to.equal(1);
    expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal('Загрузка…');
    widget.remove();
  });

  it('catches up with a change of language made while it was out of the page', async () => {
    const widget = await fixture<TestWidget>(html`<oc-test-widget></oc-test-widget>`);
    const parent = widget.parentElement!;
    widget.remove();
    await setLocale('pl');
    parent.append(widget);
    await widget.updateComplete;
    expect(widget.lang).to.equal('pl');
    expect(widget.shadowRoot!.querySelector('p')!.textContent).to.equal('Wczytywanie…');
  });
});
