/**
 * The built drop-in keeps the spaces its templates have. The HTML-literal minifier once removed
 * every space between an interpolation and the text after it ("Tuesday(today)", "Polski(Polish)");
 * only the built files show that, so this test reads the text the built widgets render, in several
 * states and languages (run `npm run build` first; `npm test` does).
 */
import { expect, waitUntil } from '@open-wc/testing';

interface DropIn {
  setLocale(locale: string): Promise<string>;
}

const cdn = '/packages/widgets/dist/cdn';

/** The rendered text of every element a widget shows, its shadow roots included. */
function shownTexts(root: Element): string[] {
  const texts: string[] = [];
  const visit = (scope: Element | ShadowRoot) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      if (!(element instanceof HTMLElement) || element.localName === 'style') continue;
      const text = element.innerText?.replace(/\s+/g, ' ').trim();
      if (text) texts.push(text);
    }
  };
  visit(root.shadowRoot ?? root);
  return texts;
}

/** Words glued to a bracket or to a middle dot, where a space belonged. */
const glued = /[\p{L}\p{N}][(·]|[)·][\p{L}\p{N}]/u;

function expectSpaced(element: Element, state: string) {
  const bad = shownTexts(element)
    .filter((text) => glued.test(text))
    .sort((a, b) => a.length - b.length);
  expect(bad, `${state}: ${bad.slice(0, 3).join(' | ')}`).to.deep.equal([]);
}

const shadow = (element: Element) => element.shadowRoot!;

describe('built drop-in: spaces kept', () => {
  let dropIn: DropIn;

  before(async () => {
    dropIn = (await import(/* @vite-ignore */ `${cdn}/open-city-widgets.js`)) as DropIn;
    await customElements.whenDefined('oc-service-finder');
  });

  for (const locale of ['en', 'pl', 'uk']) {
    it(`keeps spaces in the finder's list and detail (${locale})`, async () => {
      await dropIn.setLocale(locale);
      const finder = document.createElement('oc-service-finder');
      finder.setAttribute('src', '/packages/service-finder/sample/krakow-services.json');
      document.body.append(finder);
      try {
        await waitUntil(() => shadow(finder).querySelector('.card-title'), 'cards shown', { timeout: 10_000 });
        expectSpaced(finder, `${locale} list`);
        (shadow(finder).querySelector('.card-title') as HTMLButtonElement).click();
        await waitUntil(() => shadow(finder).querySelector('table, [part~="detail"]'), 'detail shown', {
          timeout: 10_000,
        });
        expectSpaced(finder, `${locale} detail`);
      } finally {
        finder.remove();
      }
    });
  }

  it('keeps spaces in the calendar and the report form', async () => {
    await dropIn.setLocale('en');
    const calendar = document.createElement('oc-event-calendar');
    calendar.setAttribute('src', '/packages/event-calendar/sample/krakow-events.ics');
    calendar.setAttribute('view', 'list');
    const report = document.createElement('oc-incident-report');
    report.setAttribute('endpoint', '/test-feed/never-called');
    document.body.append(calendar, report);
    try {
      await waitUntil(() => shadow(calendar).querySelector('[part~="event"], [role="alert"], .empty'), 'calendar', {
        timeout: 10_000,
      });
      await waitUntil(() => shadow(report).querySelector('form, fieldset'), 'report form', { timeout: 10_000 });
      expectSpaced(calendar, 'calendar');
      expectSpaced(report, 'report');
    } finally {
      calendar.remove();
      report.remove();
    }
  });

  it('the check itself sees a glued word', () => {
    const sample = document.createElement('div');
    sample.innerHTML = '<p><b>Tuesday</b>(today)</p>';
    document.body.append(sample);
    try {
      expect(shownTexts(sample).some((text) => glued.test(text))).to.equal(true);
    } finally {
      sample.remove();
    }
  });
});
