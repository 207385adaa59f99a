/**
 * Cleaning text from feeds written by others, in linear time whatever the input: no regular
 * expression here can backtrack over feed text (each is a single character class, or a fixed
 * word), so a 1 MB description of `<a<a<a…` takes as long as any other 1 MB.
 */

/** Longest text kept in one field of a feed, unless a caller asks for another bound. */
export const MAX_TEXT_LENGTH = 10_000;

const REPLACEMENT = '\uFFFD';

/**
 * Text that can be shown: lone surrogates become U+FFFD, NUL and the other control characters but
 * tab, line feed and carriage return are dropped.
 */
export function wellFormedText(value: string): string {
  const text =
    typeof (value as { toWellFormed?: () => string }).toWellFormed === 'function'
      ? (value as unknown as { toWellFormed(): string }).toWellFormed()
      : value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, REPLACEMENT);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * At most `max` UTF-16 units, never splitting a surrogate pair, with an ellipsis when cut.
 * `cut` tells whether it was.
 */
export function truncateText(value: string, max = MAX_TEXT_LENGTH): { text: string; cut: boolean } {
  if (value.length <= max) return { text: value, cut: false };
  let end = Math.max(0, max - 1);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: `${value.slice(0, end).trimEnd()}…`, cut: true };
}

const named: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/** A code point from an entity, or U+FFFD where it is none (too large, a surrogate, NUL). */
function fromCodePoint(code: number): string {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    return REPLACEMENT;
  }
  return String.fromCodePoint(code);
}

/** Decode the character references people put in feeds: numeric ones and the few named ones. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,16}|#[0-9]{1,16}|[a-zA-Z]{2,4});/g, (whole, entity: string) => {
    if (entity[0] !== '#') return named.get(entity.toLowerCase()) ?? whole;
    const hex = entity[1] === 'x' || entity[1] === 'X';
    return fromCodePoint(hex ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const blockEnds = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'ul', 'ol']);

/** The tag name after `<` or `</` at `start`, lower case. */
function tagName(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 12) {
    const code = text.charCodeAt(end);
    if (!isLetter(code) && !(code >= 48 && code <= 57)) break;
    end++;
  }
  return text.slice(start, end).toLowerCase();
}

/**
 * Remove HTML tags from text, never parsing it as a document: `<br>` and the ends of paragraphs,
 * list items and headings become line breaks, comments and the content of `<script>`/`<style>`
 * go, any other tag goes and leaves its text. A `<` that starts no tag stays. One pass.
 */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, lt));
    const next = text.charCodeAt(lt + 1);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) {
        out.push(text.slice(lt));
        break;
      }
      i = close + 3;
      continue;
    }
    const closing = next === 47; // '/'
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isLetter(text.charCodeAt(nameStart))) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    const gt = text.indexOf('>', nameStart);
    if (gt < 0) {
      // No tag ends here, nor anywhere after: the rest is text.
      out.push(text.slice(lt));
      break;
    }
    const name = tagName(text, nameStart);
    i = gt + 1;
    if (name === 'br') out.push('\n');
    else if (closing && blockEnds.has(name)) out.push('\n');
    else if (!closing && (name === 'script' || name === 'style')) {
      const end = findClosingTag(text, name, i);
      if (end < 0) break; // an unclosed script or style: nothing after it is text
      i = end;
    }
  }
  return out.join('');
}

/** The index after `</name ...>` from `from` on (case-insensitive), or -1. */
function findClosingTag(text: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[^>]{0,64}>`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : -1;
}

/**
 * Plain text from a feed's text, which may hold HTML: tags removed (see `stripTags`), character
 * references decoded (an invalid code point becomes U+FFFD), control characters dropped, lone
 * surrogates replaced, three or more line breaks made two, trimmed, and at most `max` long.
 * Undefined for anything but a string, or when nothing is left. Linear time.
 */
export function plainText(value: unknown, max = MAX_TEXT_LENGTH, onCut?: () => void): string | undefined {
  if (typeof value !== 'string') return undefined;
  // A feed's 1 MB field is read only as far as it can be shown (tags may hide much of it).
  let text = value.length > max * 8 ? value.slice(0, max * 8) : value;
  const tooLong = text.length !== value.length;
  text = decodeEntities(stripTags(text));
  text = wellFormedText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const truncated = truncateText(text, max);
  if ((truncated.cut || tooLong) && onCut) onCut();
  return truncated.text || undefined;
}
