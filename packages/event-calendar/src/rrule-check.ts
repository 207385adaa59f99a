/**
 * Recurrence rules (RFC 5545 §3.3.10) checked as the feed is split, before any is expanded: an
 * absurd INTERVAL, a BY* value out of range, or limits that a rule never or seldom meets
 * (`FREQ=SECONDLY;BYMONTH=6` has one second in twelve months, `FREQ=DAILY;INTERVAL=7;BYDAY=TU`
 * from a Monday none) would make an iterator walk for ever between two occurrences (ical.js did,
 * and froze the page). Each part is checked against its range, the combinations RFC 5545 forbids
 * are refused, and the lattice steps one occurrence may take are bounded, so that such a rule is
 * skipped (and counted in the feed's note). Pure.
 */
import type { WallTime } from '@open-city/core';
import { parseRule, ruleText, type Frequency, type Rule } from './recurrence.js';

export type Freq = Frequency;

export interface CheckedRule {
  ok: true;
  /** The rule rewritten from the parts that were checked (unknown parts dropped). */
  text: string;
  freq: Freq;
  interval: number;
  count?: number;
  /** Iterations of the lattice (dtstart + k × interval) one occurrence may take, at most. */
  stepsPerMatch: number;
  /** Its BY* parts, only those it has. */
  parts: RuleParts;
  /** The rule as `recurrence.ts` expands it. */
  rule: Rule;
}

export type RuleCheck = CheckedRule | { ok: false; reason: string };

export type RuleParts = Partial<
  Pick<
    Rule,
    'bySecond' | 'byMinute' | 'byHour' | 'byDay' | 'byMonthDay' | 'byYearDay' | 'byWeekNo' | 'byMonth' | 'bySetPos'
  >
>;

const partNames: readonly (keyof RuleParts)[] = [
  'bySecond',
  'byMinute',
  'byHour',
  'byDay',
  'byMonthDay',
  'byYearDay',
  'byWeekNo',
  'byMonth',
  'bySetPos',
];
const unitSeconds: Record<Freq, number> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
  MONTHLY: 2_629_746,
  YEARLY: 31_556_952,
};
/** The longest step a rule may take, in days. */
const MAX_STEP_DAYS = 4000;
/** Largest INTERVAL of a month or year rule. */
const MAX_CALENDAR_INTERVAL = 1200;
/** A rule that may need more lattice steps than this for one occurrence is refused. */
export const MAX_STEPS_PER_MATCH = 50_000;
export const MAX_COUNT = 1_000_000;
/** Longest BY* list kept (a list of every day of a year is 366). */
const MAX_LIST = 400;

const fail = (reason: string): RuleCheck => ({ ok: false, reason });

/** The days of a month that can hold a month day, `-1` counting from the end (February: 29). */
function monthLength(month: number): number {
  return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Check a rule's text (the value of RRULE): read by `parseRule` (which declines what RFC 5545
 * forbids or this reader does not support), then held to the bounds a feed's budget needs.
 */
export function checkRule(value: string): RuleCheck {
  if (value.length > 2000) return fail('the rule is too long');
  const rule = parseRule(value);
  if (!rule) return fail('the rule cannot be read, or is one RFC 5545 forbids');
  const { freq, interval, count } = rule;
  const stepDays = (unitSeconds[freq] * interval) / 86_400;
  if (freq === 'MONTHLY' || freq === 'YEARLY' ? interval > MAX_CALENDAR_INTERVAL : stepDays > MAX_STEP_DAYS) {
    return fail(`INTERVAL=${interval} is too large`);
  }
  if (count !== undefined && count > MAX_COUNT) return fail('COUNT is out of range');
  const parts: RuleParts = {};
  for (const name of partNames) {
    const list = rule[name];
    if (!list) continue;
    if (list.length > (name === 'byDay' ? 60 : MAX_LIST)) return fail(`${name} is too long`);
    (parts as Record<string, unknown>)[name] = list;
  }
  const { byMonth, byMonthDay } = parts;
  if (byMonth && byMonthDay && !byMonth.some((month) => byMonthDay.some((day) => Math.abs(day) <= monthLength(month))))
    return fail('no month of BYMONTH has a day of BYMONTHDAY');
  const stepsPerMatch = estimateSteps(freq, interval, parts);
  if (stepsPerMatch > MAX_STEPS_PER_MATCH) return fail('the rule would take too long to expand');
  return { ok: true, text: ruleText(rule), freq, interval, count, stepsPerMatch, parts, rule };
}

