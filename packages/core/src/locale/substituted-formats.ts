/**
 * `Intl` formats for a language the browser has no data for (see fallback-data.ts): they format in
 * the data's pattern locale, then put in the language's own names. Each has the interface of the
 * `Intl` object it stands in for, so a widget cannot tell them apart.
 */
import { warnOnce } from '../warn.js';
import { zonedParts, type ZonedParts } from '../zoned-time.js';
import { endonym } from './endonyms.js';
import { metazoneOf, type FallbackLocaleData, type NameWidth } from './fallback-data.js';
import { languageOf } from './locales.js';

const widths: readonly NameWidth[] = ['long', 'short', 'narrow'];

/** The tag of a fallback language's pattern locale, Gregorian, with the language's digits. */
function patternTag(data: FallbackLocaleData, numberingSystem: string): string {
  return new Intl.Locale(data.patternLocale, { calendar: 'gregory', numberingSystem }).toString();
}

// --- dates -----------------------------------------------------------------------------------

interface PatternNames {
  months: { format: Record<NameWidth, string[]>; standalone: Record<NameWidth, string[]> };
  weekdays: Record<NameWidth, string[]>;
  eras: string[];
}

const patternNamesCache = new Map<string, PatternNames>();

function partOf(format: Intl.DateTimeFormat, instant: number, type: Intl.DateTimeFormatPartTypes): string {
  return format.formatToParts(instant).find((part) => part.type === type)?.value ?? '';
}

/** The pattern locale's own names, to tell which width and form its output used. */
function patternNames(tag: string): PatternNames {
  let names = patternNamesCache.get(tag);
  if (names) return names;
  const empty = () => ({ long: [], short: [], narrow: [] }) as Record<NameWidth, string[]>;
  names = { months: { format: empty(), standalone: empty() }, weekdays: empty(), eras: [] };
  for (const width of widths) {
    const inDate = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: width });
    const alone = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: width });
    const weekday = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: width });
    for (let month = 0; month < 12; month++) {
      names.months.format[width].push(partOf(inDate, Date.UTC(2026, month, 15), 'month'));
      names.months.standalone[width].push(partOf(alone, Date.UTC(2026, month, 15), 'month'));
    }
    // 5 January 2026 is a Monday: ISO order.
    for (let day = 0; day < 7; day++)
      names.weekdays[width].push(partOf(weekday, Date.UTC(2026, 0, 5 + day), 'weekday'));
  }
  const era = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', era: 'short', year: 'numeric' });
  const bc = new Date(0);
  bc.setUTCFullYear(-100);
  names.eras = [partOf(era, bc.getTime(), 'era'), partOf(era, Date.UTC(2026, 0, 1), 'era')];
  patternNamesCache.set(tag, names);
  return names;
}

function widthOf(option: unknown): NameWidth | undefined {
  return option === 'long' || option === 'short' || option === 'narrow' ? option : undefined;
}

type RangePart = Intl.DateTimeFormatPart & { source?: string };

