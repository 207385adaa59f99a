/**
 * Dates and times on `Intl`, always in an explicit IANA time zone. Split into small modules so that
 * a bundle takes only what it uses; this one gathers them.
 */
export * from './time-zone.js';
export * from './zoned-time.js';
export * from './datetime-instants.js';
export * from './datetime-format.js';
