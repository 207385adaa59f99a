import { msg, str } from '@lit/localize';
import { formatDateTime, getLocale } from '@open-city/core';
import { ApiError } from './api.js';

/** Staff read times in the city's zone, whatever their computer's. */
export const cityTimeZone = 'Europe/Warsaw';

export function when(iso: string): string {
  return formatDateTime(new Date(iso), getLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: cityTimeZone,
  });
}

export function day(isoDate: string): string {
  // A date without a time: read it at noon UTC so that no zone moves it to another day.
  return formatDateTime(new Date(`${isoDate}T12:00:00Z`), getLocale(), { dateStyle: 'long', timeZone: 'UTC' });
}

/** Today in the city, as YYYY-MM-DD (the default of a referral's date). */
export function todayInCity(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: cityTimeZone }).format(now);
}

/** A sentence for a failed request, in the page language where the server's code is known. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return msg('Something went wrong. Try again.');
  const byCode: Record<string, () => string> = {
    network: () => msg('The server cannot be reached. Check the connection and try again.'),
    credentials: () => msg('The e-mail or the password is wrong.'),
    limited: () => msg('Too many sign-in attempts. Wait a few minutes, then try again.'),
    'totp-wrong': () => msg('The code is wrong, or it was used already. Wait for the next one.'),
    'signed-out': () => msg('Your session has ended. Sign in again.'),
    csrf: () => msg('The page was out of date. Reload it and try again.'),
    'admin-only': () => msg('Only admins may do this.'),
    'not-found': () => msg('This report does not exist any more: it may have been deleted.'),
    'current-password': () => msg('The current password is wrong.'),
    'weak-password': () => msg('A password needs at least 12 characters.'),
    'same-password': () => msg('Choose a password other than the one you were given.'),
    'referral-needed': () => msg('Record to whom the report was referred first.'),
  };
  const known = error.code ? byCode[error.code] : undefined;
  if (known) return known();
  return msg(str`The server refused this (${error.status}): ${error.message}`);
}