/** The fields a date style stands for, where a style cannot be used (next to timeZoneName). */
function dateFieldsOf(style: NonNullable<Intl.DateTimeFormatOptions['dateStyle']>): Intl.DateTimeFormatOptions {
  switch (style) {
    case 'full':
      return { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
    case 'long':
      return { day: 'numeric', month: 'long', year: 'numeric' };
    case 'medium':
      return { day: 'numeric', month: 'short', year: 'numeric' };
    default:
      return { day: '2-digit', month: '2-digit', year: 'numeric' };
  }
}

/**
 * Stands in for `Intl.DateTimeFormat` in a language without browser data: formats in the pattern
 * locale (same instant, zone and options), then swaps month, weekday, era and zone names for ours
 * and rewrites the pattern locale's words among the literals.
 */
export class SubstitutedDateTimeFormat implements Intl.DateTimeFormat {
  private readonly base: Intl.DateTimeFormat;
  private readonly names: PatternNames;
  private readonly zone: string;
  private readonly monthWidth?: NameWidth;
  private readonly weekdayWidth?: NameWidth;
  private readonly zoneName?: string;

  constructor(
    private readonly locale: string,
    private readonly data: FallbackLocaleData,
    numberingSystem: string,
    private readonly options: Intl.DateTimeFormatOptions,
  ) {
    const tag = patternTag(data, numberingSystem);
    const baseOptions: Intl.DateTimeFormatOptions = { ...options };
    // Both languages use the 24-hour clock, and the pattern locale's day periods would be its words.
    delete baseOptions.hour12;
    delete baseOptions.dayPeriod;
    if (baseOptions.hour !== undefined || baseOptions.timeStyle !== undefined) baseOptions.hourCycle = 'h23';
    else delete baseOptions.hourCycle;
    // A zone is named in our words where we have them, else by its offset ("GMT+01:00"), which
    // reads the same in every language: never in the pattern locale's words.
    const zoneStyle =
      options.timeZoneName ?? (options.timeStyle === 'full' || options.timeStyle === 'long' ? 'long' : undefined);
    if (zoneStyle) {
      const zone = new Intl.DateTimeFormat(tag, { timeZone: options.timeZone }).resolvedOptions().timeZone;
      const metazone = metazoneOf(zone);
      if (zoneStyle === 'long' || zoneStyle === 'longGeneric') this.zoneName = metazone && data.timeZones[metazone];
      if (baseOptions.timeStyle) {
        // timeStyle cannot be combined with timeZoneName: spell out what full and long mean.
        const seconds = baseOptions.timeStyle === 'full' || baseOptions.timeStyle === 'long';
        delete baseOptions.timeStyle;
        Object.assign(baseOptions, { hour: '2-digit', minute: '2-digit', ...(seconds && { second: '2-digit' }) });
        if (baseOptions.dateStyle) {
          const dateStyle = baseOptions.dateStyle;
          delete baseOptions.dateStyle;
          Object.assign(baseOptions, dateFieldsOf(dateStyle));
        }
      }
      const long = zoneStyle === 'long' || zoneStyle === 'longGeneric' || zoneStyle === 'longOffset';
      baseOptions.timeZoneName = long ? 'longOffset' : 'shortOffset';
    }
    this.base = new Intl.DateTimeFormat(tag, baseOptions);
    this.zone = this.base.resolvedOptions().timeZone;
    this.names = patternNames(tag);
    const styleWidth = (style: string | undefined, medium: NameWidth | undefined) =>
      style === 'full' || style === 'long' ? 'long' : style === 'medium' ? medium : undefined;
    this.monthWidth = widthOf(options.month) ?? styleWidth(options.dateStyle, 'short');
    this.weekdayWidth = widthOf(options.weekday) ?? (options.dateStyle === 'full' ? 'long' : undefined);
  }

  readonly format = (date?: Date | number): string =>
    this.formatToParts(date)
      .map((part) => part.value)
      .join('');

  formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    const instant = date ?? Date.now();
    const when = zonedParts(instant, this.zone);
    return this.localize(this.base.formatToParts(instant), () => when);
  }

  formatRange(start: Date | number | bigint, end: Date | number | bigint): string {
    return this.formatRangeToParts(start, end)
      .map((part) => part.value)
      .join('');
  }

  formatRangeToParts(start: Date | number | bigint, end: Date | number | bigint): Intl.DateTimeRangeFormatPart[] {
    const from = zonedParts(Number(start), this.zone);
    const to = zonedParts(Number(end), this.zone);
    const parts = this.base.formatRangeToParts(Number(start), Number(end));
    return this.localize(parts, (part) => (part.source === 'endRange' ? to : from)) as Intl.DateTimeRangeFormatPart[];
  }

  resolvedOptions(): Intl.ResolvedDateTimeFormatOptions {
    const resolved = { ...this.base.resolvedOptions(), locale: this.locale };
    if (this.options.timeZoneName) resolved.timeZoneName = this.options.timeZoneName;
    return resolved;
  }

  get [Symbol.toStringTag](): 'Intl.DateTimeFormat' {
    return 'Intl.DateTimeFormat';
  }

  private localize(parts: RangePart[], when: (part: RangePart) => ZonedParts): RangePart[] {
    const hasDay = parts.some((part) => part.type === 'day');
    const longMonth: boolean[] = [];
    const named = parts.map((part, index) => {
      longMonth[index] = false;
      const at = when(part);
      switch (part.type) {
        case 'month': {
          const month = at.month - 1;
          const width = this.monthWidth ?? this.detectWidth(part.value, month, 'month');
          if (!width || /^\d+$/u.test(part.value)) return part;
          longMonth[index] = width === 'long';
          const form = hasDay ? 'format' : 'standalone';
          return { ...part, value: this.data.months[form][width][month] };
        }
        case 'weekday': {
          const day = at.weekday - 1;
          const width = this.weekdayWidth ?? this.detectWidth(part.value, day, 'weekday') ?? 'long';
          return { ...part, value: this.data.weekdays[width][day] };
        }
        case 'era':
          return { ...part, value: this.data.eras[at.year <= 0 ? 0 : 1] };
        case 'timeZoneName':
          return this.zoneName ? { ...part, value: this.zoneName } : part;
        default:
          return part;
      }
    });
    return named
      .map((part, index) =>
        part.type === 'literal'
          ? {
              ...part,
              value: this.data.rewriteLiteral(part.value, {
                before: named[index - 1]?.type,
                after: named[index + 1]?.type,
                afterLongMonth: longMonth[index - 1] ?? false,
              }),
            }
          : part,
      )
      .filter((part) => part.value !== '');
  }

  private detectWidth(value: string, index: number, field: 'month' | 'weekday'): NameWidth | undefined {
    for (const width of widths) {
      const candidates =
        field === 'month'
          ? [this.names.months.format[width][index], this.names.months.standalone[width][index]]
          : [this.names.weekdays[width][index]];
      if (candidates.includes(value)) return width;
    }
    return undefined;
  }
}

