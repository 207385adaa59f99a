/**
 * Central European time as Outlook and Exchange export it: a Windows name for TZID and rules from
 * 1601 (the last Sundays of March and October), one content line per item. Shared by the calendar's
 * zone tests (packages/event-calendar/src/ics-zones.test.ts) and the hostile corpus
 * (test/tools/make-hostile-corpus.mjs).
 */
export function outlookCentralEurope(tzid = 'W. Europe Standard Time') {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:16011028T030000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010325T020000',
    'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
}
