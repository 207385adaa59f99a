/** Wall-clock times in a zone and the instants they name, right across DST changes. */
import { DEFAULT_TIME_ZONE } from './time-zone.js';
import { zonedParts, type WallTime } from './zoned-time.js';

function wallTimeAsUtc({ year, month, day, hour, minute, second }: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Minutes the zone is ahead of UTC at an instant (+60 for Warsaw in winter, +120 in summer). */
export function offsetMinutes(instant: Date | number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(time / 1000) * 1000;
  return Math.round((wallTimeAsUtc(zonedParts(whole, timeZone)) - whole) / 60_000);
}

/**
 * The instant at which a zone's clocks read a wall time. Like Temporal's `compatible`
 * disambiguation: a time skipped by a spring-forward gap moves later by the gap's length
 * (02:30 → 03:30 in Warsaw), and a time that occurs twice in autumn takes the earlier one.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const asUtc = wallTimeAsUtc(wall);
  // Offsets a day either side bracket any transition near this time.
  const before = offsetMinutes(asUtc - 86_400_000, timeZone);
  const after = offsetMinutes(asUtc + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => wallTimeAsUtc(zonedParts(instant, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // In a gap: use the offset from before the transition, which lands after it.
  return new Date(asUtc - before * 60_000);
}

/** The instant a calendar day begins in a zone (not always 00:00 where DST starts at midnight). */
export function startOfDay(date: Pick<WallTime, 'year' | 'month' | 'day'>, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return wallTimeToInstant({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
}
