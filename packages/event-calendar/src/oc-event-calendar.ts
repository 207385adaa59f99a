import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import {
  ConfigController,
  DEFAULT_TIME_ZONE,
  LazyViewsController,
  getLocale,
  headingLevelRule,
  OcElement,
  lazyModule,
  monthRule,
  oneOfRule,
  renderProblem,
  setupProblemText,
  timeZoneRule,
  urlListRule,
  warnOnce,
  type FeedController,
} from '@open-city/core';
import { CalendarController, type EventCalendarView } from './calendar-state.js';
import { looksLikeICalendar } from './feed-address.js';
import type { ParsedFeed } from './model.js';

export type { EventCalendarView } from './calendar-state.js';

/**
 * Core's feed loader, then the feeds, load right after the element, in parallel with the feed
 * parsers (the iCalendar reader only for iCalendar feeds), recurrence, and the list, month and detail
 * views. The views count as loaded once both chunks are in, so that a chunk that did not load
 * shows one alert, and its "Try again" loads both.
 */
let Feed: typeof FeedController | undefined;
const loadFeedController = lazyModule(() => import('./lazy-feeds.js').then((module) => (Feed = module.FeedController)));
const loadViews = lazyModule(() =>
  Promise.all([import('./views/index.js'), loadFeedController()]).then(([views]) => views),
);

/**
 * The iCalendar reader, loaded while such a feed downloads instead of after it arrived (the
 * format is still told by the content: a wrong guess costs one chunk, fetched for nothing).
 */
const preloadICalendarReader = lazyModule(() => import('./ics.js'));

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
}

