/**
 * What the view shows: the days it covers and the occurrences of every feed in them. Part of the
 * lazy views chunk, with the parsers and recurrence it needs.
 */
import { addDays, getLocale, type FeedController } from '@open-city/core';
import { mergeFeeds, monthWeeks, rangeOfDays, weekStart } from './calendar.js';
import type { CalendarController } from './calendar-state.js';
import { addMonthsToDate } from './dates.js';
import type { DateOnly, Occurrence, ParsedFeed, TimeRange } from './model.js';

/** What the views read of a feed. */
export type FeedState = Pick<FeedController<ParsedFeed>, 'status' | 'data' | 'error' | 'reload'>;

/** What the views read of the calendar's state to know which days are shown. */
export type ShownDays = Pick<CalendarController, 'month' | 'shownView' | 'today' | 'zone'>;

export interface ViewSpan {
  range: TimeRange;
  first: DateOnly;
  last: DateOnly;
}

/** The days the view covers: the grid's whole weeks, or the month (from today in the current month). */
export function viewSpan(state: ShownDays): ViewSpan {
  const { month, today, zone } = state;
  if (state.shownView === 'month') {
    const weeks = monthWeeks(month, weekStart(getLocale()));
    const first = weeks[0][0];
    const last = weeks[weeks.length - 1][6];
    return { range: rangeOfDays(first, last, zone), first, last };
  }
  const monthStart = { ...month, day: 1 };
  const first = today.year === month.year && today.month === month.month ? today : monthStart;
  const last = addDays(addMonthsToDate(monthStart, 1), -1);
  return { range: rangeOfDays(first, last, zone), first, last };
}

interface Memo {
  key: string;
  feeds: (ParsedFeed | undefined)[];
  revisions: (number | undefined)[];
  occurrences: Occurrence[];
}

/** Per calendar: the last expansion, reused while the feeds, the range and the zone stay the same. */
const memos = new WeakMap<ShownDays, Memo>();

/** Every occurrence in the view's days, the feeds merged. */
export function eventsInView(state: ShownDays, feeds: readonly FeedState[]): Occurrence[] {
  const { range } = viewSpan(state);
  const data = feeds.map((feed) => (feed.status === 'error' ? undefined : feed.data));
  const key = `${range.start.getTime()}|${range.end.getTime()}|${state.zone}`;
  const memo = memos.get(state);
  if (
    memo &&
    memo.key === key &&
    memo.feeds.length === data.length &&
    memo.feeds.every((feed, i) => feed === data[i] && memo.revisions[i] === feed?.revision)
  ) {
    return memo.occurrences;
  }
  const occurrences = mergeFeeds(data, range, state.zone);
  memos.set(state, { key, feeds: data, revisions: data.map((feed) => feed?.revision), occurrences });
  prepareAround(data, range);
  return occurrences;
}

const MONTH_MS = 31 * 86_400_000;

type IdleCallback = (callback: () => void, options?: { timeout: number }) => number;

/** Run `work` when the page is idle (after the view shown is painted), at the latest in a second. */
function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  if (typeof idle === 'function') idle(work, { timeout: 1000 });
  else setTimeout(work, 0);
}

/**
 * After a view is shown, make the recurrences of the month before and after it in idle time (in
 * slices, see `ParsedFeed.prepare`), so that moving there is quick too, and the first view is
 * painted before any of it starts.
 */
function prepareAround(feeds: readonly (ParsedFeed | undefined)[], range: TimeRange): void {
  const around = {
    start: new Date(range.start.getTime() - MONTH_MS),
    end: new Date(range.end.getTime() + MONTH_MS),
  };
  whenIdle(() => {
    for (const feed of feeds) void feed?.prepare?.(around).catch(() => undefined);
  });
}
