/**
 * The staff console with the keyboard alone (issue 17), in Chromium against the real server under
 * its strict CSP: sign in (a wrong password first), filter the list by status and by what happened,
 * open a report, go back, open it again, change its status, go back. Only key presses (Tab,
 * Shift+Tab, Enter, arrows, typing); after each step, where focus is (through the shadow roots) and
 * that it can be seen. axe-core (WCAG 2.0/2.1/2.2 A and AA) runs on every state on the way, and on
 * the main states in Polish and Arabic (right to left).
 *
 * Where focus goes (docs/accessibility.md, "Journeys"): a wrong password: the message; signed in:
 * the list's heading; other filters: stays on "Show reports" (the count is announced); a report
 * opened: its heading; back to the list: that report's link when the report is still in the list
 * (the filters are kept), else the list's heading. The console has no dialogs, so nothing is closed
 * with Escape.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { buildConsole, consoleOutOfDate } from '../console/build.mjs';
import { validReport } from './report-fixture.mjs';
import { addAccount, postReport, startServer } from './staff-helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What has focus, found through the shadow roots, and whether it can be seen. */
function focusOf(page) {
  return page.evaluate(() => {
    let active = globalThis.document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === globalThis.document.body) return { tag: active?.localName ?? 'none', visible: false };
    const style = globalThis.getComputedStyle(active);
    const drawn =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      (style.boxShadow !== '' && style.boxShadow !== 'none');
    return {
      tag: active.localName,
      id: active.id,
      href: active.getAttribute('href') ?? '',
      role: active.getAttribute('role') ?? '',
      text: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
      value: 'value' in active ? String(active.value) : '',
      // Chromium matches neither :focus-visible nor :focus on a date field in a shadow root reached
      // by Tab (focus is on a part inside it); the console draws its ring on :focus-within there,
      // and the drawn outline is what is checked.
      visible: (active.matches(':focus-visible') || active.matches('input[type="date"]')) && drawn,
    };
  });
}

/** Focus after a step: where the test says, and visible. */
async function focused(page, step, expected = () => true) {
  // Focus may move after the view's data arrives: wait for it, then check it once more.
  let focus;
  for (let tries = 0; tries < 100; tries++) {
    focus = await focusOf(page);
    if (expected(focus)) break;
    await page.waitForTimeout(50);
  }
  assert.ok(expected(focus), `${step}: focus on ${JSON.stringify(focus)}`);
  assert.ok(focus.visible, `${step}: focus can be seen on ${JSON.stringify(focus)}`);
  return focus;
}

/** Tab (or Shift+Tab) until `wanted`, checking that every stop on the way can be seen. */
async function tabTo(page, step, wanted, { back = false, limit = 60 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focusOf(page);
    assert.ok(focus.visible, `${step} (${i + 1}): focus can be seen on ${JSON.stringify(focus)}`);
    if (wanted(focus)) return focus;
  }
  throw new Error(`${step}: not reached after ${limit} presses`);
}

