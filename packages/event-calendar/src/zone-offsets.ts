/**
 * Wall time to instant in an IANA zone, as core's `wallTimeToInstant` does it (the same answers,
 * gaps and overlaps included), but with the zone's rules worked out once per zone and day (the
 * offset of a day, or where on it the offset changes): a feed's thousands of occurrences then cost
 * a map lookup each, not several `Intl` calls. Pure.
 */
import { offsetMinutes, type WallTime } from '@open-city/core';
import type { DateOnly } from './model.js';

const QUARTER = 15 * 60_000;
const DAY = 86_400_000;

/**
 * A UTC day of a zone: its offset, or, on a day with a transition, the offset before, the first
 * quarter hour of the new one, and the offset after. Assumed: a zone changes at most once in a UTC
 * day (a second change on the same day would be missed).
 */
type ZoneDay = number | { before: number; at: number; after: number };

/** Per zone, the days asked for so far: a year of a feed costs about one `Intl` call per day it touches. */
const zones = new Map<string, Map<number, ZoneDay>>();
/** Per zone, the offsets at UTC midnights: a day's end is the next day's start, asked once for both. */
const midnights = new Map<string, Map<number, number>>();

function offsetAtMidnight(day: number, timeZone: string): number {
  let zone = midnights.get(timeZone);
  if (!zone) midnights.set(timeZone, (zone = new Map()));
  let offset = zone.get(day);
  if (offset === undefined) {
    if (zone.size > 200_000) zone.clear();
    offset = offsetMinutes(day * DAY, timeZone);
    zone.set(day, offset);
  }
  return offset;
}

function dayOf(day: number, timeZone: string): ZoneDay {
  const start = day * DAY;
  const before = offsetAtMidnight(day, timeZone);
  const after = offsetAtMidnight(day + 1, timeZone);
  if (before === after) return before;
  // The first quarter hour with the new offset (transitions fall on quarter hours): 7 steps.
  let lo = 0;
  let hi = DAY / QUARTER;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (offsetMinutes(start + mid * QUARTER, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return { before, at: start + hi * QUARTER, after };
}

/** Minutes the zone is ahead of UTC at an instant (transitions fall on quarter hours). */
export function cachedOffset(instant: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = new Map()));
  const day = Math.floor(instant / DAY);
  let entry = zone.get(day);
  if (entry === undefined) {
    if (zone.size > 200_000) zone.clear();
    entry = dayOf(day, timeZone);
    zone.set(day, entry);
  }
  if (typeof entry === 'number') return entry;
  return Math.floor(instant / QUARTER) * QUARTER >= entry.at ? entry.after : entry.before;
}

function wallAsUtc({ year, month, day, hour, minute, second }: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The instant at which a zone's clocks read a wall time (a gap moves later, an overlap takes the earlier). */
export function wallToInstant(wall: WallTime, timeZone: string): Date {
  return new Date(instantByOffsets(wallAsUtc(wall), (instant) => cachedOffset(instant, timeZone)));
}

/**
 * The instant (ms) at which clocks read `asUtc` (a wall time's ms as if it were UTC), for a zone
 * given by its offset in minutes at any instant: a gap moves later, an overlap takes the earlier.
 * Shared by IANA zones (above) and a feed's own VTIMEZONEs (`ics-zones.ts`).
 */
export function instantByOffsets(asUtc: number, offsetAt: (instant: number) => number): number {
  const before = offsetAt(asUtc - 86_400_000);
  const after = offsetAt(asUtc + 86_400_000);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = asUtc - offset * 60_000;
    if (offsetAt(instant) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best ?? asUtc - before * 60_000;
}

/** The instant a calendar day begins in a zone. */
export function dayStart(date: DateOnly, timeZone: string): Date {
  return wallToInstant({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
}
