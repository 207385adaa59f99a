import { msg, str } from '@lit/localize';
import { getLocale, numberFormat, pluralRules } from '@open-city/core';

/** "12 services found", in the plural forms and digits of each language (core's Intl helpers). */
export function resultCountText(total: number): string {
  const locale = getLocale();
  const count = numberFormat(locale).format(total);
  switch (pluralRules(locale).select(total)) {
    case 'zero':
      return msg(str`${count} services found`, { id: 'sf-count-zero' });
    case 'one':
      return msg(str`${count} service found`, { id: 'sf-count-one' });
    case 'two':
      return msg(str`${count} services found`, { id: 'sf-count-two' });
    case 'few':
      return msg(str`${count} services found`, { id: 'sf-count-few' });
    case 'many':
      return msg(str`${count} services found`, { id: 'sf-count-many' });
    default:
      return msg(str`${count} services found`, { id: 'sf-count-other' });
  }
}

/** "Showing 20 of 45". */
export function shownText(shownCount: number, totalCount: number): string {
  const format = numberFormat(getLocale());
  const [shown, total] = [format.format(shownCount), format.format(totalCount)];
  return msg(str`Showing ${shown} of ${total}`);
}

/** Beside the map: "3 services have no address on the map". */
export function unmappedText(total: number): string {
  const locale = getLocale();
  const count = numberFormat(locale).format(total);
  switch (pluralRules(locale).select(total)) {
    case 'zero':
      return msg(str`${count} services have no address on the map`, { id: 'sf-unmapped-zero' });
    case 'one':
      return msg(str`${count} service has no address on the map`, { id: 'sf-unmapped-one' });
    case 'two':
      return msg(str`${count} services have no address on the map`, { id: 'sf-unmapped-two' });
    case 'few':
      return msg(str`${count} services have no address on the map`, { id: 'sf-unmapped-few' });
    case 'many':
      return msg(str`${count} services have no address on the map`, { id: 'sf-unmapped-many' });
    default:
      return msg(str`${count} services have no address on the map`, { id: 'sf-unmapped-other' });
  }
}
