/**
 * A web-test-runner command for the accessibility tests in test/a11y/: CSS media features that the
 * built-in `emulateMedia` command does not pass to Chromium through puppeteer (it drops
 * `forcedColors`). Sent straight to Chrome DevTools Protocol as `Emulation.setEmulatedMedia`.
 *
 *   import { executeServerCommand } from '@web/test-runner-commands';
 *   await executeServerCommand('a11y-emulate-media', { 'forced-colors': 'active' });
 *   await executeServerCommand('a11y-emulate-media', {}); // back to the real features
 */
export function a11yMediaPlugin() {
  const sessions = new Map();
  return {
    name: 'a11y-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'a11y-emulate-media') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs Chromium through puppeteer`);
      const page = session.browser.getPage(session.id);
      let client = sessions.get(session.id);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(session.id, client);
      }
      const features = Object.entries(payload ?? {}).map(([name, value]) => ({ name, value: String(value) }));
      await client.send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}
