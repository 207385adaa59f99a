/**
 * Recurrence rules (RFC 5545 §3.3.10, §3.8.5.3) read and expanded on wall-clock times. Pure;
 * its only import is ical-values.ts.
 *
 * `parseRule` reads an RRULE value. It declines (undefined), and the caller refuses the rule:
 * - a FREQ missing or unknown, a part given twice, a number or weekday that cannot be read, a
 *   value out of its range (INTERVAL and COUNT must be at least 1);
 * - RSCALE and SKIP (RFC 7529, non-Gregorian calendars), and BYSECOND=60 (a leap second);
 * - what RFC 5545 forbids and ical.js refuses: BYWEEKNO or BYYEARDAY outside YEARLY, BYMONTHDAY in
 *   WEEKLY, BYYEARDAY with BYMONTH, BYWEEKNO or BYMONTHDAY, BYWEEKNO with BYMONTHDAY, BYDAY
 *   ordinals outside MONTHLY and YEARLY, or with BYWEEKNO.
 * Other unknown parts (X-NAME=…) are ignored, as ical.js ignores them.
 *
 * `expand` walks the rule's periods (years, months, weeks from WKST, days, hours, minutes or
 * seconds, every INTERVAL-th from DTSTART's), makes each period's set by the BY* parts (expanding
 * or limiting as the RFC's table says, BYDAY ordinals within the month or year, invalid dates such
 * as 31 June or 29 February of a common year skipped), applies BYSETPOS to the set, and yields
 * the times in order: DTSTART first (RFC 5545 §3.8.5.3: it counts as the first instance), then
 * those after it until COUNT or UNTIL, whichever comes first when a rule has both (RFC 5545
 * forbids that, but exporters write it, and ical.js and dateutil stop at either). DST gaps and
 * overlaps are the caller's: times are wall clock.
 */
import type { WallTime } from '@open-city/core';
import { icalDate, pad, type DateOnly } from './model.js';
import {
  dateOfDay,
  dayNumber,
  daysInMonth,
  decodeDate,
  decodeDateTime,
  wallOf,
  wallSeconds,
  type TimeValue,
} from './ical-values.js';

export type Frequency = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A weekday of BYDAY: 1 = Monday … 7 = Sunday, with an ordinal (`-1FR`) in MONTHLY and YEARLY rules. */
export interface RuleDay {
  ordinal?: number;
  weekday: number;
}

