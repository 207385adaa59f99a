import { expect } from '@open-wc/testing';
import { dateTimeFormat, firstDayOfWeek, formatDate, formatDateTime, formatDateTimeRange } from './datetime.js';
import {
  displayNames,
  hasIntlData,
  intlLocale,
  listFormat,
  loadFallbackFormats,
  numberFormat,
  numberingSystemOf,
  pluralRules,
  timeZoneName,
} from './intl-locale.js';
import { directionOf, plannedLocales, supportedLocales } from './locale/locales.js';

const twelve = [...supportedLocales, ...plannedLocales];
const instant = new Date('2026-11-24T17:05:00Z'); // Tuesday 24 November 2026, 18:05 in Kraków
const later = new Date('2026-11-26T19:00:00Z');
const sameDay = new Date('2026-11-24T19:00:00Z');

/** Every digit in a text. */
const digitsIn = (text: string) => text.match(/\p{Nd}/gu) ?? [];
const latin = /^[0-9]$/u;
const persian = /^[۰-۹]$/u;

const englishMonths =
  /January|February|March|April|June|July|August|September|October|November|December|\bNov\b|Tuesday|Thursday|\bTue\b/u;

/** The long month name for November, as each language writes it in a date. */
const november: Record<string, string> = {
  en: 'November',
  pl: 'listopada',
  uk: 'листопада',
  ru: 'ноября',
  ar: 'نوفمبر',
  be: 'лістапада',
  ka: 'ნოემბერი',
  es: 'noviembre',
  hi: 'नवंबर',
  vi: 'tháng 11',
  tr: 'Kasım',
  fa: 'نوامبر',
};

// Belarusian and Georgian through our own formats, as a page in them has them (see fallback-formats.test.ts).
before(() => loadFallbackFormats('be'));

describe('intlLocale', () => {
  it('asks every locale for the Gregorian calendar and one digit system', () => {
    expect(twelve.map(intlLocale)).to.deep.equal([
      'en-GB-u-ca-gregory-nu-latn',
      'pl-u-ca-gregory-nu-latn',
      'uk-u-ca-gregory-nu-latn',
      'ru-u-ca-gregory-nu-latn',
      'ar-u-ca-gregory-nu-latn',
      'be-u-ca-gregory-nu-latn',
      'ka-u-ca-gregory-nu-latn',
      'es-u-ca-gregory-nu-latn',
      'hi-u-ca-gregory-nu-latn',
      'vi-u-ca-gregory-nu-latn',
      'tr-u-ca-gregory-nu-latn',
      'fa-u-ca-gregory-nu-arabext',
    ]);
  });

  it('keeps a region the caller gives, drops the pseudo-locales’ regions, replaces other systems', () => {
    expect(intlLocale('en-US')).to.equal('en-US-u-ca-gregory-nu-latn');
    expect(intlLocale('uk_UA')).to.equal('uk-UA-u-ca-gregory-nu-latn');
    expect(intlLocale('en-XA')).to.equal('en-GB-u-ca-gregory-nu-latn');
    expect(intlLocale('ar-XB')).to.equal('ar-u-ca-gregory-nu-latn');
    expect(intlLocale('ar-u-nu-arab')).to.equal('ar-u-ca-gregory-nu-latn');
    expect(intlLocale('fa-IR-u-ca-persian')).to.equal('fa-IR-u-ca-gregory-nu-arabext');
  });

  it('knows where this browser lacks data (Chromium: Belarusian and Georgian, all but plural rules)', () => {
    // If a later Chromium gains the data, core uses it and our tables rest: these tests still pass.
    for (const locale of ['pl', 'uk', 'ru', 'ar', 'es', 'hi', 'vi', 'tr', 'fa']) {
      expect(hasIntlData('DateTimeFormat', locale), locale).to.equal(true);
    }
    expect(hasIntlData('PluralRules', 'be')).to.equal(true);
    expect(hasIntlData('PluralRules', 'ka')).to.equal(true);
  });
});

