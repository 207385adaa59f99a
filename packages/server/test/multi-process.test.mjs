/**
 * Two server processes on one PostgreSQL behave as one: they share the report rate limit, the
 * sign-in limits and the sessions (a cookie made by one works on the other; a sign-out on one ends
 * it on both). The accounts are made with the CLI, as on a server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres.mjs';
import { validReport } from './report-fixture.mjs';
import { freePort, postReport, staffClient } from './staff-helpers.mjs';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

function run(args, env, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: serverDir, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`exit ${code}: ${output}`))));
    child.stdin.end(input ?? '');
  });
}

/** Start `node src/main.mjs` and resolve once it listens. */
async function startProcess(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/main.mjs'], {
    cwd: serverDir,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Open City Widgets demo:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

describe('two server processes on one PostgreSQL', async () => {
  const postgres = await startPostgres().catch((error) => {
    console.warn(`PostgreSQL could not be started: ${error.message}`);
    return undefined;
  });
  if (!postgres) {
    it('needs PostgreSQL (install postgresql, or set TEST_DATABASE_URL)', { skip: true }, () => {});
    return;
  }
  const env = {
    DATABASE_URL: postgres.url,
    RATE_LIMIT_MAX: '3',
    SIGN_IN_MAX_PER_ACCOUNT: '2',
    ADMIN_TOKEN: '',
  };
  let first;
  let second;
  const admin = { email: 'ops@krakow.example', password: 'shared by both servers' };

  before(async () => {
    const added = await run(
      ['src/staff-cli.mjs', 'add', admin.email, '--role', 'admin', '--password-stdin'],
      env,
      `${admin.password}\n`,
    );
    assert.match(added, /Added ops@krakow\.example \(admin\)/);
    await run(
      ['src/staff-cli.mjs', 'add', 'guessed@krakow.example', '--password-stdin'],
      env,
      'a password nobody guesses\n',
    );
    [first, second] = await Promise.all([startProcess(env), startProcess(env)]);
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await postgres.stop();
  });

  it('share the report rate limit', async () => {
    const statuses = [];
    for (const server of [first, first, second, second, first]) {
      statuses.push((await postReport(server.base, validReport())).status);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
  });

  it('share the sign-in limit of an account', async () => {
    const statuses = [];
    for (const [server, password] of [
      [first, 'wrong one'],
      [second, 'wrong two'],
      [first, 'a password nobody guesses'],
    ]) {
      statuses.push((await staffClient(server.base).signIn('guessed@krakow.example', password)).status);
    }
    assert.deepEqual(statuses, [401, 401, 429]);
  });

  it('share sessions: signed in on one, working on the other, signed out on both', async () => {
    const onFirst = staffClient(first.base);
    assert.equal((await onFirst.signIn(admin.email, admin.password)).status, 200);
    const onSecond = staffClient(second.base);
    onSecond.setCookie(onFirst.cookie);
    onSecond.setCsrf(onFirst.csrf);
    const inbox = await (await onSecond.request('GET', '/staff/api/reports')).json();
    assert.equal(inbox.reports.length, 3);
    const reference = inbox.reports[0].reference;
    const changed = await onSecond.request('POST', `/staff/api/reports/${reference}/status`, {
      body: { status: 'in-review' },
    });
    assert.equal(changed.status, 200);
    const seenOnFirst = await (await onFirst.request('GET', `/staff/api/reports/${reference}`)).json();
    assert.equal(seenOnFirst.status, 'in-review');

    assert.equal((await onSecond.request('DELETE', '/staff/api/session')).status, 204);
    assert.equal((await onFirst.request('GET', '/staff/api/session')).status, 401);
    assert.match(first.output(), /Retention \(365 days\): deleted 0/, 'each ran its retention job at start');
  });
});
