/**
 * Forced colours (Windows High Contrast and its kin), emulated through CDP's
 * `Emulation.setEmulatedMedia` (`forced-colors: active`; web-test-runner's own emulateMedia drops
 * that feature under puppeteer, so test/a11y/media-plugin.mjs sends it): focus,
 * the selected and the current item (language, step of the form, today in the calendar) must stay
 * visible when the browser replaces every colour with the user's few system colours. Backgrounds
 * and box shadows are gone then; what remains is outline, border, text and system colours.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import { cleanUpScenario, deepActive, describeElement, elementsOf, inside, scenarios, shown } from './scenarios.js';

/** What is left of an element's look in forced colours, to compare two elements by. */
function forcedLook(element: Element): string {
  const style = getComputedStyle(element);
  return [
    style.outlineStyle === 'none'
      ? 'no outline'
      : `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    `border ${style.borderBlockStartStyle} ${style.borderBlockStartWidth} ${style.borderBlockStartColor}`,
    `bg ${style.backgroundColor}`,
    `color ${style.color}`,
    `weight ${style.fontWeight}`,
    `decoration ${style.textDecorationLine}`,
  ].join('; ');
}

/** A visible focus indicator in forced colours: an outline of 2 px or more that is not transparent. */
function focusProblem(element: Element): string | undefined {
  const style = getComputedStyle(element);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle !== 'none' && width >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)') return undefined;
  return `${describeElement(element)} has no visible focus (${forcedLook(element)})`;
}

/**
 * Elements marked as the current or selected one, each compared with a sibling of its kind that is
 * not: they must not look the same.
 */
function markedProblems(widget: Element): { problems: string[]; compared: number } {
  const problems: string[] = [];
  let compared = 0;
  const marked = [...elementsOf(widget.shadowRoot!)].filter(
    (element) =>
      shown(element) &&
      (element.matches('[aria-current]:not([aria-current="false"]), [aria-selected="true"], [aria-pressed="true"]') ||
        (element instanceof HTMLInputElement && element.checked)),
  );
  for (const element of marked) {
    const attribute = ['aria-current', 'aria-selected', 'aria-pressed'].find((name) => element.hasAttribute(name));
    const peer = [
      ...(element.parentElement?.parentElement ?? element.parentElement!).querySelectorAll(element.localName),
    ].find(
      (other) =>
        other !== element &&
        shown(other) &&
        (attribute
          ? ['false', null].includes(other.getAttribute(attribute))
          : other instanceof HTMLInputElement && other.type === (element as HTMLInputElement).type && !other.checked),
    );
    if (!peer) continue;
    compared++;
    if (element instanceof HTMLInputElement) continue; // the browser draws a checked box in system colours
    if (forcedLook(element) === forcedLook(peer))
      problems.push(`${describeElement(element)}[${attribute}] looks like its unmarked peer: ${forcedLook(element)}`);
  }
  return { problems, compared };
}

describe('forced colours (Windows High Contrast)', () => {
  before(async () => {
    // CDP's Emulation.setEmulatedMedia, through test/a11y/media-plugin.mjs.
    await executeServerCommand('a11y-emulate-media', { 'forced-colors': 'active' });
    await setViewport({ width: 1024, height: 800 });
    await setLocale('en');
  });

  after(async () => {
    await executeServerCommand('a11y-emulate-media', {});
    await setViewport({ width: 800, height: 600 });
  });

  afterEach(() => {
    fixtureCleanup();
    cleanUpScenario();
  });

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  for (const scenario of scenarios) {
    it(`${scenario.name}: focus, selection and the current item visible`, async () => {
      const element = await scenario.render();
      await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      const problems: string[] = [];
      // Focus: Tab through the widget from the page before it, up to 25 stops.
      (document.activeElement as HTMLElement | null)?.blur();
      let stops = 0;
      for (let step = 0; step < 25; step++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (!active || !inside(element, active)) {
          if (stops > 0) break;
          continue;
        }
        stops++;
        // The date and time inputs' own picker button (inside the browser's closed shadow root) takes
        // a Tab stop of its own; the browser draws its ring there, and the input is not :focus-visible.
        if (active.matches('input[type="date"], input[type="time"]') && !active.matches(':focus-visible')) continue;
        const problem = focusProblem(active);
        if (problem) problems.push(problem);
      }
      const marked = markedProblems(element);
      problems.push(...marked.problems);
      expect(problems, problems.join('\n')).to.deep.equal([]);
      if (!scenario.name.includes('fails') && !scenario.name.includes('sent'))
        expect(stops, 'no control of the widget took focus').to.be.above(0);
    });
  }

  it('shows which language is current in the list switcher, and today and the step in the others', async () => {
    // The marked items these scenarios must hold, so that the comparison above is not empty.
    const seen = new Map<string, number>();
    for (const name of ['language switcher, list', 'event calendar, month', 'incident report, step "what"']) {
      const scenario = scenarios.find((one) => one.name === name)!;
      const element = await scenario.render();
      seen.set(name, markedProblems(element).compared);
      fixtureCleanup();
      cleanUpScenario();
    }
    for (const [name, compared] of seen) expect(compared, `${name}: marked items compared`).to.be.above(0);
  });

  it('finds a focus ring drawn only with a box shadow (the check itself)', async () => {
    const element = await fixture(html`<button>Plain</button>`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.shadow-only:focus-visible { outline: none; box-shadow: 0 0 0 3px blue; }');
    document.adoptedStyleSheets = [sheet];
    element.className = 'shadow-only';
    (element as HTMLElement).focus();
    expect(focusProblem(element)).to.contain('no visible focus');
    document.adoptedStyleSheets = [];
  });
});
