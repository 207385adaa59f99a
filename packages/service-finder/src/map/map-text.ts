import { msg, str } from '@lit/localize';
import { getLocale } from '@open-city/core';

/** The map's counted phrases, in the plural forms of each language (Intl.PluralRules). */

/** Intl's constructors are slow: one of each per locale, for the hundreds of markers of a draw. */
const formats = new Map<string, { plural: Intl.PluralRules; compact: Intl.NumberFormat }>();
function formatsOf(locale: string) {
  let cached = formats.get(locale);
  if (!cached) {
    cached = {
      plural: new Intl.PluralRules(locale),
      compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
    };
    formats.set(locale, cached);
  }
  return cached;
}

const pluralOf = (count: number) => formatsOf(getLocale()).plural.select(count);

/** A cluster's accessible name: "12 services". */
export function clusterLabel(count: number): string {
  switch (pluralOf(count)) {
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
export function inViewText(count: number): string {
  switch (pluralOf(count)) {
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
  return formatsOf(getLocale()).compact.format(count);
}
