/**
 * The VTIMEZONE of Europe/Warsaw as exporters write it (the rules since 1996: the last Sunday of
 * March and of October), one content line per item: shared by the calendar's tests
 * (packages/event-calendar/src/ics.test.ts), the hostile corpus (test/tools/make-hostile-corpus.mjs)
 * and the calendar bench (scripts/bench/calendar.mjs).
 */
export const WARSAW_VTIMEZONE = Object.freeze([
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]);
