import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isoDate, zonedParts, type OcElement } from '@open-city/core';
import type { Filters } from './calendar.js';
import { addMonthsToDate, type MonthRef } from './dates.js';
import type { DateOnly, Occurrence } from './model.js';

export type EventCalendarView = 'list' | 'month';

/** Events the list shows at first, and adds with each "Show more events": a busy month stays light. */
export const LIST_PAGE = 40;

/** Where focus goes after the next render: a grid cell, the detail, the chosen day's events, or an event. */
export type FocusTarget = 'grid' | 'detail' | 'day-events' | { key: string };

export type CalendarHost = ReactiveControllerHost & Pick<OcElement, 'emit' | 'renderRoot'>;

/** What the calendar reads from its element, each time it needs it. */
export interface CalendarSettings {
  /** The zone events are shown in (the usable `time-zone`). */
  timeZone(): string;
  /** The view the `view` attribute asks for, when it names one. */
  view(): EventCalendarView | undefined;
  /** The clock for "today", in ms. */
  now(): number;
  /** What the view shows now, for the live region ("3 events"); undefined until the views are in. */
  describe(withMonth: boolean): string | undefined;
}

/**
 * The state of one calendar and the actions that change it: the month and day shown, the view,
 * the filters, the event opened, the list's length, where focus goes next, and what the live
 * region says. Knows nothing of how it is drawn.
 */
export class CalendarController implements ReactiveController {
  filters: Filters = { query: '' };
  /** The event whose detail is open. */
  selected?: Occurrence;
  /** The live region's text. */
  announcement = '';
  /** How many events the list shows before "Show more events" (whole days are kept). */
  listLimit = LIST_PAGE;
  focusTarget?: FocusTarget;
  /** The view the visitor chose, until the `view` attribute changes. */
  chosenView?: EventCalendarView;
  /** The container is narrower than 40em: without a `view`, the calendar is a list. */
  narrow = false;

  private monthShown?: MonthRef;
  private activeDay?: DateOnly;
  private downloadUrl?: string;

  constructor(
    private readonly host: CalendarHost,
    private readonly settings: CalendarSettings,
  ) {
    host.addController(this);
  }

  get zone(): string {
    return this.settings.timeZone();
  }

  get now(): number {
    return this.settings.now();
  }

  get today(): DateOnly {
    const { year, month, day } = zonedParts(this.now, this.zone);
    return { year, month, day };
  }

  /** The month shown (today's until the first render fixes it). */
  get month(): MonthRef {
    const { year, month } = this.monthShown ?? this.today;
    return { year, month };
  }

  /** The day the grid's focus is on. */
  get activeDate(): DateOnly {
    return this.activeDay ?? this.today;
  }

  /** The month shown, as `YYYY-MM`. */
  get shownMonth(): string {
    return isoDate({ ...this.month, day: 1 }).slice(0, 7);
  }

  /** The view shown now: the visitor's choice, else the `view` attribute, else by width. */
  get shownView(): EventCalendarView {
    return this.chosenView ?? this.settings.view() ?? (this.narrow ? 'list' : 'month');
  }

  hostUpdate(): void {
    // Fixed at the first render, so that the month shown does not move at midnight.
    this.monthShown ??= this.month;
    this.activeDay ??= this.today;
  }

  hostUpdated(): void {
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (!target) return;
    const root = this.host.renderRoot;
    const find = (selector: string) => root.querySelector<HTMLElement>(selector);
    if (target === 'grid') find('td[tabindex="0"]')?.focus();
    else if (target === 'detail') find('#detail-title')?.focus();
    else if (target === 'day-events') find('.day-events .event')?.focus();
    else {
      const button = [...root.querySelectorAll<HTMLElement>('.event')].find((b) => b.dataset.key === target.key);
      // The event is gone (filtered out, another month): keep focus in the calendar.
      (button ?? find(this.shownView === 'month' ? 'td[tabindex="0"]' : '#title'))?.focus();
    }
  }

  hostDisconnected(): void {
    this.revokeDownload();
  }

  /** Draw again: a feed read further (its note's counts are final once it is read whole). */
  refresh(): void {
    this.host.requestUpdate();
  }

