/**
 * The calendar as people see it: toolbar, filters, list, month grid and detail, with the parsing,
 * recurrence and export they need. Loaded after the element (see loadViews in
 * oc-event-calendar.ts), in parallel with the feeds.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  addDays,
  compareDates,
  dateTimeFormat,
  directionOf,
  feedErrorText,
  formatDateTimeRange,
  getLocale,
  renderLoading,
  renderProblem,
  setupProblemText,
  renderIcon,
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
} from './calendar.js';
import { icsFileName, occurrenceToIcs } from './export-ics.js';
import { eventCountText, moreText } from './messages.js';
import type { DateOnly, Occurrence, TimeRange } from './model.js';

import { LIST_PAGE, dateAsUtc, isoDate, type OcEventCalendar, type EventCalendarView } from './oc-event-calendar.js';

// The element calls these once the views are in (they need not be in its first download).
export { parseFeed } from './feeds.js';
export { eventCalendarStyles as styles } from './oc-event-calendar.styles.js';

const icons = {
  previous: svg`<path d="M15 5l-7 7 7 7"/>`,
  next: svg`<path d="M9 5l7 7-7 7"/>`,
  back: svg`<path d="M15 5l-7 7 7 7"/>`,
  download: svg`<path d="M12 4v11m0 0-4-4m4 4 4-4M5 20h14"/>`,
  place: svg`<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>`,
};

/** The range the current view expands: the grid's weeks, or the month (from today in the current month). */
export function range(host: OcEventCalendar): { range: TimeRange; first: DateOnly; last: DateOnly } {
  const month = host.month!;
  if (host.shownView === 'month') {
    const weeks = monthWeeks(month, weekStart(getLocale()));
    const first = weeks[0][0];
    const last = weeks[weeks.length - 1][6];
    return { range: rangeOfDays(first, last, host.zone), first, last };
  }
  const today = host.today;
  const monthStart = { ...month, day: 1 };
  const first = today.year === month.year && today.month === month.month ? today : monthStart;
  const last = addDays(addMonthsToDate(monthStart, 1), -1);
  return { range: rangeOfDays(first, last, host.zone), first, last };
}

/** Every occurrence in the view's range, merged (memoized on feeds, range and zone). */
export function occurrences(host: OcEventCalendar): Occurrence[] {
  const { range: span } = range(host);
  const data = host.feeds.map((feed) => (feed.status === 'error' ? undefined : feed.data));
  const key = `${span.start.getTime()}|${span.end.getTime()}|${host.zone}`;
  if (
    host.memo &&
    host.memo.key === key &&
    host.memo.feeds.every((feed, i) => feed === data[i]) &&
    host.memo.feeds.length === data.length
  ) {
    return host.memo.occurrences;
  }
  const occurrences = mergeFeeds(data, span, host.zone);
  host.memo = { key, feeds: data, occurrences };
  return occurrences;
}

export function setFilters(host: OcEventCalendar, changes: Partial<Filters>): void {
  host.filters = { ...host.filters, ...changes };
  host.listLimit = LIST_PAGE;
  announceSoon(host);
}

export function clearFilters(host: OcEventCalendar): void {
  host.filters = { query: '' };
  host.listLimit = LIST_PAGE;
  announceSoon(host);
  host.focusTarget = undefined;
}

/** Say how many events the view now shows (after the next render). */
export function announceSoon(host: OcEventCalendar, withMonth = false): void {
  void host.updateComplete.then(() => {
    const count = applyFilters(occurrences(host), host.filters).length;
    const text = withMonth ? `${monthLabel(host)}: ${eventCountText(count)}` : eventCountText(count);
    // The same words twice would not be announced again: vary them invisibly.
    host.announcement = text === host.announcement.trim() ? `${text}\u00a0` : text;
  });
}

export function monthLabel(host: OcEventCalendar): string {
  const month = host.month!;
  return dateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    dateAsUtc({ ...month, day: 1 }),
  );
}

export function changeMonth(host: OcEventCalendar, delta: number): void {
  const target = addMonthsToDate(host.activeDate ?? { ...host.month!, day: 1 }, delta);
  host.goToDate(target, false);
}

export function goToToday(host: OcEventCalendar): void {
  host.goToDate(host.today, host.shownView === 'month');
  announceSoon(host, true);
}

export function chooseView(host: OcEventCalendar, view: EventCalendarView): void {
  if (view === host.shownView) return;
  host.chosenView = view;
  announceSoon(host, true);
}

