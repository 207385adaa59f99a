/**
 * Find an installed Chrome or Chromium for tests, screenshots and benchmarks. No tool here downloads
 * a browser of its own: set CHROME_PATH, or install one (Debian/Ubuntu: apt-get install chromium).
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to "${process.env.CHROME_PATH}", but there is no file there.`);
  }
  for (const path of candidates) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not on PATH
    }
  }
  throw new Error(
    'No Chrome or Chromium found. Install one (Debian/Ubuntu: "sudo apt-get install chromium"; macOS: Google Chrome) ' +
      'or set CHROME_PATH to its executable.',
  );
}

/** Flags that keep headless Chromium quiet and working in containers and CI. */
export function chromeArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // Tests run several pages at once; background pages must keep their timers and frames.
    '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
