/**
 * Arabic commas in dates: Chromium's data for Arabic-script languages still joins some parts with a
 * Latin ", ". Small and needed on every page in those languages, so apart from the fallback formats
 * (substituted-formats.ts), which only languages without `Intl` data load.
 */
import { languageOf } from './locales.js';

/** Languages written with the Arabic comma "،", where the browser's data still has ", " in places. */
const arabicCommaLanguages = new Set(['ar', 'fa', 'ur', 'ps', 'ckb']);

/** Whether `RepunctuatedDateTimeFormat` is needed for a locale. */
export function needsArabicComma(locale: string): boolean {
  return arabicCommaLanguages.has(languageOf(locale));
}

/**
 * A native `Intl.DateTimeFormat` whose literal Latin commas become Arabic ones. Chromium's Persian
 * data joins a date and a time in a range with ", " ("۲۰۲۶/۱۱/۲۴, ۱۸:۰۵ تا …").
 */
export class RepunctuatedDateTimeFormat implements Intl.DateTimeFormat {
  constructor(private readonly base: Intl.DateTimeFormat) {}

  readonly format = (date?: Date | number): string =>
    this.formatToParts(date)
      .map((part) => part.value)
      .join('');

  formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    return this.base.formatToParts(date).map(repunctuate);
  }

  formatRange(start: Date | number | bigint, end: Date | number | bigint): string {
    return this.formatRangeToParts(start, end)
      .map((part) => part.value)
      .join('');
  }

  formatRangeToParts(start: Date | number | bigint, end: Date | number | bigint): Intl.DateTimeRangeFormatPart[] {
    return this.base.formatRangeToParts(Number(start), Number(end)).map(repunctuate);
  }

  resolvedOptions(): Intl.ResolvedDateTimeFormatOptions {
    return this.base.resolvedOptions();
  }

  get [Symbol.toStringTag](): 'Intl.DateTimeFormat' {
    return 'Intl.DateTimeFormat';
  }
}

function repunctuate<P extends Intl.DateTimeFormatPart>(part: P): P {
  return part.type === 'literal' && part.value.includes(',')
    ? { ...part, value: part.value.replace(/,/gu, '،') }
    : part;
}