/**
 * An upper bound of the lattice steps a walk may try between two occurrences: the BY* parts that
 * limit (rather than expand) a rule of this frequency can skip days, months or years.
 */
function estimateSteps(freq: Freq, interval: number, parts: RuleParts): number {
  if (freq === 'MONTHLY' || freq === 'YEARLY') return 1; // a walk of periods bounds these itself
  const subDaily = freq === 'SECONDLY' || freq === 'MINUTELY' || freq === 'HOURLY';
  const weekday = parts.byDay && freq !== 'WEEKLY';
  const monthDay = parts.byMonthDay;
  let gapDays = parts.byMonth ? 366 : monthDay ? 62 : weekday ? 7 : 0;
  if (monthDay && weekday) gapDays *= 7;
  const leapOnly =
    parts.byMonth &&
    monthDay &&
    parts.byMonth.every((month) => month === 2) &&
    monthDay.every((day) => Math.abs(day) === 29);
  if (leapOnly) gapDays *= 4;
  let gapSeconds = gapDays * 86_400;
  if (gapSeconds === 0 && subDaily) {
    if (parts.byHour) gapSeconds = 86_400;
    else if (parts.byMinute && freq !== 'HOURLY') gapSeconds = 3600;
    else if (parts.bySecond && freq === 'SECONDLY') gapSeconds = 60;
  }
  return Math.max(1, Math.ceil(gapSeconds / (unitSeconds[freq] * interval)));
}

/**
 * Whether a rule of frequency SECONDLY…DAILY ever meets its limiting BY* parts from `start` (an
 * INTERVAL can keep a lattice off them for good: `FREQ=DAILY;INTERVAL=7;BYDAY=TU` from a Monday),
 * found by walking the lattice in plain arithmetic, at most `maxSteps` steps. Returns the steps
 * walked (for the budget), or -1 when no second occurrence was met.
 */
export function reachable(rule: CheckedRule, start: WallTime, maxSteps: number): number {
  const { freq, parts } = rule;
  if (freq === 'WEEKLY' || freq === 'MONTHLY' || freq === 'YEARLY') return 0;
  const limits =
    parts.byMonth ||
    parts.byMonthDay ||
    parts.byDay ||
    (freq !== 'DAILY' && parts.byHour) ||
    ((freq === 'MINUTELY' || freq === 'SECONDLY') && parts.byMinute) ||
    (freq === 'SECONDLY' && parts.bySecond);
  if (!limits) return 0;
  const stepMs = unitSeconds[freq] * rule.interval * 1000;
  const origin = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second);
  const bound = Math.min(maxSteps, rule.stepsPerMatch * 8 + 16);
  let matches = 0;
  for (let k = 0; k < bound; k++) {
    const t = new Date(origin + k * stepMs);
    if (parts.byMonth && !parts.byMonth.includes(t.getUTCMonth() + 1)) continue;
    if (parts.byMonthDay) {
      const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
      const day = t.getUTCDate();
      if (!parts.byMonthDay.some((d) => (d > 0 ? d === day : last + d + 1 === day))) continue;
    }
    if (parts.byDay && !parts.byDay.some((d) => d.weekday === (t.getUTCDay() || 7))) continue;
    if (freq !== 'DAILY' && parts.byHour && !parts.byHour.includes(t.getUTCHours())) continue;
    if ((freq === 'MINUTELY' || freq === 'SECONDLY') && parts.byMinute && !parts.byMinute.includes(t.getUTCMinutes()))
      continue;
    if (freq === 'SECONDLY' && parts.bySecond && !parts.bySecond.includes(t.getUTCSeconds())) continue;
    if (++matches === 2) return k + 1;
  }
  return -1;
}