// --- numbers ---------------------------------------------------------------------------------

type NumberValue = Parameters<Intl.NumberFormat['formatToParts']>[0];
type RangeValue = Parameters<Intl.NumberFormat['formatRange']>[0];

/**
 * Stands in for `Intl.NumberFormat`: the pattern locale's symbols (which match), our unit symbols,
 * and never its words: long unit and currency names and compact words become their short forms.
 */
export class SubstitutedNumberFormat implements Intl.NumberFormat {
  private readonly base: Intl.NumberFormat;
  private readonly unitSymbol?: string;

  constructor(
    private readonly locale: string,
    data: FallbackLocaleData,
    numberingSystem: string,
    options: Intl.NumberFormatOptions,
  ) {
    const baseOptions: Intl.NumberFormatOptions = { ...options };
    if (baseOptions.unitDisplay === 'long') baseOptions.unitDisplay = 'short';
    if (baseOptions.currencyDisplay === 'name') baseOptions.currencyDisplay = 'symbol';
    if (baseOptions.notation === 'compact') delete baseOptions.notation;
    delete baseOptions.compactDisplay;
    this.base = new Intl.NumberFormat(patternTag(data, numberingSystem), baseOptions);
    if (options.style === 'unit' && options.unit) {
      const symbols = options.unit.split('-per-').map((unit) => data.units[unit]);
      if (symbols.every(Boolean)) this.unitSymbol = symbols.join('/');
      else
        warnOnce(
          'core',
          `no ${languageOf(locale)} symbol for the unit "${options.unit}"; add it in core's fallback-data.ts`,
        );
    }
  }

  readonly format = (value: NumberValue | bigint): string =>
    this.formatToParts(value)
      .map((part) => part.value)
      .join('');

  formatToParts(value?: NumberValue): Intl.NumberFormatPart[] {
    return this.base.formatToParts(value as number).map((part) => this.swap(part));
  }

  formatRange(start: RangeValue, end: RangeValue): string {
    return this.formatRangeToParts(start, end)
      .map((part) => part.value)
      .join('');
  }

