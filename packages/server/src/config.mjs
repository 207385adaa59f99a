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
  const config = {
    port: number('PORT', 8080),
    host: env.HOST || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    adminToken: env.ADMIN_TOKEN || undefined,
    allowedOrigins: origins,
    retentionDays: number('RETENTION_DAYS', 365, { min: 1 }),
    bodyLimitBytes: number('REPORT_BODY_LIMIT', 64 * 1024, { min: 1024 }),
    rateLimit: {
      max: number('RATE_LIMIT_MAX', 10, { min: 1 }),
      windowMs: number('RATE_LIMIT_WINDOW_S', 60, { min: 1 }) * 1000,
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
  if (problems.length > 0) {
    throw new Error(`Configuration problems:\n  - ${problems.join('\n  - ')}\nSee docs/server.md.`);
  }
  return config;
}