export interface Rule {
  freq: Frequency;
  interval: number;
  count?: number;
  /** Inclusive. A DATE, a UTC date-time, or (sloppy but seen) a floating one. */
  until?: TimeValue;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: RuleDay[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** The day weeks start on (WKST, default Monday): 1 = Monday … 7 = Sunday. */
  wkst: number;
}

export interface ExpandOptions {
  /**
   * Skip ahead: only occurrences at or after this wall time are yielded, and the walk starts at
   * the rule's period holding it (the lattice of DTSTART + k × INTERVAL is kept). A rule with
   * COUNT is still walked from DTSTART, as COUNT counts from there. For an all-day series, the
   * day of `from` counts (dates on it are yielded).
   */
  from?: DateOnly | WallTime;
  /**
   * The instant (ms, or a Date) of a wall time of the series: needed to compare with a UTC UNTIL
   * when DTSTART is zoned or floating. Without it, wall times are taken as UTC.
   */
  toInstant?: (wall: WallTime) => number | Date;
  /** Periods walked without an occurrence before giving up (a rule that seldom or never occurs). */
  maxSteps?: number;
  /** Counts the periods walked (`steps`), and whether `maxSteps` or year 9999 stopped the walk. */
  stats?: { steps: number; cut: boolean };
  /** False: leave DTSTART out unless the rule makes it (the iterators of ical.js and dateutil). */
  includeStart?: boolean;
}

const FREQS: readonly Frequency[] = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const [SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY] = [0, 1, 2, 3, 4, 5, 6];
const DAY = 86_400;
const UNITS = [1, 60, 3600];
const LISTS: Array<[string, keyof Rule, number, number, boolean]> = [
  ['BYSECOND', 'bySecond', 0, 59, false],
  ['BYMINUTE', 'byMinute', 0, 59, false],
  ['BYHOUR', 'byHour', 0, 23, false],
  ['BYMONTHDAY', 'byMonthDay', 1, 31, true],
  ['BYYEARDAY', 'byYearDay', 1, 366, true],
  ['BYWEEKNO', 'byWeekNo', 1, 53, true],
  ['BYMONTH', 'byMonth', 1, 12, false],
  ['BYSETPOS', 'bySetPos', 1, 366, true],
];

function numberList(text: string, min: number, max: number, signed: boolean): number[] | undefined {
  const out = new Set<number>();
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!/^[+-]?\d{1,3}$/.test(item) || (!signed && item.startsWith('-'))) return undefined;
    const n = Number(item);
    if (Math.abs(n) < min || Math.abs(n) > max) return undefined;
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/** A rule from an RRULE value, or undefined for what this module declines (see the module's comment). */
export function parseRule(value: string): Rule | undefined {
  const parts = new Map<string, string>();
  for (const part of value.trim().toUpperCase().split(';')) {
    if (!part.trim()) continue;
    const equals = part.indexOf('=');
    const name = part.slice(0, equals).trim();
    if (equals <= 0 || parts.has(name)) return undefined;
    parts.set(name, part.slice(equals + 1).trim());
  }
  const freq = FREQS.indexOf(parts.get('FREQ') as Frequency);
  if (freq < 0 || parts.has('RSCALE') || parts.has('SKIP')) return undefined;
  const rule: Rule = { freq: FREQS[freq], interval: 1, wkst: 1 };
  for (const name of ['INTERVAL', 'COUNT']) {
    const raw = parts.get(name);
    if (raw === undefined) continue;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) return undefined;
    rule[name === 'COUNT' ? 'count' : 'interval'] = Number(raw);
  }
  const until = parts.get('UNTIL');
  if (until !== undefined && !(rule.until = until.length > 8 ? decodeDateTime(until) : decodeDate(until)))
    return undefined;
  for (const [name, key, min, max, signed] of LISTS) {
    const raw = parts.get(name);
    if (raw === undefined) continue;
    const list = numberList(raw, min, max, signed);
    if (!list) return undefined;
    (rule[key] as number[]) = list;
  }
  if (parts.has('BYDAY')) {
    rule.byDay = [];
    for (const item of parts.get('BYDAY')!.split(',')) {
      const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item.trim());
      const weekday = match ? WEEKDAYS.indexOf(match[2]) + 1 : 0;
      const ordinal = match?.[1] ? Number(match[1]) : undefined;
      if (!weekday || ordinal === 0 || Math.abs(ordinal ?? 0) > (freq === MONTHLY ? 5 : 53)) return undefined;
      if (ordinal !== undefined && ((freq !== MONTHLY && freq !== YEARLY) || rule.byWeekNo)) return undefined;
      rule.byDay.push({ ordinal, weekday });
    }
  }
  if (parts.has('WKST')) {
    rule.wkst = WEEKDAYS.indexOf(parts.get('WKST')!) + 1;
    if (!rule.wkst) return undefined;
  }
  const { byYearDay, byWeekNo, byMonthDay, byMonth } = rule;
  if ((byYearDay || byWeekNo) && freq !== YEARLY) return undefined;
  if (byMonthDay && (freq === WEEKLY || byWeekNo)) return undefined;
  if (byYearDay && (byMonth || byWeekNo || byMonthDay)) return undefined;
  return rule;
}

/** A rule as RRULE text, in a fixed order of its parts (what `parseRule` reads back the same). */
export function ruleText(rule: Rule): string {
  const { until } = rule;
  const untilText =
    until &&
    (until.isDate
      ? icalDate(until)
      : `${icalDate(until)}T${pad(until.hour)}${pad(until.minute)}${pad(until.second)}${until.utc ? 'Z' : ''}`);
  const parts = [
    `FREQ=${rule.freq}`,
    rule.interval !== 1 ? `INTERVAL=${rule.interval}` : '',
    rule.count !== undefined ? `COUNT=${rule.count}` : '',
    untilText ? `UNTIL=${untilText}` : '',
    ...LISTS.map(([name, key]) => {
      const list = rule[key] as number[] | undefined;
      return list ? `${name}=${list.join(',')}` : '';
    }),
    rule.byDay ? `BYDAY=${rule.byDay.map((day) => `${day.ordinal ?? ''}${WEEKDAYS[day.weekday - 1]}`).join(',')}` : '',
    rule.wkst !== 1 ? `WKST=${WEEKDAYS[rule.wkst - 1]}` : '',
  ];
  return parts.filter(Boolean).join(';');
}