  formatRangeToParts(start: RangeValue, end: RangeValue): Intl.NumberRangeFormatPart[] {
    return this.base.formatRangeToParts(start, end).map((part) => this.swap(part));
  }

  resolvedOptions(): Intl.ResolvedNumberFormatOptions {
    return { ...this.base.resolvedOptions(), locale: this.locale };
  }

  get [Symbol.toStringTag](): 'Intl.NumberFormat' {
    return 'Intl.NumberFormat';
  }

  private swap<P extends Intl.NumberFormatPart>(part: P): P {
    return part.type === 'unit' && this.unitSymbol ? { ...part, value: this.unitSymbol } : part;
  }
}

// --- lists -----------------------------------------------------------------------------------

/** Stands in for `Intl.ListFormat`: the pattern locale's commas, our "and" and "or". */
export class SubstitutedListFormat implements Intl.ListFormat {
  private readonly base: Intl.ListFormat;

  constructor(
    private readonly locale: string,
    private readonly data: FallbackLocaleData,
    private readonly options: Intl.ListFormatOptions,
  ) {
    this.base = new Intl.ListFormat(data.patternLocale, options);
  }

  format(list: Iterable<string>): string {
    return this.formatToParts(list)
      .map((part) => part.value)
      .join('');
  }

  formatToParts(list: Iterable<string>): { type: 'element' | 'literal'; value: string }[] {
    const words = patternListWords(this.data.patternLocale);
    const ours = this.data.listWords;
    return this.base.formatToParts(list).map((part) => {
      if (part.type !== 'literal') return part;
      let value = part.value;
      for (const type of ['conjunction', 'disjunction'] as const) {
        const word = words[type];
        if (word) value = value.replace(new RegExp(`(^|\\s)${word}(\\s|$)`, 'u'), `$1${ours[type]}$2`);
      }
      return { ...part, value };
    });
  }

  resolvedOptions(): ReturnType<Intl.ListFormat['resolvedOptions']> {
    const resolved = this.base.resolvedOptions();
    return { ...resolved, locale: this.locale, type: this.options.type ?? resolved.type };
  }
}

const listWordsCache = new Map<string, { conjunction?: string; disjunction?: string }>();

/** The word the pattern locale puts before the last item ("и", "или"), learnt from Intl itself. */
function patternListWords(tag: string) {
  let words = listWordsCache.get(tag);
  if (!words) {
    const wordOf = (type: 'conjunction' | 'disjunction') =>
      new Intl.ListFormat(tag, { type })
        .formatToParts(['a', 'b'])
        .find((part) => part.type === 'literal')
        ?.value.trim() || undefined;
    words = { conjunction: wordOf('conjunction'), disjunction: wordOf('disjunction') };
    listWordsCache.set(tag, words);
  }
  return words;
}

// --- names -----------------------------------------------------------------------------------

/**
 * Stands in for `Intl.DisplayNames`: languages by our own names ("польская"), and a language we
 * have no name for by its own name (endonym), which any reader of that language can read.
 * Regions, scripts and currencies have no data: the code, or `undefined` with `fallback: 'none'`.
 */
export class SubstitutedDisplayNames {
  constructor(
    private readonly locale: string,
    private readonly data: FallbackLocaleData,
    private readonly options: Intl.DisplayNamesOptions,
  ) {
    if (options.type !== 'language') {
      warnOnce('core', `no ${options.type} names for "${languageOf(locale)}" in this browser; codes are shown`);
    }
  }

  of(code: string): string | undefined {
    if (this.options.type === 'language') {
      const language = languageOf(code);
      const name = this.data.languages[language];
      if (name) return name;
      const own = endonym(code);
      if (own !== code) return own;
    }
    return this.options.fallback === 'none' ? undefined : code;
  }

  resolvedOptions(): Intl.ResolvedDisplayNamesOptions {
    return {
      locale: this.locale,
      style: this.options.style ?? 'long',
      type: this.options.type,
      fallback: this.options.fallback ?? 'code',
      languageDisplay: this.options.type === 'language' ? (this.options.languageDisplay ?? 'dialect') : undefined,
    };
  }
}
