import { warnOnce } from '../warn.js';

/**
 * Reading configuration from attributes: every widget checks its attributes through these, so that
 * a wrong value is reported the same way everywhere, naming the attribute and what would work.
 */

/** One of a fixed set of values; anything else warns and falls back. */
export function readChoice<T extends string>(
  host: Element,
  attribute: string,
  value: string | null | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === null || value === undefined || value === '') return fallback;
  const normalized = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  warnOnce(
    host,
    `${attribute}="${value}" is not supported; use one of ${allowed.map((v) => `"${v}"`).join(', ')}. Using "${fallback}".`,
  );
  return fallback;
}

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
