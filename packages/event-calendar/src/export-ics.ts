/**
 * "Add to my calendar": one occurrence as a single-event iCalendar file (RFC 5545): CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, UID
 * and DTSTAMP present. Timed events are written in UTC, all-day ones as DATE values. Pure.
 */
import { zonedParts } from '@open-city/core';
import { icalDate, pad, type Occurrence } from './model.js';

/** Escape a TEXT value: backslash, semicolon, comma, and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Fold a content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (size + bytes > limit) {
      pieces.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    size += bytes;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

export function utcStamp(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** `;LANGUAGE=pl`: the language a text is written in (RFC 5545 §3.2.10), when known. */
const languageParameter = (language?: string) =>
  language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(language) ? `;LANGUAGE=${language}` : '';

/**
 * The file's text. `now` is the DTSTAMP. A single occurrence of a series gets its own UID (the
 * series UID and the start), so adding two dates of a series adds two events.
 */
export function occurrenceToIcs(occurrence: Occurrence, now: Date = new Date()): string {
  const { event } = occurrence;
  const uid = occurrence.recurring ? `${event.uid}-${utcStamp(occurrence.start)}` : event.uid;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Open City Widgets//oc-event-calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
  ];
  if (occurrence.allDay && occurrence.startDate && occurrence.endDate) {
    lines.push(
      `DTSTART;VALUE=DATE:${icalDate(occurrence.startDate)}`,
      `DTEND;VALUE=DATE:${icalDate(occurrence.endDate)}`,
    );
  } else {
    lines.push(`DTSTART:${utcStamp(occurrence.start)}`, `DTEND:${utcStamp(occurrence.end)}`);
  }
  lines.push(`SUMMARY${languageParameter(event.titleLanguage)}:${escapeText(event.title)}`);
  if (event.description) {
    lines.push(`DESCRIPTION${languageParameter(event.descriptionLanguage)}:${escapeText(event.description)}`);
  }
  const place = [event.place?.name, event.place?.address].filter(Boolean).join(', ');
  const location = place || event.onlineUrl;
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (event.place?.latitude !== undefined && event.place.longitude !== undefined) {
    lines.push(`GEO:${event.place.latitude};${event.place.longitude}`);
  }
  const url = event.url ?? event.onlineUrl;
  if (url) lines.push(`URL:${url}`);
  if (event.organizer?.email) {
    const cn = event.organizer.name ? `;CN="${event.organizer.name.replace(/["\r\n]/g, '')}"` : '';
    lines.push(`ORGANIZER${cn}:mailto:${event.organizer.email}`);
  }
  if (event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  if (event.status === 'cancelled') lines.push('STATUS:CANCELLED');
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * A file name for the download: the title's letters and digits, and the date the event is on where
 * it is shown (`zone`), not in UTC: an event at 00:30 in Kraków is on that day's date.
 */
export function icsFileName(occurrence: Occurrence, zone: string): string {
  const slug = occurrence.event.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .toLowerCase();
  const date = occurrence.allDay && occurrence.startDate ? occurrence.startDate : zonedParts(occurrence.start, zone);
  return `${slug || 'event'}-${icalDate(date)}.ics`;
}