describe('dates in the twelve languages', () => {
  for (const locale of twelve) {
    it(`${locale}: Gregorian, in its own words and digits, never in English`, () => {
      const long = formatDate(instant, locale);
      const monthYear = dateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(instant);
      const dateTime = formatDateTime(instant, locale);
      const weekday = dateTimeFormat(locale, { weekday: 'long' }).format(instant);
      expect(long, long).to.contain(november[locale]);
      const year = locale === 'fa' ? '۲۰۲۶' : '2026';
      for (const text of [long, monthYear, dateTime]) expect(text, `${locale}: ${text}`).to.contain(year);
      if (locale !== 'en') {
        for (const text of [long, monthYear, dateTime, weekday]) {
          expect(text, `${locale}: ${text}`).not.to.match(englishMonths);
        }
      }
      const digits = [long, dateTime, formatDateTimeRange(instant, later, locale)].flatMap(digitsIn);
      const system = numberingSystemOf(locale) === 'arabext' ? persian : latin;
      expect(
        digits.every((digit) => system.test(digit)),
        `${locale}: ${digits.join('')}`,
      ).to.equal(true);
    });
  }

  it('gives every supported locale the Gregorian year in its own digits, also across the Persian new year', () => {
    // 21 March 2027 is 1 Farvardin 1406 in the Solar Hijri calendar, 13 Rajab 1448 in the Hijri one.
    const nowruz = new Date('2027-03-21T12:00:00Z');
    const toDigits = (text: string, locale: string) =>
      numberingSystemOf(locale) === 'arabext' ? text.replace(/[0-9]/gu, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]) : text;
    for (const locale of supportedLocales) {
      const system = numberingSystemOf(locale) === 'arabext' ? persian : latin;
      for (const [at, year] of [
        [instant, '2026'],
        [nowruz, '2027'],
      ] as const) {
        const texts = [
          formatDate(at, locale),
          formatDateTime(at, locale),
          dateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'Europe/Warsaw' }).format(at),
        ];
        for (const text of texts) {
          expect(text, `${locale}: ${text}`).to.contain(toDigits(year, locale));
          expect(text, `${locale}: ${text}`).not.to.match(/1405|1406|1447|1448|۱۴۰[۵۶]|۱۴۴[۷۸]/u);
          expect(
            digitsIn(text).every((digit) => system.test(digit)),
            `${locale}: ${text}`,
          ).to.equal(true);
        }
      }
    }
  });

  it('writes British English: day first, 24-hour clock', () => {
    expect(formatDate(instant, 'en')).to.equal('24 November 2026');
    expect(dateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(instant)).to.equal('18:05');
  });

  it('gives Persian Gregorian dates with Persian digits and Arabic commas (never ۱۴۰۵ آذر)', () => {
    expect(formatDate(instant, 'fa')).to.equal('۲۴ نوامبر ۲۰۲۶');
    const range = formatDateTimeRange(instant, later, 'fa', { hour: 'numeric', minute: '2-digit' });
    expect(range).not.to.contain(',');
    expect(range).to.contain('،');
    expect(range).to.contain('۱۸:۰۵');
    expect(directionOf('fa')).to.equal('rtl');
  });

  it('gives Arabic Latin digits in dates, times and numbers alike', () => {
    const texts = [
      formatDate(instant, 'ar'),
      formatDateTime(instant, 'ar'),
      numberFormat('ar').format(1234.5),
      formatDateTimeRange(instant, sameDay, 'ar', { hour: 'numeric', minute: '2-digit' }),
    ];
    for (const text of texts)
      expect(
        digitsIn(text).every((digit) => latin.test(digit)),
        text,
      ).to.equal(true);
    expect(formatDateTime(instant, 'ar')).not.to.match(/\d, /u);
  });

  describe('Belarusian, from our own names on Russian patterns', () => {
    it('puts month names in the right form: in a date, on their own, and short', () => {
      expect(formatDate(instant, 'be')).to.equal('24 лістапада 2026 г.');
      expect(formatDate(instant, 'be', { dateStyle: 'full' })).to.equal('аўторак, 24 лістапада 2026 г.');
      expect(dateTimeFormat('be', { month: 'long', year: 'numeric' }).format(instant)).to.equal('лістапад 2026 г.');
      expect(dateTimeFormat('be', { day: 'numeric', month: 'short' }).format(instant)).to.equal('24 ліст.');
      expect(formatDateTime(instant, 'be')).to.equal('24 ліст. 2026 г., 18:05');
      expect(formatDateTime(instant, 'be', { dateStyle: 'long', timeStyle: 'short' })).to.equal(
        '24 лістапада 2026 г., 18:05',
      );
    });

    it('names every month and weekday', () => {
      const months = Array.from({ length: 12 }, (_, month) =>
        dateTimeFormat('be', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month, 15)),
      );
      expect(months).to.deep.equal([
        'студзень',
        'люты',
        'сакавік',
        'красавік',
        'май',
        'чэрвень',
        'ліпень',
        'жнівень',
        'верасень',
        'кастрычнік',
        'лістапад',
        'снежань',
      ]);
      const weekdays = Array.from({ length: 7 }, (_, day) =>
        dateTimeFormat('be', { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + day)),
      );
      expect(weekdays).to.deep.equal(['пн', 'аў', 'ср', 'чц', 'пт', 'сб', 'нд']);
    });

    it('formats ranges, in the zone asked for', () => {
      expect(formatDateTimeRange(instant, later, 'be', { dateStyle: 'long' })).to.equal('24–26 лістапада 2026 г.');
      expect(formatDateTimeRange(instant, sameDay, 'be', { hour: 'numeric', minute: '2-digit' })).to.equal(
        '18:05–20:00',
      );
      const tbilisi = dateTimeFormat('be', { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Tbilisi' });
      expect(tbilisi.format(instant)).to.equal('21:05');
      // Just before midnight in Warsaw, already the next month in Tbilisi.
      const lateNight = new Date('2026-11-30T22:30:00Z');
      expect(
        dateTimeFormat('be', { day: 'numeric', month: 'long', timeZone: 'Asia/Tbilisi' }).format(lateNight),
      ).to.equal('1 снежня');
    });

    it('keeps the 24-hour clock when 12 hours are asked for, and names the zone', () => {
      expect(dateTimeFormat('be', { hour: 'numeric', minute: '2-digit', hour12: true }).format(instant)).to.equal(
        '18:05',
      );
      expect(
        dateTimeFormat('be', { hour: 'numeric', minute: '2-digit', timeZoneName: 'long' }).format(instant),
      ).to.equal('18:05 цэнтральнаеўрапейскі час');
      expect(
        dateTimeFormat('be', {
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'long',
          timeZone: 'America/Bogota',
        }).format(instant),
      ).to.equal('12:05 GMT-05:00');
    });

    it('behaves as an Intl.DateTimeFormat', () => {
      const format = dateTimeFormat('be', { day: 'numeric', month: 'long' });
      expect([instant].map(format.format)).to.deep.equal(['24 лістапада']);
      expect(format.formatToParts(instant).map((part) => part.type)).to.deep.equal(['day', 'literal', 'month']);
      const sources = format.formatRangeToParts(instant, later).map((part) => part.source);
      expect(sources).to.include.members(['startRange', 'endRange', 'shared']);
      expect(format.resolvedOptions()).to.include({ locale: 'be-u-ca-gregory-nu-latn', timeZone: 'Europe/Warsaw' });
      expect(Object.prototype.toString.call(format)).to.equal('[object Intl.DateTimeFormat]');
    });
  });

  describe('Georgian, from our own names on rewritten Russian patterns', () => {
    it('writes dates as Georgian does: no inflection, a comma after a written-out month', () => {
      expect(formatDate(instant, 'ka')).to.equal('24 ნოემბერი, 2026');
      expect(formatDate(instant, 'ka', { dateStyle: 'full' })).to.equal('სამშაბათი, 24 ნოემბერი, 2026');
      expect(formatDate(instant, 'ka', { dateStyle: 'medium' })).to.equal('24 ნოე. 2026');
      expect(dateTimeFormat('ka', { month: 'long', year: 'numeric' }).format(instant)).to.equal('ნოემბერი, 2026');
      expect(dateTimeFormat('ka', { weekday: 'long', day: 'numeric', month: 'long' }).format(instant)).to.equal(
        'სამშაბათი, 24 ნოემბერი',
      );
      expect(formatDateTime(instant, 'ka', { dateStyle: 'long', timeStyle: 'short' })).to.equal(
        '24 ნოემბერი, 2026, 18:05',
      );
      expect(formatDateTimeRange(instant, later, 'ka', { dateStyle: 'long' })).to.equal('24–26 ნოემბერი, 2026');
    });

    it('leaves no Russian word behind in any style', () => {
      for (const dateStyle of ['full', 'long', 'medium', 'short'] as const) {
        for (const timeStyle of [undefined, 'short', 'long'] as const) {
          const text = formatDateTime(instant, 'ka', { dateStyle, timeStyle });
          expect(text, text).not.to.match(/[\u0400-\u04FF]/u);
        }
      }
      expect(dateTimeFormat('ka', { era: 'short', year: 'numeric' }).format(instant)).to.equal('2026 ახ. წ.');
    });
  });
});

