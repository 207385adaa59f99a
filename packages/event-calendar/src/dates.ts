/**
 * Months and zone-free dates, shared by the state controller and the views. Kept small and free of
 * other imports: the state controller is part of the element's first download.
 */
import type { DateOnly } from './model.js';

export interface MonthRef {
  year: number;
  month: number;
}

function addMonths(month: MonthRef, delta: number): MonthRef {
  const index = month.year * 12 + (month.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function daysInMonth(month: MonthRef): number {
  return new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
}

/** A date moved by months, its day kept where the month has it (31 Jan + 1 month → 28/29 Feb). */
export function addMonthsToDate(date: DateOnly, delta: number): DateOnly {
  const month = addMonths(date, delta);
  return { ...month, day: Math.min(date.day, daysInMonth(month)) };
}

/** A zone-free date as a Date at noon UTC, to format it with `timeZone: 'UTC'`. */
export const dateAsUtc = (date: DateOnly) => Date.UTC(date.year, date.month - 1, date.day, 12);