/** With a closed <select> focused, arrow down until its value is `value`. */
async function arrowTo(page, value) {
  for (let i = 0; i < 40; i++) {
    if ((await focusOf(page)).value === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the option ${value} was not reached with the arrow keys`);
}

/** axe over the whole page (open shadow roots included): no WCAG A/AA violation. */
async function axe(page, state) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: no script tag.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const { violations, passes } = await page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(globalThis.document, { runOnly: { type: 'tag', values: tags } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((item) => ({
        id: item.id,
        nodes: item.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
      })),
    };
  }, wcag);
  assert.ok(passes > 10, `${state}: axe checked the page`);
  assert.deepEqual(violations, [], `${state}: no WCAG violation`);
}

const statusLine = (page) =>
  page.evaluate(() =>
    globalThis.document
      .querySelector('oc-staff-console')
      .shadowRoot.querySelector('main > *')
      ?.shadowRoot.querySelector('[role="status"]')
      ?.textContent.replace(/\s+/g, ' ')
      .trim(),
  );

describe('staff console with the keyboard alone', () => {
  let db;
  let server;
  let browser;
  let graffiti;
  let abuse;

  before(async () => {
    if (consoleOutOfDate()) await buildConsole({ quiet: true });
    db = await openDatabase({ dataDir: ':memory:' });
    server = await startServer({ db });
    await addAccount(db, { email: 'jan@krakow.example', password: 'jan password 12345', role: 'moderator' });
    ({ reference: graffiti } = await (await postReport(server.base, validReport())).json());
    ({ reference: abuse } = await (
      await postReport(server.base, validReport({ incidentTypes: ['verbal-abuse'] }))
    ).json());
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('signs in, filters, opens a report, changes its status and comes back, focus always seen', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('oc-locale', 'en'));
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // "Is there a session?" and the wrong password are answered 401.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server.base}/staff/`);
    await page.locator('oc-staff-sign-in').waitFor();

    // The skip link comes first, and shows when focused.
    await page.keyboard.press('Tab');
    await focused(page, 'the skip link', (focus) => focus.href === '#main');

    // A wrong password: the message is announced (role="alert") and has focus.
    await tabTo(page, 'to the e-mail', (focus) => focus.id === 'email');
    await page.keyboard.type('jan@krakow.example');
    await page.keyboard.press('Tab');
    await focused(page, 'the password', (focus) => focus.id === 'password');
    await page.keyboard.type('not my password at all');
    await page.keyboard.press('Enter');
    const wrong = await focused(page, 'a wrong password', (focus) => focus.role === 'alert');
    assert.equal(wrong.text, 'The e-mail or the password is wrong.');
    await axe(page, 'sign-in with an error');

    // The right one: the list's heading.
    await tabTo(page, 'back to the password', (focus) => focus.id === 'password');
    await page.keyboard.type('jan password 12345');
    await page.keyboard.press('Enter');
    await focused(page, 'signed in', (focus) => focus.tag === 'h1' && focus.text === 'Reports');
    await page.locator('oc-staff-inbox li').nth(1).waitFor();
    await axe(page, 'the list');

    // Filter by status (arrows on the closed select), then Enter on "Show reports": focus stays there.
    await tabTo(page, 'to the status filter', (focus) => focus.id === 'status');
    await arrowTo(page, 'new');
    await tabTo(page, 'to "Show reports"', (focus) => focus.text === 'Show reports');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => globalThis.location.hash === '#/?status=new');
    await focused(page, 'filtered by status', (focus) => focus.text === 'Show reports');
    assert.equal(await statusLine(page), 'Reports found: 2');

    // And by what happened.
    await tabTo(page, 'to "What happened"', (focus) => focus.id === 'type', { back: true });
    await arrowTo(page, 'graffiti-or-symbols');
    await tabTo(page, 'to "Show reports"', (focus) => focus.text === 'Show reports');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => globalThis.location.hash.includes('type=graffiti-or-symbols'));
    await focused(page, 'filtered by type', (focus) => focus.text === 'Show reports');
    await page.waitForFunction(
      () =>
        globalThis.document
          .querySelector('oc-staff-console')
          .shadowRoot.querySelector('oc-staff-inbox')
          .shadowRoot.querySelectorAll('li').length === 1,
    );
    assert.equal(await statusLine(page), 'Reports found: 1');
    assert.equal(await page.locator('oc-staff-inbox').getByRole('link', { name: abuse }).count(), 0);
    await axe(page, 'the filtered list');

    // Open the report: its heading.
    await tabTo(page, 'to the report', (focus) => focus.text === graffiti);
    await page.keyboard.press('Enter');
    await focused(page, 'opened', (focus) => focus.tag === 'h1' && focus.text === `Report ${graffiti}`);
    await page.locator('oc-staff-report #status-select').waitFor();
    await axe(page, 'a report');

    // Back: the same list, focus on the report's link.
    await tabTo(page, 'to "Back to the reports"', (focus) => focus.text === 'Back to the reports', { back: true });
    await page.keyboard.press('Enter');
    await focused(page, 'back to the list', (focus) => focus.text === graffiti);
    assert.match(await page.evaluate(() => globalThis.location.hash), /status=new/);
    assert.match(await page.evaluate(() => globalThis.location.hash), /type=graffiti-or-symbols/);

    // Again, and change its status with the arrows and Enter: focus stays on the button, announced.
    await page.keyboard.press('Enter');
    await focused(page, 'opened again', (focus) => focus.tag === 'h1' && focus.text === `Report ${graffiti}`);
    await page.locator('oc-staff-report #status-select').waitFor();
    await tabTo(page, 'to "New status"', (focus) => focus.id === 'status-select');
    await arrowTo(page, 'in-review');
    await tabTo(page, 'to "Change status"', (focus) => focus.text === 'Change status');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        globalThis.document
          .querySelector('oc-staff-console')
          .shadowRoot.querySelector('oc-staff-report')
          .shadowRoot.querySelector('[role="status"]')
          .textContent.trim() === 'Status changed to In review.',
    );
    await focused(page, 'status changed', (focus) => focus.text === 'Change status');
    await axe(page, 'a report after a change');

    // Back: the report is no longer "New", so not in the list: focus on the list's heading.
    await tabTo(page, 'to "Back to the reports"', (focus) => focus.text === 'Back to the reports', { back: true });
    await page.keyboard.press('Enter');
    await focused(page, 'back, report gone from the list', (focus) => focus.tag === 'h1' && focus.text === 'Reports');
    await page.waitForFunction(() => globalThis.location.hash.includes('status=new'));
    assert.equal(await statusLine(page), 'Reports found: 0');

    assert.deepEqual(problems, [], 'no script errors and no CSP violations');
    await context.close();
  });

  // The same states through axe in a language with longer words and one written right to left.
  for (const locale of ['pl', 'ar']) {
    it(`has no WCAG violation in ${locale}: sign-in with an error, the list, a report`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((chosen) => localStorage.setItem('oc-locale', chosen), locale);
      const page = await context.newPage();
      await page.goto(`${server.base}/staff/`);
      await page.locator('oc-staff-sign-in #email').fill('jan@krakow.example');
      await page.locator('oc-staff-sign-in #password').fill('not my password at all');
      await page.locator('oc-staff-sign-in #password').press('Enter');
      await page.locator('oc-staff-sign-in [role="alert"]').waitFor();
      assert.equal(await page.evaluate(() => globalThis.document.documentElement.lang), locale);
      assert.equal(await page.evaluate(() => globalThis.document.dir), locale === 'ar' ? 'rtl' : 'ltr');
      await axe(page, `${locale}: sign-in with an error`);
      await page.locator('oc-staff-sign-in #password').fill('jan password 12345');
      await page.locator('oc-staff-sign-in #password').press('Enter');
      await page.locator('oc-staff-inbox li').first().waitFor();
      await axe(page, `${locale}: the list`);
      await page.locator('oc-staff-inbox').getByRole('link', { name: abuse }).press('Enter');
      await page.locator('oc-staff-report #status-select').waitFor();
      await axe(page, `${locale}: a report`);
      await context.close();
    });
  }
});
