#!/usr/bin/env node
/**
 * Start the reference server: configuration from the environment (docs/server.md), the database
 * (embedded PGlite under ./data, or PostgreSQL with DATABASE_URL) with its migrations, a daily purge
 * of reports past their retention, then the HTTP server.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.mjs';
import { openDatabase } from './db/database.mjs';
import { loadReportSchema } from './api.mjs';
import { createApp } from './app.mjs';
import { purgeExpired } from './reports.mjs';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (!existsSync(fileURLToPath(new URL('../../widgets/dist/cdn/open-city-widgets.js', import.meta.url)))) {
  console.error(
    'The drop-in build is missing: run "npm run build" at the repository root (npm start does it for you).',
  );
  process.exit(1);
}

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const schema = await loadReportSchema();

async function purge() {
  try {
    const removed = await purgeExpired(db, config.retentionDays);
    if (removed > 0) console.log(`Retention: removed ${removed} report(s) older than ${config.retentionDays} days.`);
  } catch (error) {
    console.error(`Retention purge failed: ${error.message}`);
  }
}
await purge();
const purgeTimer = setInterval(purge, 24 * 60 * 60 * 1000);
purgeTimer.unref();

const server = createApp({ config, db, schema });
server.on('error', (error) => {
  console.error(
    error.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another one.` : error.message,
  );
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  console.log(`Database: ${db.describe}. Reports are kept ${config.retentionDays} days.`);
  console.log(
    config.adminToken
      ? 'Staff export: GET /api/reports with Authorization: Bearer $ADMIN_TOKEN.'
      : 'Staff export is off: set ADMIN_TOKEN to read reports through GET /api/reports.',
  );
  if (config.allowedOrigins.length)
    console.log(`Partner origins allowed to post reports: ${config.allowedOrigins.join(', ')}`);
  console.log(`Open City Widgets demo: http://localhost:${config.port}/`);
});

async function shutdown() {
  server.close();
  await db.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
