/**
 * Recurrence rules (RFC 5545 §3.3.10) checked as the feed is split, before any is expanded: an
 * absurd INTERVAL, a BY* value out of range, or limits that a rule never or seldom meets
 * (`FREQ=SECONDLY;BYMONTH=6` has one second in twelve months, `FREQ=DAILY;INTERVAL=7;BYDAY=TU`
 * from a Monday none) would make an iterator walk for ever between two occurrences (ical.js did,
 * and froze the page). Each part is checked against its range, the combinations RFC 5545 forbids
 * are refused, and the lattice steps one occurrence may take are bounded, so that such a rule is
 * skipped (and counted in the feed's note). Pure.
 */
export type Freq = 'SECONDLY' | 'MINUTELY' | 'HOURLY' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface CheckedRule {
  ok: true;
  /** The rule rewritten from the parts that were checked (unknown parts dropped). */
  text: string;
  freq: Freq;
  interval: number;
  count?: number;
  /** Iterations of the lattice (dtstart + k × interval) one occurrence may take, at most. */
  stepsPerMatch: number;
  parts: RuleParts;
}

export type RuleCheck = CheckedRule | { ok: false; reason: string };

export interface RuleParts {
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: Array<{ ordinal?: number; weekday: number }>;
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
}

const freqs: ReadonlySet<string> = new Set(['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const weekdays: ReadonlyMap<string, number> = new Map([
  ['MO', 1],
  ['TU', 2],
  ['WE', 3],
  ['TH', 4],
  ['FR', 5],
  ['SA', 6],
  ['SU', 7],
]);
const unitSeconds: Record<Freq, number> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
  MONTHLY: 2_629_746,
  YEARLY: 31_556_952,
};
/** The longest step a rule may take, in days: ical.js walks a step's days one by one. */
const MAX_STEP_DAYS = 4000;
/** Largest INTERVAL of a month or year rule (no day walking there). */
const MAX_CALENDAR_INTERVAL = 1200;
/** A rule that may need more lattice steps than this for one occurrence is refused. */
export const MAX_STEPS_PER_MATCH = 50_000;
export const MAX_COUNT = 1_000_000;

const fail = (reason: string): RuleCheck => ({ ok: false, reason });

function numbers(value: string, min: number, max: number, signed: boolean): number[] | undefined {
  const out = new Set<number>();
  for (const raw of value.split(',')) {
    if (!/^[+-]?\d{1,3}$/.test(raw.trim())) return undefined;
    const n = Number(raw);
    const size = Math.abs(n);
    if ((!signed && n < min) || size < min || size > max || (n === 0 && min > 0)) return undefined;
    out.add(n);
  }
  return out.size > 0 && out.size <= 400 ? [...out].sort((a, b) => a - b) : undefined;
}

