import { expect } from '@open-wc/testing';
import { CalendarController, LIST_PAGE, type CalendarHost, type EventCalendarView } from './calendar-state.js';
import { emptyInfo, type Occurrence } from './model.js';

const NOW = new Date('2026-11-24T10:00:00Z').getTime(); // Tuesday 24 November 2026

/** A host with what the controller uses: a render root in the page, updates counted, events kept. */
function setup(options: { now?: number; timeZone?: string; view?: EventCalendarView } = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const events: CustomEvent[] = [];
  const host = {
    renderRoot: root,
    updates: 0,
    cancelSelect: false,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    get updateComplete() {
      return Promise.resolve(true);
    },
    emit(type: string, detail: unknown, { cancelable = false } = {}) {
      const event = new CustomEvent(type, { detail, cancelable });
      events.push(event);
      if (host.cancelSelect) event.preventDefault();
      return !event.defaultPrevented;
    },
  };
  const settings = {
    view: options.view,
    withMonth: [] as boolean[],
  };
  const state: CalendarController = new CalendarController(host as unknown as CalendarHost, {
    timeZone: () => options.timeZone ?? 'Europe/Warsaw',
    view: () => settings.view,
    now: () => options.now ?? NOW,
    describe: (withMonth): string => {
      settings.withMonth.push(withMonth);
      return withMonth ? `${state.shownMonth}: 3 events` : '3 events';
    },
  });
  return { state, host, root, events, settings };
}

/** Let `announceSoon` run (it waits for the host's update). */
const settle = () => new Promise((resolve) => setTimeout(resolve));

function occurrence(uid: string, start: string, allDay = false): Occurrence {
  return {
    key: `${uid}|${start}`,
    event: emptyInfo(uid, uid),
    start: new Date(start),
    end: new Date(new Date(start).getTime() + 3_600_000),
    allDay,
    startDate: allDay ? { year: 2026, month: 12, day: 18 } : undefined,
    endDate: allDay ? { year: 2026, month: 12, day: 19 } : undefined,
    recurring: false,
    feed: 0,
  };
}

