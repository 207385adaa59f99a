/**
 * Reading one feed's text, whatever its format (read from the content, not the file name).
 * Each reader is a dynamic import, so a page loads only the one its feeds need: iCalendar its
 * reader with recurrence and VTIMEZONEs, JSON-LD its own (each several KB gzip the other format's
 * page would not use).
 * Reading is done in slices (see core's `runInSlices`), so that a large feed never blocks the
 * page; `ahead` is a range whose recurrences are made ahead, in slices too, so that its first
 * render is quick.
 */
import type { ParsedFeed, TimeRange } from './model.js';

/** True when a feed's text is iCalendar. */
function isICalendar(text: string): boolean {
  return /^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000).replace(/^\uFEFF/, ''));
}

export interface ParseOptions {
  /** Make the recurrences of this range ahead. */
  ahead?: TimeRange;
  signal?: AbortSignal;
}

export async function parseFeed(text: string, feed = 0, url?: string, options: ParseOptions = {}): Promise<ParsedFeed> {
  if (isICalendar(text)) {
    const { parseICalendarInSlices } = await import('./ics.js');
    return parseICalendarInSlices(text, feed, url, options);
  }
  if (/^\uFEFF?\s*[[{]/.test(text)) {
    const { parseJsonLdInSlices } = await import('./jsonld.js');
    return parseJsonLdInSlices(text, feed, url, options);
  }
  throw new Error('the feed is neither iCalendar (BEGIN:VCALENDAR) nor JSON-LD (schema.org Event)');
}
