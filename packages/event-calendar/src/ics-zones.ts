/**
 * A feed's own time zones (VTIMEZONE, RFC 5545 §3.6.5), for the TZIDs that are not IANA names
 * (Outlook's `W. Europe Standard Time`, a custom `Warsaw`): each STANDARD and DAYLIGHT
 * observance gives its onsets (DTSTART, then its yearly RRULE through `recurrence.ts` and its
 * RDATEs), and a wall time is read with the offset in force, a gap moved later and an overlap
 * taking the earlier instant, as IANA zones are read (`zone-offsets.ts`). The onsets are worked
 * out lazily, as far as the years asked for, and once per zone and feed. Pure.
 */
import type { WallTime } from '@open-city/core';
import { decodeTime, decodeTimes, decodeUtcOffset, wallSeconds, type TimeValue } from './ical-values.js';
import type { DateOnly } from './model.js';
import { splitContentLine } from './ics-lines.js';
import { expand, parseRule } from './recurrence.js';
import { instantByOffsets } from './zone-offsets.js';

/** One STANDARD or DAYLIGHT: when it begins (wall time of the offset before), and its offsets. */
interface Observance {
  start: WallTime;
  /** Seconds east of UTC before and after each onset. */
  from: number;
  to: number;
  /** The onsets still to come from its rule, as wall times (undefined: none left). */
  onsets?: Iterator<WallTime | DateOnly, void>;
  /** An onset given by the rule but not yet placed (later than the years asked for). */
  next?: number;
}

interface Transition {
  /** ms, UTC. */
  at: number;
  /** Seconds east of UTC from then on. */
  offset: number;
  before: number;
}

/** Onsets a zone may hold in all (a yearly rule from 1601 to 2100 is about 1,000). */
const MAX_TRANSITIONS = 20_000;

const yearOfMs = (ms: number) => new Date(ms).getUTCFullYear();

export class ZoneRules {
  private readonly transitions: Transition[] = [];
  /** The onsets are known up to the end of this year. */
  private knownThrough = -Infinity;

  private constructor(
    readonly tzid: string,
    private readonly observances: Observance[],
    fixed: Transition[],
  ) {
    this.transitions.push(...fixed.sort((a, b) => a.at - b.at));
  }

  /**
   * The zone of a VTIMEZONE's lines (as `splitCalendar` keeps them), or undefined when it has no
   * TZID, no observance, or an observance without DTSTART or offsets.
   */
  static read(lines: readonly string[]): ZoneRules | undefined {
    let tzid: string | undefined;
    const observances: Observance[] = [];
    const fixed: Transition[] = [];
    let open: { start?: TimeValue; from?: number; to?: number; rule?: string; dates: string[][] } | undefined;
    for (const line of lines) {
      const upper = line.toUpperCase();
      if (upper === 'BEGIN:STANDARD' || upper === 'BEGIN:DAYLIGHT') {
        open = { dates: [] };
        continue;
      }
      if (upper === 'END:STANDARD' || upper === 'END:DAYLIGHT') {
        if (!open?.start || open.start.isDate || open.from === undefined || open.to === undefined) return undefined;
        const observance: Observance = { start: open.start, from: open.from, to: open.to };
        const onsetMs = (wall: WallTime) => (wallSeconds(wall) - observance.from) * 1000;
        fixed.push({ at: onsetMs(open.start), offset: open.to, before: open.from });
        if (open.rule) {
          const rule = parseRule(open.rule);
          if (!rule) return undefined;
          const onsets = expand(rule, open.start, { includeStart: false, toInstant: onsetMs });
          observance.onsets = onsets;
        }
        for (const [value, ...params] of open.dates) {
          for (const date of decodeTimes(value, params)) {
            const time = 'isDate' in date ? date : date.start;
            if (time.isDate) continue;
            const at = time.utc ? wallSeconds(time) * 1000 : onsetMs(time);
            fixed.push({ at, offset: open.to, before: open.from });
          }
        }
        observances.push(observance);
        open = undefined;
        continue;
      }
      const property = splitContentLine(line);
      if (!property) continue;
      if (!open) {
        if (property.name === 'tzid') tzid ??= property.value.trim();
        continue;
      }
      switch (property.name) {
        case 'dtstart':
          open.start = decodeTime(property.value, property.params);
          break;
        case 'tzoffsetfrom':
          open.from = decodeUtcOffset(property.value);
          break;
        case 'tzoffsetto':
          open.to = decodeUtcOffset(property.value);
          break;
        case 'rrule':
          open.rule ??= property.value;
          break;
        case 'rdate':
          open.dates.push([property.value, ...property.params]);
          break;
      }
    }
    if (!tzid || observances.length === 0) return undefined;
    return new ZoneRules(tzid, observances, fixed);
  }

  /** Seconds east of UTC at an instant (ms). Before the first onset: the offset it starts from. */
  offsetAt(instant: number): number {
    this.knowThrough(yearOfMs(instant) + 1);
    const list = this.transitions;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].at <= instant) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? list[0].before : list[lo - 1].offset;
  }

  /** The instant (ms) of a wall time of this zone. */
  instantOf(wall: WallTime): number {
    const asUtc = wallSeconds(wall) * 1000;
    return instantByOffsets(asUtc, (instant) => this.offsetAt(instant) / 60);
  }

  /** Place every rule's onsets up to the end of `year`. */
  private knowThrough(year: number): void {
    if (year <= this.knownThrough) return;
    this.knownThrough = year;
    const end = Date.UTC(year + 1, 0, 1);
    let added = false;
    for (const observance of this.observances) {
      for (;;) {
        if (observance.next === undefined) {
          const step = observance.onsets?.next();
          if (!step || step.done || this.transitions.length >= MAX_TRANSITIONS) {
            observance.onsets = undefined;
            break;
          }
          const wall = step.value as WallTime;
          observance.next = (wallSeconds(wall) - observance.from) * 1000;
        }
        if (observance.next >= end) break;
        this.transitions.push({ at: observance.next, offset: observance.to, before: observance.from });
        observance.next = undefined;
        added = true;
      }
    }
    if (added) this.transitions.sort((a, b) => a.at - b.at);
  }
}
