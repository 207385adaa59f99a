/**
 * WCAG 2.5.8 Target Size (Minimum): every control a person clicks or taps is at least 24 × 24 CSS px,
 * or far enough from the others (a 24 px circle centred on it meets no other target nor its circle),
 * or a link inside a sentence (the inline exception). A checkbox or radio button counts together with
 * the label that wraps it or is tied to it, since a click on the label works the control.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { setLocale } from '@open-city/core';
import { cleanUpScenario, controlSelector, describeElement, elementsOf, scenarios, shown } from './scenarios.js';

interface Target {
  element: Element;
  rect: DOMRect;
}

const MIN = 24;

/** A link inside running text: the sentence around it sets its size (2.5.8's inline exception). */
function inline(element: Element): boolean {
  if (getComputedStyle(element).display !== 'inline') return false;
  const block = element.parentElement;
  return !!block && block.textContent!.trim().length > element.textContent!.trim().length + 1;
}

/** The area that works the control: a checkbox or radio with its label. */
function targetRect(element: Element): DOMRect {
  const rect = element.getBoundingClientRect();
  if (!(element instanceof HTMLInputElement) || !['checkbox', 'radio'].includes(element.type)) return rect;
  const label = element.closest('label') ?? element.labels?.[0];
  if (!label) return rect;
  const labelRect = label.getBoundingClientRect();
  const left = Math.min(rect.left, labelRect.left);
  const top = Math.min(rect.top, labelRect.top);
  return new DOMRect(
    left,
    top,
    Math.max(rect.right, labelRect.right) - left,
    Math.max(rect.bottom, labelRect.bottom) - top,
  );
}

function targetsOf(widget: Element): Target[] {
  const targets: Target[] = [];
  for (const element of elementsOf(widget.shadowRoot!)) {
    if (!element.matches(controlSelector) || !shown(element) || inline(element)) continue;
    if (element instanceof HTMLInputElement && element.closest('label')?.matches(controlSelector)) continue;
    // A label holding the checkbox is counted with it, not as a target of its own.
    targets.push({ element, rect: targetRect(element) });
  }
  return targets;
}

const centre = (rect: DOMRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

/** Distance from a point to a rectangle (0 inside). */
function distance(point: { x: number; y: number }, rect: DOMRect): number {
  const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
  const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
  return Math.hypot(dx, dy);
}

function sizeProblems(widget: Element): string[] {
  const targets = targetsOf(widget);
  const small = (target: Target) => target.rect.width < MIN - 0.5 || target.rect.height < MIN - 0.5;
  const problems: string[] = [];
  for (const target of targets.filter(small)) {
    const own = centre(target.rect);
    // Spacing exception: the 24 px circle on this target meets no other target, nor another small one's circle.
    const crowded = targets.some(
      (other) =>
        other !== target &&
        !other.element.contains(target.element) &&
        !target.element.contains(other.element) &&
        (distance(own, other.rect) < MIN / 2 ||
          (small(other) && Math.hypot(own.x - centre(other.rect).x, own.y - centre(other.rect).y) < MIN)),
    );
    if (crowded)
      problems.push(
        `${describeElement(target.element)} is ${Math.round(target.rect.width)} × ${Math.round(target.rect.height)} px, too close to another control ("${target.element.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40)}")`,
      );
  }
  return problems;
}

describe('target size, at least 24 × 24 px (WCAG 2.5.8)', () => {
  afterEach(() => {
    fixtureCleanup();
    cleanUpScenario();
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await setLocale('en');
  });

  for (const width of [320, 1024]) {
    describe(`${width} px`, () => {
      before(async () => {
        await setViewport({ width, height: 900 });
        await setLocale('en');
      });
      for (const scenario of scenarios) {
        it(`${scenario.name}: every control large enough or spaced`, async () => {
          const element = await scenario.render();
          await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
          const problems = sizeProblems(element);
          expect(problems, problems.join('\n')).to.deep.equal([]);
        });
      }
    });
  }

  it('finds two small buttons side by side (the check itself)', async () => {
    const element = await scenarios[0].render();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.tiny { inline-size: 12px; block-size: 12px; padding: 0; margin: 0; border: 0; }');
    element.shadowRoot!.adoptedStyleSheets = [...element.shadowRoot!.adoptedStyleSheets, sheet];
    for (const label of ['a', 'b']) {
      const button = document.createElement('button');
      button.className = 'tiny';
      button.textContent = label;
      element.shadowRoot!.append(button);
    }
    expect(sizeProblems(element).join('\n')).to.contain('button.tiny');
  });
});
