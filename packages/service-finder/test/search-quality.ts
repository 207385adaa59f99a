/**
 * A labelled query set for the finder's search, over the Kraków sample (`sample/krakow-services*.json`):
 * what visitors type, in the five languages of the sample and a few in Belarusian and Persian, each
 * with the services it should find. `search.test.ts` holds our search to floors of recall and top-1;
 * the bench (`scripts/bench/finder.mjs`) prints the same figures for us, Fuse.js and MiniSearch.
 *
 * `feed` is the language of the feed the visitor sees (their UI language; Belarusian and Persian
 * readers get the English feed). The Polish feed is searched beside it (see `addOriginals`).
 */

/** Service ids of the sample, by a short name. */
export const sampleIds = {
  temporaryResidence: '90c0edbf-8b15-5cde-a4e8-be0344fb8793',
  permanentResidence: 'c5684396-c78a-58f1-ba0f-d6a5ce34a330',
  longTermResident: 'e48815fb-bd52-5914-848a-f64ffafadbd4',
  workPermit: '8ee01a0c-c7a3-5d93-b0ed-9bb49dcf2757',
  invitation: 'd05fd710-50ac-547b-a8a2-d472eb2380d0',
  residenceHelp: '9ecf8fe7-d2ad-504d-bad6-1de471bad1e5',
  meldunek: '098850ab-54c9-54c2-8164-69138c6a137d',
  pesel: 'eb852216-492a-5bcd-8deb-747154e62083',
  peselUkr: '9183037e-fe68-5838-b436-272ba2b070ba',
  trustedProfile: '26dfe527-cb63-5ff5-99ce-ce5d54b16fee',
  cityCard: '1c0293b5-7bf1-54b5-820f-3ed2920789c3',
  legalAidPoints: 'c1c687f9-ba05-5755-a604-be896481b636',
  infoPoint: '11c6d4f8-2801-58a1-870e-4a058fca9551',
  multicultural: 'fcfbf2cd-d488-5bbe-b2f6-717b943b55c5',
  socialAssistance: '3d85cc01-039f-57dd-96c1-91c3391d92a6',
  integration: 'aa16afc8-1526-546c-8e9e-b6fe82eecd8e',
  crisisCentre: 'da7864a7-3932-56e9-84a1-a2fb05d84699',
  homeless: 'd282d5bd-97e3-520b-b29d-9a99f3ed2ce8',
  unemployed: 'bb968ca7-f3b0-5058-b3db-0f431d7903cc',
  jobOffers: '1928c47c-e822-54cd-bc3a-91d72f08a97e',
  workStatement: 'c23fc63b-d33e-5fd3-aa89-832f9b472bc6',
  eures: 'bbd91273-ecb2-5be4-9d24-39f907ace535',
  labourLaw: 'b1ce2751-64cb-5bb3-b9d7-a0cba6e40a20',
  refugeeLegal: 'fb78e0ef-2756-5457-9332-ce75c880c05c',
  legalClinic: '6a6c654f-59db-597d-a9d1-cec4ab4bcb4e',
  asylum: 'ba7affd0-791c-527d-bdf9-9b7873c957de',
  school: '4b7004f3-9b23-5bbb-9c08-90e77c3692de',
  certificates: '2c68a591-8937-500f-a3b3-987d7284de2c',
  polishCourses: '976210a8-0684-5aa0-930c-5c9f2cf1bafa',
  library: '8d537d0d-4fa8-51ce-bb6a-5397420c37c8',
  familySearch: '171f3ea2-dc61-5796-aa0b-e3852032620a',
  consulate: 'b85d98c1-10a7-52a2-9df2-1f55b350fd6f',
  crime: '4cb65032-e1dc-536c-a6db-26626ad9d639',
  emergency112: 'fed56823-e5fb-51c3-8f1f-794a803a899b',
  adultHelpline: '77451217-a9ae-5475-a5e5-3e057447de38',
  childHelpline: '1d62014c-8977-5475-ac2c-b91dc04ccce0',
  mentalCrisisLine: '4b3cfc30-40a1-5ba5-b3ec-d91a72f95ee2',
  ombudsmanLine: '634b3582-4627-5a47-a2e1-a73fa6a9e43a',
  blueLine: 'b720cdcb-5f34-529b-a1cf-e641006067ca',
  patientLine: 'ac0fc098-acbb-5c9b-aae8-8b6ac0a76085',
  healthInsurance: 'c0219c3f-5715-51e3-b1b6-7ceba6b3d7b1',
  familyDoctor: '3fdcf3f3-e001-5a3d-a216-dba8d058d7e5',
  nightDoctor: '74329759-0657-522c-974b-8c1645703441',
  universityER: '48a36789-3361-5394-aa1a-1bc5cf9c54e2',
  childrenER: '9f544d53-b974-54dd-8459-9d4dfd5e81dc',
  rydygierER: 'ec6212c2-b9ae-5dd2-90a6-4f5a54d3a80c',
  childBenefit: '74fe8806-3d84-50c8-8d1c-db8bb62a99d4',
  pensions: 'f5fc8b19-558d-57e7-80b4-4009096666e3',
} as const;