describe('numbers, plurals, lists and names', () => {
  it('formats numbers with each locale’s digits and separators', () => {
    const shown = Object.fromEntries(twelve.map((locale) => [locale, numberFormat(locale).format(1234.5)]));
    expect(shown).to.deep.equal({
      en: '1,234.5',
      pl: '1234,5',
      uk: '1\u00a0234,5',
      ru: '1\u00a0234,5',
      ar: '1,234.5',
      be: '1\u00a0234,5',
      ka: '1\u00a0234,5',
      es: '1234,5',
      hi: '1,234.5',
      vi: '1.234,5',
      tr: '1.234,5',
      fa: '۱٬۲۳۴٫۵',
    });
  });

  it('gives Belarusian and Georgian their own unit symbols, never the pattern locale’s words', () => {
    const km = { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 } as const;
    expect(numberFormat('be', km).format(1.25)).to.equal('1,3 км');
    expect(numberFormat('ka', km).format(1.25)).to.equal('1,3 კმ');
    expect(numberFormat('ka', { style: 'unit', unit: 'meter', unitDisplay: 'long' }).format(250)).to.equal('250 მ');
    expect(numberFormat('be', { style: 'unit', unit: 'hour' }).format(2)).to.equal('2 гадз');
    expect(numberFormat('ka', { style: 'currency', currency: 'PLN', currencyDisplay: 'name' }).format(25)).to.equal(
      '25,00\u00a0PLN',
    );
    expect(numberFormat('ka', { notation: 'compact' }).format(12000)).to.equal('12\u00a0000');
    expect(numberFormat('be').resolvedOptions().locale).to.equal('be-u-ca-gregory-nu-latn');
    expect([5].map(numberFormat('be').format)).to.deep.equal(['5']);
  });

  it('picks plural categories by each language’s rules', () => {
    const categories = (locale: string) => [1, 2, 5, 21, 1.5].map((n) => pluralRules(locale).select(n));
    expect(categories('be')).to.deep.equal(['one', 'few', 'many', 'one', 'other']);
    expect(categories('uk')).to.deep.equal(['one', 'few', 'many', 'one', 'other']);
    expect(categories('pl')).to.deep.equal(['one', 'few', 'many', 'many', 'other']);
    expect(categories('ka')).to.deep.equal(['one', 'other', 'other', 'other', 'other']);
    expect(pluralRules('ar').select(0)).to.equal('zero');
    expect(pluralRules('ar').select(2)).to.equal('two');
    expect(pluralRules('vi').resolvedOptions().pluralCategories).to.deep.equal(['other']);
    expect(pluralRules('fa').select(1)).to.equal('one');
    expect(pluralRules('pl')).to.equal(pluralRules('pl'));
  });

  it('joins lists in each language, never with English "and"', () => {
    for (const locale of twelve.filter((locale) => locale !== 'en')) {
      const text = listFormat(locale).format(['A', 'B', 'C']);
      expect(text, `${locale}: ${text}`).not.to.match(/\band\b/u);
    }
    expect(listFormat('be').format(['A', 'B', 'C'])).to.equal('A, B і C');
    expect(listFormat('ka').format(['A', 'B', 'C'])).to.equal('A, B და C');
    expect(listFormat('be', { type: 'disjunction' }).format(['A', 'B'])).to.equal('A або B');
    expect(listFormat('ka', { type: 'disjunction' }).format(['A', 'B'])).to.equal('A ან B');
    expect(listFormat('pl').format(['A', 'B'])).to.equal('A i B');
  });

  it('names languages in the page’s language, and Belarusian and Georgian by our table', () => {
    expect(displayNames('pl', { type: 'language' }).of('uk')).to.equal('ukraiński');
    expect(displayNames('be', { type: 'language' }).of('pl')).to.equal('польская');
    expect(displayNames('ka', { type: 'language' }).of('uk')).to.equal('უკრაინული');
    // A language our table lacks: in itself, which its readers can read, not in English.
    expect(displayNames('be', { type: 'language' }).of('nl')).to.equal('Nederlands');
    expect(displayNames('ka', { type: 'language', fallback: 'none' }).of('zz')).to.equal(undefined);
    for (const locale of twelve.filter((locale) => locale !== 'en')) {
      const name = displayNames(locale, { type: 'language' }).of('pl');
      expect(name, locale).not.to.equal('Polish');
    }
  });
});

