/**
 * Every widget in the two pseudo-locales, at a phone's width (320 px, where reflow must hold):
 *
 * - `en-XA` (accented, brackets, about 40% longer): visible text that is not pseudo-localized did not
 *   go through msg(). Feed data, dates and numbers from Intl, and language names (endonyms) are allowed.
 * - `ar-XB` (mirrored, right to left): the same, and every host is right to left.
 * - In both: text clipped by `overflow: hidden` or `text-overflow`, or overflowing its button (not
 *   inside the map, which pans).
 *
 * The widgets' states are those of the other cross-widget checks (test/a11y/scenarios.ts).
 *
 * The pseudo strings are generated from the source strings by `node scripts/localize.mjs build`
 * (into .cache/pseudo-locales/); `allowPseudoLocales` lets this page select them.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  dateTimeFormat,
  directionOf,
  displayNames,
  endonym,
  getLocale,
  plannedLocales,
  setLocale,
  supportedLocales,
  timeZoneName,
} from '@open-city/core';
import { allowPseudoLocales } from '../packages/core/src/locale/page-locale.js';
import { pseudoLocales, type PseudoLocale } from '../packages/core/src/locale/locales.js';
import { pseudoLoaders } from '../.cache/pseudo-locales/index.js';
import { completeDraft } from '../packages/incident-report/src/test-helpers.js';
// The widgets in the states a person meets, shared with the other cross-widget checks.
import {
  ICS,
  JSONLD,
  QUERY,
  SERVICES,
  cleanUpScenario,
  describeElement,
  elementsOf,
  scenarios,
  shadow,
} from './a11y/scenarios.js';

allowPseudoLocales(pseudoLoaders);

// --- what counts as allowed text -----------------------------------------------------------------

/**
 * The feeds' and the draft's own text, and what a person types in the scenarios (QUERY): data is
 * shown as it is. A widget may join data fields (an address and its floor, a postcode and a city),
 * so words of the data count too: a hard-coded string made only of words that also occur in the
 * sample feeds would pass unseen.
 */
let dataText = '';
let dataWords = new Set<string>();

async function loadData() {
  const feeds = await Promise.all([SERVICES, ICS, JSONLD].map(async (url) => (await fetch(url)).text()));
  // JSON escapes and iCalendar line folding and escapes, undone enough to find the texts shown.
  const unescaped = feeds
    .join('\n')
    .replace(/\r?\n[ \t]/g, '')
    .replace(/\\[nN]/g, ' ')
    .replace(/\\([,;\\])/g, '$1')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const draft = Object.values(completeDraft()).filter((value) => typeof value === 'string');
  dataText = `${unescaped}\n${draft.join('\n')}\n${QUERY}`;
  dataText = dataText.replace(/\s+/g, ' ');
  dataWords = new Set(dataText.match(/[A-Za-z]{2,}/g) ?? []);
}

/** Codes the sample feeds name languages by. */
const languageCodes = [...supportedLocales, ...plannedLocales, 'de', 'fr', 'it', 'cs', 'sk', 'lt', 'hu', 'pt', 'zh'];

/** What Intl writes in the page's locale (month, day, language and time-zone names), and endonyms. */
function intlPhrases(): string[] {
  const locale = getLocale();
  const phrases = [...supportedLocales, ...plannedLocales, ...pseudoLocales].map(endonym);
  const names = displayNames(locale, { type: 'language' });
  for (const code of languageCodes) phrases.push(names.of(code) ?? code);
  for (const width of ['long', 'short'] as const) {
    for (let month = 0; month < 12; month++) {
      phrases.push(dateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(Date.UTC(2026, month, 15)));
    }
    for (let day = 0; day < 7; day++) {
      phrases.push(dateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + day)));
    }
  }
  // The zone's name, as the calendar names the zone its times are in (Intl's, in winter and summer).
  for (const at of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)])
    phrases.push(timeZoneName('Europe/Warsaw', locale, at));
  // Longest first, so that "November" goes before "Nov".
  return [...new Set(phrases)].sort((a, b) => b.length - a.length);
}

/** The words of a visible text that no msg() string, data or Intl produced. */
function unlocalizedWords(text: string, locale: PseudoLocale, phrases: string[]): string[] {
  // Data, or a code the server or the form made up (a reference number, a withdrawal code, or a
  // group of one shown apart to read it out): capitals and digits, with a digit or a hyphen.
  if (dataText.includes(text) || /^(?=.*[-\d])[A-Z0-9-]{4,}$/u.test(text)) return [];
  let rest = locale === 'ar-XB' ? text.replace(/\u202e[^\u202c]*\u202c/gu, ' ') : text;
  for (const phrase of phrases) rest = rest.split(phrase).join(' ');
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !dataWords.has(word));
}

// --- walking a widget ----------------------------------------------------------------------------

interface Finding {
  widget: string;
  where: string;
  problem: string;
}

/** The nearest declared language of an element, across shadow roots. */
function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/** Text hidden from sight on purpose (screen-reader only): checked for msg(), not for clipping. */
function visuallyHidden(element: Element, style: CSSStyleDeclaration): boolean {
  return (
    element.clientWidth <= 1 ||
    element.clientHeight <= 1 ||
    (style.clip !== 'auto' && style.clip !== '') ||
    (style.clipPath !== 'none' && style.clipPath !== '')
  );
}

