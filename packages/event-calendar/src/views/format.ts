/** Dates, times and languages as the page language writes them. */
import { msg, str } from '@lit/localize';
import {
  compareDates,
  dateTimeFormat,
  displayNames,
  formatDateTimeRange,
  getLocale,
  listFormat,
  timeZoneName,
} from '@open-city/core';
import { dateOfInstant } from '../calendar.js';
import { dateAsUtc, type MonthRef } from '../dates.js';
import type { DateOnly, Occurrence } from '../model.js';

/** "November 2026". */
export function monthLabel(month: MonthRef): string {
  return dateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    dateAsUtc({ ...month, day: 1 }),
  );
}

/** "Tuesday, November 24". */
export function dayLabel(date: DateOnly): string {
  return dateTimeFormat(getLocale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    dateAsUtc(date),
  );
}

/** The name of a language in the page language ("Ukrainian"), or its code. */
export function languageName(code: string): string {
  try {
    return displayNames(getLocale(), { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A list in the page language: "Polish, Ukrainian and English". The long style, because the short
 * one writes "&" in English.
 */
export function listText(items: string[]): string {
  return listFormat(getLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** Values of a feed as a plain list, with the page language's commas: "culture, education". */
export function plainListText(items: string[]): string {
  return listFormat(getLocale(), { style: 'short', type: 'unit' }).format(items);
}

/** "Polish, Ukrainian and English". */
export function languagesText(codes: string[]): string {
  return listText(codes.map(languageName));
}

/** A time zone by its name in the page language ("Central European Time"), never "Europe/Warsaw". */
export function zoneText(zone: string, at?: Date | number): string {
  return timeZoneName(zone, getLocale(), at);
}

/** When an occurrence is, on the button of a day (`day`) or anywhere else. */
export function timeText(occurrence: Occurrence, zone: string, day?: DateOnly): string {
  const locale = getLocale();
  if (occurrence.allDay) return msg('All day');
  const startDay = dateOfInstant(occurrence.start, zone);
  const endDay = dateOfInstant(Math.max(occurrence.start.getTime(), occurrence.end.getTime() - 1), zone);
  const timeOnly = { hour: 'numeric', minute: '2-digit', timeZone: zone } as const;
  if (compareDates(startDay, endDay) === 0) {
    return occurrence.end > occurrence.start
      ? formatDateTimeRange(occurrence.start, occurrence.end, locale, timeOnly)
      : dateTimeFormat(locale, timeOnly).format(occurrence.start);
  }
  // Spans days: on its first day from the start, on the last until the end, between all day.
  if (day && compareDates(day, startDay) === 0)
    return msg(str`From ${dateTimeFormat(locale, timeOnly).format(occurrence.start)}`);
  if (day && compareDates(day, endDay) === 0)
    return msg(str`Until ${dateTimeFormat(locale, timeOnly).format(occurrence.end)}`);
  if (day) return msg('All day');
  return formatDateTimeRange(occurrence.start, occurrence.end, locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
}
