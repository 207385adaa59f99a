/**
 * The staff console in Chromium against the real server, under its strict CSP: sign in, find a
 * report with evidence, see the image, change the status, add a note, and find all of it in the
 * audit log. Builds the console first when dist/console is missing or older than its sources.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { buildConsole, consoleOutOfDate } from '../console/build.mjs';
import { validReport } from './report-fixture.mjs';
import { addAccount, pngBytes, postReport, putAttachment, sha256Hex, startServer } from './staff-helpers.mjs';

describe('staff console journey', () => {
  let db;
  let server;
  let browser;
  let reference;

  before(async () => {
    if (consoleOutOfDate()) await buildConsole({ quiet: true });
    db = await openDatabase({ dataDir: ':memory:' });
    server = await startServer({ db });
    await addAccount(db, { email: 'anna@krakow.example', password: 'anna password 123', role: 'admin' });
    const report = validReport();
    const id = randomUUID();
    await putAttachment(server.base, report.id, id, pngBytes);
    report.attachments = [
      { id, type: 'image/png', bytes: pngBytes.length, sha256: sha256Hex(pngBytes), alt: 'Napis na wiacie' },
    ];
    ({ reference } = await (await postReport(server.base, report)).json());
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('signs in, reviews a report with its evidence, and finds it all in the audit log', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The first question, "is there a session?", is answered 401 before sign-in.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
    });
    await page.goto(`${server.base}/staff/`);
    await page.evaluate(() => localStorage.setItem('oc-locale', 'en'));
    await page.reload();

    await page.getByLabel('E-mail').fill('anna@krakow.example');
    await page.getByLabel('Password').fill('anna password 123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Report ${reference}` }).waitFor();
    const image = page.getByRole('img', { name: 'Napis na wiacie' });
    await image.waitFor();
    // The image really loads, through the session, under the CSP (4 × 4 pixels).
    let width = 0;
    for (let tries = 0; tries < 50 && width !== 4; tries++) {
      width = await image.evaluate((element) => (element.complete ? element.naturalWidth : 0));
      if (width !== 4) await page.waitForTimeout(100);
    }
    assert.equal(width, 4);

    await page.getByLabel('New status').selectOption('in-review');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed to In review.').waitFor();
    await page.getByLabel('New note').fill('Asked the district office to remove it.');
    await page.getByRole('button', { name: 'Add the note' }).click();
    await page.getByText('Asked the district office to remove it.').waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.locator('oc-staff-audit li.card').first().waitFor();
    const log = (await page.locator('oc-staff-audit li.card').allInnerTexts()).join('\n');
    for (const action of ['Report opened', 'Evidence image opened', 'Status changed', 'Note added', 'Signed in']) {
      assert.match(log, new RegExp(action), action);
    }
    assert.match(log, /New → In review/);

    const csp = (await page.request.get(`${server.base}/staff/`)).headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.deepEqual(problems, [], 'no script errors and no CSP violations');
  });
});
