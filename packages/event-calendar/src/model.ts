import { isoDate, plainText, MAX_TEXT_LENGTH, type WallTime } from '@open-city/core';

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
  /**
   * The language the title is written in (BCP 47), when the feed says (iCalendar's `LANGUAGE`
   * parameter, JSON-LD's `@language`): marked as `lang` so screen readers speak it right. Not a
   * language the event is held in (that is `languages`).
   */
  titleLanguage?: string;
  /** Plain text; HTML found in a feed has been turned into text. */
  description?: string;
  /** The language the description is written in, as `titleLanguage`. */
  descriptionLanguage?: string;
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

/** What the last expansion of a feed could not show. */
export interface ExpansionReport {
  /** Series whose expansion failed (a broken value). */
  failed: number;
  /** Series cut short by the work budget: some of their occurrences are not shown. */
  cut: number;
}

/** A feed read into memory: its occurrences in any range, bounded. */
export interface ParsedFeed {
  format: 'icalendar' | 'json-ld';
  /** Number of events (series count once) in the feed. */
  eventCount: number;
  /** Entries that could not be read and were left out. */
  skipped: number;
  /**
   * Entries left out, or shown in part, because the feed holds more than the budget allows (too
   * many events, too many values in a list, a text too long). Counted, never silently dropped.
   */
  cut?: number;
  /** What the last call of `expand` could not show; counts stay 0 until then. */
  readonly lastExpansion?: ExpansionReport;
  /**
   * The occurrences overlapping a range. All-day dates become instants in `timeZone`. Never more
   * than `limit` occurrences per series, nor more than the feed's budget allows in all, so a rule
   * without an end cannot hang the page.
   */
  expand(range: TimeRange, timeZone: string, limit?: number): Occurrence[];
  /**
   * Do ahead, in slices, the work that expanding `range` needs, so that `expand` on it is quick
   * (optional: a feed whose expansion is always cheap has nothing to do ahead).
   */
  prepare?(range: TimeRange, signal?: AbortSignal): Promise<void>;
  /**
   * Resolves once every entry of the feed is read (an iCalendar feed reads at first only what the
   * range asked for needs, and the rest in idle time): from then on `skipped`, `cut` and
   * `eventCount` are final. Absent for a feed read whole at once.
   */
  readonly reading?: Promise<void>;
  /** Grows when further reading may change what `expand` gives for a range already expanded. */
  readonly revision?: number;
}

/** Per series and per call of `expand`: the most occurrences produced. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;
/** Per series: the most recurrence steps taken to reach and fill a range. */
export const MAX_RECURRENCE_STEPS = 20_000;

/**
 * What one feed may cost, whatever it holds. What a bound cuts is counted (`cut`, or the last
 * expansion's `cut`) and shown in the calendar's note, never dropped silently.
 */
export const FEED_BUDGET = {
  /** Events (VEVENT, schema.org Event) read from one feed. */
  entries: 20_000,
  /** Values kept of one list field (categories, languages, audiences, offers). */
  listItems: 50,
  /** EXDATE and RDATE values of one event. */
  dates: 1000,
  /** Content lines of one component. */
  componentLines: 1000,
  /** Characters of one content line (after unfolding). */
  lineChars: 200_000,
  /** Characters of a text field (description, accessibility). */
  textChars: MAX_TEXT_LENGTH,
  /** Characters of a title or a name. */
  titleChars: 500,
  /** Recurrence work of one `expand` of the whole feed, in weighted iterator steps. */
  expansionWork: 8_000,
  /** Recurrence work done ahead by `prepare`, in slices, in weighted iterator steps. */
  prepareWork: 150_000,
  /** Occurrences one `expand` of the whole feed gives. */
  occurrences: 10_000,
  /** Days a schema.org schedule walks in one `expand` of the whole feed. */
  scheduleDays: 400_000,
} as const;

/** A budget of work units, spent as work is done. */
export class WorkBudget {
  constructor(public remaining: number) {}

  /** Spend `units`; false when there is not enough left (and then the rest is used up). */
  take(units: number): boolean {
    if (units > this.remaining) {
      this.remaining = 0;
      return false;
    }
    this.remaining -= units;
    return true;
  }

  get spent(): boolean {
    return this.remaining <= 0;
  }
}

export function occurrenceKey(uid: string, start: Date | DateOnly): string {
  if (start instanceof Date) return `${uid}|${start.toISOString()}`;
  return `${uid}|${isoDate(start)}`;
}

export function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** A date as iCalendar writes it: `20260601`. */
export function icalDate(date: DateOnly): string {
  return `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}`;
}

export function emptyInfo(uid: string, title: string): EventInfo {
  return { uid, title, categories: [], languages: [], audiences: [], offers: [], status: 'scheduled' };
}

/**
 * Turn text that may hold HTML into plain text, without ever parsing it as a document: core's
 * `plainText`, linear in the text, at most `max` characters (`onCut` is called when it cuts).
 */
export function toPlainText(
  value: unknown,
  max: number = FEED_BUDGET.textChars,
  onCut?: () => void,
): string | undefined {
  return plainText(value, max, onCut);
}

/** Whether two ranges overlap; an event with zero length counts at its start. */
export function overlaps(start: Date, end: Date, range: TimeRange): boolean {
  const s = start.getTime();
  const e = Math.max(end.getTime(), s + 1);
  return s < range.end.getTime() && e > range.start.getTime();
}