const labelAttributes = ['aria-label', 'placeholder', 'title', 'alt'];
const buttonLike = 'button, [role="button"], [role="tab"], [role="option"], a[class], summary, label';

/** Marks that only the pseudo-locales' strings carry. */
const pseudoMark = (locale: PseudoLocale) => (locale === 'ar-XB' ? /\u202e/u : /\[|·\]/u);

/** A widget's problems, and how many pseudo-localized texts it shows (none: nothing was checked). */
function audit(widget: Element, locale: PseudoLocale): { findings: Finding[]; localized: number } {
  const findings: Finding[] = [];
  let localized = 0;
  const phrases = intlPhrases();
  const name = widget.localName;
  for (const element of elementsOf(widget.shadowRoot ?? widget)) {
    if (!element.checkVisibility({ visibilityProperty: true })) continue;
    const declared = languageOf(element);
    const inPageLanguage = declared === '' || declared === locale;
    const texts: string[] = [];
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent!);
    }
    if (element.shadowRoot) {
      for (const node of element.shadowRoot.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent!);
      }
    }
    for (const attribute of labelAttributes) {
      if (element.hasAttribute(attribute)) texts.push(element.getAttribute(attribute)!);
    }
    if (inPageLanguage) {
      for (const raw of texts) {
        const text = raw.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        if (pseudoMark(locale).test(text)) localized++;
        const words = unlocalizedWords(text, locale, phrases);
        if (words.length > 0) {
          findings.push({ widget: name, where: describeElement(element), problem: `not localized: "${text}"` });
        }
      }
    }
    const style = getComputedStyle(element);
    if (!element.textContent?.trim() || visuallyHidden(element, style)) continue;
    // The map is a picture of places that pans (1.4.10's exception, as in the reflow check): its
    // marker labels sit on it and its edges cut it. Its texts are still checked for msg() above.
    if (element.closest('.viewport')) continue;
    const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    const hidesVertically = ['hidden', 'clip'].includes(style.overflowY);
    const isButton = element.matches(buttonLike);
    if ((hides || isButton) && element.scrollWidth > element.clientWidth + 1) {
      findings.push({
        widget: name,
        where: describeElement(element),
        problem: `text clipped or overflowing (${element.scrollWidth} px in ${element.clientWidth} px): "${element.textContent.replace(/\s+/g, ' ').trim()}"`,
      });
    } else if (hidesVertically && element.scrollHeight > element.clientHeight + 1) {
      findings.push({
        widget: name,
        where: describeElement(element),
        problem: `text cut off at the bottom (${element.scrollHeight} px in ${element.clientHeight} px)`,
      });
    }
  }
  return { findings, localized };
}

const report = (findings: Finding[]) =>
  findings.map((finding) => `${finding.widget} ${finding.where}: ${finding.problem}`).join('\n');

describe('pseudo-locales', () => {
  before(async () => {
    await loadData();
    await setViewport({ width: 320, height: 900 });
  });

  afterEach(async () => {
    fixtureCleanup();
    cleanUpScenario();
  });

  after(async () => {
    await setLocale('en');
  });

  it('are generated from every source string, and only tests can select them', async () => {
    const accented = await pseudoLoaders['en-XA']();
    const mirrored = await pseudoLoaders['ar-XB']();
    const ids = Object.keys(accented.templates);
    expect(ids.length).to.be.above(200);
    expect(Object.keys(mirrored.templates)).to.deep.equal(ids);
    expect(supportedLocales as readonly string[]).not.to.include('en-XA');
    await setLocale('en-XA');
    expect(getLocale()).to.equal('en-XA');
    expect(directionOf(getLocale())).to.equal('ltr');
    await setLocale('ar-XB');
    expect(directionOf(getLocale())).to.equal('rtl');
  });

  for (const locale of pseudoLocales) {
    describe(locale, () => {
      before(async () => {
        await setLocale(locale);
      });

      for (const scenario of scenarios) {
        it(`${scenario.name}: all text localized, none clipped`, async () => {
          const element = await scenario.render();
          await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
          expect(element.getAttribute('lang')).to.equal(locale);
          expect(element.getAttribute('dir')).to.equal(directionOf(locale));
          const { findings, localized } = audit(element, locale);
          expect(localized, 'no pseudo-localized text seen').to.be.above(0);
          expect(findings, report(findings)).to.deep.equal([]);
        });
      }
    });
  }

  it('catches a string outside msg() and a clipped label (the check itself)', async () => {
    await setLocale('en-XA');
    const element = await fixture(html`<oc-language-switcher></oc-language-switcher>`);
    await (element as Element & { updateComplete: Promise<unknown> }).updateComplete;
    const planted = document.createElement('p');
    planted.textContent = 'Hard-coded English';
    const button = document.createElement('button');
    button.textContent = 'A very long label that cannot fit';
    button.style.width = '40px';
    button.style.whiteSpace = 'nowrap';
    shadow(element).append(planted, button);
    const problems = audit(element, 'en-XA').findings.map((finding) => finding.problem);
    expect(problems.some((problem) => problem.includes('not localized: "Hard-coded English"'))).to.equal(true);
    expect(problems.some((problem) => problem.startsWith('text clipped or overflowing'))).to.equal(true);
  });
});
