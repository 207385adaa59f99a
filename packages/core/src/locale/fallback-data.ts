/**
 * Our own locale data for languages whose `Intl` data some browsers lack. Chromium (as of 156) has
 * no date, number, list or display-name data for Belarusian and Georgian, and silently answers in
 * English. For those, core formats through a data-rich "pattern locale" whose CLDR patterns fit
 * (field order, separators, the 24-hour clock, number symbols) and swaps in the names below.
 *
 * The names were written for this project from knowledge of the languages' CLDR conventions (not
 * copied from CLDR's files). They are only used when the browser has no data of its own.
 */

/** Twelve month names, January first. */
type Months = readonly [string, string, string, string, string, string, string, string, string, string, string, string];
/** Seven weekday names, Monday first (ISO). */
type Weekdays = readonly [string, string, string, string, string, string, string];

export type NameWidth = 'long' | 'short' | 'narrow';

export interface FallbackLocaleData {
  /**
   * A locale with full `Intl` data whose patterns fit this language: dates and numbers are formatted
   * in it, then its names are replaced with ours and its literals rewritten by `rewriteLiteral`.
   */
  patternLocale: string;
  /** Month names in a date ("24 лістапада") and on their own ("лістапад 2026"). */
  months: { format: Record<NameWidth, Months>; standalone: Record<NameWidth, Months> };
  weekdays: Record<NameWidth, Weekdays>;
  /** Before and after the common era, short. */
  eras: readonly [string, string];
  /**
   * Rewrite a literal of the pattern locale's output for this language. `before` and `after` are
   * the neighbouring parts' types, `afterLongMonth` says the part before is a month written out.
   */
  rewriteLiteral(value: string, context: { before?: string; after?: string; afterLongMonth: boolean }): string;
  /** The words that join the last two items of a list ("a, b і c"), for ListFormat. */
  listWords: { conjunction: string; disjunction: string };
  /** Generic names of time zones, by metazone (see `metazoneOf`). */
  timeZones: Partial<Record<Metazone, string>>;
  /** Short unit symbols where the pattern locale's differ from this language's. */
  units: Record<string, string>;
  /** Names of languages in this language, for `Intl.DisplayNames` of type `language`. */
  languages: Record<string, string>;
}

export type Metazone = 'Europe_Central' | 'Europe_Eastern' | 'Europe_Western' | 'Moscow' | 'Georgia' | 'GMT';

const metazones: Record<Metazone, readonly string[]> = {
  Europe_Central: [
    'Europe/Warsaw',
    'Europe/Berlin',
    'Europe/Prague',
    'Europe/Bratislava',
    'Europe/Vienna',
    'Europe/Budapest',
    'Europe/Ljubljana',
    'Europe/Zagreb',
    'Europe/Belgrade',
    'Europe/Paris',
    'Europe/Brussels',
    'Europe/Amsterdam',
    'Europe/Luxembourg',
    'Europe/Copenhagen',
    'Europe/Stockholm',
    'Europe/Oslo',
    'Europe/Rome',
    'Europe/Madrid',
    'Europe/Zurich',
    'Europe/Malta',
    'CET',
  ],
  Europe_Eastern: [
    'Europe/Kyiv',
    'Europe/Kiev',
    'Europe/Vilnius',
    'Europe/Riga',
    'Europe/Tallinn',
    'Europe/Chisinau',
    'Europe/Bucharest',
    'Europe/Sofia',
    'Europe/Athens',
    'Europe/Helsinki',
    'EET',
  ],
  Europe_Western: ['Europe/Lisbon', 'Atlantic/Canary', 'WET'],
  Moscow: ['Europe/Moscow', 'Europe/Minsk', 'Europe/Simferopol'],
  Georgia: ['Asia/Tbilisi'],
  GMT: ['Europe/London', 'Europe/Dublin', 'Etc/GMT', 'Etc/UTC', 'UTC', 'GMT'],
};

