import { expect } from '@open-wc/testing';
import { looksLikeICalendar } from './feed-address.js';

describe('what a feed address suggests', () => {
  it('takes the addresses iCalendar feeds are published at for iCalendar', () => {
    for (const url of [
      'https://example.org/events.ics',
      '/feeds/events.ICS?lang=pl',
      'https://calendar.google.com/calendar/ical/abc%40group.calendar.google.com/public/basic.ics',
      'webcal://example.org/calendar',
      'https://outlook.office365.com/owa/calendar/x/y/calendar.ics#top',
      'https://example.org/?plugin=events&format=ical',
      'https://example.org/agenda?output=ical',
      ' https://example.org/events.ifb ',
    ]) {
      expect(looksLikeICalendar(url), url).to.equal(true);
    }
  });

  it('does not take other addresses for iCalendar', () => {
    for (const url of [
      'https://example.org/events.json',
      'https://example.org/physics.html',
      'https://example.org/ics/feed.jsonld',
      'https://example.org/?format=icalendarish',
      'https://example.org/events.ics.json',
    ]) {
      expect(looksLikeICalendar(url), url).to.equal(false);
    }
  });
});
