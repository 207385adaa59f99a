import { expect } from '@open-wc/testing';
import { numberingSystemOf, setLocale, supportedLocales } from '@open-city/core';
import { weekdayWord } from '../format.js';
import type { OpeningPeriod, Recurrence } from '../model.js';
import { fromDateText, periodText } from './hours-text.js';
import '../translations.js';

const rule = (parts: Partial<Recurrence>): Recurrence => ({
  freq: 'monthly',
  interval: 1,
  byDay: [],
  byMonthDay: [],
  weekStart: 1,
  ...parts,
});
const period = (days: number[], parts?: Partial<Recurrence>): OpeningPeriod => ({
  days,
  opens: 10 * 60,
  closes: 14 * 60,
  rule: parts ? rule(parts) : undefined,
});

const firstMonday = period([1], { byDay: [{ weekday: 1, ordinal: 1 }] });
const lastFriday = period([5], { byDay: [{ weekday: 5, ordinal: -1 }] });
const monthDays = period([], { byMonthDay: [15, -1] });
const fortnightly = period([2, 4], { freq: 'weekly', interval: 2, anchor: '2026-01-06' });
const everyFiveMonths = period([], { interval: 5, byMonthDay: [1], anchor: '2026-01-01' });

/** The digits of a locale as core sets them ("0123456789" or "۰۱۲۳۴۵۶۷۸۹"). */
const digitsOf = (locale: string) => {
  const format = new Intl.NumberFormat(`en-u-nu-${numberingSystemOf(locale)}`);
  return Array.from({ length: 10 }, (_, digit) => format.format(digit)).join('');
};
const latinDigits = /[0-9]/;

describe('hours in words', () => {
  after(() => setLocale('en'));

  it('says monthly and every-n-weeks rules in English', async () => {
    await setLocale('en');
    expect(periodText(firstMonday, 'en')).to.equal('First Monday of the month: 10:00–14:00');
    expect(periodText(lastFriday, 'en')).to.equal('Last Friday of the month: 10:00–14:00');
    expect(periodText(monthDays, 'en')).to.equal('Day 15 of the month and last day of the month: 10:00–14:00');
    expect(periodText(fortnightly, 'en')).to.equal('Every 2 weeks, Tuesday and Thursday: 10:00–14:00');
    expect(periodText(everyFiveMonths, 'en')).to.equal('Every 5 months, day 1 of the month: 10:00–14:00');
    expect(periodText(period([1, 3, 5]), 'en')).to.equal('Monday, Wednesday and Friday: 10:00–14:00');
    expect(fromDateText('2026-07-01', 'en')).to.equal('From 1 July 2026');
  });

  for (const locale of supportedLocales.filter((l) => l !== 'en')) {
    it(`says them in ${locale}: its own words, Intl's weekday names and the locale's digits`, async () => {
      await setLocale(locale);
      const texts = [firstMonday, lastFriday, monthDays, fortnightly, everyFiveMonths].map((p) =>
        periodText(p, locale),
      );
      for (const text of texts) {
        expect(text, text).not.to.match(/\b(First|Last|Every|Day|month|weeks?|Monday|Friday)\b/);
      }
      const has = (text: string, word: string) =>
        text.toLocaleLowerCase(locale).includes(word.toLocaleLowerCase(locale));
      expect(has(texts[0], weekdayWord(1, locale)), texts[0]).to.equal(true);
      expect(has(texts[1], weekdayWord(5, locale)), texts[1]).to.equal(true);
      expect(has(texts[3], weekdayWord(2, locale)) && has(texts[3], weekdayWord(4, locale)), texts[3]).to.equal(true);
      const digits = digitsOf(locale);
      expect(texts[2], texts[2]).to.contain(`${digits[1]}${digits[5]}`); // 15
      expect(texts[4], texts[4]).to.contain(digits[5]);
      if (numberingSystemOf(locale) !== 'latn') for (const text of texts) expect(text, text).not.to.match(latinDigits);
      // A line starts with a capital where the script has them.
      if (/^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(texts[3])) {
        expect(texts[3][0]).to.equal(texts[3][0].toLocaleUpperCase(locale));
      }
    });
  }

  it('uses the plural form of each count (Russian: 2 недели, 5 недель, 21 неделю)', async () => {
    await setLocale('ru');
    const weeks = (interval: number) => periodText({ ...fortnightly, rule: { ...fortnightly.rule!, interval } }, 'ru');
    expect(weeks(2)).to.match(/^Раз в 2 недели, /);
    expect(weeks(5)).to.match(/^Раз в 5 недель, /);
    expect(weeks(21)).to.match(/^Раз в 21 неделю, /);
    await setLocale('ar');
    const arabic = (interval: number) =>
      periodText({ ...fortnightly, rule: { ...fortnightly.rule!, interval } }, 'ar').split('،')[0];
    expect(arabic(5)).to.equal('كل 5 أسابيع');
    expect(arabic(11)).to.equal('كل 11 أسبوعًا');
  });
});