/** The days of a month that can hold a month day, `-1` counting from the end (February: 29). */
function monthLength(month: number): number {
  return month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Check a rule's text (the value of RRULE). */
export function checkRule(value: string): RuleCheck {
  if (value.length > 2000) return fail('the rule is too long');
  const seen = new Map<string, string>();
  for (const part of value.trim().split(';')) {
    if (!part) continue;
    const equals = part.indexOf('=');
    if (equals <= 0) return fail(`"${part.slice(0, 40)}" is not NAME=VALUE`);
    const name = part.slice(0, equals).trim().toUpperCase();
    if (seen.has(name)) return fail(`${name} given twice`);
    seen.set(
      name,
      part
        .slice(equals + 1)
        .trim()
        .toUpperCase(),
    );
  }
  const freq = seen.get('FREQ');
  if (!freq || !freqs.has(freq)) return fail('FREQ is missing or unknown');
  const f = freq as Freq;
  if (seen.has('RSCALE')) return fail('RSCALE (a non-Gregorian calendar) is not supported');
  const rawInterval = seen.get('INTERVAL') ?? '1';
  if (!/^\d{1,12}$/.test(rawInterval)) return fail('INTERVAL is not a whole number');
  const interval = Number(rawInterval);
  if (interval < 1) return fail('INTERVAL must be at least 1');
  const stepDays = (unitSeconds[f] * interval) / 86_400;
  if (f === 'MONTHLY' || f === 'YEARLY' ? interval > MAX_CALENDAR_INTERVAL : stepDays > MAX_STEP_DAYS) {
    return fail(`INTERVAL=${interval} is too large`);
  }
  let count: number | undefined;
  if (seen.has('COUNT')) {
    const raw = seen.get('COUNT')!;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_COUNT) return fail('COUNT is out of range');
    count = Number(raw);
  }
  const until = seen.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) return fail('UNTIL is not a date');

  const parts: RuleParts = {};
  const read = (name: string, min: number, max: number, signed: boolean): number[] | undefined | false => {
    const raw = seen.get(name);
    if (raw === undefined) return undefined;
    return numbers(raw, min, max, signed) ?? false;
  };
  const checks: Array<[keyof RuleParts, string, number, number, boolean]> = [
    ['bySecond', 'BYSECOND', 0, 60, false],
    ['byMinute', 'BYMINUTE', 0, 59, false],
    ['byHour', 'BYHOUR', 0, 23, false],
    ['byMonthDay', 'BYMONTHDAY', 1, 31, true],
    ['byYearDay', 'BYYEARDAY', 1, 366, true],
    ['byWeekNo', 'BYWEEKNO', 1, 53, true],
    ['byMonth', 'BYMONTH', 1, 12, false],
    ['bySetPos', 'BYSETPOS', 1, 366, true],
  ];
  for (const [key, name, min, max, signed] of checks) {
    const list = read(name, min, max, signed);
    if (list === false) return fail(`${name} is out of range`);
    if (list) (parts as Record<string, number[]>)[key] = list;
  }
  if (seen.has('BYDAY')) {
    const days: NonNullable<RuleParts['byDay']> = [];
    for (const raw of seen.get('BYDAY')!.split(',')) {
      const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(raw.trim());
      const weekday = match && weekdays.get(match[2]);
      if (!match || !weekday) return fail('BYDAY is not a list of weekdays');
      const ordinal = match[1] ? Number(match[1]) : undefined;
      if (ordinal !== undefined && (ordinal === 0 || Math.abs(ordinal) > (f === 'MONTHLY' ? 5 : 53))) {
        return fail('BYDAY has an ordinal out of range');
      }
      if (ordinal !== undefined && f !== 'MONTHLY' && f !== 'YEARLY')
        return fail('BYDAY ordinals need MONTHLY or YEARLY');
      days.push({ ordinal, weekday });
    }
    if (days.length > 60) return fail('BYDAY is too long');
    parts.byDay = days;
  }
  const wkst = seen.get('WKST');
  if (wkst !== undefined && !weekdays.has(wkst)) return fail('WKST is not a weekday');

  // Combinations RFC 5545 forbids, which ical.js refuses too.
  if (parts.byYearDay && (parts.byMonth || parts.byWeekNo || parts.byMonthDay))
    return fail('BYYEARDAY with other BY* parts');
  if (parts.byWeekNo && parts.byMonthDay) return fail('BYWEEKNO with BYMONTHDAY');
  if (parts.byYearDay && f !== 'YEARLY') return fail('BYYEARDAY needs YEARLY');
  if (parts.byWeekNo && f !== 'YEARLY') return fail('BYWEEKNO needs YEARLY');
  if (f === 'WEEKLY' && parts.byMonthDay) return fail('BYMONTHDAY in a WEEKLY rule');
  if (parts.byWeekNo && parts.byDay?.some((day) => day.ordinal !== undefined))
    return fail('BYDAY ordinals with BYWEEKNO');
  if (parts.byMonth && parts.byMonthDay) {
    const possible = parts.byMonth.some((month) =>
      parts.byMonthDay!.some((day) => Math.abs(day) <= monthLength(month)),
    );
    if (!possible) return fail('no month of BYMONTH has a day of BYMONTHDAY');
  }

  const stepsPerMatch = estimateSteps(f, interval, parts);
  if (stepsPerMatch > MAX_STEPS_PER_MATCH) return fail('the rule would take too long to expand');

  const text = [
    `FREQ=${f}`,
    interval !== 1 ? `INTERVAL=${interval}` : '',
    count !== undefined ? `COUNT=${count}` : '',
    until !== undefined ? `UNTIL=${until}` : '',
    ...checks.map(([, name]) => (seen.has(name) ? `${name}=${seen.get(name)}` : '')),
    seen.has('BYDAY') ? `BYDAY=${seen.get('BYDAY')}` : '',
    wkst ? `WKST=${wkst}` : '',
  ]
    .filter(Boolean)
    .join(';');
  return { ok: true, text, freq: f, interval, count, stepsPerMatch, parts };
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

/** Wall-clock fields of a DTSTART (a date's at midnight). */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Whether a rule of frequency SECONDLY…DAILY ever meets its limiting BY* parts from `start` (an
 * INTERVAL can keep a lattice off them for good: `FREQ=DAILY;INTERVAL=7;BYDAY=TU` from a Monday),
 * found by walking the lattice in plain arithmetic, at most `maxSteps` steps. Returns the steps
 * walked (for the budget), or -1 when no second occurrence was met.
 */
export function reachable(rule: CheckedRule, start: WallFields, maxSteps: number): number {
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