export function open(host: OcEventCalendar, occurrence: Occurrence): void {
  const start =
    occurrence.allDay && occurrence.startDate ? isoDate(occurrence.startDate) : occurrence.start.toISOString();
  const proceed = host.emit('oc-event-select', { uid: occurrence.event.uid, start }, { cancelable: true });
  if (!proceed) return;
  host.revokeDownload();
  host.selected = occurrence;
  host.focusTarget = 'detail';
}

export function closeDetail(host: OcEventCalendar): void {
  const key = host.selected?.key;
  host.selected = undefined;
  host.revokeDownload();
  if (key) host.focusTarget = { key };
}

export function downloadFor(host: OcEventCalendar, occurrence: Occurrence): string {
  if (!host.downloadUrl) {
    const file = occurrenceToIcs(occurrence, new Date(host.nowValue));
    host.downloadUrl = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
  }
  return host.downloadUrl;
}

export function renderCalendar(host: OcEventCalendar) {
  if (host.templates.length === 0) return html`<div part="base">${renderProblem(setupProblemText())}</div>`;
  if (host.selected) return html`<div class="calendar" part="base">${renderDetail(host, host.selected)}</div>`;
  const all = occurrences(host);
  const shown = applyFilters(all, host.filters);
  const loading = host.feeds.some((feed) => feed.status === 'loading' && !feed.data);
  const ready = host.feeds.filter((feed) => feed.status === 'ready' || (feed.data && feed.status !== 'error'));
  const failed = host.feeds.filter((feed) => feed.status === 'error');
  return html`<div class="calendar" part="base">
    ${renderToolbar(host)} ${renderFilters(host, all)}
    ${failed.map((feed) =>
      renderProblem(
        ready.length > 0 || failed.length < host.feeds.length
          ? `${msg('Some events could not be loaded, so this calendar may be incomplete.')} ${feedErrorText(feed.error!)}`
          : feedErrorText(feed.error!),
        () => feed.reload(),
      ),
    )}
    ${
      host.feeds.some((feed) => feed.data && feed.data.skipped > 0)
        ? html`<p class="note">${msg('Some entries of a feed could not be read and are not shown.')}</p>`
        : nothing
    }
    <p class="count" part="status" role="status">${host.announcement}</p>
    ${loading && ready.length === 0 ? renderLoading() : nothing}
    ${
      ready.length > 0
        ? host.shownView === 'month'
          ? renderMonth(host, shown)
          : renderList(host, shown, all.length)
        : nothing
    }
  </div>`;
}

export function renderToolbar(host: OcEventCalendar): TemplateResult {
  const rtl = directionOf(getLocale()) === 'rtl';
  const view = host.shownView;
  return html`<div class="toolbar" part="toolbar">
    <div class="month-nav">
      <button
        class="button icon-button"
        type="button"
        @click=${() => changeMonth(host, -1)}
        aria-label=${msg('Previous month')}
      >
        ${renderIcon(rtl ? icons.next : icons.previous)}
      </button>
      <h2 id="title" part="title" tabindex="-1">${monthLabel(host)}</h2>
      <button
        class="button icon-button"
        type="button"
        @click=${() => changeMonth(host, 1)}
        aria-label=${msg('Next month')}
      >
        ${renderIcon(rtl ? icons.previous : icons.next)}
      </button>
      <button class="button" type="button" @click=${() => goToToday(host)}>${msg('Today')}</button>
    </div>
    <div class="views" role="group" aria-label=${msg('View')}>
      <button
        class="button view-button"
        type="button"
        aria-pressed=${String(view === 'list')}
        @click=${() => chooseView(host, 'list')}
      >
        ${msg('List')}
      </button>
      <button
        class="button view-button"
        type="button"
        aria-pressed=${String(view === 'month')}
        @click=${() => chooseView(host, 'month')}
      >
        ${msg('Month')}
      </button>
    </div>
  </div>`;
}

