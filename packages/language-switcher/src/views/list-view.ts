import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { directionOf, endonym, getLocale, type Locale } from '@open-city/core';

/**
 * The open variant: every language visible as a button, in a navigation landmark. `changed`: the
 * page language has just been changed here, which a status message says.
 */
export function renderList(
  choices: Locale[],
  current: Locale,
  choose: (locale: string) => void,
  changed = false,
): TemplateResult {
  return html`<nav part="base" aria-label=${msg('Language')}>
    <ul part="list" role="list" @keydown=${moveFocus}>
      ${choices.map(
        (locale) =>
          html`<li>
            <button
              type="button"
              class="option"
              part="option"
              lang=${locale}
              dir=${directionOf(locale)}
              aria-current=${locale === current ? 'true' : nothing}
              @click=${() => choose(locale)}
            >
              ${endonym(locale)}
            </button>
          </li>`,
      )}
    </ul>
    <span class="visually-hidden" role="status">${changed ? msg('Language changed.') : ''}</span>
  </nav>`;
}

/** Arrow keys, Home and End move between the languages of the list, as in a toolbar. */
function moveFocus(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const buttons = [...list.querySelectorAll<HTMLButtonElement>('.option')];
  const index = buttons.indexOf(event.target as HTMLButtonElement);
  if (index < 0) return;
  const forward = directionOf(getLocale()) === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
  let next: number;
  switch (event.key) {
    case forward:
    case 'ArrowDown':
      next = (index + 1) % buttons.length;
      break;
    case backward:
    case 'ArrowUp':
      next = (index - 1 + buttons.length) % buttons.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = buttons.length - 1;
      break;
    default:
      return;
  }
  event.preventDefault();
  buttons[next].focus();
}