  setNarrow(narrow: boolean): void {
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.requestUpdate();
  }

  /** The `view` attribute changed: it wins over the visitor's earlier choice. */
  resetView(): void {
    this.chosenView = undefined;
  }

  /** Show a month given as `YYYY-MM` (the `month` attribute, the `shownMonth` property). */
  showMonth(value: string): void {
    const [year, month] = value.split('-').map(Number);
    if (this.monthShown) {
      this.goToDate({ year, month, day: 1 }, false);
      return;
    }
    // The first month shown: nothing to announce, and today stays the active day when it is in it.
    const today = this.today;
    this.monthShown = { year, month };
    this.activeDay = today.year === year && today.month === month ? today : { year, month, day: 1 };
    this.host.requestUpdate();
  }

  /** Make a day the active one, showing its month; with `focusGrid`, focus follows. */
  goToDate(date: DateOnly, focusGrid: boolean): void {
    const shown = this.monthShown;
    this.activeDay = date;
    if (!shown || date.year !== shown.year || date.month !== shown.month) {
      this.monthShown = { year: date.year, month: date.month };
      this.listLimit = LIST_PAGE;
      this.announceSoon(true);
    }
    if (focusGrid) this.focusTarget = 'grid';
    this.host.requestUpdate();
  }

  changeMonth(delta: number): void {
    this.goToDate(addMonthsToDate(this.activeDate, delta), false);
  }

  goToToday(): void {
    this.goToDate(this.today, this.shownView === 'month');
    this.announceSoon(true);
  }

  chooseView(view: EventCalendarView): void {
    if (view === this.shownView) return;
    this.chosenView = view;
    this.announceSoon(true);
    this.host.requestUpdate();
  }

  setFilters(changes: Partial<Filters>): void {
    this.filters = { ...this.filters, ...changes };
    this.listLimit = LIST_PAGE;
    this.announceSoon();
    this.host.requestUpdate();
  }

  clearFilters(): void {
    this.filters = { query: '' };
    this.listLimit = LIST_PAGE;
    this.announceSoon();
    this.focusTarget = undefined;
    this.host.requestUpdate();
  }

  /** From a grid cell (Enter): that day becomes active and focus goes to its events. */
  showDayEvents(date: DateOnly): void {
    this.activeDay = date;
    this.focusTarget = 'day-events';
    this.host.requestUpdate();
  }

  /** The next page of the list; focus goes to `firstNewKey`, the first event it adds. */
  showMore(firstNewKey?: string): void {
    this.listLimit += LIST_PAGE;
    if (firstNewKey) this.focusTarget = { key: firstNewKey };
    this.host.requestUpdate();
  }

  /** Open an event's detail, unless a listener of `oc-event-select` prevents it. */
  open(occurrence: Occurrence): void {
    const start =
      occurrence.allDay && occurrence.startDate ? isoDate(occurrence.startDate) : occurrence.start.toISOString();
    const proceed = this.host.emit('oc-event-select', { uid: occurrence.event.uid, start }, { cancelable: true });
    if (!proceed) return;
    this.revokeDownload();
    this.selected = occurrence;
    this.focusTarget = 'detail';
    this.host.requestUpdate();
  }

  /** Back from the detail to the calendar, focus on the event that was opened. */
  closeDetail(): void {
    const key = this.selected?.key;
    this.selected = undefined;
    this.revokeDownload();
    if (key) this.focusTarget = { key };
    this.host.requestUpdate();
  }

  /** A link to the open event as an `.ics` file, made once per opened event. */
  download(icsFile: () => string): string {
    this.downloadUrl ??= URL.createObjectURL(new Blob([icsFile()], { type: 'text/calendar;charset=utf-8' }));
    return this.downloadUrl;
  }

  /** Say what the view shows (after the next render, once the views are in). */
  announceSoon(withMonth = false): void {
    void this.host.updateComplete.then(() => {
      const text = this.settings.describe(withMonth);
      if (text === undefined) return;
      // The same words again would not be announced: vary them invisibly, every other time.
      this.announcement = text === this.announcement ? `${text}\u00a0` : text;
      this.host.requestUpdate();
    });
  }

  private revokeDownload(): void {
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = undefined;
  }
}
