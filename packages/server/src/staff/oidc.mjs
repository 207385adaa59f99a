/**
 * Sign-in through the city's identity provider (OpenID Connect authorization code flow with PKCE),
 * when OIDC_ISSUER is set. The provider says who the person is; the staff account with that e-mail
 * (made with `npm run staff -- add`) says what they may do. Nobody without an account gets in.
 *
 * The protocol is `openid-client` (the certified client by the author of `jose`): discovery, PKCE,
 * state, nonce and the ID token's signature, issuer, audience and expiry are all checked there.
 * The state's verifier and nonce are kept in the database, so that any server process can finish a
 * sign-in another one started; a cookie binds the state to the browser that started it.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { HttpError, clientAddress } from '../http.mjs';
import { recordAudit, staffActor } from './audit.mjs';
import { findAccountByEmail, normalizeEmail } from './accounts.mjs';
import { cookieAttributes, createSession, readCookie, sessionCookieName } from './sessions.mjs';

const stateCookie = 'oc_staff_oidc';
const stateLifetimeMs = 10 * 60 * 1000;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

export function createOidcSignIn({ config, db, clock, limiter }) {
  const settings = config.oidc;
  if (!settings) return undefined;
  let discovered;

  function discover() {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : client.None(),
        settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        discovered = undefined; // the provider may be back at the next try
        throw error;
      });
    return discovered;
  }

  // The state cookie must come back on the provider's redirect, a cross-site navigation: Lax.
  const stateCookieAttributes = (request) =>
    cookieAttributes(request, config).replace('Path=/staff', 'Path=/staff/api/oidc').replace('Strict', 'Lax');

  function redirect(response, location, cookies = []) {
    response.writeHead(303, { Location: location, 'Set-Cookie': cookies, 'Cache-Control': 'no-store' });
    response.end();
  }

  /** GET /staff/api/oidc/start: off to the provider. */
  async function start(request, response) {
    const now = clock();
    const limit = await limiter.take('sign-in-address', clientAddress(request, config.trustProxy), {
      windowMs: config.staff.signInWindowMs,
      max: config.staff.signInMaxPerAddress,
    });
    if (!limit.allowed) {
      throw new HttpError(429, 'Too many sign-in attempts. Wait a few minutes, then try again.', {
        code: 'limited',
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
      });
    }
    let configuration;
    try {
      configuration = await discover();
    } catch (error) {
      console.error(`OpenID Connect discovery at ${settings.issuer} failed: ${error.message}`);
      return redirect(response, '/staff/?sign-in=oidc-unavailable');
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await db.query('DELETE FROM oidc_sign_ins WHERE created_at < $1::timestamptz', [
      new Date(now.getTime() - stateLifetimeMs).toISOString(),
    ]);
    await db.query(
      'INSERT INTO oidc_sign_ins (state_sha256, code_verifier, nonce, created_at) VALUES ($1, $2, $3, $4::timestamptz)',
      [sha256(state), codeVerifier, nonce, now.toISOString()],
    );
    const target = client.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    redirect(response, target.href, [`${stateCookie}=${state}; ${stateCookieAttributes(request)}; Max-Age=600`]);
  }

  /** GET /staff/api/oidc/callback?code&state: back from the provider. */
  async function callback(request, response, url) {
    const now = clock();
    const clearState = `${stateCookie}=; ${stateCookieAttributes(request)}; Max-Age=0`;
    // Like a failed password, an e-mail is logged only when it names an account (a disabled one).
    const fail = async (why, account) => {
      await recordAudit(db, {
        at: now,
        actor: account ? staffActor(account) : { kind: 'staff' },
        action: 'sign-in-failed',
        details: { via: 'oidc', why },
      });
      redirect(response, `/staff/?sign-in=${why === 'no-account' ? 'oidc-no-account' : 'oidc-failed'}`, [clearState]);
    };
    const state = url.searchParams.get('state') ?? '';
    const cookieState = readCookie(request, stateCookie) ?? '';
    // The state must be the one this browser was given, and be used once.
    if (!state || state !== cookieState) return fail('state');
    const { rows } = await db.query(
      'DELETE FROM oidc_sign_ins WHERE state_sha256 = $1 AND created_at > $2::timestamptz RETURNING code_verifier, nonce',
      [sha256(state), new Date(now.getTime() - stateLifetimeMs).toISOString()],
    );
    if (rows.length === 0) return fail('state');
    let claims;
    try {
      const configuration = await discover();
      const current = new URL(settings.redirectUri);
      current.search = url.search;
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: rows[0].code_verifier,
        expectedState: state,
        expectedNonce: rows[0].nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put the e-mail only in the UserInfo answer, not in the ID token.
      if (claims && claims[settings.emailClaim] === undefined && tokens.access_token) {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...userInfo, ...claims };
      }
    } catch (error) {
      // The provider's answer (an error, a bad token) is not logged in full: it can name the person.
      console.error(`OpenID Connect sign-in failed: ${error.code ?? error.name}`);
      return fail('provider');
    }
    if (claims?.email_verified === false) return fail('email-not-verified');
    const email = normalizeEmail(claims?.[settings.emailClaim]);
    const account = email ? await findAccountByEmail(db, email) : undefined;
    if (!account || account.disabled_at) return fail('no-account', account);
    const { id } = await createSession(db, account.id, now, 'oidc');
    await recordAudit(db, { at: now, actor: staffActor(account), action: 'signed-in', details: { via: 'oidc' } });
    redirect(response, '/staff/', [`${sessionCookieName}=${id}; ${cookieAttributes(request, config)}`, clearState]);
  }

  return { start, callback };
}
