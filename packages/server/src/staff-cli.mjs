#!/usr/bin/env node
/**
 * Staff accounts, managed on the server's machine (there is no sign-up page):
 *
 *   npm run staff -- add EMAIL [--role moderator|admin] [--require-2fa] [--password-stdin]
 *   npm run staff -- list
 *   npm run staff -- disable EMAIL | enable EMAIL
 *   npm run staff -- reset EMAIL [--password-stdin] [--reset-2fa]
 *   npm run staff -- role EMAIL moderator|admin
 *   npm run staff -- require-2fa EMAIL [--off]
 *
 * It uses the server's database settings (DATABASE_URL, or DATA_DIR for the embedded one). A new
 * or reset password is printed once, and the person must choose their own at the first sign-in;
 * or it is read from standard input with --password-stdin (a password the person chose, or one
 * kept in a secret store), and stays.
 */
import { loadConfig } from './config.mjs';
import { openDatabase } from './db/database.mjs';
import { recordAudit, systemActor } from './staff/audit.mjs';
import {
  createAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  normalizeEmail,
  requireTwoFactor,
  resetPassword,
  roles,
  setRole,
} from './staff/accounts.mjs';
import { newOneTimePassword, passwordProblem } from './staff/passwords.mjs';

const usage = `Usage: npm run staff -- <command>
  add EMAIL [--role moderator|admin] [--require-2fa] [--password-stdin]
  list
  disable EMAIL            end the account's sessions and refuse its sign-in
  enable EMAIL
  reset EMAIL [--password-stdin] [--reset-2fa]
  role EMAIL moderator|admin
  require-2fa EMAIL [--off]`;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function passwordFor(flags) {
  if (!flags.has('--password-stdin')) return { password: newOneTimePassword(), printed: true };
  const password = await readStdin();
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return { password, printed: false };
}

export async function runCli(args, { env = process.env, out = console.log } = {}) {
  const [command, ...rest] = args;
  const flags = new Set(rest.filter((arg) => arg.startsWith('--')));
  const values = rest.filter((arg) => !arg.startsWith('--'));
  const option = (name) => {
    const index = rest.indexOf(name);
    return index >= 0 ? rest[index + 1] : undefined;
  };
  const positional = values.filter((value) => value !== option('--role'));
  const email = positional[0];
  const needEmail = () => {
    if (!email) throw new Error(`Give the e-mail address.\n${usage}`);
    return normalizeEmail(email);
  };
  if (!command || command === 'help' || flags.has('--help')) {
    out(usage);
    return;
  }
  const known = ['add', 'list', 'disable', 'enable', 'reset', 'role', 'require-2fa'];
  if (!known.includes(command)) throw new Error(`Unknown command "${command}".\n${usage}`);

  const config = loadConfig(env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // What is done from the machine is in the audit log too, as done by the system.
  const audit = (action, details = {}) => recordAudit(db, { actor: systemActor, action, details });
  try {
    if (command === 'add') {
      const role = option('--role') ?? 'moderator';
      if (!roles.includes(role)) throw new Error(`--role must be one of: ${roles.join(', ')}`);
      const { password, printed } = await passwordFor(flags);
      await createAccount(db, {
        email: needEmail(),
        role,
        password,
        requireTwoFactor: flags.has('--require-2fa'),
        mustChange: printed,
      });
      await audit('account-added', { email: normalizeEmail(email), role, twoFactor: flags.has('--require-2fa') });
      out(`Added ${normalizeEmail(email)} (${role}${flags.has('--require-2fa') ? ', two-factor required' : ''}).`);
      if (printed) out(`One-time password (shown once; changed at the first sign-in): ${password}`);
    } else if (command === 'list') {
      const accounts = await listAccounts(db);
      if (accounts.length === 0) out('No staff accounts yet: npm run staff -- add EMAIL --role admin');
      for (const account of accounts) {
        const state = account.disabled_at
          ? 'disabled'
          : account.must_change_password
            ? 'password not yet chosen'
            : 'active';
        const twoFactor = account.totp_enrolled
          ? '2FA on'
          : account.totp_required
            ? '2FA required, not set up'
            : 'no 2FA';
        const seen = account.last_seen_at ? `, last seen ${new Date(account.last_seen_at).toISOString()}` : '';
        out(`${account.email}\t${account.role}\t${state}\t${twoFactor}${seen}`);
      }
    } else if (command === 'disable') {
      await disableAccount(db, needEmail());
      await audit('account-disabled', { email: needEmail() });
      out(`Disabled ${needEmail()}; its sessions have ended.`);
    } else if (command === 'enable') {
      await enableAccount(db, needEmail());
      await audit('account-enabled', { email: needEmail() });
      out(`Enabled ${needEmail()}.`);
    } else if (command === 'reset') {
      const { password, printed } = await passwordFor(flags);
      await resetPassword(db, needEmail(), { password, resetTwoFactor: flags.has('--reset-2fa'), mustChange: printed });
      await audit('account-reset', { email: needEmail(), twoFactor: flags.has('--reset-2fa') });
      out(
        `Reset the password of ${needEmail()}${flags.has('--reset-2fa') ? ' and its authenticator' : ''}; its sessions have ended.`,
      );
      if (printed) out(`One-time password (shown once; changed at the next sign-in): ${password}`);
    } else if (command === 'role') {
      const role = positional[1];
      await setRole(db, needEmail(), role);
      await audit('account-role', { email: needEmail(), role });
      out(`${needEmail()} is now ${role}.`);
    } else if (command === 'require-2fa') {
      const required = !flags.has('--off');
      await requireTwoFactor(db, needEmail(), required);
      await audit('account-two-factor', { email: needEmail(), required });
      out(
        required
          ? `${needEmail()} must set up an authenticator app at the next sign-in.`
          : `${needEmail()} no longer must use a second factor (one already set up stays on).`,
      );
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