export function renderFilters(host: OcEventCalendar, all: Occurrence[]): TemplateResult {
  const locale = getLocale();
  const options = filterOptions(all, locale);
  const { filters } = host;
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
        @input=${(event: Event) => setFilters(host, { query: (event.target as HTMLInputElement).value })}
      />
    </div>
    ${renderSelect(host, 'category', msg('Category'), msg('All categories'), withChosen(options.categories, filters.category), (v) => v)}
    ${renderSelect(host, 'language', msg('Language of the event'), msg('Any language'), withChosen(options.languages, filters.language), languageName)}
    ${renderSelect(host, 'audience', msg('For whom'), msg('Everyone'), withChosen(options.audiences, filters.audience), (v) => v)}
    <div class="field check">
      <input
        id="free"
        type="checkbox"
        .checked=${Boolean(filters.free)}
        @change=${(event: Event) => setFilters(host, { free: (event.target as HTMLInputElement).checked || undefined })}
      />
      <label for="free">${msg('Free only')}</label>
    </div>
    ${
      active
        ? html`<button class="button clear" type="button" @click=${() => clearFilters(host)}>
            ${msg('Clear filters')}
          </button>`
        : nothing
    }
  </form>`;
}

export function renderSelect(
  host: OcEventCalendar,
  name: 'category' | 'language' | 'audience',
  label: string,
  anyLabel: string,
  values: string[],
  labelOf: (value: string) => string,
): TemplateResult | typeof nothing {
  if (values.length === 0) return nothing;
  const chosen = host.filters[name] ?? '';
  return html`<div class="field">
    <label for=${`f-${name}`}>${label}</label>
    <select
      id=${`f-${name}`}
      @change=${(event: Event) => setFilters(host, { [name]: (event.target as HTMLSelectElement).value || undefined })}
    >
      <option value="" ?selected=${chosen === ''}>${anyLabel}</option>
      ${values.map((value) => html`<option value=${value} ?selected=${chosen === value}>${labelOf(value)}</option>`)}
    </select>
  </div>`;
}

export function renderEmpty(host: OcEventCalendar, filtered: boolean): TemplateResult {
  return html`<div class="empty" part="empty">
    <p>${filtered ? msg('No events match your search and filters.') : msg('No events in this month.')}</p>
    ${filtered ? html`<button class="button" type="button" @click=${() => clearFilters(host)}>${msg('Clear filters')}</button>` : nothing}
    <button class="button" type="button" @click=${() => changeMonth(host, 1)}>${msg('Next month')}</button>
  </div>`;
}

export function renderList(host: OcEventCalendar, shown: Occurrence[], total: number): TemplateResult {
  if (shown.length === 0) return renderEmpty(host, total > 0);
  const { first } = range(host);
  const days = [...groupByDay(shown, host.zone).entries()].filter(
    ([key]) => key >= dateKey(first) && key.slice(0, 7) === host.shownMonth,
  );
  if (days.length === 0) return renderEmpty(host, total > 0);
  // Whole days, up to the list's limit: a busy month does not put thousands of events on the page.
  const all = days.reduce((sum, [, occurrences]) => sum + occurrences.length, 0);
  let count = 0;
  const visible = days.filter(([, occurrences]) => {
    if (count >= host.listLimit) return false;
    count += occurrences.length;
    return true;
  });
  const showMore = () => {
    const next = days[visible.length]?.[1][0];
    host.listLimit += LIST_PAGE;
    if (next) host.focusTarget = { key: next.key };
  };
  return html`<div class="list" part="list">
    ${visible.map(([key, occurrences]) => {
      const [year, month, day] = key.split('-').map(Number);
      return renderDay(host, { year, month, day }, occurrences, `d-${key}`);
    })}
    ${
      count < all
        ? html`<div class="list-more">
            <span>${msg(str`Shown: ${count} of ${all}`)}</span>
            <button class="button" type="button" @click=${showMore}>${msg('Show more events')}</button>
          </div>`
        : nothing
    }
  </div>`;
}

export function dayLabel(date: DateOnly): string {
  return dateTimeFormat(getLocale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    dateAsUtc(date),
  );
}

export function renderDay(
  host: OcEventCalendar,
  date: DateOnly,
  occurrences: Occurrence[],
  id: string,
  extraClass = '',
): TemplateResult {
  const isToday = compareDates(date, host.today) === 0;
  return html`<section class="day ${extraClass}" part="day" aria-labelledby=${id}>
    <h3 id=${id} class="day-title">
      ${dayLabel(date)} ${isToday ? html`<span class="today-badge">${msg('Today')}</span>` : nothing}
    </h3>
    ${
      occurrences.length === 0
        ? html`<p class="muted">${msg('No events on this day.')}</p>`
        : html`<ul class="events" role="list">
            ${occurrences.map((occurrence) => html`<li>${renderEventButton(host, occurrence, date)}</li>`)}
          </ul>`
    }
  </section>`;
}

export function timeText(host: OcEventCalendar, occurrence: Occurrence, day?: DateOnly): string {
  const locale = getLocale();
  if (occurrence.allDay) return msg('All day');
  const startDay = dateOfInstant(occurrence.start, host.zone);
  const endDay = dateOfInstant(Math.max(occurrence.start.getTime(), occurrence.end.getTime() - 1), host.zone);
  const timeOnly = { hour: 'numeric', minute: '2-digit', timeZone: host.zone } as const;
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
    timeZone: host.zone,
  });
}

export function languagesText(codes: string[]): string {
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

export function renderEventButton(host: OcEventCalendar, occurrence: Occurrence, day?: DateOnly): TemplateResult {
  const { event } = occurrence;
  const cancelled = event.status === 'cancelled';
  const where = event.place?.name ?? (event.onlineUrl ? msg('Online') : undefined);
  return html`<button
    class="event ${cancelled ? 'cancelled' : ''}"
    part="event"
    type="button"
    data-key=${occurrence.key}
    @click=${() => open(host, occurrence)}
  >
    <span class="time">${timeText(host, occurrence, day)}</span>
    <span class="title">
      ${cancelled ? html`<span class="badge badge-cancelled">${msg('Cancelled')}</span>` : nothing}
      <span class="title-text" dir="auto">${event.title}</span>
    </span>
    <span class="meta">
      ${where ? html`<span dir="auto">${where}</span>` : nothing}
      ${event.languages.length ? html`<span>${languagesText(event.languages)}</span>` : nothing}
      ${event.free ? html`<span class="badge">${msg('Free')}</span>` : nothing}
    </span>
  </button>`;
}

export function renderMonth(host: OcEventCalendar, shown: Occurrence[]): TemplateResult {
  const locale = getLocale();
  const month = host.month!;
  const weeks = monthWeeks(month, weekStart(locale));
  const byDay = groupByDay(shown, host.zone);
  const active =
    host.activeDate && weeks.flat().some((day) => compareDates(day, host.activeDate!) === 0)
      ? host.activeDate
      : { ...month, day: 1 };
  const today = host.today;
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
        @keydown=${(event: KeyboardEvent) => onGridKeydown(host, event)}
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
                    @click=${() => host.goToDate(day, true)}
                  >
                    <span class="day-number" aria-hidden="true">${new Intl.NumberFormat(locale).format(day.day)}</span>
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
                                      open(host, occurrence);
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
    ${renderDay(host, active, activeEvents, 'day-title', 'day-events')}
    ${shown.length === 0 ? renderEmpty(host, occurrences(host).length > 0) : nothing}`;
}

