import { msg, str } from '@lit/localize';
import { getLocale, numberFormat, pluralRules } from '@open-city/core';

/**
 * The map's counted phrases, in the plural forms and digits of each language, through core's
 * cached Intl helpers (one of each per locale, for the hundreds of markers of a draw).
 */

const pluralOf = (count: number) => pluralRules(getLocale()).select(count);
const digits = (count: number) => numberFormat(getLocale()).format(count);

/** A cluster's accessible name: "12 services". */
export function clusterLabel(total: number): string {
  const count = digits(total);
  switch (pluralOf(total)) {
    case 'zero':
      return msg(str`${count} services`, { id: 'sf-map-cluster-zero' });
    case 'one':
      return msg(str`${count} service`, { id: 'sf-map-cluster-one' });
    case 'two':
      return msg(str`${count} services`, { id: 'sf-map-cluster-two' });
    case 'few':
      return msg(str`${count} services`, { id: 'sf-map-cluster-few' });
    case 'many':
      return msg(str`${count} services`, { id: 'sf-map-cluster-many' });
    default:
      return msg(str`${count} services`, { id: 'sf-map-cluster-other' });
  }
}

/** After a move: "12 services in view". */
export function inViewText(total: number): string {
  const count = digits(total);
  switch (pluralOf(total)) {
    case 'zero':
      return msg(str`${count} services in view`, { id: 'sf-map-in-view-zero' });
    case 'one':
      return msg(str`${count} service in view`, { id: 'sf-map-in-view-one' });
    case 'two':
      return msg(str`${count} services in view`, { id: 'sf-map-in-view-two' });
    case 'few':
      return msg(str`${count} services in view`, { id: 'sf-map-in-view-few' });
    case 'many':
      return msg(str`${count} services in view`, { id: 'sf-map-in-view-many' });
    default:
      return msg(str`${count} services in view`, { id: 'sf-map-in-view-other' });
  }
}

/** "Area about 1.2 km across, around ul. Długa 5." (the street of the service nearest the centre). */
export function areaText(across: string, street: string | undefined): string {
  return street ? msg(str`Area about ${across} across, around ${street}.`) : msg(str`Area about ${across} across.`);
}

/** A count for a cluster's face: "8", "120", "1.2K", short in every locale. */
export function shortCount(count: number): string {
  return numberFormat(getLocale(), { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}
