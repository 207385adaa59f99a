import { msg, str } from '@lit/localize';
import { getLocale, numberFormat, pluralRules } from '@open-city/core';

/**
 * Exactly 0, 1 or 2 events in words, where a language says them without the number (Arabic "لا توجد
 * فعاليات", "فعالية واحدة", "فعاليتان"). Any locale can: its translator replaces the "-" of these
 * messages with the words; a "-" (or anything without a letter) keeps the counted form below.
 */
function exactCountText(count: number): string | undefined {
  const text =
    count === 0
      ? msg('-', {
          id: 'event-count-exactly-zero',
          desc: 'Exactly 0 events: the words your language uses ("No events"), or "-" for the counted form "0 events".',
        })
      : count === 1
        ? msg('-', {
            id: 'event-count-exactly-one',
            desc: 'Exactly 1 event: the words your language uses ("One event"), or "-" for the counted form "1 event".',
          })
        : count === 2
          ? msg('-', {
              id: 'event-count-exactly-two',
              desc: 'Exactly 2 events: the words your language uses ("Two events"), or "-" for the counted form "2 events".',
            })
          : undefined;
  return text && /\p{L}/u.test(text) ? text : undefined;
}

/**
 * "3 events", in the plural form of the page language (Polish, Ukrainian, Russian and Arabic have
 * several), with the locale's digits; exactly 0, 1 or 2 in words where the language has them.
 */
export function eventCountText(count: number): string {
  const exact = exactCountText(count);
  if (exact) return exact;
  const locale = getLocale();
  const n = numberFormat(locale).format(count);
  switch (pluralRules(locale).select(count)) {
    case 'zero':
      return msg(str`${n} events`, { id: 'event-count-zero' });
    case 'one':
      return msg(str`${n} event`, { id: 'event-count-one' });
    case 'two':
      return msg(str`${n} events`, { id: 'event-count-two' });
    case 'few':
      return msg(str`${n} events`, { id: 'event-count-few' });
    case 'many':
      return msg(str`${n} events`, { id: 'event-count-many' });
    default:
      return msg(str`${n} events`, { id: 'event-count-other' });
  }
}

/** "+2 more" under a day of the month grid. */
export function moreText(count: number): string {
  const n = numberFormat(getLocale()).format(count);
  return msg(str`+${n} more`, { id: 'more-count' });
}

/** "Cancelled: 2", for a day of the narrow month grid, where the chips that say so are hidden. */
export function cancelledCountText(count: number): string {
  const n = numberFormat(getLocale()).format(count);
  return msg(str`Cancelled: ${n}`, { id: 'cancelled-count' });
}

/** A count in the page locale's digits ("۱۲" in Persian). */
export const countText = (count: number): string => numberFormat(getLocale()).format(count);
