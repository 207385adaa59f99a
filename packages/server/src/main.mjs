#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.mjs';

const port = Number(process.env.PORT ?? 8080);
// All interfaces unless HOST narrows it, so that both 127.0.0.1 and ::1 answer for localhost.
const host = process.env.HOST;

if (!existsSync(fileURLToPath(new URL('../../widgets/dist/cdn/open-city-widgets.js', import.meta.url)))) {
  console.error('The drop-in build is missing: run "npm run build" at the repository root (npm start does it for you).');
  process.exit(1);
}

const server = createApp();
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one.` : error.message);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`Open City Widgets demo: http://localhost:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
