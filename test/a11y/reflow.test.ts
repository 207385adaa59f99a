/**
 * WCAG 1.4.10 Reflow: at 320 CSS px of width (a phone, or a 1280 px window at 400 % zoom) every
 * widget in its main states fits, and only the page scrolls, vertically: no horizontal page scroll,
 * nothing sticking out of the widget, and no region inside it that scrolls sideways. The map is
 * two-dimensional content, which 1.4.10 exempts, and is left out.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import { cleanUpScenario, describeElement, elementsOf, scenarios, shown } from './scenarios.js';

/** Parts of a widget allowed to scroll in two dimensions (1.4.10's exception for maps). */
const twoDimensional = (element: Element) => element.closest('.viewport, .pane, [part~="map"]') !== null;

function reflowProblems(widget: Element): string[] {
  const problems: string[] = [];
  const page = document.scrollingElement!;
  if (page.scrollWidth > page.clientWidth + 1)
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px in ${page.clientWidth} px`);
  const host = widget.getBoundingClientRect();
  for (const element of elementsOf(widget.shadowRoot ?? widget)) {
    if (!shown(element) || twoDimensional(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.left < host.left - 1 || rect.right > host.right + 1) {
      problems.push(`${describeElement(element)} sticks out (${Math.round(rect.left)}…${Math.round(rect.right)} px)`);
      continue;
    }
    const style = getComputedStyle(element);
    if (['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
      problems.push(
        `${describeElement(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px)`,
      );
  }
  return problems;
}

const viewports = [
  { label: 'a 320 px phone', width: 320, height: 640 },
  { label: 'a 1280 × 1024 window at 400 % zoom', width: 1280 / 4, height: 1024 / 4 },
];

describe('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  afterEach(() => {
    fixtureCleanup();
    cleanUpScenario();
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await setLocale('en');
  });

  for (const locale of ['en', 'ar'] as const) {
    for (const viewport of viewports) {
      describe(`${viewport.label}, ${locale}`, () => {
        before(async () => {
          await setViewport({ width: viewport.width, height: viewport.height });
          await setLocale(locale);
        });
        for (const scenario of scenarios) {
          it(`${scenario.name}: no two-dimensional scrolling`, async () => {
            const element = await scenario.render();
            await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
            const problems = reflowProblems(element);
            expect(problems, problems.join('\n')).to.deep.equal([]);
          });
        }
      });
    }
  }

  it('in a 320 px column of a wide page, too (container queries, not only media queries)', async () => {
    await setViewport({ width: 1280, height: 800 });
    await setLocale('en');
    // Every fixture's wrapper (a <div> in <body>) is the 320 px column.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('body > div { inline-size: 320px; }');
    document.adoptedStyleSheets = [sheet];
    const problems: string[] = [];
    for (const scenario of scenarios) {
      const element = await scenario.render();
      await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(element.getBoundingClientRect().width, scenario.name).to.be.at.most(320);
      problems.push(...reflowProblems(element).map((problem) => `${scenario.name}: ${problem}`));
      fixtureCleanup();
      cleanUpScenario();
    }
    document.adoptedStyleSheets = [];
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('finds a region that scrolls sideways (the check itself)', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await scenarios[0].render();
    const wide = document.createElement('div');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '.too-wide { overflow-x: auto; inline-size: 100px; } .too-wide > div { inline-size: 300px; height: 20px; }',
    );
    element.shadowRoot!.adoptedStyleSheets = [...element.shadowRoot!.adoptedStyleSheets, sheet];
    wide.className = 'too-wide';
    wide.append(document.createElement('div'));
    element.shadowRoot!.append(wide);
    expect(reflowProblems(element).join('\n')).to.contain('scrolls sideways');
  });
});