type Key = keyof typeof sampleIds;

/** The services that work in Ukrainian, Russian and English (their HSDS `languages`). */
const inUkrainian: Key[] = ['residenceHelp', 'infoPoint', 'consulate'];
const inRussian: Key[] = ['residenceHelp', 'infoPoint'];
const inEnglish: Key[] = [
  'residenceHelp',
  'infoPoint',
  'multicultural',
  'eures',
  'refugeeLegal',
  'polishCourses',
  'emergency112',
];
const doctors: Key[] = ['familyDoctor', 'nightDoctor'];
const voivodeshipOffice: Key[] = [
  'temporaryResidence',
  'permanentResidence',
  'longTermResident',
  'workPermit',
  'invitation',
  'residenceHelp',
];

export type FeedLanguage = 'en' | 'pl' | 'uk' | 'ru' | 'ar';

export interface LabelledQuery {
  /** The visitor's language. */
  lang: 'en' | 'pl' | 'uk' | 'ru' | 'ar' | 'be' | 'fa';
  /** The feed they see. */
  feed: FeedLanguage;
  query: string;
  /** Services that answer it; the first result should be one of them. */
  expected: readonly string[];
}

const q = (lang: LabelledQuery['lang'], query: string, expected: Key[], feed?: FeedLanguage): LabelledQuery => ({
  lang,
  feed: feed ?? (lang === 'be' || lang === 'fa' ? 'en' : lang),
  query,
  expected: expected.map((key) => sampleIds[key]),
});

