/**
 * The IANA zone meant by a TZID that has no VTIMEZONE in its feed, as exporters write them: an IANA
 * name (`Europe/Warsaw`), one behind an old prefix (`/mozilla.org/20050126_1/Europe/Berlin`), a
 * Windows ID (`W. Europe Standard Time`, mapped through CLDR's table), or a Windows display name
 * (`(UTC-05:00) Eastern Time (US & Canada)`, `(UTC+01:00) Amsterdam, Berlin, Bern, Rome`). Pure.
 */
import { isValidTimeZone } from '@open-city/core';

/** CLDR's Windows IDs (windows-zones.ts, 2 KB gzip), by lower-case ID, once loaded. */
let lowerWindows: Map<string, string> | undefined;
let byCity: Map<string, string> | undefined;

/**
 * Load the table of Windows IDs. Names are read without it until it is loaded (a Windows name is
 * then no zone): the iCalendar reader loads it first when a feed has a TZID that is no IANA name
 * (`mayNeedWindowsZones`), so that an IANA-only feed never fetches it.
 */
export async function loadWindowsZones(): Promise<void> {
  if (lowerWindows) return;
  const { windowsZones } = await import('./windows-zones.js');
  lowerWindows ??= new Map([...windowsZones].map(([windows, iana]) => [windows.toLowerCase(), iana]));
  // Answers given without the table may differ with it (a display name's city against its ID).
  answers.clear();
}

/** Whether a TZID may need the Windows table to be read: it is no IANA name, and the table is not loaded. */
export function mayNeedWindowsZones(tzid: string): boolean {
  // isValidTimeZone keeps its answers: a feed's few TZIDs cost one format each.
  return !lowerWindows && !isValidTimeZone(tzid.trim().replace(/^"|"$/g, ''));
}

function windowsZone(name: string): string | undefined {
  if (!lowerWindows) return undefined;
  const zone = lowerWindows.get(name.trim().toLowerCase());
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/** IANA zones by their city, lower case with spaces: `warsaw` → `Europe/Warsaw`. */
function cityZone(city: string): string | undefined {
  if (!byCity) {
    byCity = new Map();
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    for (const zone of supported ? supported('timeZone') : []) {
      const last = zone
        .slice(zone.lastIndexOf('/') + 1)
        .replace(/_/g, ' ')
        .toLowerCase();
      if (!byCity.has(last)) byCity.set(last, zone);
    }
  }
  return byCity.get(city.trim().toLowerCase());
}

/** `(UTC+01:00) …`, `(GMT-05.00) …`, `(UTC) …`. */
const displayName = /^\((?:UTC|GMT)\s?(?:([+-])(\d{1,2})(?:[:.](\d{2}))?)?\)\s?(.{0,200})$/i;

/** Answers already found: a feed names its few zones on every event. */
const answers = new Map<string, string | undefined>();

/** The IANA zone a TZID names, or undefined when it names none that can be told. */
export function ianaZoneOf(tzid: unknown): string | undefined {
  if (typeof tzid !== 'string') return undefined;
  if (answers.has(tzid)) return answers.get(tzid);
  const zone = findZone(tzid);
  if (answers.size >= 1000) answers.clear();
  answers.set(tzid, zone);
  return zone;
}

function findZone(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (!name || name.length > 200) return undefined;
  if (isValidTimeZone(name)) return name;
  // An old exporter's prefix before the IANA name.
  const parts = name.split('/').filter(Boolean);
  for (let take = Math.min(3, parts.length - 1); take >= 2; take--) {
    const candidate = parts.slice(-take).join('/');
    if (/^[A-Za-z]/.test(candidate) && isValidTimeZone(candidate)) return candidate;
  }
  const windows = windowsZone(name);
  if (windows) return windows;
  const match = displayName.exec(name);
  if (!match) return undefined;
  const [, sign, hours, minutes, rest] = match;
  const words = rest.replace(/\([^)]{0,60}\)/g, '').trim();
  const fromWindows =
    windowsZone(`${words.replace(/ Time$/i, '')} Standard Time`) ?? windowsZone(words) ?? windowsZone(rest);
  if (fromWindows) return fromWindows;
  for (const city of words.split(/,|\/| and | & /)) {
    const zone = city.trim() && cityZone(city);
    if (zone) return zone;
  }
  // Only the offset is known: a fixed zone, right but for daylight saving time.
  if (!sign) return 'UTC';
  if (minutes && minutes !== '00') return undefined;
  const offset = Number(hours);
  if (offset === 0) return 'UTC';
  const fixed = `Etc/GMT${sign === '+' ? '-' : '+'}${offset}`;
  return isValidTimeZone(fixed) ? fixed : undefined;
}
