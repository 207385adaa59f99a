/**
 * The one URL sanitiser: every link, feed and endpoint a widget uses passes here, so that a
 * `javascript:` or `data:` URL never reaches an `href` or a `fetch`.
 */

/** Schemes of links shown to people: web pages, e-mail, phone. */
export const LINK_PROTOCOLS: readonly string[] = ['https:', 'http:', 'mailto:', 'tel:'];
/** Schemes of addresses the widget itself loads or sends to. */
export const WEB_PROTOCOLS: readonly string[] = ['https:', 'http:'];

/**
 * `value` as an absolute URL when it parses (relative to `base`, the page by default) and its
 * scheme is allowed; else undefined.
 */
export function safeUrl(
  value: unknown,
  protocols: readonly string[] = WEB_PROTOCOLS,
  base: string | undefined = typeof document === 'undefined' ? undefined : document.baseURI,
): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return protocols.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A web URL (http or https, absolute or relative to the page), or undefined. */
export const webUrl = (value: unknown): string | undefined => safeUrl(value, WEB_PROTOCOLS);

/**
 * A URL that private data may be sent to: https, or the page's own origin, or the machine itself
 * (`localhost`, which browsers also treat as secure); else undefined.
 */
export function secureWebUrl(value: unknown): string | undefined {
  const href = webUrl(value);
  if (!href) return undefined;
  const url = new URL(href);
  if (url.protocol === 'https:' || url.origin === globalThis.location?.origin) return href;
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? href : undefined;
}
