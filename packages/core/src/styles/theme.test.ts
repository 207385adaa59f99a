import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { OcElement } from '../base-element.js';
import { renderLoading } from '../status-views.js';

class ThemedWidget extends OcElement {
  static override tagName = 'oc-themed-widget';
  protected override render() {
    return litHtml`${renderLoading()}<button class="button">Go</button>`;
  }
}
ThemedWidget.define();

/** WCAG 2.x relative luminance contrast of two CSS colours as the browser resolves them. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number);
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

function resolvedColor(element: Element, property: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${property})`;
  element.shadowRoot!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

describe('theme', () => {
  afterEach(async () => {
    document.documentElement.style.removeProperty('font-size');
    document.documentElement.style.removeProperty('--oc-color-accent');
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('has default colours with at least 4.5:1 contrast for text', async () => {
    const element = await fixture<ThemedWidget>(html`<oc-themed-widget></oc-themed-widget>`);
    const background = resolvedColor(element, '--_oc-color-background');
    const surface = resolvedColor(element, '--_oc-color-surface');
    for (const token of ['--_oc-color-text', '--_oc-color-text-muted', '--_oc-color-accent', '--_oc-color-error']) {
      const color = resolvedColor(element, token);
      expect(contrast(color, background), `${token} on background`).to.be.at.least(4.5);
      expect(contrast(color, surface), `${token} on surface`).to.be.at.least(4.5);
    }
    const onAccent = resolvedColor(element, '--_oc-color-on-accent');
    expect(contrast(onAccent, resolvedColor(element, '--_oc-color-accent'))).to.be.at.least(4.5);
    expect(contrast(resolvedColor(element, '--_oc-color-border'), background)).to.be.at.least(3);
  });

  it('takes a token set anywhere up the tree, such as :root', async () => {
    document.documentElement.style.setProperty('--oc-color-accent', 'rgb(1, 2, 3)');
    const element = await fixture<ThemedWidget>(html`<oc-themed-widget></oc-themed-widget>`);
    expect(resolvedColor(element, '--_oc-color-accent')).to.equal('rgb(1, 2, 3)');
  });

  it('does not shrink when the page shrinks its root font size', async () => {
    document.documentElement.style.fontSize = '10px';
    const element = await fixture<ThemedWidget>(html`<oc-themed-widget></oc-themed-widget>`);
    const button = element.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).fontSize).to.equal('16px');
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('stops the spinner for people who ask for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await fixture<ThemedWidget>(html`<oc-themed-widget></oc-themed-widget>`);
    const spinner = element.shadowRoot!.querySelector('.spinner')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(spinner).animationName).to.equal('oc-spin');
  });
});
