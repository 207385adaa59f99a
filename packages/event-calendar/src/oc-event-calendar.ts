import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_TIME_ZONE,
  FeedController,
  LazyViewsController,
  OcElement,
  isValidTimeZone,
  lazyModule,
  readChoice,
  renderProblem,
  setupProblemText,
  warnOnce,
  zonedParts,
} from '@open-city/core';
import type { Filters, MonthRef } from './calendar.js';
import type { DateOnly, Occurrence, ParsedFeed } from './model.js';

type Views = typeof import('./views.js');
/**
 * The feed parsers (ical.js itself only for iCalendar feeds), recurrence, and the list, month and
 * detail views load after the element, in parallel with the feeds they need anyway.
 */
const loadViews = lazyModule(() => import('./views.js'));

export type EventCalendarView = 'list' | 'month';

export interface EventSelectDetail {
  /** The event's UID (iCalendar UID, or schema.org identifier / @id / url). */
  uid: string;
  /** The occurrence's start: an ISO 8601 instant, or a date (`2026-12-18`) for an all-day event. */
  start: string;
}

declare module '@open-city/core' {
  interface OcEventDetails {
    'oc-event-select': EventSelectDetail;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oc-event-calendar': OcEventCalendar;
  }
  interface HTMLElementEventMap {
    'oc-event-select': CustomEvent<EventSelectDetail>;
  }
}

const views: readonly EventCalendarView[] = ['list', 'month'];

/** Events the list shows at first, and adds with each "Show more events": a busy month stays light. */
export const LIST_PAGE = 40;

/** Below this width (in em of the host) the calendar starts as a list. */
const NARROW_EM = 40;

