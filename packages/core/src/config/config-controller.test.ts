import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { OcElement } from '../base-element.js';
import { setLocale } from '../locale/page-locale.js';
import { configProblemText } from '../messages.js';
import '../translations.js';
import { ConfigController } from './config-controller.js';
import { oneOfRule } from './one-of-rule.js';
import { timeZoneRule } from './time-zone-rule.js';
import { urlRule } from './url-rules.js';

class ConfiguredWidget extends OcElement {
  @property({ attribute: 'time-zone' }) accessor timeZone: string | null = null;
  @property() accessor view: string | null = null;
  @property() accessor endpoint: string | null = null;

  readonly config = new ConfigController(this, {
    timeZone: timeZoneRule(),
    view: oneOfRule(['list', 'map'], 'list'),
    endpoint: urlRule({ secure: true, required: true }),
  });

  protected override render() {
    if (this.config.blocking) return this.config.render();
    return litHtml`${this.config.render()}<p class="values">${this.config.get('timeZone')} ${this.config.get('view')}</p>`;
  }
}
ConfiguredWidget.define('oc-configured-widget');

function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => warnings.push(String(message));
  return { warnings, restore: () => (console.warn = warn) };
}

const alertOf = (element: Element) => element.shadowRoot!.querySelector('[role="alert"]');

describe('ConfigController', () => {
  afterEach(() => setLocale('en'));

  it('shows nothing and uses the values when every attribute is usable', async () => {
    const element = await fixture<ConfiguredWidget>(
      html`<oc-configured-widget time-zone="Europe/Kyiv" view="map" endpoint="/api/r"></oc-configured-widget>`,
    );
    expect(alertOf(element)).to.equal(null);
    expect(element.shadowRoot!.querySelector('.values')!.textContent).to.equal('Europe/Kyiv map');
    expect(element.config.problems).to.deep.equal([]);
  });

  it('falls back, shows a localized alert and warns once for an unusable value', async () => {
    const { warnings, restore } = captureWarnings();
    let element: ConfiguredWidget;
    try {
      element = await fixture<ConfiguredWidget>(
        html`<oc-configured-widget time-zone="Mars/Olympus" endpoint="/api/r"></oc-configured-widget>`,
      );
      element.requestUpdate();
      await element.updateComplete;
    } finally {
      restore();
    }
    expect(element.shadowRoot!.querySelector('.values')!.textContent).to.equal('Europe/Warsaw list');
    const alert = alertOf(element)!;
    expect(alert.textContent).to.contain('may not work as intended');
    expect(alert.textContent).to.contain('time-zone="Mars/Olympus"');
    const mine = warnings.filter((warning) => warning.includes('Mars/Olympus'));
    expect(mine).to.have.length(1);
    expect(mine[0]).to.contain('an IANA time zone such as "Europe/Warsaw"');
    for (const locale of ['pl', 'uk', 'ru', 'ar'] as const) {
      await setLocale(locale);
      await element.updateComplete;
      const text = alertOf(element)!.querySelector('p')!.textContent!;
      expect(text, locale).to.equal(configProblemText(element.config.problems[0]));
      expect(text, locale).not.to.contain('may not work as intended');
    }
  });

  it('stops the widget for a missing or unsafe required URL, and fires oc-load-error for a bad one', async () => {
    const { warnings, restore } = captureWarnings();
    const errors: Array<{ url: string; message: string }> = [];
    const listener = (event: Event) => errors.push((event as CustomEvent).detail);
    window.addEventListener('oc-load-error', listener);
    try {
      const missing = await fixture<ConfiguredWidget>(html`<oc-configured-widget></oc-configured-widget>`);
      expect(alertOf(missing)!.textContent).to.contain('cannot be shown');
      expect(missing.shadowRoot!.querySelector('.values')).to.equal(null);
      expect(errors).to.have.length(0); // nothing to load: no URL concerned

      const unsafe = await fixture<ConfiguredWidget>(
        html`<oc-configured-widget endpoint="javascript:alert(2)"></oc-configured-widget>`,
      );
      unsafe.requestUpdate();
      await unsafe.updateComplete;
      expect(alertOf(unsafe)!.textContent).to.contain('cannot be shown');
      expect(errors).to.deep.equal([
        { url: 'javascript:alert(2)', message: 'endpoint="javascript:alert(2)" cannot be used' },
      ]);
      expect(warnings.filter((warning) => warning.includes('alert(2)'))).to.have.length(1);
    } finally {
      restore();
      window.removeEventListener('oc-load-error', listener);
    }
  });

  it('checks again when the attribute changes, and clears the alert once it is fixed', async () => {
    const element = await fixture<ConfiguredWidget>(
      html`<oc-configured-widget view="grid" endpoint="/api/r"></oc-configured-widget>`,
    );
    expect(alertOf(element)).not.to.equal(null);
    element.view = 'map';
    await element.updateComplete;
    expect(alertOf(element)).to.equal(null);
    expect(element.shadowRoot!.querySelector('.values')!.textContent).to.contain('map');
  });
});