export function onGridKeydown(host: OcEventCalendar, event: KeyboardEvent): void {
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
      host.activeDate = current;
      host.focusTarget = 'day-events';
      return;
    default:
      return;
  }
  event.preventDefault();
  host.goToDate(next, true);
}

export function renderDetail(host: OcEventCalendar, occurrence: Occurrence): TemplateResult {
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
      timeZone: host.zone,
    });
  } else {
    when = dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: host.zone }).format(
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
    <button class="button back" type="button" @click=${() => closeDetail(host)}>
      ${renderIcon(directionOf(locale) === 'rtl' ? icons.next : icons.back)} ${msg('Back to the calendar')}
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
          !occurrence.allDay && viewerZone !== host.zone
            ? html`<br /><span class="muted">${msg(str`Times are shown in the ${host.zone} time zone.`)}</span>`
            : nothing
        }
      </dd>
      ${
        place
          ? html`<dt>${msg('Where')}</dt>
              <dd>
                ${place.name ? html`<bdi>${place.name}</bdi>` : nothing}
                ${place.address ? html`<br /><bdi>${place.address}</bdi>` : nothing}
                ${directions ? html`<br /><a href=${directions} rel="noopener noreferrer" target="_blank">${renderIcon(icons.place)} ${msg('Directions (map)')}</a>` : nothing}
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
              <dd>${languagesText(event.languages)}</dd>`
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
        href=${downloadFor(host, occurrence)}
        download=${icsFileName(occurrence)}
      >
        ${renderIcon(icons.download)} ${msg('Add to my calendar')}
      </a>
      ${event.url ? html`<a class="button" href=${event.url} rel="noopener noreferrer" target="_blank">${msg('More information')}</a>` : nothing}
    </p>
  </article>`;
}