/** Below this width (in em of the host) the calendar starts as a list. */
const NARROW_EM = 40;

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
 * The detail of an event offers "Add to my calendar" (a single-event `.ics` file); Escape or "Back"
 * closes it and returns focus to the event. "Clear filters" leaves focus in the search field.
 *
 * iCalendar feeds load their reader on demand (a separate chunk, only when a feed is iCalendar).
 * The `LANGUAGE` parameter of SUMMARY/DESCRIPTION is the language of the text (marked as its
 * `lang`), not a language the event is held in. Extensions read from iCalendar: `X-OC-LANGUAGES`,
 * `X-OC-AUDIENCE`, `X-OC-FREE` (TRUE/FALSE), `X-OC-PRICE`, `X-OC-ACCESSIBILITY`, and `CONFERENCE`
 * (RFC 7986) for the link of an online event.
 *
 * @event oc-event-select - An event was opened. `detail: { uid, start }` (`start`: ISO instant, or
 *   the date of an all-day event). Cancelable: `preventDefault()` keeps the built-in detail closed.
 * @event oc-load-error - A feed could not be loaded or read, or a URL in `src` cannot be used.
 *   `detail: { url, message }`.
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
 * @csspart error - A problem message (an attribute, a feed, or setup).
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
   * format is read from the content. `{lang}` is replaced by the page language. A URL that cannot
   * be fetched (`javascript:`, `data:`...) is left out, with an alert; when none is left, the
   * alert is all the calendar shows.
   */
  @property() accessor src: string | null = null;

  /**
   * `list` or `month`. Unset: `list` in a container narrower than 40em, `month` in a wider one.
   * Any other value shows an alert and is treated as unset.
   */
  @property() accessor view: string | null = null;

  /**
   * IANA time zone in which events are shown (default `Europe/Warsaw`). A zone that does not exist
   * shows an alert, and the default is used.
   */
  @property({ attribute: 'time-zone' }) accessor timeZone: string = DEFAULT_TIME_ZONE;

  /**
   * The month shown first, `YYYY-MM` (default: the current month). Any other value shows an alert,
   * and the current month is shown. See also `shownMonth`.
   */
  @property() accessor month: string | null = null;

  /**
   * The clock for "today" (property only). Leave unset for the real time; tests and stories set a
   * fixed one, e.g. `calendar.now = new Date('2026-11-24T10:00:00Z')`.
   */
  @property({ attribute: false }) accessor now: Date | number | undefined = undefined;

  /**
   * The level of the calendar's top headings (the month shown, an event's title), 1 to 6, default
   * 2, so that the host page keeps its outline; the days under them are one level below. Any other
   * value shows an alert, and 2 is used.
   */
  @property({ type: Number, attribute: 'heading-level' }) accessor headingLevel = 2;

  private readonly config = new ConfigController(this, {
    src: urlListRule({ template: true }),
    view: oneOfRule<EventCalendarView>(['list', 'month']),
    timeZone: timeZoneRule(),
    month: monthRule(),
    headingLevel: headingLevelRule(),
  });

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  private readonly calendar: CalendarController = new CalendarController(this, {
    timeZone: () => this.config.get('timeZone'),
    view: () => this.config.get('view'),
    now: () => Number(this.now ?? Date.now()),
    describe: (withMonth) => {
      this.announced = { locale: getLocale(), withMonth };
      return this.lazyViews.module?.announcementText(this.calendar, this.feeds, withMonth);
    },
  });

  /** The language and the form of the live region's last words, to say them again after a switch. */
  private announced?: { locale: string; withMonth: boolean };

  private feeds: FeedController<ParsedFeed>[] = [];
  private sources: readonly string[] = [];
  private resizeObserver?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // Measured now (layout is synchronous) and on every resize, so the first render is already right.
    this.measure(this.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(([entry]) => this.measure(entry.contentRect.width));
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  private measure(width: number): void {
    if (width <= 0) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    this.calendar.setNarrow(width < NARROW_EM * em);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.calendar.resetView();
    if (changed.has('month')) {
      const month = this.config.get('month');
      if (month) this.calendar.showMonth(month);
    }
    if (changed.has('src') || !this.hasUpdated) this.followSources();
    else this.startFeeds();
    this.sayAgainInLocale();
  }

  /** After a switch of language, the live region's words ("January 2027: 14 events") in the new one. */
  private sayAgainInLocale(): void {
    const { announced } = this;
    const views = this.lazyViews.module;
    if (!announced || !views || !this.calendar.announcement || announced.locale === getLocale()) return;
    this.announced = { ...announced, locale: getLocale() };
    this.calendar.announcement = views.announcementText(this.calendar, this.feeds, announced.withMonth);
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
    return this.calendar.shownView;
  }

  /** The month shown, as `YYYY-MM`. Setting it shows that month. */
  get shownMonth(): string {
    return this.calendar.shownMonth;
  }

  set shownMonth(value: string) {
    const month = this.config.rules.month.read(value);
    if (!month.ok) {
      warnOnce(this, `shownMonth "${value}" should look like "2026-11".`);
      return;
    }
    this.calendar.showMonth(month.value);
  }

  /** One feed controller per usable URL of `src`, made again only when the list changes. */
  private followSources(): void {
    if (!this.src?.trim())
      warnOnce(this, 'needs a src attribute: one or more space-separated URLs of iCalendar or JSON-LD event feeds.');
    const sources = this.config.get('src') ?? [];
    if (sources.join(' ') === this.sources.join(' ')) return;
    for (const feed of this.feeds) {
      feed.setSource(undefined);
      this.removeController(feed);
    }
    this.sources = sources;
    this.feeds = [];
    if (sources.some(looksLikeICalendar)) preloadICalendarReader().catch(() => undefined);
    this.startFeeds();
  }

  /** Start the feeds of `src` once the feed loader is in (at once after the first time). */
  private startFeeds(): void {
    if (this.feeds.length > 0 || this.sources.length === 0) return;
    const Controller = Feed;
    if (!Controller) {
      // A chunk that did not load is shown by lazyViews, which waits for this one too.
      loadFeedController().then(
        () => this.requestUpdate(),
        () => undefined,
      );
      return;
    }
    this.feeds = this.sources.map((source, index) => {
      const feed = new Controller<ParsedFeed>(this, {
        parse: async ({ text, url }) => (await loadViews()).readFeed(this.calendar, text, index, url),
      });
      feed.setSource(source);
      return feed;
    });
  }

  protected override render() {
    if (this.config.blocking) return html`<div part="base">${this.config.render()}</div>`;
    if (this.sources.length === 0) return html`<div part="base">${renderProblem(setupProblemText())}</div>`;
    const views = this.lazyViews.module;
    if (!views || this.feeds.length === 0) {
      return html`<div class="calendar" part="base">${this.config.render()} ${this.lazyViews.renderPending()}</div>`;
    }
    return views.renderCalendar(this.calendar, this.feeds, this.config.render(), this.config.get('headingLevel'));
  }
}
