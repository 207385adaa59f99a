/**
 * Which ranges a VEVENT can overlap, from the lines `ics-lines.ts` noted in its one pass over
 * the text (see `EventScan`), before it is read: so that only the events a view can show
 * are read in full when it is first shown, and the rest later, in idle time. Pure.
 *
 * A span is a superset: every occurrence of the event lies in it, whatever the zone its times
 * are in (the wall times are read as UTC, with two days of margin either side: no zone is more
 * than 18 hours from UTC, and all-day events are placed by their dates). An event whose span
 * cannot be told for sure from its lines (RDATEs, a rule whose end is not plain, a date the scan
 * does not read, a line repaired in doubt) has no span: it is read at once, as before.
 */
import type { ComponentText } from './ics-lines.js';
import { dayNumber, wallSeconds } from './ical-values.js';
import type { CheckedRule } from './rrule-check.js';

const DAY_MS = 86_400_000;
const MARGIN_MS = 2 * DAY_MS;

/** `[from, to)` in ms: the event's occurrences all lie within it. */
export type Span = [number, number];

/** A UID the reader keeps as it is (no escapes, markup or spaces): grouping by it before reading is safe. */
const plainUid = /^[A-Za-z0-9@._:+=/-]{1,200}$/;

export function plainUidOf(part: ComponentText): string | undefined {
  const uid = part.scan?.uid?.trim();
  return uid && plainUid.test(uid) && uid === part.scan?.uid ? uid : undefined;
}

/** The number written at `from` up to `to` in `value`, or -1 when a character is no digit. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * A DATE or DATE-TIME value (`20260601`, `20260601T180000`, `…Z`), its wall time as UTC ms. Read
 * by character codes: it runs for every VEVENT of a feed in the one pass.
 */
export function wallMs(value: string): number | undefined {
  const length = value.length;
  if (length !== 8 && length !== 15 && length !== 16) return undefined;
  if (length > 8 && value.charCodeAt(8) !== 84 /* T */) return undefined;
  if (length === 16 && value.charCodeAt(15) !== 90 /* Z */) return undefined;
  const [year, month, day] = [digitsAt(value, 0, 4), digitsAt(value, 4, 6), digitsAt(value, 6, 8)];
  const timed = length > 8;
  const hour = timed ? digitsAt(value, 9, 11) : 0;
  const minute = timed ? digitsAt(value, 11, 13) : 0;
  const second = timed ? digitsAt(value, 13, 15) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  return (dayNumber(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000;
}

/** The value of a repaired date line (`DTSTART;TZID=…:20260601T180000`). */
function lineValue(line: string): string {
  return line.slice(line.lastIndexOf(':') + 1).trim();
}

/** An iCalendar DURATION in ms (a negative one as 0); undefined when it is not one. */
export function durationMs(value: string): number | undefined {
  const match = /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,7})S)?)?$/.exec(
    value.trim().toUpperCase(),
  );
  if (!match || value.trim().length < 3) return undefined;
  if (match[1] === '-') return 0;
  const [weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0));
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

const unitMs = { SECONDLY: 1000, MINUTELY: 60_000, HOURLY: 3_600_000, DAILY: DAY_MS, WEEKLY: 7 * DAY_MS } as const;

/**
 * The latest start a rule can give, in wall ms as UTC: its UNTIL; for a COUNT, a bound only
 * where every period of the rule holds an occurrence (no BY* part but BYDAY of a weekly rule; a
 * monthly or yearly rule on a day every month has); else Infinity. Undefined for a rule whose
 * first steps the reader walks (`reachable`), which is read at once to keep its budget in order.
 */
function ruleEnd(rule: CheckedRule, startMs: number): number | undefined {
  const { freq, parts } = rule;
  const byParts = Object.keys(parts) as (keyof typeof parts)[];
  const calendarStep = freq === 'WEEKLY' || freq === 'MONTHLY' || freq === 'YEARLY';
  if (!calendarStep && byParts.length > 0) return undefined;
  const { until } = rule.rule;
  if (until) return wallSeconds(until) * 1000;
  if (rule.count === undefined) return Infinity;
  const plain = byParts.length === 0 || (freq === 'WEEKLY' && byParts.length === 1 && parts.byDay !== undefined);
  if (!plain) return Infinity;
  if (freq === 'MONTHLY' || freq === 'YEARLY') {
    const start = new Date(startMs);
    if (start.getUTCDate() > 28) return Infinity;
    const months = (rule.count + 1) * rule.interval * (freq === 'YEARLY' ? 12 : 1);
    const end = new Date(startMs);
    end.setUTCMonth(end.getUTCMonth() + months);
    return end.getTime();
  }
  return startMs + (rule.count + 1) * rule.interval * unitMs[freq];
}

/** Where a VEVENT's occurrences can be, or undefined when it must be read to know. */
export function spanOf(part: ComponentText): Span | undefined {
  const scan = part.scan;
  if (!scan || scan.unsure || scan.rdate || !scan.start) return undefined;
  if (part.rules.some((rule) => !rule.ok)) return undefined;
  const start = wallMs(lineValue(scan.start));
  if (start === undefined) return undefined;
  let length = 0;
  if (scan.end !== undefined) {
    const end = wallMs(lineValue(scan.end));
    if (end === undefined) return undefined;
    length = Math.max(length, end - start);
  }
  if (scan.duration !== undefined) {
    const duration = durationMs(scan.duration);
    if (duration === undefined) return undefined;
    length = Math.max(length, duration);
  }
  // All-day events last at least their day; the margin covers zones and a day more.
  length = Math.max(length, DAY_MS);
  let last = start;
  for (const rule of part.rules as CheckedRule[]) {
    const end = ruleEnd(rule, start);
    if (end === undefined) return undefined;
    last = Math.max(last, end);
  }
  return [start - MARGIN_MS, last + length + MARGIN_MS];
}
