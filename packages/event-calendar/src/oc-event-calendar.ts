import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  DEFAULT_TIME_ZONE,
  FeedController,
  OcElement,
  addDays,
  compareDates,
  dateTimeFormat,
  directionOf,
  feedErrorText,
  formatDateTimeRange,
  getLocale,
  isValidTimeZone,
  readChoice,
  renderLoading,
  renderProblem,
  setupProblemText,
  warnOnce,
} from '@open-city/core';
import {
  addMonthsToDate,
  applyFilters,
  dateKey,
  dateOfInstant,
  filterOptions,
  groupByDay,
  mergeFeeds,
  monthWeeks,
  rangeOfDays,
  weekBounds,
  weekStart,
  type Filters,
  type MonthRef,
} from './calendar.js';
import { icsFileName, occurrenceToIcs } from './export-ics.js';
import { parseFeed } from './feeds.js';
import { eventCountText, moreText } from './messages.js';
import type { DateOnly, Occurrence, ParsedFeed, TimeRange } from './model.js';
import { eventCalendarStyles } from './oc-event-calendar.styles.js';

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

/** Below this width (in em of the host) the calendar starts as a list. */
const NARROW_EM = 40;

const icon = (path: ReturnType<typeof svg>) =>
  html`<svg
    class="icon"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${path}
  </svg>`;
const icons = {
  previous: svg`<path d="M15 5l-7 7 7 7"/>`,
  next: svg`<path d="M9 5l7 7-7 7"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  download: svg`<path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14"/>`,
  place: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
};

