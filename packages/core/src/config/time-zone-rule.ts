import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../time-zone.js';
import { asText, invalid, valid, type AttributeRule } from './attribute-rule.js';

/** An IANA time zone. */
export const timeZoneRule = (fallback = DEFAULT_TIME_ZONE): AttributeRule<string> => ({
  expected: `an IANA time zone such as "${DEFAULT_TIME_ZONE}"`,
  default: fallback,
  read: (raw) => {
    const zone = asText(raw);
    return zone && isValidTimeZone(zone) ? valid(zone) : invalid();
  },
});
