import { msg, str } from '@lit/localize';
import { getLocale } from '@open-city/core';
import type { FilterName, Filters } from '../finder.js';
import { languageLabel } from '../format.js';
import type { Directory } from '../model.js';

/** How an active filter is named on its chip and in the suggestions to remove it. */
export function filterLabel(name: FilterName, filters: Filters, directory: Directory): string {
  switch (name) {
    case 'query':
      return msg(str`Search: ${filters.query.trim()}`);
    case 'category':
      return directory.categories.get(filters.category!)?.name ?? filters.category!;
    case 'language':
      return languageLabel(filters.language!, getLocale());
    case 'free':
      return msg('Free of charge');
    case 'openNow':
      return msg('Open now');
    case 'accessible':
      return msg('Accessible location');
  }
}
