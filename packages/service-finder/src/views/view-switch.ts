import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { renderIcon } from '@open-city/core';
import type { FinderActions } from '../finder-state.js';
import type { ResultsView } from '../url-state.js';
import { icons } from './icons.js';

/**
 * List or map: two toggle buttons, in the same place in both views, so that focus stays on the
 * one pressed and the other view is always one control away.
 */
export function renderViewSwitch(view: ResultsView, actions: Pick<FinderActions, 'setView'>): TemplateResult {
  const choice = (value: ResultsView, label: string, icon: keyof typeof icons) =>
    html`<button
      class="view-choice"
      type="button"
      aria-pressed=${view === value ? 'true' : 'false'}
      @click=${() => actions.setView(value)}
    >
      ${renderIcon(icons[icon])}<span>${label}</span>
    </button>`;
  return html`<div class="view-switch" part="view-switch" role="group" aria-label=${msg('Show the services')}>
    ${choice('list', msg('List'), 'list')} ${choice('map', msg('Map'), 'map')}
  </div>`;
}
