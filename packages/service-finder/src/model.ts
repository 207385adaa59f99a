/**
 * The plain model the finder works on: what it reads from an Open Referral HSDS 3.0 feed, already
 * checked and normalised, so that search, filters and rendering never deal with a raw record.
 */

export type CostKind = 'free' | 'paid' | 'unknown';

export interface Category {
  id: string;
  name: string;
  /** `parent_id` of the taxonomy term, when it has one. */
  parentId?: string;
}

export interface Phone {
  /** As given, cleaned of stray quotes and spaces at the ends. */
  display: string;
  /** For a `tel:` link: digits with an optional leading +; undefined when the string holds no number. */
  tel?: string;
  type?: string;
  description?: string;
}

export interface Address {
  /** Street lines, e.g. "ul. Przy Rondzie 6". */
  street: string;
  postalCode?: string;
  city?: string;
}

export interface Place {
  id: string;
  name?: string;
  address?: Address;
  latitude?: number;
  longitude?: number;
  /** Accessibility descriptions of the location (HSDS `accessibility[].description`/`details`). */
  accessibility: string[];
}

/** A day of the week in a monthly rule: `1MO` (the first Monday), `-1FR` (the last Friday), `TU` (every Tuesday). */
export interface RuleDay {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Which one in the month: 1…5 from the start, -1…-5 from the end; undefined for every one. */
  ordinal?: number;
}

/**
 * The parts of an RFC 5545 rule that plain weekly hours cannot say: every n weeks or days, or
 * monthly by weekday (`1MO`, `-1FR`) or by day of the month (`15`, `-1`).
 */
export interface Recurrence {
  freq: 'daily' | 'weekly' | 'monthly';
  /** Every `interval` days, weeks or months (1 or more). */
  interval: number;
  /** Monthly by weekday; for a weekly rule the weekdays are in the period's `days`. */
  byDay: RuleDay[];
  /** Monthly by day: 1…31 from the start, -1…-31 from the end. */
  byMonthDay: number[];
  /** ISO weekday a week starts on (`wkst`, default Monday): counts the weeks of `interval`. */
  weekStart: number;
  /** `YYYY-MM-DD` the intervals count from (`dtstart`, else `valid_from`); none: an interval above 1 cannot be placed. */
  anchor?: string;
}

/** One opening period, in minutes after midnight local to the `time-zone`. */
export interface OpeningPeriod {
  /** ISO weekdays, 1 = Monday … 7 = Sunday: the days of a weekly period (empty for a monthly one by day). */
  days: number[];
  opens: number;
  /** May be ≤ `opens`: the period runs past midnight (equal: open the whole day). */
  closes: number;
  /**
   * `YYYY-MM-DD` bounds, inclusive: `valid_from` (or a later `dtstart`), and `valid_to` (or an
   * earlier `until`, or the last of `count` occurrences).
   */
  validFrom?: string;
  validTo?: string;
  /** The schedule's `notes` (or `description`), shown with its hours. */
  notes?: string;
  /** Set when the period is not simply every week on `days`. */
  rule?: Recurrence;
}

export interface Language {
  /** ISO 639 code, lower case (`uk`); the language's name when the feed gives no code. */
  code: string;
  name?: string;
  note?: string;
}

export interface Service {
  id: string;
  name: string;
  alternateName?: string;
  description?: string;
  /** `url` is the organization's `website` (HSDS 3.0), or the older `url`. */
  organization?: { id?: string; name: string; description?: string; url?: string };
  url?: string;
  email?: string;
  /** `active` or `temporarily closed` (inactive and defunct services are dropped). */
  status: string;
  phones: Phone[];
  places: Place[];
  hours: OpeningPeriod[];
  /** Notes of schedules that give no hours the finder can read (no times, or a rule it cannot follow), shown as text. */
  hoursNotes: string[];
  languages: Language[];
  interpretation?: string;
  cost: CostKind;
  /** Cost lines ("Stamp fee: 340 PLN"), and `fees_description`. */
  costDetails: string[];
  applicationProcess?: string;
  eligibility?: string;
  requiredDocuments: string[];
  alert?: string;
  /** `YYYY-MM-DD` of `assured_date`. */
  assuredDate?: string;
  categories: Category[];
  /** Any location has an accessibility record. */
  accessible: boolean;
}

export interface Directory {
  services: Service[];
  /** Every category seen, by id, including parents named only as `parent_id` of another. */
  categories: Map<string, Category>;
  /**
   * How many records were skipped as unusable, plus those left out or shown in part because the
   * feed holds more than the finder's budget (also counted in `cut`).
   */
  skipped: number;
  /** Records left out, or shown in part, by the budget (too many, too long); part of `skipped`. */
  cut?: number;
}