/** The metazone an IANA zone belongs to, where we have names for it. */
export function metazoneOf(zone: string): Metazone | undefined {
  for (const [metazone, zones] of Object.entries(metazones) as [Metazone, readonly string[]][]) {
    if (zones.includes(zone)) return metazone;
  }
  return undefined;
}

const belarusian: FallbackLocaleData = {
  // Russian shares Belarusian's CLDR date patterns ("d MMMM y 'г'.", "dd.MM.y", HH:mm) and number
  // symbols (comma decimal, no-break space grouping).
  patternLocale: 'ru',
  months: {
    format: {
      long: [
        'студзеня',
        'лютага',
        'сакавіка',
        'красавіка',
        'мая',
        'чэрвеня',
        'ліпеня',
        'жніўня',
        'верасня',
        'кастрычніка',
        'лістапада',
        'снежня',
      ],
      short: ['студз.', 'лют.', 'сак.', 'крас.', 'мая', 'чэрв.', 'ліп.', 'жн.', 'вер.', 'кастр.', 'ліст.', 'снеж.'],
      narrow: ['с', 'л', 'с', 'к', 'м', 'ч', 'л', 'ж', 'в', 'к', 'л', 'с'],
    },
    standalone: {
      long: [
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
      ],
      short: ['студз.', 'лют.', 'сак.', 'крас.', 'май', 'чэрв.', 'ліп.', 'жн.', 'вер.', 'кастр.', 'ліст.', 'снеж.'],
      narrow: ['с', 'л', 'с', 'к', 'м', 'ч', 'л', 'ж', 'в', 'к', 'л', 'с'],
    },
  },
  weekdays: {
    long: ['панядзелак', 'аўторак', 'серада', 'чацвер', 'пятніца', 'субота', 'нядзеля'],
    short: ['пн', 'аў', 'ср', 'чц', 'пт', 'сб', 'нд'],
    narrow: ['п', 'а', 'с', 'ч', 'п', 'с', 'н'],
  },
  eras: ['да н. э.', 'н. э.'],
  // Russian joins a date and a time with " в "; a comma is the plain Belarusian join.
  rewriteLiteral: (value) => value.replace(/\s+в\s+/gu, ', '),
  listWords: { conjunction: 'і', disjunction: 'або' },
  timeZones: {
    Europe_Central: 'цэнтральнаеўрапейскі час',
    Europe_Eastern: 'усходнееўрапейскі час',
    Europe_Western: 'заходнееўрапейскі час',
    Moscow: 'маскоўскі час',
    Georgia: 'час Грузіі',
    GMT: 'час па Грынвічы',
  },
  units: {
    meter: 'м',
    kilometer: 'км',
    second: 'с',
    minute: 'хв',
    hour: 'гадз',
    day: 'дн.',
  },
  languages: {
    en: 'англійская',
    pl: 'польская',
    uk: 'украінская',
    ru: 'руская',
    ar: 'арабская',
    be: 'беларуская',
    ka: 'грузінская',
    es: 'іспанская',
    hi: 'хіндзі',
    vi: 'в’етнамская',
    tr: 'турэцкая',
    fa: 'персідская',
    de: 'нямецкая',
    fr: 'французская',
    it: 'італьянская',
    cs: 'чэшская',
    sk: 'славацкая',
    lt: 'літоўская',
    hy: 'армянская',
    az: 'азербайджанская',
    kk: 'казахская',
    uz: 'узбекская',
    zh: 'кітайская',
  },
};

