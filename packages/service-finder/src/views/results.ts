import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FinderActions } from '../finder-state.js';
import type { Found } from '../finder.js';
import type { Clock } from '../hours.js';
import { renderCard } from './card.js';
import { shownText } from './count-text.js';

/** The page of results shown, and "Show more" while there are more. */
export function renderResults(
  found: Found,
  shown: number,
  actions: Pick<FinderActions, 'open' | 'showMore'>,
  clock: Clock,
  headingLevel = 2,
  /** The directory is still being read: no "Show more" yet (how many there are is not known). */
  partial = false,
): TemplateResult {
  const total = found.services.length;
  const visible = found.services.slice(0, shown);
  return html`<ul class="results" part="list" role="list" aria-label=${msg('Services')}>
      ${visible.map((service) =>
        renderCard(service, found.distances?.get(service.id), clock, (s) => actions.open(s), headingLevel),
      )}
    </ul>
    ${
      total > visible.length && !partial
        ? html`<div class="more">
            <p class="shown">${shownText(visible.length, total)}</p>
            <button class="button" part="more" type="button" @click=${() => actions.showMore(found)}>
              ${msg('Show more')}
            </button>
          </div>`
        : nothing
    }`;
}
