/**
 * One small interface over the two databases the server runs on, so that every query and migration
 * is the same SQL: embedded PGlite (default, files under ./data) or PostgreSQL (DATABASE_URL).
 *
 *   const db = await openDatabase({ databaseUrl, dataDir });
 *   const { rows } = await db.query('SELECT … WHERE id = $1', [id]);
 *   await db.close();
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate.mjs';

export async function openDatabase({ databaseUrl, dataDir = './data' } = {}) {
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir);
  await migrate(db);
  return db;
}

/**
 * PGlite is one process's database: a second process opening the same folder (a second server, or
 * `npm run staff` while the server runs) would corrupt it. A lock file with the owner's process id
 * stops that with a sentence; one left by a process that is gone is taken over.
 */
function lockDataDir(dataDir) {
  const lock = join(dataDir, 'open-city.lock');
  try {
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${owner} (the server?). ` +
          'Stop it first, or use PostgreSQL (DATABASE_URL) to run several processes.',
      );
    }
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  let pglite;
  let releaseLock = () => {};
  if (dataDir === ':memory:') {
    pglite = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
    pglite = new PGlite(dataDir);
  }
  try {
    await pglite.waitReady;
  } catch (error) {
    releaseLock();
    throw error;
  }
  // PGlite is a single connection: run one statement or transaction at a time.
  let queue = Promise.resolve();
  const serial = (work) => {
    const result = queue.then(work, work);
    queue = result.catch(() => {});
    return result;
  };
  return {
    kind: 'pglite',
    describe: dataDir === ':memory:' ? 'PGlite in memory' : `PGlite in ${dataDir}`,
    query: (text, params = []) => serial(() => pglite.query(text, params)),
    transaction: (work) =>
      serial(() => pglite.transaction((tx) => work({ query: (text, params = []) => tx.query(text, params) }))),
    close: () => serial(() => pglite.close().finally(releaseLock)),
  };
}

async function openPostgres(databaseUrl) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  await pool.query('SELECT 1');
  const safeUrl = new URL(databaseUrl);
  safeUrl.password = safeUrl.password ? '***' : '';
  return {
    kind: 'postgres',
    describe: `PostgreSQL at ${safeUrl.host}${safeUrl.pathname}`,
    query: (text, params = []) => pool.query(text, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (text, params = []) => client.query(text, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
