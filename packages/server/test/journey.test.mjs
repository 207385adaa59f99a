/**
 * One journey through the demo site in Chromium, as a person would make it: the report typed into the
 * form on /incident-report.html arrives in the database once, and the reference the person is shown
 * is the one stored. Needs the drop-in build (npm test builds before running this).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';

describe('demo site journey', () => {
  let db;
  let server;
  let browser;
  let base;

  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema() });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    await db?.close();
  });

  it('sends a report typed in the form once, and shows the stored reference', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${base}/incident-report.html`);
    await page.evaluate(() => localStorage.setItem('oc-locale', 'en'));
    await page.reload();
    const form = page.locator('oc-incident-report');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();

    await form.getByLabel('I saw it happen').check();
    await next();
    // Incident types sit in short groups that open on demand (issue 13).
    await form.getByText('Violence, damage or hate symbols').click();
    await form.getByLabel('Graffiti, stickers or hate symbols').check();
    await form.getByLabel('Racism or xenophobia').check();
    await next();
    await form.getByLabel('In a place: a street, a building, public transport').check();
    await form.getByLabel('Describe the place').fill('Rondo Mogilskie, tram shelter towards the centre');
    await next();
    await form.getByLabel('Date', { exact: true }).fill('2026-11-20');
    await next();
    await form.getByLabel('What happened?').fill('A slogan against Ukrainians was painted on the shelter.');
    await form.locator('#reportedToPolice-no').check();
    await next();
    await next(); // photos, optional
    await next(); // anonymous, the default
    await form.getByRole('checkbox').check();
    // The form ignores sends faster than a person could type (bots): wait as a person would.
    await page.waitForTimeout(4500);
    await form.getByRole('button', { name: 'Send report' }).click();

    const shown = (await form.locator('.reference-value').textContent({ timeout: 15_000 })).trim();
    const { rows } = await db.query('SELECT reference, body FROM reports');
    assert.equal(rows.length, 1, 'stored exactly once');
    assert.equal(rows[0].reference, shown);
    const body = typeof rows[0].body === 'string' ? JSON.parse(rows[0].body) : rows[0].body;
    assert.equal(body.anonymous, true);
    assert.equal(body.contact, undefined, 'an anonymous report carries no contact data');
    assert.equal(body.place.kind, 'offline');
    assert.deepEqual(problems, []);
  });
});