export const pad2 = (value: number) => String(value).padStart(2, '0');
export const isoDate = (date: DateOnly) => `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
/** A zone-free date as a Date at noon UTC, to format it with `timeZone: 'UTC'`. */
export const dateAsUtc = (date: DateOnly) => Date.UTC(date.year, date.month - 1, date.day, 12);

/**
 * @tagname oc-event-calendar
 * @summary Integration events (language cafés, legal-aid hours, workshops, festivals) from
 * iCalendar and schema.org JSON-LD feeds, as an agenda list or a month grid.
 *
 * Several feeds in `src` are merged and de-duplicated by UID and start; a feed that fails shows its
 * own message while the others still show. Times are shown in `time-zone`, right across DST.
 * The month grid is one ARIA grid: arrow keys move between days, Home/End to the week's ends,
 * Page Up/Page Down change month (with Shift: year), Enter goes to the day's events; each change
 * of month is announced. Filters: text search, category, language of the event, audience, free.
 * The detail of an event offers "Add to my calendar" (a single-event `.ics` file).
 *
 * iCalendar feeds load ical.js on demand (a separate chunk, only when a feed is iCalendar).
 * Extensions read from iCalendar: the `LANGUAGE` parameter of SUMMARY/DESCRIPTION,
 * `X-OC-LANGUAGES`, `X-OC-AUDIENCE`, `X-OC-FREE` (TRUE/FALSE), `X-OC-PRICE`,
 * `X-OC-ACCESSIBILITY`, and `CONFERENCE` (RFC 7986) for the link of an online event.
 *
 * @event oc-event-select - An event was opened. `detail: { uid, start }` (`start`: ISO instant, or
 *   the date of an all-day event). Cancelable: `preventDefault()` keeps the built-in detail closed.
 * @event oc-load-error - A feed could not be loaded or read. `detail: { url, message }`.
 *
 * @csspart base - The wrapper of the whole calendar.
 * @csspart toolbar - Month navigation and the choice of view.
 * @csspart title - The heading with the month shown.
 * @csspart filters - The search and filter controls.
 * @csspart status - The count of events shown (a live region).
 * @csspart list - The agenda list.
 * @csspart day - A day of the agenda list, or the events of the day chosen in the month grid.
 * @csspart event - Each event button.
 * @csspart grid - The month grid (one table).
 * @csspart cell - Each day cell of the grid.
 * @csspart empty - What is shown when there are no events.
 * @csspart detail - The detail of one event.
 * @csspart add-to-calendar - The "Add to my calendar" link.
 * @csspart loading - The loading indicator.
 * @csspart error - A problem message (feed or setup).
 *
 * @cssproperty --oc-color-accent - Links, buttons, today and the focus ring.
 * @cssproperty --oc-color-on-accent - Text on the accent colour (the chosen view, the chosen day).
 * @cssproperty --oc-color-text - Body text.
 * @cssproperty --oc-color-text-muted - Secondary text (times, places, days of other months).
 * @cssproperty --oc-color-background - Background of cells and buttons.
 * @cssproperty --oc-color-surface - Background of the toolbar, filters and event chips.
 * @cssproperty --oc-color-border - Borders of the grid and inputs.
 * @cssproperty --oc-color-error - The "Cancelled" mark and alerts.
 * @cssproperty --oc-color-error-surface - Background of alerts.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-space - Base spacing.
 * @cssproperty --oc-font-size - Base font size (default 16px, independent of the page's root size).
 */
export class OcEventCalendar extends OcElement {
  static override tagName = 'oc-event-calendar';

  static override styles = OcElement.styles;

  /**
   * One or more space-separated feed URLs: iCalendar or JSON-LD schema.org events, merged. The
   * format is read from the content. `{lang}` is replaced by the page language.
   */
  @property() accessor src: string | null = null;

  /** `list` or `month`. Unset: `list` in a container narrower than 40em, `month` in a wider one. */
  @property() accessor view: string | null = null;

  /** IANA time zone in which events are shown (default `Europe/Warsaw`). */
  @property({ attribute: 'time-zone' }) accessor timeZone: string = DEFAULT_TIME_ZONE;

  /**
   * The clock for "today" (property only). Leave unset for the real time; tests and stories set a
   * fixed one, e.g. `calendar.now = new Date('2026-11-24T10:00:00Z')`.
   */
  @property({ attribute: false }) accessor now: Date | number | undefined = undefined;

  /** @internal */
  @state() accessor month: MonthRef | undefined = undefined;
  /** @internal */
  @state() accessor activeDate: DateOnly | undefined = undefined;
  /** @internal */
  @state() accessor filters: Filters = { query: '' };
  /** @internal */
  @state() accessor chosenView: EventCalendarView | undefined = undefined;
  @state() private accessor narrow = false;
  /** @internal */
  @state() accessor selected: Occurrence | undefined = undefined;
  /** @internal */
  @state() accessor announcement = '';

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  /** @internal How many events the list shows before "Show more events" (whole days are kept). */
  @state() accessor listLimit = LIST_PAGE;

  /** @internal The views, once loaded. */
  get views(): Views | undefined {
    return this.lazyViews.module;
  }

  /** @internal */
  feeds: FeedController<ParsedFeed>[] = [];
  /** @internal */
  templates: string[] = [];
  /** @internal */
  zone = DEFAULT_TIME_ZONE;
  private attributeView: EventCalendarView | undefined;
  private resizeObserver?: ResizeObserver;
  /** @internal */
  downloadUrl?: string;
  /** Where focus goes after the next render. */
  /** @internal */
  focusTarget: 'grid' | 'detail' | 'day-events' | { key: string } | undefined;
  /** @internal */
  memo?: { key: string; feeds: (ParsedFeed | undefined)[]; occurrences: Occurrence[] };

  override connectedCallback(): void {
    super.connectedCallback();
    // Measured now (layout is synchronous) and on every resize, so the first render is already right.
    this.measure(this.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(([entry]) => this.measure(entry.contentRect.width));
      this.resizeObserver.observe(this);
    }
  }

  private measure(width: number): void {
    if (width <= 0) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    const narrow = width < NARROW_EM * em;
    if (narrow !== this.narrow) this.narrow = narrow;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.revokeDownload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timeZone')) {
      const zone = this.timeZone?.trim() || DEFAULT_TIME_ZONE;
      if (isValidTimeZone(zone)) this.zone = zone;
      else {
        warnOnce(
          this,
          `time-zone="${this.timeZone}" is not an IANA time zone such as "Europe/Warsaw"; using ${DEFAULT_TIME_ZONE}.`,
        );
        this.zone = DEFAULT_TIME_ZONE;
      }
    }
    if (changed.has('view')) {
      this.attributeView = this.view ? readChoice(this, 'view', this.view, views, 'list') : undefined;
      this.chosenView = undefined;
    }
    if (changed.has('src') || !this.hasUpdated) this.followSources();
    if (!this.month || !this.activeDate) {
      const today = this.today;
      this.month ??= { year: today.year, month: today.month };
      this.activeDate ??= today;
    }
  }

  protected override updated(): void {
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (target === 'grid') this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    else if (target === 'detail') this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    else if (target === 'day-events') this.renderRoot.querySelector<HTMLElement>('.day-events .event')?.focus();
    else if (target) {
      const button = [...this.renderRoot.querySelectorAll<HTMLElement>('.event')].find(
        (b) => b.dataset.key === target.key,
      );
      if (button) button.focus();
      else
        this.renderRoot.querySelector<HTMLElement>(this.shownView === 'month' ? 'td[tabindex="0"]' : '#title')?.focus();
    }
  }

  /** Settles once every feed is loaded (or failed) and rendered: for tests, stories and embedding code. */
  get loaded(): Promise<void> {
    return this.lazyViews.ready
      .then(() => Promise.all(this.feeds.map((feed) => feed.settled)))
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** The view shown now: the user's choice, else the `view` attribute, else by width. */
  get shownView(): EventCalendarView {
    return this.chosenView ?? this.attributeView ?? (this.narrow ? 'list' : 'month');
  }

  /** The month shown, as `YYYY-MM`. Setting it shows that month. */
  get shownMonth(): string {
    const month = this.month ?? this.today;
    return `${month.year}-${pad2(month.month)}`;
  }

  set shownMonth(value: string) {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
      warnOnce(this, `shownMonth "${value}" should look like "2026-11".`);
      return;
    }
    this.goToDate({ year: Number(match[1]), month: Number(match[2]), day: 1 }, false);
  }

  /** @internal */
  get nowValue(): number {
    const now = this.now;
    return now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  }

  /** @internal */
  get today(): DateOnly {
    const { year, month, day } = zonedParts(this.nowValue, this.zone);
    return { year, month, day };
  }

  private followSources(): void {
    const templates = (this.src ?? '').split(/\s+/).filter(Boolean);
    if (templates.join(' ') === this.templates.join(' ')) return;
    for (const feed of this.feeds) {
      feed.setSource(undefined);
      this.removeController(feed);
    }
    this.templates = templates;
    this.feeds = templates.map((template, index) => {
      const feed = new FeedController<ParsedFeed>(this, {
        parse: async ({ text, url }) => (await loadViews()).parseFeed(text, index, url),
      });
      feed.setSource(template);
      return feed;
    });
    if (templates.length === 0)
      warnOnce(this, 'needs a src attribute: one or more space-separated URLs of iCalendar or JSON-LD event feeds.');
  }

  /** @internal */
  goToDate(date: DateOnly, focusGrid: boolean): void {
    const changedMonth = !this.month || date.year !== this.month.year || date.month !== this.month.month;
    this.activeDate = date;
    if (changedMonth) {
      this.month = { year: date.year, month: date.month };
      this.listLimit = LIST_PAGE;
      this.views?.announceSoon(this, true);
    }
    if (focusGrid) this.focusTarget = 'grid';
  }

  /** @internal */
  revokeDownload(): void {
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = undefined;
  }

  // ---------------------------------------------------------------- rendering

  protected override render() {
    if (this.templates.length === 0) return html`<div part="base">${renderProblem(setupProblemText())}</div>`;
    if (!this.views) {
      return html`<div class="calendar" part="base">${this.lazyViews.renderPending()}</div>`;
    }
    return this.views.renderCalendar(this);
  }
}
