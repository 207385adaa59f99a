/**
 * The server's settings, read from the environment in one place and checked, so that a mistake stops
 * the start with a sentence that says what to fix.
 */
export function loadConfig(env = process.env) {
  const problems = [];
  const number = (name, fallback, { min = 0 } = {}) => {
    if (env[name] === undefined || env[name] === '') return fallback;
    const value = Number(env[name]);
    if (!Number.isFinite(value) || value < min) {
      problems.push(`${name}="${env[name]}" must be a number ≥ ${min}`);
      return fallback;
    }
    return value;
  };
  // A count (of days, connections): a whole number, so that "1.5" is refused at start instead of
  // failing later in every run that uses it.
  const integer = (name, fallback, { min = 1 } = {}) => {
    if (env[name] === undefined || env[name] === '') return fallback;
    const raw = env[name].trim();
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min) {
      problems.push(`${name}="${env[name]}" must be a whole number ≥ ${min}`);
      return fallback;
    }
    return Number(raw);
  };
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        problems.push(`ALLOWED_ORIGINS: "${origin}" is not an origin such as https://partner.example`);
        return undefined;
      }
    })
    .filter(Boolean);
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    problems.push('DATABASE_URL must start with postgres:// (or leave it unset for the embedded database)');
  }
  if (env.ADMIN_TOKEN !== undefined && env.ADMIN_TOKEN !== '' && env.ADMIN_TOKEN.length < 16) {
    problems.push('ADMIN_TOKEN must be at least 16 characters (use a long random string)');
  }
  let oidc;
  if (env.OIDC_ISSUER) {
    let issuer;
    try {
      issuer = new URL(env.OIDC_ISSUER);
    } catch {
      problems.push(
        'OIDC_ISSUER must be the URL of the identity provider, e.g. https://login.city.example/realms/staff',
      );
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer?.hostname ?? '');
    if (issuer && issuer.protocol !== 'https:' && !loopback) problems.push('OIDC_ISSUER must use https://');
    if (!env.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is needed with OIDC_ISSUER');
    if (!/^https?:\/\/[^/]+\/staff\/api\/oidc\/callback$/.test(env.OIDC_REDIRECT_URI ?? '')) {
      problems.push(
        'OIDC_REDIRECT_URI must be the public address of https://<this server>/staff/api/oidc/callback, as registered with the provider',
      );
    }
    oidc = {
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET || undefined,
      redirectUri: env.OIDC_REDIRECT_URI,
      scope: env.OIDC_SCOPES || 'openid email',
      emailClaim: env.OIDC_EMAIL_CLAIM || 'email',
      // Plain HTTP only to a provider on this machine (development, tests).
      allowHttp: loopback,
    };
  }
  const config = {
    port: number('PORT', 8080),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    adminToken: env.ADMIN_TOKEN || undefined,
    allowedOrigins: origins,
    retentionDays: integer('RETENTION_DAYS', 365, { min: 1 }),
    bodyLimitBytes: number('REPORT_BODY_LIMIT', 64 * 1024, { min: 1024 }),
    rateLimit: {
      max: number('RATE_LIMIT_MAX', 10, { min: 1 }),
      windowMs: number('RATE_LIMIT_WINDOW_S', 60, { min: 1 }) * 1000,
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    attachmentLimitBytes: number('ATTACHMENT_LIMIT', 10 * 1024 * 1024, { min: 1024 }),
    staff: {
      sessionIdleMs: number('STAFF_SESSION_IDLE_MIN', 30, { min: 1 }) * 60 * 1000,
      signInWindowMs: number('SIGN_IN_WINDOW_MIN', 15, { min: 1 }) * 60 * 1000,
      signInMaxPerAccount: number('SIGN_IN_MAX_PER_ACCOUNT', 10, { min: 1 }),
      signInMaxPerAddress: number('SIGN_IN_MAX_PER_ADDRESS', 50, { min: 1 }),
    },
    // Slow or idle clients are cut off, and connections are capped, so that a few clients that
    // hold connections open cannot starve everyone else (docs/server.md, "Time-outs and limits").
    http: {
      headersTimeoutMs: number('HEADERS_TIMEOUT_S', 10, { min: 0.1 }) * 1000,
      requestTimeoutMs: number('REQUEST_TIMEOUT_S', 120, { min: 0.1 }) * 1000,
      keepAliveTimeoutMs: number('KEEP_ALIVE_TIMEOUT_S', 5, { min: 0.1 }) * 1000,
      maxConnections: integer('MAX_CONNECTIONS', 500, { min: 1 }),
    },
    // Mark the staff cookie Secure even when no request says it came over HTTPS.
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    oidc,
  };
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push('HEADERS_TIMEOUT_S must not be longer than REQUEST_TIMEOUT_S');
  }
  if (problems.length > 0) {
    throw new Error(`Configuration problems:\n  - ${problems.join('\n  - ')}\nSee docs/server.md.`);
  }
  return config;
}
