import { FeedError, warnOnce, type OcElement } from '@open-city/core';
import type { Directory } from './model.js';
import { parseServices } from './parse.js';

/** The services of a child `<script type="application/json">`, or why they cannot be read. */
export type InlineFeed = { directory: Directory; error?: undefined } | { directory?: undefined; error: FeedError };

/**
 * Read the element's inline feed. A script that is no HSDS array is told to the page as a feed
 * would be: one console warning and `oc-load-error` with `url: 'inline'`.
 */
export function readInlineFeed(host: OcElement, script: HTMLScriptElement): InlineFeed {
  try {
    return { directory: parseServices(script.textContent ?? '', 'the inline <script>') };
  } catch (cause) {
    const error = new FeedError('parse', (cause as Error).message, { url: 'inline', cause });
    warnOnce(
      host,
      `could not read the inline <script type="application/json">: ${error.message}. It should hold an array of HSDS services.`,
    );
    host.emit('oc-load-error', { url: 'inline', message: error.message });
    return { error };
  }
}
