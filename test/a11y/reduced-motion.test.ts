/**
 * prefers-reduced-motion (WCAG 2.3.3, and vestibular comfort generally): with `reduce`, no animation
 * or transition anywhere in a widget lasts longer than 0.01 s, its shadow roots and pseudo-elements
 * included, in every main state and while loading.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import { cleanUpScenario, describeElement, elementsOf, scenarios, shadow, type Scenario } from './scenarios.js';

/** The longest of a comma-separated list of CSS times, in seconds. */
const longest = (times: string) =>
  Math.max(
    0,
    ...times.split(',').map((time) => (time.trim().endsWith('ms') ? parseFloat(time) / 1000 : parseFloat(time) || 0)),
  );

function motionProblems(widget: Element): string[] {
  const problems: string[] = [];
  for (const element of [widget, ...elementsOf(widget.shadowRoot ?? widget)]) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const where = `${describeElement(element)}${pseudo ?? ''}`;
      if (style.animationName !== 'none' && longest(style.animationDuration) > 0.01)
        problems.push(`${where}: animation ${style.animationName} of ${style.animationDuration}`);
      if (style.transitionProperty !== 'none' && longest(style.transitionDuration) > 0.01)
        problems.push(`${where}: transition of ${style.transitionProperty} over ${style.transitionDuration}`);
    }
  }
  return problems;
}

const loading: Scenario[] = [
  {
    name: 'service finder, loading',
    render: async () => {
      const element = await fixture(html`<oc-service-finder src="/test-feed/slow?ms=4000"></oc-service-finder>`);
      await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
      return element;
    },
  },
  {
    name: 'event calendar, loading',
    render: async () => {
      const element = await fixture(html`<oc-event-calendar src="/test-feed/slow?ms=4000"></oc-event-calendar>`);
      await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
      return element;
    },
  },
];

describe('reduced motion', () => {
  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    await setLocale('en');
  });

  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  afterEach(() => {
    fixtureCleanup();
    cleanUpScenario();
  });

  it('is really emulated', () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
  });

  for (const scenario of [...loading, ...scenarios]) {
    it(`${scenario.name}: nothing moves for longer than 0.01 s`, async () => {
      const element = await scenario.render();
      const problems = motionProblems(element);
      expect(problems, problems.join('\n')).to.deep.equal([]);
      expect(shadow(element).childElementCount, 'the widget rendered something').to.be.above(0);
    });
  }

  it('finds a transition that ignores the preference (the check itself)', async () => {
    const element = await scenarios[0].render();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('select { transition: opacity 300ms !important; }');
    shadow(element).adoptedStyleSheets = [...shadow(element).adoptedStyleSheets, sheet];
    expect(motionProblems(element).join('\n')).to.contain('transition of opacity');
  });
});
