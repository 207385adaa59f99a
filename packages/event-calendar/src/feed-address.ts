/**
 * What a feed's address suggests of its format, to load its reader while the feed downloads
 * (the format itself is always read from the content). Pure.
 */

/** An address that iCalendar feeds are published at: `….ics`, `webcal://…`, `?format=ical`. */
const iCalendarAddress =
  /\.(?:ics|ical|ifb)(?:[?#]|$)|^webcals?:|[?&](?:format|type|output)=i?cal(?:endar)?(?:[&#]|$)/i;

export function looksLikeICalendar(url: string): boolean {
  return iCalendarAddress.test(url.trim());
}