const pad2 = (value: number) => String(value).padStart(2, '0');
const isoDate = (date: DateOnly) => `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
/** A zone-free date as a Date at noon UTC, to format it with `timeZone: 'UTC'`. */
const dateAsUtc = (date: DateOnly) => Date.UTC(date.year, date.month - 1, date.day, 12);

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

  static override styles = [...OcElement.styles, eventCalendarStyles];

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

  @state() private accessor month: MonthRef | undefined = undefined;
  @state() private accessor activeDate: DateOnly | undefined = undefined;
  @state() private accessor filters: Filters = { query: '' };
  @state() private accessor chosenView: EventCalendarView | undefined = undefined;
  @state() private accessor narrow = false;
  @state() private accessor selected: Occurrence | undefined = undefined;
  @state() private accessor announcement = '';

  private feeds: FeedController<ParsedFeed>[] = [];
  private templates: string[] = [];
  private zone = DEFAULT_TIME_ZONE;
  private attributeView: EventCalendarView | undefined;
  private resizeObserver?: ResizeObserver;
  private downloadUrl?: string;
  /** Where focus goes after the next render. */
  private focusTarget: 'grid' | 'detail' | 'day-events' | { key: string } | undefined;
  private memo?: { key: string; feeds: (ParsedFeed | undefined)[]; occurrences: Occurrence[] };

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
    return this.updateComplete
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

  private get nowValue(): number {
    const now = this.now;
    return now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  }

  private get today(): DateOnly {
    return dateOfInstant(this.nowValue, this.zone);
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
        parse: ({ text, url }) => parseFeed(text, index, url),
      });
      feed.setSource(template);
      return feed;
    });
    if (templates.length === 0)
      warnOnce(this, 'needs a src attribute: one or more space-separated URLs of iCalendar or JSON-LD event feeds.');
  }

  /** The range the current view expands: the grid's weeks, or the month (from today in the current month). */
  private get range(): { range: TimeRange; first: DateOnly; last: DateOnly } {
    const month = this.month!;
    if (this.shownView === 'month') {
      const weeks = monthWeeks(month, weekStart(getLocale()));
      const first = weeks[0][0];
      const last = weeks[weeks.length - 1][6];
      return { range: rangeOfDays(first, last, this.zone), first, last };
    }
    const today = this.today;
    const monthStart = { ...month, day: 1 };
    const first = today.year === month.year && today.month === month.month ? today : monthStart;
    const last = addDays(addMonthsToDate(monthStart, 1), -1);
    return { range: rangeOfDays(first, last, this.zone), first, last };
  }

  /** Every occurrence in the view's range, merged (memoized on feeds, range and zone). */
  private get occurrences(): Occurrence[] {
    const { range } = this.range;
    const data = this.feeds.map((feed) => (feed.status === 'error' ? undefined : feed.data));
    const key = `${range.start.getTime()}|${range.end.getTime()}|${this.zone}`;
    if (
      this.memo &&
      this.memo.key === key &&
      this.memo.feeds.every((feed, i) => feed === data[i]) &&
      this.memo.feeds.length === data.length
    ) {
      return this.memo.occurrences;
    }
    const occurrences = mergeFeeds(data, range, this.zone);
    this.memo = { key, feeds: data, occurrences };
    return occurrences;
  }

  private setFilters(changes: Partial<Filters>): void {
    this.filters = { ...this.filters, ...changes };
    this.announceSoon();
  }

  private clearFilters(): void {
    this.filters = { query: '' };
    this.announceSoon();
    this.focusTarget = undefined;
  }

  /** Say how many events the view now shows (after the next render). */
  private announceSoon(withMonth = false): void {
    void this.updateComplete.then(() => {
      const count = applyFilters(this.occurrences, this.filters).length;
      const text = withMonth ? `${this.monthLabel}: ${eventCountText(count)}` : eventCountText(count);
      // The same words twice would not be announced again: vary them invisibly.
      this.announcement = text === this.announcement.trim() ? `${text}\u00a0` : text;
    });
  }

  private get monthLabel(): string {
    const month = this.month!;
    return dateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      dateAsUtc({ ...month, day: 1 }),
    );
  }

  private goToDate(date: DateOnly, focusGrid: boolean): void {
    const changedMonth = !this.month || date.year !== this.month.year || date.month !== this.month.month;
    this.activeDate = date;
    if (changedMonth) {
      this.month = { year: date.year, month: date.month };
      this.announceSoon(true);
    }
    if (focusGrid) this.focusTarget = 'grid';
  }

  private changeMonth(delta: number): void {
    const target = addMonthsToDate(this.activeDate ?? { ...this.month!, day: 1 }, delta);
    this.goToDate(target, false);
  }

  private goToToday(): void {
    this.goToDate(this.today, this.shownView === 'month');
    this.announceSoon(true);
  }

  private chooseView(view: EventCalendarView): void {
    if (view === this.shownView) return;
    this.chosenView = view;
    this.announceSoon(true);
  }

  private open(occurrence: Occurrence): void {
    const start =
      occurrence.allDay && occurrence.startDate ? isoDate(occurrence.startDate) : occurrence.start.toISOString();
    const proceed = this.emit('oc-event-select', { uid: occurrence.event.uid, start }, { cancelable: true });
    if (!proceed) return;
    this.revokeDownload();
    this.selected = occurrence;
    this.focusTarget = 'detail';
  }

  private closeDetail(): void {
    const key = this.selected?.key;
    this.selected = undefined;
    this.revokeDownload();
    if (key) this.focusTarget = { key };
  }

  private revokeDownload(): void {
    if (this.downloadUrl) URL.revokeObjectURL(this.downloadUrl);
    this.downloadUrl = undefined;
  }

  private downloadFor(occurrence: Occurrence): string {
    if (!this.downloadUrl) {
      const file = occurrenceToIcs(occurrence, new Date(this.nowValue));
      this.downloadUrl = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
    }
    return this.downloadUrl;
  }

  // ---------------------------------------------------------------- rendering

  protected override render() {
    if (this.templates.length === 0) return html`<div part="base">${renderProblem(setupProblemText())}</div>`;
    if (this.selected) return html`<div class="calendar" part="base">${this.renderDetail(this.selected)}</div>`;
    const all = this.occurrences;
    const shown = applyFilters(all, this.filters);
    const loading = this.feeds.some((feed) => feed.status === 'loading' && !feed.data);
    const ready = this.feeds.filter((feed) => feed.status === 'ready' || (feed.data && feed.status !== 'error'));
    const failed = this.feeds.filter((feed) => feed.status === 'error');
    return html`<div class="calendar" part="base">
      ${this.renderToolbar()} ${this.renderFilters(all)}
      ${failed.map((feed) =>
        renderProblem(
          ready.length > 0 || failed.length < this.feeds.length
            ? `${msg('Some events could not be loaded, so this calendar may be incomplete.')} ${feedErrorText(feed.error!)}`
            : feedErrorText(feed.error!),
          () => feed.reload(),
        ),
      )}
      ${
        this.feeds.some((feed) => feed.data && feed.data.skipped > 0)
          ? html`<p class="note">${msg('Some entries of a feed could not be read and are not shown.')}</p>`
          : nothing
      }
      <p class="count" part="status" role="status">${this.announcement}</p>
      ${loading && ready.length === 0 ? renderLoading() : nothing}
      ${
        ready.length > 0
          ? this.shownView === 'month'
            ? this.renderMonth(shown)
            : this.renderList(shown, all.length)
          : nothing
      }
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const rtl = directionOf(getLocale()) === 'rtl';
    const view = this.shownView;
    return html`<div class="toolbar" part="toolbar">
      <div class="month-nav">
        <button
          class="button icon-button"
          type="button"
          @click=${() => this.changeMonth(-1)}
          aria-label=${msg('Previous month')}
        >
          ${icon(rtl ? icons.next : icons.previous)}
        </button>
        <h2 id="title" part="title" tabindex="-1">${this.monthLabel}</h2>
        <button
          class="button icon-button"
          type="button"
          @click=${() => this.changeMonth(1)}
          aria-label=${msg('Next month')}
        >
          ${icon(rtl ? icons.previous : icons.next)}
        </button>
        <button class="button" type="button" @click=${this.goToToday}>${msg('Today')}</button>
      </div>
      <div class="views" role="group" aria-label=${msg('View')}>
        <button
          class="button view-button"
          type="button"
          aria-pressed=${String(view === 'list')}
          @click=${() => this.chooseView('list')}
        >
          ${msg('List')}
        </button>
        <button
          class="button view-button"
          type="button"
          aria-pressed=${String(view === 'month')}
          @click=${() => this.chooseView('month')}
        >
          ${msg('Month')}
        </button>
      </div>
    </div>`;
  }

  private renderFilters(all: Occurrence[]): TemplateResult {
    const locale = getLocale();
    const options = filterOptions(all, locale);
    const { filters } = this;
    // A chosen value stays offered even in a month without it, so the choice is never lost.
    const withChosen = (values: string[], chosen?: string) =>
      chosen && !values.includes(chosen) ? [chosen, ...values] : values;
    const languageName = (code: string) => {
      try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    };
    const active = Boolean(filters.query || filters.category || filters.language || filters.audience || filters.free);
    return html`<form class="filters" part="filters" role="search" @submit=${(event: Event) => event.preventDefault()}>
      <div class="field search">
        <label for="q">${msg('Search events')}</label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          .value=${filters.query}
          @input=${(event: Event) => this.setFilters({ query: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${this.renderSelect('category', msg('Category'), msg('All categories'), withChosen(options.categories, filters.category), (v) => v)}
      ${this.renderSelect('language', msg('Language of the event'), msg('Any language'), withChosen(options.languages, filters.language), languageName)}
      ${this.renderSelect('audience', msg('For whom'), msg('Everyone'), withChosen(options.audiences, filters.audience), (v) => v)}
      <div class="field check">
        <input
          id="free"
          type="checkbox"
          .checked=${Boolean(filters.free)}
          @change=${(event: Event) => this.setFilters({ free: (event.target as HTMLInputElement).checked || undefined })}
        />
        <label for="free">${msg('Free only')}</label>
      </div>
      ${
        active
          ? html`<button class="button clear" type="button" @click=${this.clearFilters}>
              ${msg('Clear filters')}
            </button>`
          : nothing
      }
    </form>`;
  }

  private renderSelect(
    name: 'category' | 'language' | 'audience',
    label: string,
    anyLabel: string,
    values: string[],
    labelOf: (value: string) => string,
  ): TemplateResult | typeof nothing {
    if (values.length === 0) return nothing;
    const chosen = this.filters[name] ?? '';
    return html`<div class="field">
      <label for=${`f-${name}`}>${label}</label>
      <select
        id=${`f-${name}`}
        @change=${(event: Event) => this.setFilters({ [name]: (event.target as HTMLSelectElement).value || undefined })}
      >
        <option value="" ?selected=${chosen === ''}>${anyLabel}</option>
        ${values.map((value) => html`<option value=${value} ?selected=${chosen === value}>${labelOf(value)}</option>`)}
      </select>
    </div>`;
  }

  private renderEmpty(filtered: boolean): TemplateResult {
    return html`<div class="empty" part="empty">
      <p>${filtered ? msg('No events match your search and filters.') : msg('No events in this month.')}</p>
      ${filtered ? html`<button class="button" type="button" @click=${this.clearFilters}>${msg('Clear filters')}</button>` : nothing}
      <button class="button" type="button" @click=${() => this.changeMonth(1)}>${msg('Next month')}</button>
    </div>`;
  }

  private renderList(shown: Occurrence[], total: number): TemplateResult {
    if (shown.length === 0) return this.renderEmpty(total > 0);
    const { first } = this.range;
    const days = [...groupByDay(shown, this.zone).entries()].filter(
      ([key]) => key >= dateKey(first) && key.slice(0, 7) === this.shownMonth,
    );
    if (days.length === 0) return this.renderEmpty(total > 0);
    return html`<div class="list" part="list">
      ${days.map(([key, occurrences]) => {
        const [year, month, day] = key.split('-').map(Number);
        return this.renderDay({ year, month, day }, occurrences, `d-${key}`);
      })}
    </div>`;
  }

  private dayLabel(date: DateOnly): string {
    return dateTimeFormat(getLocale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      dateAsUtc(date),
    );
  }

  private renderDay(date: DateOnly, occurrences: Occurrence[], id: string, extraClass = ''): TemplateResult {
    const isToday = compareDates(date, this.today) === 0;
    return html`<section class="day ${extraClass}" part="day" aria-labelledby=${id}>
      <h3 id=${id} class="day-title">
        ${this.dayLabel(date)} ${isToday ? html`<span class="today-badge">${msg('Today')}</span>` : nothing}
      </h3>
      ${
        occurrences.length === 0
          ? html`<p class="muted">${msg('No events on this day.')}</p>`
          : html`<ul class="events" role="list">
              ${occurrences.map((occurrence) => html`<li>${this.renderEventButton(occurrence, date)}</li>`)}
            </ul>`
      }
    </section>`;
  }

  private timeText(occurrence: Occurrence, day?: DateOnly): string {
    const locale = getLocale();
    if (occurrence.allDay) return msg('All day');
    const startDay = dateOfInstant(occurrence.start, this.zone);
    const endDay = dateOfInstant(Math.max(occurrence.start.getTime(), occurrence.end.getTime() - 1), this.zone);
    const timeOnly = { hour: 'numeric', minute: '2-digit', timeZone: this.zone } as const;
    if (compareDates(startDay, endDay) === 0) {
      return occurrence.end > occurrence.start
        ? formatDateTimeRange(occurrence.start, occurrence.end, locale, timeOnly)
        : dateTimeFormat(locale, timeOnly).format(occurrence.start);
    }
    // Spans days: on its first day from the start, on the last until the end, between all day.
    if (day && compareDates(day, startDay) === 0)
      return msg(str`From ${dateTimeFormat(locale, timeOnly).format(occurrence.start)}`);
    if (day && compareDates(day, endDay) === 0)
      return msg(str`Until ${dateTimeFormat(locale, timeOnly).format(occurrence.end)}`);
    if (day) return msg('All day');
    return formatDateTimeRange(occurrence.start, occurrence.end, locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.zone,
    });
  }

  private languagesText(codes: string[]): string {
    const locale = getLocale();
    try {
      const names = new Intl.DisplayNames([locale], { type: 'language' });
      return new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' }).format(
        codes.map((code) => names.of(code) ?? code),
      );
    } catch {
      return codes.join(', ');
    }
  }

  private renderEventButton(occurrence: Occurrence, day?: DateOnly): TemplateResult {
    const { event } = occurrence;
    const cancelled = event.status === 'cancelled';
    const where = event.place?.name ?? (event.onlineUrl ? msg('Online') : undefined);
    return html`<button
      class="event ${cancelled ? 'cancelled' : ''}"
      part="event"
      type="button"
      data-key=${occurrence.key}
      @click=${() => this.open(occurrence)}
    >
      <span class="time">${this.timeText(occurrence, day)}</span>
      <span class="title">
        ${cancelled ? html`<span class="badge badge-cancelled">${msg('Cancelled')}</span>` : nothing}
        <span class="title-text" dir="auto">${event.title}</span>
      </span>
      <span class="meta">
        ${where ? html`<span dir="auto">${where}</span>` : nothing}
        ${event.languages.length ? html`<span>${this.languagesText(event.languages)}</span>` : nothing}
        ${event.free ? html`<span class="badge">${msg('Free')}</span>` : nothing}
      </span>
    </button>`;
  }

  private renderMonth(shown: Occurrence[]): TemplateResult {
    const locale = getLocale();
    const month = this.month!;
    const weeks = monthWeeks(month, weekStart(locale));
    const byDay = groupByDay(shown, this.zone);
    const active =
      this.activeDate && weeks.flat().some((day) => compareDates(day, this.activeDate!) === 0)
        ? this.activeDate
        : { ...month, day: 1 };
    const today = this.today;
    const weekdayLong = dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const weekdayShort = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const cellLabel = dateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    const activeEvents = byDay.get(dateKey(active)) ?? [];
    return html`<div class="month">
        <p id="grid-help" class="visually-hidden">
          ${msg('Arrow keys move between days, Page Up and Page Down change the month. Press Enter to go to the events of a day.')}
        </p>
        <table
          role="grid"
          part="grid"
          aria-labelledby="title"
          aria-describedby="grid-help"
          @keydown=${this.onGridKeydown}
        >
          <thead>
            <tr>
              ${weeks[0].map(
                (day) =>
                  html`<th scope="col">
                    <span aria-hidden="true">${weekdayShort.format(dateAsUtc(day))}</span>
                    <span class="visually-hidden">${weekdayLong.format(dateAsUtc(day))}</span>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${weeks.map(
              (week) =>
                html`<tr>
                  ${week.map((day) => {
                    const events = byDay.get(dateKey(day)) ?? [];
                    const outside = day.month !== month.month;
                    const isActive = compareDates(day, active) === 0;
                    const isToday = compareDates(day, today) === 0;
                    return html`<td
                      part="cell"
                      class=${['cell', outside ? 'outside' : '', isToday ? 'today' : '', isActive ? 'active' : '', events.length ? 'has-events' : ''].join(' ')}
                      tabindex=${isActive ? '0' : '-1'}
                      aria-selected=${isActive ? 'true' : 'false'}
                      aria-current=${isToday ? 'date' : nothing}
                      data-date=${dateKey(day)}
                      @click=${() => this.goToDate(day, true)}
                    >
                      <span class="day-number" aria-hidden="true"
                        >${new Intl.NumberFormat(locale).format(day.day)}</span
                      >
                      <span class="visually-hidden"
                        >${cellLabel.format(dateAsUtc(day))}${isToday ? `, ${msg('Today')}` : ''},
                        ${eventCountText(events.length)}</span
                      >
                      ${
                        events.length
                          ? html`<ul class="chips" role="presentation">
                                ${events.slice(0, 3).map(
                                  (occurrence) =>
                                    html`<li
                                      role="presentation"
                                      class="chip ${occurrence.event.status === 'cancelled' ? 'cancelled' : ''}"
                                      data-key=${occurrence.key}
                                      @click=${(event: Event) => {
                                        event.stopPropagation();
                                        this.open(occurrence);
                                      }}
                                    >
                                      <bdi>${occurrence.event.title}</bdi>
                                    </li>`,
                                )}
                                ${events.length > 3 ? html`<li role="presentation" class="more">${moreText(events.length - 3)}</li>` : nothing}
                              </ul>
                              <span class="dot" aria-hidden="true"></span>`
                          : nothing
                      }
                    </td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.renderDay(active, activeEvents, 'day-title', 'day-events')}
      ${shown.length === 0 ? this.renderEmpty(this.occurrences.length > 0) : nothing}`;
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const cell = (event.target as HTMLElement).closest('td');
    if (!cell?.dataset.date) return;
    const [year, month, day] = cell.dataset.date.split('-').map(Number);
    const current = { year, month, day };
    const rtl = directionOf(getLocale()) === 'rtl';
    const firstDay = weekStart(getLocale());
    let next: DateOnly | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = addDays(current, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = addDays(current, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        next = addDays(current, 7);
        break;
      case 'ArrowUp':
        next = addDays(current, -7);
        break;
      case 'Home':
        next = weekBounds(current, firstDay)[0];
        break;
      case 'End':
        next = weekBounds(current, firstDay)[1];
        break;
      case 'PageUp':
        next = addMonthsToDate(current, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = addMonthsToDate(current, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activeDate = current;
        this.focusTarget = 'day-events';
        return;
      default:
        return;
    }
    event.preventDefault();
    this.goToDate(next, true);
  }

  private renderDetail(occurrence: Occurrence): TemplateResult {
    const locale = getLocale();
    const { event } = occurrence;
    const place = event.place;
    const directions =
      place?.latitude !== undefined && place.longitude !== undefined
        ? `https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}`
        : place?.address
          ? `https://www.openstreetmap.org/search?query=${encodeURIComponent([place.name, place.address].filter(Boolean).join(', '))}`
          : undefined;
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    let when: string;
    if (occurrence.allDay && occurrence.startDate && occurrence.endDate) {
      const last = addDays(occurrence.endDate, -1);
      const format = { dateStyle: 'full', timeZone: 'UTC' } as const;
      when =
        compareDates(last, occurrence.startDate) === 0
          ? `${dateTimeFormat(locale, format).format(dateAsUtc(last))} · ${msg('All day')}`
          : formatDateTimeRange(dateAsUtc(occurrence.startDate), dateAsUtc(last), locale, format);
    } else if (occurrence.end > occurrence.start) {
      when = formatDateTimeRange(occurrence.start, occurrence.end, locale, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: this.zone,
      });
    } else {
      when = dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: this.zone }).format(
        occurrence.start,
      );
    }
    const price = event.free
      ? msg('Free')
      : event.offers
          .map((offer) =>
            offer.price !== undefined && offer.currency
              ? new Intl.NumberFormat(locale, { style: 'currency', currency: offer.currency }).format(offer.price)
              : offer.price !== undefined
                ? new Intl.NumberFormat(locale).format(offer.price)
                : offer.text,
          )
          .filter(Boolean)
          .join(', ');
    return html`<article class="detail" part="detail" aria-labelledby="detail-title">
      <button class="button back" type="button" @click=${this.closeDetail}>
        ${icon(directionOf(locale) === 'rtl' ? icons.next : icons.back)} ${msg('Back to the calendar')}
      </button>
      <h2 id="detail-title" tabindex="-1" dir="auto">${event.title}</h2>
      ${
        event.status === 'cancelled'
          ? html`<p class="cancelled-note" role="note"><strong>${msg('This event is cancelled.')}</strong></p>`
          : event.status === 'postponed'
            ? html`<p class="cancelled-note" role="note"><strong>${msg('This event is postponed.')}</strong></p>`
            : nothing
      }
      <dl>
        <dt>${msg('When')}</dt>
        <dd>
          ${when}
          ${
            !occurrence.allDay && viewerZone !== this.zone
              ? html`<br /><span class="muted">${msg(str`Times are shown in the ${this.zone} time zone.`)}</span>`
              : nothing
          }
        </dd>
        ${
          place
            ? html`<dt>${msg('Where')}</dt>
                <dd>
                  ${place.name ? html`<bdi>${place.name}</bdi>` : nothing}
                  ${place.address ? html`<br /><bdi>${place.address}</bdi>` : nothing}
                  ${directions ? html`<br /><a href=${directions} rel="noopener noreferrer" target="_blank">${icon(icons.place)} ${msg('Directions (map)')}</a>` : nothing}
                </dd>`
            : nothing
        }
        ${
          event.onlineUrl
            ? html`<dt>${msg('Online')}</dt>
                <dd><a href=${event.onlineUrl} rel="noopener noreferrer" target="_blank">${msg('Join online')}</a></dd>`
            : nothing
        }
        ${
          event.languages.length
            ? html`<dt>${msg('Language')}</dt>
                <dd>${this.languagesText(event.languages)}</dd>`
            : nothing
        }
        ${
          price
            ? html`<dt>${msg('Price')}</dt>
                <dd>${price}</dd>`
            : nothing
        }
        ${
          event.audiences.length
            ? html`<dt>${msg('For whom')}</dt>
                <dd>${event.audiences.join(', ')}</dd>`
            : nothing
        }
        ${
          event.accessibility
            ? html`<dt>${msg('Accessibility')}</dt>
                <dd>${event.accessibility}</dd>`
            : nothing
        }
        ${
          event.organizer && (event.organizer.name || event.organizer.email)
            ? html`<dt>${msg('Organizer')}</dt>
                <dd>
                  ${
                    event.organizer.url
                      ? html`<a href=${event.organizer.url} rel="noopener noreferrer" target="_blank"
                          >${event.organizer.name ?? event.organizer.url}</a
                        >`
                      : (event.organizer.name ?? nothing)
                  }
                  ${event.organizer.email ? html`<br /><a href=${`mailto:${event.organizer.email}`}>${event.organizer.email}</a>` : nothing}
                  ${event.organizer.phone ? html`<br /><a href=${`tel:${event.organizer.phone.replace(/[^\d+]/g, '')}`}>${event.organizer.phone}</a>` : nothing}
                </dd>`
            : nothing
        }
        ${
          event.categories.length
            ? html`<dt>${msg('Category')}</dt>
                <dd>${event.categories.join(', ')}</dd>`
            : nothing
        }
      </dl>
      ${event.description ? html`<p class="description" dir="auto">${event.description}</p>` : nothing}
      <p class="actions">
        <a
          class="button"
          part="add-to-calendar"
          href=${this.downloadFor(occurrence)}
          download=${icsFileName(occurrence)}
        >
          ${icon(icons.download)} ${msg('Add to my calendar')}
        </a>
        ${event.url ? html`<a class="button" href=${event.url} rel="noopener noreferrer" target="_blank">${msg('More information')}</a>` : nothing}
      </p>
    </article>`;
  }
}
