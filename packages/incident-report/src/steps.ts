/** The form's steps, in order, and the date helper the element needs before its views load. */
export const steps = ['role', 'what', 'where', 'when', 'details', 'contact', 'review'] as const;
export type Step = (typeof steps)[number];

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function isoDateIn(zonedDate: { year: number; month: number; day: number }): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(zonedDate.year, 4)}-${pad(zonedDate.month)}-${pad(zonedDate.day)}`;
}