describe('CalendarController', () => {
  afterEach(() => document.body.replaceChildren());

  it('starts on today in its time zone, and keeps that month once rendered', () => {
    const late = new Date('2026-11-30T23:30:00Z').getTime(); // already 1 December in Warsaw
    expect(setup({ now: late }).state.shownMonth).to.equal('2026-12');
    const { state } = setup({ now: late, timeZone: 'Europe/London' });
    expect(state.shownMonth).to.equal('2026-11');
    expect(state.today).to.deep.equal({ year: 2026, month: 11, day: 30 });
    state.hostUpdate();
    expect(state.activeDate).to.deep.equal({ year: 2026, month: 11, day: 30 });
  });

  it('shows the first month asked for without announcing it; later months start on their 1st', async () => {
    const { state, settings } = setup();
    state.showMonth('2026-11');
    state.hostUpdate();
    expect(state.activeDate).to.deep.equal({ year: 2026, month: 11, day: 24 }, 'today stays active');
    state.showMonth('2026-12');
    expect(state.shownMonth).to.equal('2026-12');
    expect(state.activeDate).to.deep.equal({ year: 2026, month: 12, day: 1 });
    await settle();
    expect(settings.withMonth).to.deep.equal([true], 'only the change is announced');
    expect(state.announcement).to.equal('2026-12: 3 events');
  });

  it('moves by months, keeping the day where the month has it, and starts the list again', async () => {
    const { state } = setup();
    state.hostUpdate();
    state.goToDate({ year: 2027, month: 1, day: 31 }, false);
    state.showMore();
    expect(state.listLimit).to.equal(2 * LIST_PAGE);
    state.changeMonth(1);
    expect(state.activeDate).to.deep.equal({ year: 2027, month: 2, day: 28 });
    expect(state.listLimit).to.equal(LIST_PAGE);
    state.changeMonth(-2);
    expect(state.activeDate).to.deep.equal({ year: 2026, month: 12, day: 28 });
    state.goToToday();
    expect(state.shownMonth).to.equal('2026-11');
    expect(state.focusTarget).to.equal('grid', 'the month view takes focus to today');
    await settle();
    expect(state.announcement).to.match(/^2026-11: 3 events/);
  });

  it('shows the visitor’s view, else the view attribute, else by width', () => {
    const { state, settings } = setup();
    expect(state.shownView).to.equal('month');
    state.setNarrow(true);
    expect(state.shownView).to.equal('list');
    settings.view = 'month';
    expect(state.shownView).to.equal('month');
    state.chooseView('list');
    expect(state.shownView).to.equal('list');
    state.resetView();
    expect(state.shownView).to.equal('month', 'a new view attribute wins over the choice');
  });

  it('filters start the list again and say the count; the same words again are varied invisibly', async () => {
    const { state } = setup();
    state.showMore();
    state.setFilters({ query: 'café' });
    expect(state.listLimit).to.equal(LIST_PAGE);
    state.setFilters({ free: true });
    expect(state.filters).to.deep.equal({ query: 'café', free: true });
    await settle();
    expect(state.announcement).to.equal('3 events\u00a0', 'said twice, varied');
    state.clearFilters();
    expect(state.filters).to.deep.equal({ query: '' });
    await settle();
    expect(state.announcement).to.equal('3 events', 'and a third time, varied again');
  });

  it('opens an event with oc-event-select { uid, start }, unless a listener prevents it', () => {
    const { state, host, events } = setup();
    state.open(occurrence('festival', '2026-12-17T23:00:00.000Z', true));
    expect(events[0].detail).to.deep.equal({ uid: 'festival', start: '2026-12-18' });
    expect(events[0].cancelable).to.equal(true);
    expect(state.selected?.event.uid).to.equal('festival');
    expect(state.focusTarget).to.equal('detail');
    state.closeDetail();
    host.cancelSelect = true;
    state.open(occurrence('cafe', '2026-11-24T17:00:00.000Z'));
    expect(events[1].detail).to.deep.equal({ uid: 'cafe', start: '2026-11-24T17:00:00.000Z' });
    expect(state.selected).to.equal(undefined);
  });

  it('moves focus after the render: to the detail, then back to the event it came from', () => {
    const { state, root } = setup();
    const cafe = occurrence('cafe', '2026-11-24T17:00:00.000Z');
    root.innerHTML = `<h2 id="detail-title" tabindex="-1"></h2><button class="event" data-key="${cafe.key}"></button>`;
    state.open(cafe);
    state.hostUpdated();
    expect(document.activeElement?.id).to.equal('detail-title');
    state.closeDetail();
    state.hostUpdated();
    expect((document.activeElement as HTMLElement).dataset.key).to.equal(cafe.key);
    expect(state.focusTarget).to.equal(undefined);
  });

  it('shows a page more of the list, focus on its first new event', () => {
    const { state, root } = setup();
    root.innerHTML = '<h2 id="title" tabindex="-1"></h2><button class="event" data-key="b|1"></button>';
    state.showMore('b|1');
    expect(state.listLimit).to.equal(2 * LIST_PAGE);
    state.hostUpdated();
    expect((document.activeElement as HTMLElement).dataset.key).to.equal('b|1');
    state.setNarrow(true);
    state.showMore('gone|2');
    state.hostUpdated();
    expect(document.activeElement?.id).to.equal('title', 'an event no longer shown: the list’s title');
  });

  it('makes the .ics link of the open event once, and frees it when the detail closes', () => {
    const { state } = setup();
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    try {
      let made = 0;
      const file = () => `BEGIN:VCALENDAR ${++made}`;
      state.open(occurrence('cafe', '2026-11-24T17:00:00.000Z'));
      const link = state.download(file);
      expect(link).to.match(/^blob:/);
      expect(state.download(file)).to.equal(link);
      expect(made).to.equal(1);
      state.closeDetail();
      expect(revoked).to.deep.equal([link]);
      state.hostDisconnected();
      expect(revoked).to.have.length(1);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });
});