/** Whether a rule can recur on dates (an all-day DTSTART): DAILY or longer, with no time parts. */
export function fitsDates(rule: Rule): boolean {
  return FREQS.indexOf(rule.freq) >= DAILY && !rule.byHour && !rule.byMinute && !rule.bySecond;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
/** Whether position `at` (1-based) of `length` is the `ordinal`-th weekday of its kind (−1: the last). */
const nth = (at: number, length: number, ordinal: number) =>
  ordinal > 0 ? Math.floor((at - 1) / 7) + 1 === ordinal : -Math.floor((length - at) / 7) - 1 === ordinal;
/** `value` in a list whose negative numbers count from the end of `length`. */
const listed = (list: number[], value: number, length: number) =>
  list.some((item) => (item > 0 ? item === value : length + item + 1 === value));

/**
 * The wall times of a rule from `start` (a date for an all-day series: dates are yielded then),
 * in order; see the module's comment. Throws a RangeError for dates with a rule that `fitsDates`
 * refuses.
 */
export function* expand(
  rule: Rule,
  start: DateOnly | WallTime | TimeValue,
  options: ExpandOptions = {},
): Generator<WallTime | DateOnly, void, void> {
  const allDay = (start as TimeValue).isDate === true || (start as WallTime).hour === undefined;
  if (allDay && !fitsDates(rule)) throw new RangeError('a rule of times on an all-day series');
  const freq = FREQS.indexOf(rule.freq);
  const { interval, until, wkst, bySetPos, byYearDay, byWeekNo, bySecond, byMinute, byHour } = rule;
  const { toInstant, stats = { steps: 0, cut: false }, maxSteps = 50_000, includeStart = true } = options;
  const s0 = wallSeconds(start);
  const d0 = Math.floor(s0 / DAY);
  const date0 = dateOfDay(d0);
  // For dates, the day of `from` counts (its time, if any, does not).
  const fromAt = options.from ? wallSeconds(options.from) : -Infinity;
  const from = allDay ? Math.floor(fromAt / DAY) * DAY : fromAt;

  // What the rule leaves out is taken from DTSTART (RFC 5545 §3.3.10).
  let { byMonth, byMonthDay, byDay } = rule;
  const dayParts = byWeekNo || byYearDay || byMonthDay || byDay;
  if (freq === YEARLY && !dayParts) {
    byMonth ??= [date0.month];
    byMonthDay = [date0.day];
  }
  if (freq === YEARLY && byWeekNo && !byYearDay && !byMonthDay && !byDay) byDay = [{ weekday: weekdayOf(d0) }];
  if (freq === MONTHLY && !byMonthDay && !byDay) byMonthDay = [date0.day];
  if (freq === WEEKLY && !byDay) byDay = [{ weekday: weekdayOf(d0) }];
  // BYDAY ordinals count within the month in MONTHLY rules and YEARLY ones with BYMONTH, else the year.
  const inMonth = freq === MONTHLY || (freq === YEARLY && !!rule.byMonth);
  const needsDate = byMonth || byMonthDay || byYearDay || byWeekNo || inMonth || freq === YEARLY;

  const rest = s0 - d0 * DAY;
  const [h0, m0, sec0] = [Math.floor(rest / 3600), Math.floor(rest / 60) % 60, rest % 60];
  const hours = byHour ?? [h0];
  const minutes = byMinute ?? [m0];
  const seconds = bySecond ?? [sec0];
  /** Seconds of the day a day's occurrences are at (DAILY and longer). */
  const times: number[] = [];
  if (!allDay)
    for (const h of hours) for (const m of minutes) for (const s of seconds) times.push(h * 3600 + m * 60 + s);
  if (allDay) times.push(0);

  /** The first day of week 1 of a year, weeks starting on WKST (week 1 holds 4 January). */
  const week1 = (year: number) => {
    const jan4 = dayNumber(year, 1, 4);
    return jan4 - ((weekdayOf(jan4) - wkst + 7) % 7);
  };
  const weekMatches = (day: number) => {
    const weekStart = day - ((weekdayOf(day) - wkst + 7) % 7);
    const year = dateOfDay(weekStart + 3).year;
    const first = week1(year);
    const weeks = (week1(year + 1) - first) / 7;
    return listed(byWeekNo!, (weekStart - first) / 7 + 1, weeks);
  };

  /** Whether a day meets the day-level parts (its date given when known). */
  const dayMatches = (day: number, date?: DateOnly): boolean => {
    const weekday = weekdayOf(day);
    if (byDay && !byDay.some((item) => item.weekday === weekday)) return false;
    if (!needsDate) return true;
    const { year, month, day: dom } = date ?? dateOfDay(day);
    if (byMonth && !byMonth.includes(month)) return false;
    const monthLength = daysInMonth(year, month);
    if (byMonthDay && !listed(byMonthDay, dom, monthLength)) return false;
    const yearLength = isLeap(year) ? 366 : 365;
    const yearDay = day - dayNumber(year, 1, 1) + 1;
    if (byYearDay && !listed(byYearDay, yearDay, yearLength)) return false;
    if (byWeekNo && !weekMatches(day)) return false;
    if (byDay && byDay.some((item) => item.ordinal !== undefined)) {
      return byDay.some(
        (item) =>
          item.weekday === weekday &&
          (item.ordinal === undefined ||
            (inMonth ? nth(dom, monthLength, item.ordinal) : nth(yearDay, yearLength, item.ordinal))),
      );
    }
    return true;
  };

  /** The period holding a wall time: a year, month, week (from WKST), day, hour, minute or second. */
  const periodOf = (at: number): number => {
    const day = Math.floor(at / DAY);
    if (freq < DAILY) return Math.floor(at / UNITS[freq]);
    if (freq === DAILY) return day;
    if (freq === WEEKLY) return Math.floor((day - wkst + 4) / 7);
    const { year, month } = dateOfDay(day);
    return freq === MONTHLY ? year * 12 + month - 1 : year;
  };

  /** The days of a period that meet the day-level parts, in order (DAILY and longer). */
  const daysOf = (period: number): number[] => {
    const out: number[] = [];
    if (freq === DAILY) {
      if (dayMatches(period)) out.push(period);
    } else if (freq === WEEKLY) {
      const first = period * 7 + wkst - 4;
      for (let day = first; day < first + 7; day++) if (dayMatches(day)) out.push(day);
    } else {
      const year = freq === YEARLY ? period : Math.floor(period / 12);
      const months = freq === MONTHLY ? [(period % 12) + 1] : (byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      for (const month of months) {
        if (byMonth && !byMonth.includes(month)) continue;
        const first = dayNumber(year, month, 1);
        const length = daysInMonth(year, month);
        for (let dom = 1; dom <= length; dom++) {
          if (dayMatches(first + dom - 1, { year, month, day: dom })) out.push(first + dom - 1);
        }
      }
    }
    return out;
  };

  /**
   * The candidate times of a period, in order, or a number: the period to jump to when a whole
   * day, hour or minute of a sub-daily rule is left out.
   */
  let lastDay = NaN;
  let lastDayHolds = false;
  const candidates = (period: number): number[] | number => {
    let set: number[];
    if (freq >= DAILY) {
      set = [];
      for (const day of daysOf(period)) for (const time of times) set.push(day * DAY + time);
    } else {
      const unit = UNITS[freq];
      const at = period * unit;
      const day = Math.floor(at / DAY);
      const inDay = at - day * DAY;
      const [h, m, s] = [Math.floor(inDay / 3600), Math.floor(inDay / 60) % 60, inDay % 60];
      if (day !== lastDay) [lastDay, lastDayHolds] = [day, dayMatches(day)];
      if (!lastDayHolds) return (day + 1) * (DAY / unit);
      if (byHour && !byHour.includes(h)) return Math.ceil((day * DAY + (h + 1) * 3600) / unit);
      if (freq < HOURLY && byMinute && !byMinute.includes(m))
        return Math.ceil((day * DAY + h * 3600 + (m + 1) * 60) / unit);
      set = [];
      if (freq === SECONDLY) {
        if (!bySecond || bySecond.includes(s)) set.push(at);
      } else if (freq === MINUTELY) {
        for (const second of seconds) set.push(at + second);
      } else {
        for (const minute of minutes) for (const second of seconds) set.push(at + minute * 60 + second);
      }
    }
    if (!bySetPos || set.length === 0) return set;
    const picked = new Set<number>();
    for (const position of bySetPos) {
      const item = set[position > 0 ? position - 1 : set.length + position];
      if (item !== undefined) picked.add(item);
    }
    return [...picked].sort((a, b) => a - b);
  };

  const untilWall = until ? wallSeconds(until) : Infinity;
  const untilUtc = until && !until.isDate && until.utc && !allDay && toInstant;
  const past = (at: number): boolean => (untilUtc ? +toInstant(wallOf(at)) > untilWall * 1000 : at > untilWall);
  const shown = (at: number): WallTime | DateOnly => (allDay ? dateOfDay(at / DAY) : wallOf(at));

  let remaining = rule.count ?? Infinity;
  if (includeStart) {
    if (past(s0)) return;
    remaining--;
    if (s0 >= from) yield shown(s0);
  }
  const first = periodOf(s0);
  let period = first;
  if (rule.count === undefined && from > s0) period += Math.floor((periodOf(from) - first) / interval) * interval;
  const last = periodOf(wallSeconds({ year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59 }));
  // The Gregorian calendar repeats every 400 years: a rule that gave nothing for that long never will.
  const cycle = [Infinity, Infinity, Infinity, 146_097, 20_871, 4800, 400][freq];
  let empty = 0;
  while (remaining > 0) {
    if (empty >= cycle) return;
    if (period > last || empty > maxSteps) {
      stats.cut = true;
      return;
    }
    stats.steps++;
    const set = candidates(period);
    if (typeof set === 'number') {
      empty++;
      period += Math.max(1, Math.ceil((set - period) / interval)) * interval;
      continue;
    }
    empty = set.length === 0 ? empty + 1 : 0;
    for (const at of set) {
      if (at < s0 || (includeStart && at === s0)) continue;
      if (past(at)) return;
      remaining--;
      if (at >= from) yield shown(at);
      if (remaining <= 0) return;
    }
    period += interval;
  }
}
