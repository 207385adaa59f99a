import { warnOnce } from '../warn.js';

/**
 * A list attribute whose unknown entries are dropped with a warning rather than shown as a
 * problem (the switcher's `locales`: a page may list a language a newer version will ship).
 * Attributes with one usable value are declared rules (ConfigController).
 */

/** A space-separated list, filtered by `accept`; unknown entries warn and are dropped. */
export function readTokenList<T extends string>(
  host: Element,
  attribute: string,
  value: string | null | undefined,
  accept: (token: string) => T | undefined,
  allowedHint: string,
): { values: T[]; rejected: string[] } {
  const tokens = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const values: T[] = [];
  const rejected: string[] = [];
  for (const token of tokens) {
    const accepted = accept(token);
    if (accepted === undefined) rejected.push(token);
    else if (!values.includes(accepted)) values.push(accepted);
  }
  if (rejected.length > 0) {
    warnOnce(
      host,
      `${attribute} lists ${rejected.map((t) => `"${t}"`).join(', ')}, which cannot be used; use ${allowedHint}.`,
    );
  }
  return { values, rejected };
}
