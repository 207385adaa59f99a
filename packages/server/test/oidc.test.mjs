/**
 * Sign-in through the city's identity provider: a real OpenID Connect provider (`oidc-provider`)
 * started on loopback by the test, the server configured with OIDC_ISSUER, and Chromium going
 * through the provider's sign-in and consent pages and back into the console. A person the
 * provider knows but who has no staff account is refused; so is a callback with a forged state.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Provider from 'oidc-provider';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadConfig } from '../src/config.mjs';
import { consoleDir } from '../src/staff/staff-api.mjs';
import { buildConsole } from '../console/build.mjs';
import { addAccount, freePort, startServer } from './staff-helpers.mjs';

describe('sign-in through the city identity provider (OpenID Connect)', () => {
  let db;
  let server;
  let identityProvider;
  let browser;

  before(async () => {
    if (!existsSync(`${consoleDir}staff-console.js`)) await buildConsole({ quiet: true });
    const [providerPort, serverPort] = await Promise.all([freePort(), freePort()]);
    const issuer = `http://127.0.0.1:${providerPort}`;
    const redirectUri = `http://127.0.0.1:${serverPort}/staff/api/oidc/callback`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'staff-console',
          client_secret: 'secret-of-the-test-client',
          redirect_uris: [redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      // Whoever signs in at the provider is the e-mail they typed (the dev sign-in page takes any).
      async findAccount(_ctx, id) {
        return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      cookies: { keys: ['cookie-key-of-the-test'] },
      features: { devInteractions: { enabled: true } },
    });
    identityProvider = provider.listen(providerPort, '127.0.0.1');
    db = await openDatabase({ dataDir: ':memory:' });
    await addAccount(db, { email: 'anna@krakow.example', role: 'admin', mustChange: true });
    server = await startServer({
      db,
      port: serverPort,
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'staff-console',
        OIDC_CLIENT_SECRET: 'secret-of-the-test-client',
        OIDC_REDIRECT_URI: redirectUri,
      },
    });
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => identityProvider?.close(resolve));
    await db?.close();
  });

  async function signInAtProvider(login) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/staff/`);
    await page.evaluate(() => localStorage.setItem('oc-locale', 'en'));
    await page.reload();
    await page.getByRole('link', { name: 'Sign in with the city’s account' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('checked by the provider');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    return { page, context };
  }

  it('signs a member of staff in through the provider, into the console, and logs it', async () => {
    const { page, context } = await signInAtProvider('anna@krakow.example');
    // A password the person never uses need not be changed: the provider signed them in.
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor({ timeout: 15_000 });
    assert.equal(new URL(page.url()).pathname, '/staff/');
    const { rows } = await db.query(
      `SELECT actor_email, details FROM audit_log WHERE action = 'signed-in' ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(rows[0].actor_email, 'anna@krakow.example');
    const details = typeof rows[0].details === 'string' ? JSON.parse(rows[0].details) : rows[0].details;
    assert.deepEqual(details, { via: 'oidc' });
    const cookies = await context.cookies(`${server.base}/staff/`);
    const session = cookies.find((cookie) => cookie.name === 'oc_staff_session');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(session.path, '/staff');
    await context.close();
  });

  it('refuses a person the provider knows who has no staff account', async () => {
    const { page, context } = await signInAtProvider('somebody@krakow.example');
    const alert = page.locator('oc-staff-sign-in [role="alert"]');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.innerText(), /There is no staff account/);
    assert.equal(new URL(page.url()).search, '', 'the outcome is not left in the address');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM staff_sessions WHERE via = 'oidc'`);
    assert.equal(rows[0].n, 1, 'only the first test made a session');
    await context.close();
  });

  it('refuses a callback whose state this browser was not given', async () => {
    const forged = await fetch(`${server.base}/staff/api/oidc/callback?code=abc&state=guessed`, { redirect: 'manual' });
    assert.equal(forged.status, 303);
    assert.equal(forged.headers.get('location'), '/staff/?sign-in=oidc-failed');
    assert.equal(forged.headers.get('set-cookie')?.includes('oc_staff_session=') ?? false, false);
    const start = await fetch(`${server.base}/staff/api/oidc/start`, { redirect: 'manual' });
    const target = new URL(start.headers.get('location'));
    assert.equal(target.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(target.searchParams.get('nonce') && target.searchParams.get('state'));
    assert.match(
      start.headers.get('set-cookie'),
      /^oc_staff_oidc=[\w-]+; Path=\/staff\/api\/oidc; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
    // The state, without the cookie that goes with it, is refused too.
    const stolen = await fetch(
      `${server.base}/staff/api/oidc/callback?code=abc&state=${target.searchParams.get('state')}`,
      {
        redirect: 'manual',
      },
    );
    assert.equal(stolen.headers.get('location'), '/staff/?sign-in=oidc-failed');
  });

  it('is off without OIDC_ISSUER, and checks its settings', async () => {
    const plain = await startServer({ db });
    try {
      assert.deepEqual(await (await fetch(`${plain.base}/staff/api/sign-in-options`)).json(), { oidc: false });
      assert.equal((await fetch(`${plain.base}/staff/api/oidc/start`, { redirect: 'manual' })).status, 404);
    } finally {
      await plain.close();
    }
    assert.deepEqual(await (await fetch(`${server.base}/staff/api/sign-in-options`)).json(), { oidc: true });
    assert.throws(() => loadConfig({ OIDC_ISSUER: 'http://login.city.example' }), /OIDC_ISSUER must use https/);
    assert.throws(() => loadConfig({ OIDC_ISSUER: 'https://login.city.example' }), /OIDC_CLIENT_ID is needed/);
    assert.throws(
      () =>
        loadConfig({
          OIDC_ISSUER: 'https://login.city.example',
          OIDC_CLIENT_ID: 'x',
          OIDC_REDIRECT_URI: 'https://x/cb',
        }),
      /OIDC_REDIRECT_URI must be/,
    );
  });
});
