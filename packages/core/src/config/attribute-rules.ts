import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../time-zone.js';
import { expandFeedUrl } from '../feed/expand-url.js';
import { secureWebUrl, webUrl } from '../url.js';

/**
 * The rules an attribute's value must follow. Each element declares its rules once, in its first
 * chunk, and hands them to a `ConfigController`, which checks them, shows the problem inside the
 * widget and tells the developer what to fix.
 */
export interface AttributeRule<T> {
  /** What would work, for the console: `an IANA time zone such as "Europe/Warsaw"`. */
  readonly expected: string;
  /** The value when the attribute is absent (undefined: the widget decides, e.g. by its width). */
  readonly default?: T;
  /** Absent is a problem that stops the widget. */
  readonly required?: boolean;
  /** The attribute holds a URL: its problems also fire `oc-load-error`. */
  readonly url?: boolean;
  /**
   * The usable value of a present attribute. `ok: false` with a `value` means partly usable (a list
   * with one bad entry); without one, the default is used, or the widget stops when there is none
   * and the rule is `required` or `url`.
   */
  read(raw: unknown): RuleResult<T>;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; value?: T };

const valid = <T>(value: T): RuleResult<T> => ({ ok: true, value });
const invalid = <T>(value?: T): RuleResult<T> => (value === undefined ? { ok: false } : { ok: false, value });
const asText = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : String(raw ?? ''));

/** An IANA time zone. */
export const timeZoneRule = (fallback = DEFAULT_TIME_ZONE): AttributeRule<string> => ({
  expected: `an IANA time zone such as "${DEFAULT_TIME_ZONE}"`,
  default: fallback,
  read: (raw) => {
    const zone = asText(raw);
    return zone && isValidTimeZone(zone) ? valid(zone) : invalid();
  },
});

/** One of a fixed list of words (case and spaces around it do not matter). */
export const oneOfRule = <T extends string>(allowed: readonly T[], fallback?: T): AttributeRule<T> => ({
  expected: `one of ${allowed.map((value) => `"${value}"`).join(', ')}`,
  default: fallback,
  read: (raw) => {
    const word = asText(raw).toLowerCase() as T;
    return allowed.includes(word) ? valid(word) : invalid();
  },
});

/** A whole number from `min` to `max`. */
export const integerRule = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): AttributeRule<number> => ({
  expected:
    max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`,
  default: fallback,
  read: (raw) => {
    const number = typeof raw === 'number' ? raw : Number(asText(raw));
    return Number.isInteger(number) && number >= min && number <= max ? valid(number) : invalid();
  },
});

/** A calendar month, `YYYY-MM`. */
export const monthRule = (): AttributeRule<string> => ({
  expected: 'a month as YYYY-MM, such as "2026-05"',
  read: (raw) => {
    const month = asText(raw);
    return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? valid(month) : invalid();
  },
});

export interface UrlRuleOptions {
  /** Private data goes there: https, the page's own origin, or localhost only. */
  secure?: boolean;
  /** Absent stops the widget (the report form's `endpoint`). */
  required?: boolean;
  /** May hold `{lang}`, filled in with the page language. */
  template?: boolean;
  /** A link shown to people rather than a URL the widget uses: a bad one is left out, the widget goes on. */
  link?: boolean;
}

const checkUrl = (value: string, options: UrlRuleOptions) => {
  const filled = options.template ? expandFeedUrl(value, 'en') : value;
  if (!options.secure && isOwnObjectUrl(filled)) return true;
  return (options.secure ? secureWebUrl : webUrl)(filled) !== undefined;
};

/** A `blob:` URL the page made itself (a feed held in memory): as safe to read as a path on the site. */
function isOwnObjectUrl(value: string): boolean {
  if (!value.startsWith('blob:')) return false;
  try {
    return new URL(value).origin === globalThis.location?.origin;
  } catch {
    return false;
  }
}

/** A web address, absolute or relative to the page; never `javascript:` or `data:`. */
export const urlRule = (options: UrlRuleOptions = {}): AttributeRule<string> => ({
  expected: options.secure
    ? 'an https URL, or a path on this site such as "/api/reports"'
    : 'an http(s) URL, or a path on this site such as "/api/feed.json"',
  required: options.required,
  url: !options.link,
  read: (raw) => {
    const value = asText(raw);
    return checkUrl(value, options) ? valid(value) : invalid();
  },
});

/** Space-separated web addresses (several feeds), each as `urlRule`; the usable ones are kept. */
export const urlListRule = (options: UrlRuleOptions = {}): AttributeRule<string[]> => ({
  expected: 'space-separated http(s) URLs, or paths on this site',
  url: true,
  read: (raw) => {
    const all = asText(raw).split(/\s+/).filter(Boolean);
    const usable = all.filter((value) => checkUrl(value, options));
    if (usable.length === all.length) return valid(usable);
    return invalid(usable.length ? usable : undefined);
  },
});
