/**
 * Dates and times on `Intl`, always in an explicit IANA time zone, so that what a widget shows
 * does not depend on the visitor's own clock settings, and stays right across DST changes.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