export const labelledQueries: readonly LabelledQuery[] = [
  // English
  q('en', 'residence permit', ['temporaryResidence', 'permanentResidence', 'longTermResident']),
  q('en', 'work permit', ['workPermit']),
  q('en', 'pesel', ['pesel', 'peselUkr']),
  q('en', 'family doctor', ['familyDoctor']),
  q('en', 'asylum', ['asylum']),
  q('en', 'polish course', ['polishCourses']),
  q('en', 'free legal aid', ['legalAidPoints']),
  q('en', 'Ukrainian', inUkrainian),
  q('en', 'urzad wojewodzki', voivodeshipOffice),
  q('en', 'lekarz', doctors),
  q('en', 'helpline children', ['childHelpline', 'ombudsmanLine']),
  q('en', 'domestic violence', ['blueLine']),
  q('en', 'unemployed', ['unemployed']),
  q('en', 'child benefit', ['childBenefit']),
  q('en', 'meldunek', ['meldunek']),
  // Polish
  q('pl', 'lekarz rodzinny', ['familyDoctor']),
  q('pl', 'karta pobytu', ['temporaryResidence']),
  q('pl', 'pomoc prawna', ['refugeeLegal', 'legalAidPoints', 'legalClinic']),
  q('pl', 'ukraiński', inUkrainian),
  q('pl', 'rosyjski', inRussian),
  q('pl', 'angielski', inEnglish),
  q('pl', 'kurs polskiego', ['polishCourses']),
  q('pl', 'zameldowanie', ['meldunek']),
  q('pl', 'szpital dzieciecy', ['childrenER']),
  q('pl', 'bezrobotny', ['unemployed']),
  q('pl', 'emerytura', ['pensions']),
  q('pl', 'Ukrainian', inUkrainian),
  // Ukrainian
  q('uk', 'лікар', doctors),
  q('uk', 'українська', inUkrainian),
  q('uk', 'украинська', inUkrainian),
  q('uk', 'англійська', inEnglish),
  q('uk', 'дозвіл на роботу', ['workPermit']),
  q('uk', 'без житла', ['homeless']),
  q('uk', 'школа для дітей', ['school']),
  q('uk', 'курси польської', ['polishCourses']),
  q('uk', 'lekarz', doctors),
  q('uk', 'urząd pracy', ['unemployed', 'jobOffers', 'workStatement', 'eures']),
  // Russian
  q('ru', 'врач', doctors),
  q('ru', 'украинский', inUkrainian),
  q('ru', 'английский', inEnglish),
  q('ru', 'юридическая помощь', ['legalAidPoints', 'refugeeLegal', 'legalClinic']),
  q('ru', 'пенсии', ['pensions']),
  q('ru', 'пособие на ребенка', ['childBenefit']),
  q('ru', 'українська', inUkrainian),
  // Arabic
  q('ar', 'طبيب', doctors),
  q('ar', 'الأوكرانية', inUkrainian),
  q('ar', 'الاوكرانية', inUkrainian),
  q('ar', 'تصريح العمل', ['workPermit']),
  q('ar', 'مساعدة قانونية', ['legalAidPoints', 'refugeeLegal']),
  q('ar', 'مستشفى الأطفال', ['childrenER']),
  q('ar', 'karta pobytu', ['temporaryResidence']),
  q('ar', 'Ukrainian', inUkrainian),
  // Belarusian and Persian readers, on the English feed
  q('be', 'украінская', inUkrainian),
  q('be', 'руская', inRussian),
  q('fa', 'اوکراینی', inUkrainian),
  q('fa', 'انگليسی', inEnglish),
  q('fa', 'روسی', inRussian),
];

export interface QueryOutcome {
  query: LabelledQuery;
  /** 1-based rank of the first expected service among the results; undefined when none is found. */
  rank?: number;
  /** Share of the expected services among the first `page` results. */
  recall: number;
}

export interface QualityFigures {
  queries: number;
  /** Mean share of the expected services on the first page. */
  recall: number;
  /** Share of queries whose first result is an expected service. */
  top1: number;
  /** Mean rank of the first expected service, over the queries where one was found. */
  meanRank: number;
  outcomes: QueryOutcome[];
}

/** Run the set with `searchIds(query)` (ids, best first), counting the first `page` results. */
export function evaluate(
  queries: readonly LabelledQuery[],
  searchIds: (query: LabelledQuery) => readonly string[],
  page = 20,
): QualityFigures {
  const outcomes = queries.map((query) => {
    const ids = searchIds(query);
    const first = ids.findIndex((id) => query.expected.includes(id));
    const shown = new Set(ids.slice(0, page));
    return {
      query,
      rank: first < 0 ? undefined : first + 1,
      recall: query.expected.filter((id) => shown.has(id)).length / query.expected.length,
    };
  });
  const ranks = outcomes.flatMap((outcome) => (outcome.rank === undefined ? [] : [outcome.rank]));
  return {
    queries: queries.length,
    recall: outcomes.reduce((sum, outcome) => sum + outcome.recall, 0) / outcomes.length,
    top1: outcomes.filter((outcome) => outcome.rank === 1).length / outcomes.length,
    meanRank: ranks.reduce((sum, rank) => sum + rank, 0) / Math.max(1, ranks.length),
    outcomes,
  };
}
