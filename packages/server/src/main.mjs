#!/usr/bin/env node
/**
 * Start the reference server: configuration from the environment (docs/server.md), the database
 * (embedded PGlite under ./data, or PostgreSQL with DATABASE_URL) with its migrations, the daily
 * retention job (docs/data-protection.md), then the HTTP server.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.mjs';
import { openDatabase } from './db/database.mjs';
import { loadReportSchema } from './api.mjs';
import { createApp } from './app.mjs';
import { startRetentionJob } from './retention.mjs';
import { consoleDir } from './staff/staff-api.mjs';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// Without the builds the API still works (a second server behind a proxy, a test); say so once.
if (!existsSync(fileURLToPath(new URL('../../widgets/dist/cdn/open-city-widgets.js', import.meta.url)))) {
  console.warn('The drop-in build is missing, so the demo pages cannot load the widgets: run "npm run build".');
}
if (!existsSync(consoleDir)) {
  console.warn('The staff console is not built, so /staff/ answers 503: run "npm run build".');
}

let db;
try {
  db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  console.error(`The database could not be opened: ${error.message}`);
  process.exit(1);
}
const schema = await loadReportSchema();

const retention = startRetentionJob(db, {
  retentionDays: config.retentionDays,
  sessionIdleMs: config.staff.sessionIdleMs,
});
await retention.first;

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
  console.log(`Staff console: http://localhost:${config.port}/staff/ (accounts: npm run staff -- add EMAIL)`);
  console.log(`Open City Widgets demo: http://localhost:${config.port}/`);
});

async function shutdown() {
  retention.stop();
  server.close();
  await db.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