describe('timeZoneName', () => {
  it('names Kraków’s zone in each language, never "Europe/Warsaw" and never in English', () => {
    const names = Object.fromEntries(twelve.map((locale) => [locale, timeZoneName('Europe/Warsaw', locale)]));
    expect(names.pl).to.equal('czas środkowoeuropejski');
    expect(names.en).to.equal('Central European Time');
    expect(names.be).to.equal('цэнтральнаеўрапейскі час');
    expect(names.ka).to.equal('ცენტრალური ევროპის დრო');
    for (const [locale, name] of Object.entries(names)) {
      expect(name, locale).not.to.contain('Warsaw');
      if (locale !== 'en') expect(name, locale).not.to.match(/Central|European/u);
    }
  });

  it('falls back to the offset where a language has no name, and to the id for an unknown zone', () => {
    expect(timeZoneName('America/Bogota', 'be')).to.equal('GMT-05:00');
    expect(timeZoneName('Mars/Olympus', 'pl')).to.equal('Mars/Olympus');
  });
});

describe('first day of the week', () => {
  it('is Monday for every locale in Kraków, and the region’s own where one is given', () => {
    for (const locale of twelve) expect(firstDayOfWeek(locale), locale).to.equal(1);
    expect(firstDayOfWeek('en-US')).to.equal(7);
    expect(firstDayOfWeek('fa', 'IR')).to.equal(6);
    expect(firstDayOfWeek('en-XA')).to.equal(1);
  });
});
