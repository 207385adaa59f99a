const warned = new Set<string>();

/**
 * Tell the embedding site's developer, once per distinct message, what is wrong and how to fix it.
 * Users see a localized message in the widget; this is the technical half.
 */
export function warnOnce(source: Element | string, message: string): void {
  const who = typeof source === 'string' ? source : `<${source.localName}>`;
  const text = `[open-city] ${who}: ${message}`;
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(text);
}
