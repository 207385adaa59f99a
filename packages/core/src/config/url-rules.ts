import { expandFeedUrl } from '../feed/expand-url.js';
import { secureWebUrl, webUrl } from '../url.js';
import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

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
