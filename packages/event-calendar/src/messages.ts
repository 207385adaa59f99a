import { msg, str } from '@lit/localize';
import { getLocale } from '@open-city/core';

/** "3 events", in the plural form of the page language (Polish, Ukrainian, Russian and Arabic have several). */
export function eventCountText(count: number): string {
  const locale = getLocale();
  const n = new Intl.NumberFormat(locale).format(count);
  switch (new Intl.PluralRules(locale).select(count)) {
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
  const n = new Intl.NumberFormat(getLocale()).format(count);
  return msg(str`+${n} more`, { id: 'more-count' });
}
