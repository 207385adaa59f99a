/**
 * A feed's own time zones (VTIMEZONE, RFC 5545 §3.6.5), for the TZIDs that are not IANA names
 * (Outlook's `W. Europe Standard Time`, a custom `Warsaw`): each STANDARD and DAYLIGHT
 * observance gives its onsets (DTSTART, then its yearly RRULE through `recurrence.ts` and its
 * RDATEs), and a wall time is read with the offset in force, a gap moved later and an overlap
 * taking the earlier instant, as IANA zones are read (`zone-offsets.ts`). A rule's onsets are
 * worked out only for the years asked for (and the year around them), skipping ahead on the
 * rule from its DTSTART: Outlook writes its rules from 1601, and four centuries of onsets per
 * zone would be most of the cost of reading a feed. Pure.
 */
import type { WallTime } from '@open-city/core';
import { decodeTime, decodeTimes, decodeUtcOffset, wallSeconds, type TimeValue } from './ical-values.js';
import { splitContentLine } from './ics-lines.js';
import { expand, parseRule, type Rule } from './recurrence.js';
import { instantByOffsets } from './zone-offsets.js';

/** One STANDARD or DAYLIGHT: when it begins (wall time of the offset before), and its offsets. */
interface Observance {
  start: WallTime;
  /** Seconds east of UTC before and after each onset. */
  from: number;
  to: number;
  /** Its yearly rule; one with COUNT is placed whole when the zone is read. */
  rule?: Rule;
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

/** The instant (ms) an onset's wall time is, read in the offset before it. */
const onsetMs = (observance: Observance, wall: WallTime) => (wallSeconds(wall) - observance.from) * 1000;

export class ZoneRules {
  /** DTSTARTs, RDATEs and the rules' onsets of the years covered, in order. */
  private readonly transitions: Transition[] = [];
  /** The years (of wall time) whose rule onsets are placed. */
  private covered?: { from: number; to: number };

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
        fixed.push({ at: onsetMs(observance, open.start), offset: open.to, before: open.from });
        if (open.rule) {
          const rule = parseRule(open.rule);
          if (!rule) return undefined;
          observance.rule = rule;
          const toInstant = (wall: WallTime) => onsetMs(observance, wall);
          if (rule.count !== undefined) {
            // Counted from DTSTART: placed whole, once (zones count a few changes at most).
            for (const wall of expand(rule, open.start, { includeStart: false, toInstant })) {
              if (fixed.length >= MAX_TRANSITIONS) break;
              fixed.push({ at: onsetMs(observance, wall as WallTime), offset: open.to, before: open.from });
            }
          } else if (rule.until) {
            // The last onset of a rule that ended: the offset it left stays until another change.
            const from = { year: rule.until.year - 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
            let last: WallTime | undefined;
            for (const wall of expand(rule, open.start, { includeStart: false, toInstant, from }))
              last = wall as WallTime;
            if (last) fixed.push({ at: onsetMs(observance, last), offset: open.to, before: open.from });
          }
        }
        for (const [value, ...params] of open.dates) {
          for (const date of decodeTimes(value, params)) {
            const time = 'isDate' in date ? date : date.start;
            if (time.isDate) continue;
            const at = time.utc ? wallSeconds(time) * 1000 : onsetMs(observance, time);
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
    this.cover(yearOfMs(instant));
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

  /** Place the rules' onsets from the year before `year` to the year after, next to those placed. */
  private cover(year: number): void {
    const [from, to] = [year - 1, year + 1];
    const covered = this.covered;
    if (!covered) {
      this.place(from, to);
      this.covered = { from, to };
      return;
    }
    if (to > covered.to) {
      this.place(covered.to + 1, to);
      covered.to = to;
    }
    if (from < covered.from) {
      this.place(from, covered.from - 1);
      covered.from = from;
    }
  }

  /** The onsets of every rule without COUNT whose wall year is from `first` to `last`. */
  private place(first: number, last: number): void {
    let added = false;
    for (const observance of this.observances) {
      const rule = observance.rule;
      if (!rule || rule.count !== undefined) continue;
      const from = { year: first, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
      const toInstant = (wall: WallTime) => onsetMs(observance, wall);
      for (const onset of expand(rule, observance.start, { includeStart: false, toInstant, from })) {
        if (onset.year > last || this.transitions.length >= MAX_TRANSITIONS) break;
        this.transitions.push({
          at: onsetMs(observance, onset as WallTime),
          offset: observance.to,
          before: observance.from,
        });
        added = true;
      }
    }
    if (added) this.transitions.sort((a, b) => a.at - b.at);
  }
}