const georgian: FallbackLocaleData = {
  // Russian's numeric patterns fit Georgian's CLDR data (dd.MM.y, HH:mm, comma decimal, no-break
  // space grouping); its written-out dates differ and are rewritten: "24 ნოემბერი, 2026" has a
  // comma after a written-out month and no year word (Russian's "г.").
  patternLocale: 'ru',
  months: {
    format: {
      long: [
        'იანვარი',
        'თებერვალი',
        'მარტი',
        'აპრილი',
        'მაისი',
        'ივნისი',
        'ივლისი',
        'აგვისტო',
        'სექტემბერი',
        'ოქტომბერი',
        'ნოემბერი',
        'დეკემბერი',
      ],
      short: ['იან.', 'თებ.', 'მარ.', 'აპრ.', 'მაი.', 'ივნ.', 'ივლ.', 'აგვ.', 'სექ.', 'ოქტ.', 'ნოე.', 'დეკ.'],
      narrow: ['ი', 'თ', 'მ', 'ა', 'მ', 'ი', 'ი', 'ა', 'ს', 'ო', 'ნ', 'დ'],
    },
    standalone: {
      long: [
        'იანვარი',
        'თებერვალი',
        'მარტი',
        'აპრილი',
        'მაისი',
        'ივნისი',
        'ივლისი',
        'აგვისტო',
        'სექტემბერი',
        'ოქტომბერი',
        'ნოემბერი',
        'დეკემბერი',
      ],
      short: ['იან.', 'თებ.', 'მარ.', 'აპრ.', 'მაი.', 'ივნ.', 'ივლ.', 'აგვ.', 'სექ.', 'ოქტ.', 'ნოე.', 'დეკ.'],
      narrow: ['ი', 'თ', 'მ', 'ა', 'მ', 'ი', 'ი', 'ა', 'ს', 'ო', 'ნ', 'დ'],
    },
  },
  weekdays: {
    long: ['ორშაბათი', 'სამშაბათი', 'ოთხშაბათი', 'ხუთშაბათი', 'პარასკევი', 'შაბათი', 'კვირა'],
    short: ['ორშ', 'სამ', 'ოთხ', 'ხუთ', 'პარ', 'შაბ', 'კვი'],
    narrow: ['ო', 'ს', 'ო', 'ხ', 'პ', 'შ', 'კ'],
  },
  eras: ['ძვ. წ.', 'ახ. წ.'],
  rewriteLiteral(value, { after, afterLongMonth }) {
    let text = value
      .replace(/\s*г\./gu, '')
      .replace(/\s*н\. э\./gu, '')
      .replace(/\s+в\s+/gu, ', ');
    if (afterLongMonth && after === 'year' && /^\s+$/u.test(text)) text = ', ';
    return text;
  },
  listWords: { conjunction: 'და', disjunction: 'ან' },
  timeZones: {
    Europe_Central: 'ცენტრალური ევროპის დრო',
    Europe_Eastern: 'აღმოსავლეთ ევროპის დრო',
    Europe_Western: 'დასავლეთ ევროპის დრო',
    Moscow: 'მოსკოვის დრო',
    Georgia: 'საქართველოს დრო',
    GMT: 'გრინვიჩის საშუალო დრო',
  },
  units: {
    meter: 'მ',
    kilometer: 'კმ',
    second: 'წმ',
    minute: 'წთ',
    hour: 'სთ',
    day: 'დღე',
  },
  languages: {
    en: 'ინგლისური',
    pl: 'პოლონური',
    uk: 'უკრაინული',
    ru: 'რუსული',
    ar: 'არაბული',
    be: 'ბელარუსული',
    ka: 'ქართული',
    es: 'ესპანური',
    hi: 'ჰინდი',
    vi: 'ვიეტნამური',
    tr: 'თურქული',
    fa: 'სპარსული',
    de: 'გერმანული',
    fr: 'ფრანგული',
    it: 'იტალიური',
    cs: 'ჩეხური',
    sk: 'სლოვაკური',
    lt: 'ლიტვური',
    hy: 'სომხური',
    az: 'აზერბაიჯანული',
    kk: 'ყაზახური',
    uz: 'უზბეკური',
    zh: 'ჩინური',
  },
};

/** Our data, by primary language subtag. */
export const fallbackLocaleData: Readonly<Record<string, FallbackLocaleData>> = { be: belarusian, ka: georgian };
