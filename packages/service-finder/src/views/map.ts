import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { chunkProblemText, headingTag, renderLoading, renderProblem } from '@open-city/core';
import type { FinderActions, FinderView } from '../finder-state.js';
import type { Found } from '../finder.js';
import type { Clock } from '../hours.js';
import type { Service } from '../model.js';
import { unmappedText } from './count-text.js';
import { renderResults } from './results.js';

const onMap = (service: Service) =>
  service.places.some((place) => place.latitude !== undefined && place.longitude !== undefined);

/**
 * The results on a map, and beside it those that have no coordinates, as cards. The map itself
 * is a lazy chunk of its own (`map/service-map.ts`): until it is in, a loading indicator.
 */
export function renderMapResults(
  state: FinderView,
  actions: Pick<FinderActions, 'open' | 'showMore'>,
  found: Found,
  clock: Clock,
  headingLevel = 2,
): TemplateResult {
  const { map: loader } = state;
  const heading = headingTag(headingLevel);
  const unmapped = found.services.filter((service) => !onMap(service));
  const map = loader.map;
  if (map) {
    map.update({
      ...state.mapSettings,
      services: found.services,
      position: state.position,
      onOpen: (service) => actions.open(service),
      headingLevel,
    });
  }
  const shownMap = map
    ? map.element
    : loader.error
      ? renderProblem(chunkProblemText(), () => loader.retry())
      : renderLoading();
  return html`<div class="map-layout ${unmapped.length > 0 ? 'with-unmapped' : ''}">
    ${shownMap}
    ${
      unmapped.length > 0
        ? html`<section class="unmapped" aria-labelledby="unmapped-title">
            ${staticHtml`<${heading} id="unmapped-title" class="unmapped-title">${unmappedText(unmapped.length)}</${heading}>`}
            ${renderResults({ services: unmapped, distances: found.distances }, state.shown, actions, clock, headingLevel)}
          </section>`
        : nothing
    }
  </div>`;
}
