/**
 * One small interface over the two databases the server runs on, so that every query and migration
 * is the same SQL: embedded PGlite (default, files under ./data) or PostgreSQL (DATABASE_URL).
 *
 *   const db = await openDatabase({ databaseUrl, dataDir });
 *   const { rows } = await db.query('SELECT … WHERE id = $1', [id]);
 *   await db.close();
 */
import { mkdirSync } from 'node:fs';
import { migrate } from './migrate.mjs';

export async function openDatabase({ databaseUrl, dataDir = './data' } = {}) {
  const db = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir);
  await migrate(db);
  return db;
}

async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  let pglite;
  if (dataDir === ':memory:') {
    pglite = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    pglite = new PGlite(dataDir);
  }
  await pglite.waitReady;
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
    close: () => serial(() => pglite.close()),
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
