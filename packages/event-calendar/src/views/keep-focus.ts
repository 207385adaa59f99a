import type { CalendarController } from '../calendar-state.js';

/*
 * Actions whose button goes away with the next render: focus moves first to a control that stays,
 * so it never falls to the page's body (WCAG 2.4.3). The places are listed in docs/event-calendar.md.
 */

/** The calendar's shadow root, from a click on one of its controls. */
const rootOf = (click: Event) => (click.currentTarget as Element | null)?.getRootNode() as ParentNode | undefined;

/**
 * "Clear filters" removes itself: focus goes first to the search field (which stays, now empty),
 * never to the page's body. Documented in docs/event-calendar.md.
 */
export function clearFiltersFrom(state: CalendarController, click: Event): void {
  rootOf(click)?.querySelector<HTMLInputElement>('#q')?.focus();
  state.clearFilters();
}

/**
 * "Next month" of the empty state goes away when the next month has events: focus goes first to
 * the month's title (which stays, and then names the new month).
 */
export function nextMonthFrom(state: CalendarController, click: Event): void {
  rootOf(click)?.querySelector<HTMLElement>('#title')?.focus();
  state.changeMonth(1);
}
