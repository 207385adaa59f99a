import { isoDate, type WallTime } from '@open-city/core';

/** A calendar date with no time and no zone. Months are 1-12. */
export type DateOnly = Pick<WallTime, 'year' | 'month' | 'day'>;

/** A time span to expand recurring events into: from `start` (inclusive) to `end` (exclusive). */
export interface TimeRange {
  start: Date;
  end: Date;
}

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'tentative';

export interface EventPlace {
  name?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
}

export interface EventOffer {
  price?: number;
  currency?: string;
  /** A price given only as text ("20 zł, reduced 10 zł"). */
  text?: string;
  url?: string;
}

export interface EventOrganizer {
  name?: string;
  url?: string;
  email?: string;
  phone?: string;
}

/** What an event says about itself, the same for every occurrence of a series (unless overridden). */
export interface EventInfo {
  uid: string;
  title: string;
  /** Plain text; HTML found in a feed has been turned into text. */
  description?: string;
  place?: EventPlace;
  /** Link of an online event (VirtualLocation, CONFERENCE, or URL of an online-only event). */
  onlineUrl?: string;
  /** Web page of the event. */
  url?: string;
  organizer?: EventOrganizer;
  categories: string[];
  /** BCP 47 codes of the languages the event is held in. */
  languages: string[];
  /** Who it is for ("families", "youth", "women"...), as the feed words it. */
  audiences: string[];
  /** True when free of charge, false when it costs something, undefined when the feed does not say. */
  free?: boolean;
  offers: EventOffer[];
  accessibility?: string;
  status: EventStatus;
  /** IANA zone the feed gave the event's times in, when it named one. */
  timeZone?: string;
}

/** One occurrence of an event, ready to show. */
export interface Occurrence {
  /** Unique per occurrence: UID and start (the RECURRENCE-ID of a series). */
  key: string;
  event: EventInfo;
  start: Date;
  /** Exclusive. */
  end: Date;
  allDay: boolean;
  /** For all-day occurrences, the first date and the day after the last one (exclusive). */
  startDate?: DateOnly;
  endDate?: DateOnly;
  /** Part of a recurring series. */
  recurring: boolean;
  /** Index of the feed (in `src`) the occurrence came from. */
  feed: number;
}

/** A feed read into memory: its occurrences in any range, bounded. */
export interface ParsedFeed {
  format: 'icalendar' | 'json-ld';
  /** Number of events (series count once) in the feed. */
  eventCount: number;
  /** Entries that could not be read and were left out. */
  skipped: number;
  /**
   * The occurrences overlapping a range. All-day dates become instants in `timeZone`. Never more
   * than `limit` occurrences, so a rule without an end cannot hang the page.
   */
  expand(range: TimeRange, timeZone: string, limit?: number): Occurrence[];
}

/** Per series and per call of `expand`: the most occurrences produced. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;
/** Per series: the most recurrence steps taken to reach and fill a range. */
export const MAX_RECURRENCE_STEPS = 20_000;

export function occurrenceKey(uid: string, start: Date | DateOnly): string {
  if (start instanceof Date) return `${uid}|${start.toISOString()}`;
  return `${uid}|${isoDate(start)}`;
}

export function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

export function emptyInfo(uid: string, title: string): EventInfo {
  return { uid, title, categories: [], languages: [], audiences: [], offers: [], status: 'scheduled' };
}

/** Turn text that may hold HTML into plain text, without ever parsing it as a document. */
export function toPlainText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let text = value;
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    text = text
      .replace(/<\s*br\s*\/?>/gi, '\n')
      .replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<[^>]+>/g, '');
  }
  text = text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
      const lower = entity.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[lower];
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text || undefined;
}

/** Whether two ranges overlap; an event with zero length counts at its start. */
export function overlaps(start: Date, end: Date, range: TimeRange): boolean {
  const s = start.getTime();
  const e = Math.max(end.getTime(), s + 1);
  return s < range.end.getTime() && e > range.start.getTime();
}
