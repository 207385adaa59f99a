/**
 * Reading one feed's text, whatever its format (read from the content, not the file name).
 * iCalendar pulls in ical.js with a dynamic import, so pages with JSON-LD feeds never load it.
 */
import type { ParsedFeed } from './model.js';
import { parseJsonLd } from './jsonld.js';

/** True when a feed's text is iCalendar. */
function isICalendar(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''));
}

export async function parseFeed(text: string, feed = 0, url?: string): Promise<ParsedFeed> {
  if (isICalendar(text)) {
    const { parseICalendar } = await import('./ics.js');
    return parseICalendar(text, feed, url);
  }
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '[' || start === '{') return parseJsonLd(text, feed, url);
  throw new Error('the feed is neither iCalendar (BEGIN:VCALENDAR) nor JSON-LD (schema.org Event)');
}
