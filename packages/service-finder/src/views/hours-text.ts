import { msg, str } from '@lit/localize';
import { pluralRules } from '@open-city/core';
import { formatClockRange, formatCount, formatIsoDate, formatList, startOfLine, weekdayWord } from '../format.js';
import type { OpeningPeriod, Recurrence, RuleDay } from '../model.js';

/**
 * Opening periods in words, in every locale: the rule's days through `msg` (one message per
 * ordinal and plural form, so that each language words them its own way) with weekday names,
 * numbers, dates and lists from `Intl` (core's helpers).
 */

/** "first Monday of the month", "last Friday of the month", "every Tuesday": lower case, to stand in a list. */
function ruleDayText(day: RuleDay, locale: string): string {
  const weekday = weekdayWord(day.weekday, locale);
  switch (day.ordinal) {
    case 1:
      return msg(str`first ${weekday} of the month`, { id: 'sf-rule-nth-1' });
    case 2:
      return msg(str`second ${weekday} of the month`, { id: 'sf-rule-nth-2' });
    case 3:
      return msg(str`third ${weekday} of the month`, { id: 'sf-rule-nth-3' });
    case 4:
      return msg(str`fourth ${weekday} of the month`, { id: 'sf-rule-nth-4' });
    case 5:
      return msg(str`fifth ${weekday} of the month`, { id: 'sf-rule-nth-5' });
    case -1:
      return msg(str`last ${weekday} of the month`, { id: 'sf-rule-nth-last' });
    default:
      return msg(str`every ${weekday}`, { id: 'sf-rule-every-weekday' });
  }
}

/** "day 1 and 15 of the month", "last day of the month". */
function monthDaysText(days: number[], locale: string): string[] {
  const texts: string[] = [];
  const fromStart = days.filter((n) => n > 0).sort((a, b) => a - b);
  if (fromStart.length > 0) {
    const list = formatList(
      fromStart.map((n) => formatCount(n, locale)),
      locale,
    );
    texts.push(msg(str`day ${list} of the month`, { id: 'sf-rule-month-days' }));
  }
  if (days.includes(-1)) texts.push(msg('last day of the month', { id: 'sf-rule-month-last-day' }));
  return texts;
}

/** "Every 2 weeks", "Every 3 months", "Every 2 days", in the plural forms of each language. */
function intervalText(rule: Recurrence, locale: string): string {
  const count = formatCount(rule.interval, locale);
  const form = pluralRules(locale).select(rule.interval);
  if (rule.freq === 'weekly') {
    switch (form) {
      case 'zero':
        return msg(str`Every ${count} weeks`, { id: 'sf-every-weeks-zero' });
      case 'one':
        return msg(str`Every ${count} week`, { id: 'sf-every-weeks-one' });
      case 'two':
        return msg(str`Every ${count} weeks`, { id: 'sf-every-weeks-two' });
      case 'few':
        return msg(str`Every ${count} weeks`, { id: 'sf-every-weeks-few' });
      case 'many':
        return msg(str`Every ${count} weeks`, { id: 'sf-every-weeks-many' });
      default:
        return msg(str`Every ${count} weeks`, { id: 'sf-every-weeks-other' });
    }
  }
  if (rule.freq === 'monthly') {
    switch (form) {
      case 'zero':
        return msg(str`Every ${count} months`, { id: 'sf-every-months-zero' });
      case 'one':
        return msg(str`Every ${count} month`, { id: 'sf-every-months-one' });
      case 'two':
        return msg(str`Every ${count} months`, { id: 'sf-every-months-two' });
      case 'few':
        return msg(str`Every ${count} months`, { id: 'sf-every-months-few' });
      case 'many':
        return msg(str`Every ${count} months`, { id: 'sf-every-months-many' });
      default:
        return msg(str`Every ${count} months`, { id: 'sf-every-months-other' });
    }
  }
  switch (form) {
    case 'zero':
      return msg(str`Every ${count} days`, { id: 'sf-every-days-zero' });
    case 'one':
      return msg(str`Every ${count} day`, { id: 'sf-every-days-one' });
    case 'two':
      return msg(str`Every ${count} days`, { id: 'sf-every-days-two' });
    case 'few':
      return msg(str`Every ${count} days`, { id: 'sf-every-days-few' });
    case 'many':
      return msg(str`Every ${count} days`, { id: 'sf-every-days-many' });
    default:
      return msg(str`Every ${count} days`, { id: 'sf-every-days-other' });
  }
}

/** The weekdays of a period, in the locale's words: "Monday, Wednesday and Friday". */
export function weekdaysText(days: number[], locale: string): string {
  return formatList(
    days.map((day) => weekdayWord(day, locale)),
    locale,
  );
}

/**
 * When a period applies, in words: "First Monday of the month", "Every 2 weeks: Tuesday",
 * "Day 15 of the month", "Monday and Thursday".
 */
export function periodDaysText(period: OpeningPeriod, locale: string): string {
  const rule = period.rule;
  if (!rule)
    return period.days.length === 7 ? msg('Every day') : startOfLine(weekdaysText(period.days, locale), locale);
  let days: string;
  if (rule.freq === 'monthly') {
    days = formatList(
      [...rule.byDay.map((day) => ruleDayText(day, locale)), ...monthDaysText(rule.byMonthDay, locale)],
      locale,
    );
  } else if (rule.freq === 'weekly') days = weekdaysText(period.days, locale);
  else days = '';
  if (rule.interval === 1) return startOfLine(days, locale);
  const every = intervalText(rule, locale);
  return startOfLine(days ? msg(str`${every}, ${days}`, { id: 'sf-rule-interval-days' }) : every, locale);
}

/** A period's times: "09:00–17:00", or "Open 24 hours". */
export function periodTimesText(period: OpeningPeriod, locale: string): string {
  return period.opens === period.closes ? msg('Open 24 hours') : formatClockRange(period.opens, period.closes, locale);
}

/** One line: "First Monday of the month: 10:00–14:00". */
export function periodText(period: OpeningPeriod, locale: string): string {
  const when = periodDaysText(period, locale);
  const times = periodTimesText(period, locale);
  return startOfLine(msg(str`${when}: ${times}`, { id: 'sf-hours-line' }), locale);
}

/** "From 1 July 2026". */
export function fromDateText(iso: string, locale: string): string {
  const date = formatIsoDate(iso, locale);
  return msg(str`From ${date}`, { id: 'sf-valid-from' });
}

/** "Until 31 August 2026". */
export function untilDateText(iso: string, locale: string): string {
  const date = formatIsoDate(iso, locale);
  return msg(str`Until ${date}`, { id: 'sf-valid-until' });
}
