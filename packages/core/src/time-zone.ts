/**
 * Dates and times on `Intl`, always in an explicit IANA time zone, so that what a widget shows
 * does not depend on the visitor's own clock settings, and stays right across DST changes.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

/** Answers found so far: making a format to ask costs milliseconds, and a page asks of a few zones. */
const known = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let valid = known.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    if (known.size >= 1000) known.clear();
    known.set(timeZone, valid);
  }
  return valid;
}
