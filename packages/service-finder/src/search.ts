/**
 * The finder's search index. Text is folded (see `searchWords`): lower case, no diacritics, and the
 * letters people type either way made one: `urzad` finds `Urząd`, `lodz` finds `Łódź`, `украинська`
 * finds `українська` (є, і as е, и), and Persian `ی`/`ک` match Arabic `ي`/`ك`. Words match at their
 * start (`lodz` does not match inside `młodzieży`), every word of the query is required, and results
 * rank by where they matched.
 *
 * The index is filled in slices (`fillInSlices`), and is usable at every moment: documents already
 * read are found through their folded words, kept per document, until the sorted vocabulary is
 * complete; then each query word is one binary search and a walk over the words it starts. Both
 * paths give the same scores, so a query typed while the index is filling gets the same answer as
 * one typed after.
 *
 * More text can be searched beside a document's own (`TermSource`): the names of the languages a
 * service is offered in, in every UI language (`languageSource`), and the same services in another
 * feed (the Polish originals, `SearchIndex` over the other feed's text in this one's order).
 */

import { letterFolds, runToEnd, runInSlices, type SlicedWork } from '@open-city/core';

/** How much a match counts, by the field it is in. */
export const Weight = { Other: 1, Category: 2, Name: 3 } as const;

/** A whole-word match ranks above a prefix match of the same field by this much. */
const EXACT_BONUS = 0.5;

export interface SearchFields {
  /** Service and organization names. */
  name: string[];
  category: string[];
  /** Descriptions, addresses, and anything else worth finding. */
  other: string[];
}

/** Letters that Unicode decomposition leaves whole, mapped to the plain letter people type. */
const extraFolds: Record<string, string> = {
  // Core's table (Latin letters NFD leaves whole, taa marbuta, alef maksura), and more: the
  // finder's search words are also matched across scripts and keyboards.
  ...letterFolds,
  ς: 'σ',
  // Cyrillic: Ukrainian and Belarusian letters as a Russian keyboard types them (ё, ї, й, ў lose
  // their marks in decomposition: е, і → и, и, у).
  є: 'е',
  і: 'и',
  ґ: 'г',
  // Arabic script: hamza carriers decompose (taa marbuta and alef maksura are core's); Persian yeh
  // and keheh, as people type them on Arabic and Persian keyboards.
  ی: 'ي',
  ک: 'ك',
  ۀ: 'ه',
  ـ: '', // tatweel, a stretch of the line, not a letter
};

/** Folded form of each non-ASCII character met: letters and digits folded, marks '', others ' '. */
const charFolds = new Map<string, string>();

function foldChar(char: string): string {
  let folded = charFolds.get(char);
  if (folded !== undefined) return folded;
  folded = '';
  for (const part of char.toLowerCase().normalize('NFD')) {
    if (/\p{M}/u.test(part)) continue;
    if (part in extraFolds) folded += extraFolds[part];
    else if (/[\p{L}\p{N}]/u.test(part)) folded += part;
    else folded += ' ';
  }
  charFolds.set(char, folded);
  return folded;
}

/**
 * The folded words of a text, split at anything that is not a letter or a digit: one pass over the
 * text, each distinct character folded once for the whole page. A run of ASCII letters and digits
 * (most of most words) is cut out of the text whole, not built a character at a time.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  /** The word so far, before the ASCII run that continues it. */
  let word = '';
  /** Where the ASCII run at the end of the word starts (-1: none), and whether it has capitals. */
  let run = -1;
  let capitals = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const capital = code >= 65 && code <= 90;
      if (capital || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (run < 0) run = i;
        capitals ||= capital;
        continue;
      }
      if (run >= 0) {
        word = withAscii(word, text, run, i, capitals);
        run = -1;
        capitals = false;
      }
      if (word) {
        words.push(word);
        word = '';
      }
      continue;
    }
    if (run >= 0) {
      word = withAscii(word, text, run, i, capitals);
      run = -1;
      capitals = false;
    }
    // A surrogate pair is one character.
    const char = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, ++i + 1) : text[i];
    const folded = foldChar(char);
    if (folded.indexOf(' ') < 0) {
      word += folded;
      continue;
    }
    const parts = folded.split(' ');
    for (let p = 0; p < parts.length; p++) {
      if (p > 0 && word) {
        words.push(word);
        word = '';
      }
      word += parts[p];
    }
  }
  if (run >= 0) word = withAscii(word, text, run, text.length, capitals);
  if (word) words.push(word);
  return words;
}

/** `word` continued by the ASCII letters and digits of `text` from `from` to `to`, lower case. */
function withAscii(word: string, text: string, from: number, to: number, capitals: boolean): string {
  const ascii = text.slice(from, to);
  return word + (capitals ? ascii.toLowerCase() : ascii);
}

/** Arabic writes its article into the word (`الطبيب`, the doctor): such a word is found without it too. */
function withoutArticle(word: string): string | undefined {
  // ا then ل, tested by code first: nearly every word is not Arabic.
  return word.length > 3 && word.charCodeAt(0) === 0x627 && word.charCodeAt(1) === 0x644 ? word.slice(2) : undefined;
}

/** The words of a query as the index holds them: Arabic ones without their article. */
export function queryTerms(query: string): string[] {
  return [...new Set(searchWords(query).map((word) => withoutArticle(word) ?? word))];
}

/** Short field texts recur (organizations, categories, cities, streets): folded once each. */
const shortFieldWords = new Map<string, string[]>();
const SHORT_FIELD = 120;
const SHORT_FIELDS_KEPT = 50_000;

function fieldWords(text: string): string[] {
  if (text.length > SHORT_FIELD) return searchWords(text);
  let words = shortFieldWords.get(text);
  if (!words) {
    if (shortFieldWords.size >= SHORT_FIELDS_KEPT) shortFieldWords.clear();
    shortFieldWords.set(text, (words = searchWords(text)));
  }
  return words;
}

/** A document's distinct folded words, each with the best weight it has there. */
export interface DocWords {
  words: string[];
  weights: number[];
}

/**
 * Each folded word of a document's fields with its weight, names first (so a word's first weight
 * is its best), and each Arabic word without its article after it; repeats included.
 */
function eachWord(fields: SearchFields, visit: (word: string, weight: number) => void): void {
  const add = (values: string[], weight: number) => {
    for (let v = 0; v < values.length; v++) {
      const value = values[v];
      if (!value) continue;
      const folded = fieldWords(value);
      for (let w = 0; w < folded.length; w++) {
        const word = folded[w];
        visit(word, weight);
        const bare = withoutArticle(word);
        if (bare !== undefined) visit(bare, weight);
      }
    }
  };
  add(fields.name, Weight.Name);
  add(fields.category, Weight.Category);
  add(fields.other, Weight.Other);
}

/** Fold a document's fields once: its distinct words, each with the best weight it has there. */
export function docWords(fields: SearchFields): DocWords {
  const seen = new Set<string>();
  const words: string[] = [];
  const weights: number[] = [];
  eachWord(fields, (word, weight) => {
    if (seen.has(word)) return;
    seen.add(word);
    words.push(word);
    weights.push(weight);
  });
  return { words, weights };
}

/**
 * Text searched beside a document's own: for one query word, raise `scores[doc]` to the score of
 * each document it matches (skipping documents where `alive[doc] === 0`); true when any matched.
 */
export interface TermSource {
  matchTerm(term: string, scores: Float32Array, alive: Float32Array | undefined): boolean;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What `fill` has made so far, readable by a query before it completes: the distinct words met
 * (numbered in the order met) and, per document filled, its words' numbers and weights at
 * `docStart[doc]` up to `docStart[doc + 1]` of `wordIds` and `wordWeights` (the same words, weights
 * and order as `docWords` gives).
 */
interface Filled {
  documents: number;
  words: string[];
  docStart: Uint32Array;
  wordIds: Uint32Array;
  wordWeights: Uint8Array;
}

export class SearchIndex implements TermSource {
  /** Folded words of documents a query read before `fill` did (released once complete). */
  private docs: Array<DocWords | undefined>;
  /** What `fill` has made so far (released once complete). */
  private filled: Filled | undefined;
  /** Sorted, distinct folded words; empty until complete. */
  vocabulary: string[] = [];
  /**
   * The postings of the vocabulary, flat: word `w` is in documents `postingDocs[postingStart[w]]`
   * up to (not including) `postingStart[w + 1]`, in document order, with the best weight it has
   * in each at the same places of `postingWeights`. Three arrays, not one pair per word: tens of
   * thousands of small typed arrays cost more to make than the whole rest of the index.
   */
  private postingStart = new Uint32Array(1);
  private postingDocs = new Uint32Array(0);
  private postingWeights = new Uint8Array(0);
  complete = false;
  /** Other text searched with this index's documents (languages, the Polish originals). */
  readonly sources: TermSource[] = [];
  /** `fill` has begun. */
  started = false;

  /** `fields(doc)` gives a document's text when it is first needed (by the filler or a query). */
  constructor(
    readonly size: number,
    private readonly fields: (doc: number) => SearchFields,
  ) {
    this.docs = new Array<DocWords | undefined>(size);
  }

  /** The folded words of a document, read and kept on first need. */
  wordsOf(doc: number): DocWords {
    return (this.docs[doc] ??= docWords(this.fields(doc)));
  }

  /**
   * Fill the index: fold every document (yielding between them) straight into numbered words and
   * flat arrays (no list of words per document is made), then sort the vocabulary and lay out the
   * postings. Queries are answered correctly throughout.
   */
  *fill(): SlicedWork<this> {
    if (this.complete || this.started) return this;
    this.started = true;
    const ids = new Map<string, number>();
    const words: string[] = [];
    const counts: number[] = [];
    /** Per word number, the last document it was counted in: a document counts a word once. */
    let lastDoc = new Int32Array(1 << 14).fill(-1);
    const filled: Filled = {
      documents: 0,
      words,
      docStart: new Uint32Array(this.size + 1),
      wordIds: new Uint32Array(1 << 16),
      wordWeights: new Uint8Array(1 << 16),
    };
    this.filled = filled;
    let occurrences = 0;
    let doc = 0;
    const count = (word: string, weight: number) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
        counts.push(0);
        if (id >= lastDoc.length) {
          const grown = new Int32Array(lastDoc.length * 2).fill(-1);
          grown.set(lastDoc);
          lastDoc = grown;
        }
      } else if (lastDoc[id] === doc) return;
      lastDoc[id] = doc;
      counts[id]++;
      if (occurrences === filled.wordIds.length) {
        const moreIds = new Uint32Array(occurrences * 2);
        moreIds.set(filled.wordIds);
        filled.wordIds = moreIds;
        const moreWeights = new Uint8Array(occurrences * 2);
        moreWeights.set(filled.wordWeights);
        filled.wordWeights = moreWeights;
      }
      filled.wordIds[occurrences] = id;
      filled.wordWeights[occurrences] = weight;
      occurrences++;
    };
    for (; doc < this.size; doc++) {
      filled.docStart[doc] = occurrences;
      // A document a query has read already is not folded again.
      const known = this.docs[doc];
      if (known) for (let w = 0; w < known.words.length; w++) count(known.words[w], known.weights[w]);
      else eachWord(this.fields(doc), count);
      filled.docStart[doc + 1] = occurrences;
      filled.documents = doc + 1;
      yield;
    }
    // The vocabulary in code-unit order, and each word's place in it.
    const order = words.map((_, id) => id);
    yield;
    order.sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0));
    yield;
    const rank = new Uint32Array(words.length);
    const start = new Uint32Array(words.length + 1);
    for (let r = 0; r < order.length; r++) {
      rank[order[r]] = r;
      start[r + 1] = start[r] + counts[order[r]];
    }
    const next = start.slice(0, words.length);
    const docs = new Uint32Array(occurrences);
    const weights = new Uint8Array(occurrences);
    const { docStart, wordIds, wordWeights } = filled;
    for (let d = 0; d < this.size; d++) {
      for (let o = docStart[d], end = docStart[d + 1]; o < end; o++) {
        const at = next[rank[wordIds[o]]]++;
        docs[at] = d;
        weights[at] = wordWeights[o];
      }
      if ((d & 0x3ff) === 0x3ff) yield;
    }
    this.vocabulary = order.map((id) => words[id]);
    this.postingStart = start;
    this.postingDocs = docs;
    this.postingWeights = weights;
    this.complete = true;
    this.docs = [];
    this.filled = undefined;
    return this;
  }

  matchTerm(term: string, scores: Float32Array, alive: Float32Array | undefined): boolean {
    let any = false;
    if (this.complete) {
      const { vocabulary, postingStart, postingDocs, postingWeights } = this;
      for (let w = lowerBound(vocabulary, term); w < vocabulary.length; w++) {
        const word = vocabulary[w];
        if (!word.startsWith(term)) break;
        const exact = word.length === term.length ? EXACT_BONUS : 0;
        for (let i = postingStart[w], end = postingStart[w + 1]; i < end; i++) {
          const doc = postingDocs[i];
          if (alive && alive[doc] === 0) continue;
          const score = postingWeights[i] + exact;
          if (score > scores[doc]) scores[doc] = score;
          any = true;
        }
      }
      return any;
    }
    // Still filling: the same scores, from the words filled so far and, past them, each document's own.
    const filled = this.filled;
    let from = 0;
    if (filled && filled.documents > 0) {
      // Each word met so far is matched once: 0 no match, else the bonus plus one.
      const { words, docStart, wordIds, wordWeights } = filled;
      const matched = new Float32Array(words.length);
      for (let id = 0; id < words.length; id++) {
        const word = words[id];
        if (word.startsWith(term)) matched[id] = 1 + (word.length === term.length ? EXACT_BONUS : 0);
      }
      from = filled.documents;
      for (let doc = 0; doc < from; doc++) {
        if (alive && alive[doc] === 0) continue;
        for (let o = docStart[doc], end = docStart[doc + 1]; o < end; o++) {
          const match = matched[wordIds[o]];
          if (match === 0) continue;
          const score = wordWeights[o] + match - 1;
          if (score > scores[doc]) scores[doc] = score;
          any = true;
        }
      }
    }
    for (let doc = from; doc < this.size; doc++) {
      if (alive && alive[doc] === 0) continue;
      const { words, weights } = this.wordsOf(doc);
      for (let w = 0; w < words.length; w++) {
        const word = words[w];
        if (!word.startsWith(term)) continue;
        const score = weights[w] + (word.length === term.length ? EXACT_BONUS : 0);
        if (score > scores[doc]) scores[doc] = score;
        any = true;
      }
    }
    return any;
  }
}

/** An index over documents given as fields of text, filled at once. */
export function buildIndex(documents: readonly SearchFields[]): SearchIndex {
  return runToEnd(new SearchIndex(documents.length, (doc) => documents[doc]).fill());
}

/** Fill an index in slices that leave the page responsive (see core's `runInSlices`). */
export function fillInSlices(index: SearchIndex, signal?: AbortSignal): Promise<SearchIndex> {
  return runInSlices(index.fill(), { signal, budgetMs: 12 });
}

export interface SearchHit {
  doc: number;
  score: number;
}

/**
 * Documents matching every word of the query at a word start, in their own text or in the index's
 * other sources, best first (ties keep document order). An empty query returns undefined: no text
 * filter.
 */
export function search(index: SearchIndex, query: string): SearchHit[] | undefined {
  const terms = queryTerms(query);
  if (terms.length === 0) return undefined;
  // Longer terms first: they match fewer words, so the candidates shrink fastest.
  terms.sort((a, b) => b.length - a.length);
  const sources: TermSource[] = [index, ...index.sources];
  let total: Float32Array | undefined;
  const termScore = new Float32Array(index.size);
  for (const term of terms) {
    termScore.fill(0);
    let any = false;
    for (const source of sources) if (source.matchTerm(term, termScore, total)) any = true;
    if (!any) return [];
    if (!total) total = Float32Array.from(termScore);
    else for (let doc = 0; doc < index.size; doc++) total[doc] = termScore[doc] === 0 ? 0 : total[doc] + termScore[doc];
  }
  // Best first, ties in document order. Scores are sums of a few weights, so there are few
  // distinct ones: the hits are grouped by score in document order, then the groups put in order
  // (a one-letter query on 50,000 services matches most of them; sorting them all costs more).
  const groups = new Map<number, SearchHit[]>();
  for (let doc = 0; doc < index.size; doc++) {
    const score = total![doc];
    if (score <= 0) continue;
    let group = groups.get(score);
    if (!group) groups.set(score, (group = []));
    group.push({ doc, score });
  }
  const hits: SearchHit[] = [];
  for (const score of [...groups.keys()].sort((a, b) => b - a)) for (const hit of groups.get(score)!) hits.push(hit);
  return hits;
}

/** The UI languages whose names for languages are searched (core's `supportedLocales`). */
const UI_LOCALES = ['en', 'pl', 'uk', 'ru', 'ar', 'be', 'ka', 'es', 'hi', 'vi', 'tr', 'fa'];

/**
 * Names of common languages in the UI languages whose `Intl` data browsers may lack (Chromium has
 * none for Belarusian and Georgian, and answers in English): written for this table.
 */
const missingNames: Record<string, Record<string, string>> = {
  be: {
    uk: 'украінская',
    ru: 'руская',
    en: 'англійская',
    pl: 'польская',
    be: 'беларуская',
    ar: 'арабская',
    ka: 'грузінская',
    es: 'іспанская',
    hi: 'хіндзі',
    vi: "в'етнамская",
    tr: 'турэцкая',
    fa: 'персідская',
    de: 'нямецкая',
    fr: 'французская',
  },
  ka: {
    uk: 'უკრაინული',
    ru: 'რუსული',
    en: 'ინგლისური',
    pl: 'პოლონური',
    be: 'ბელარუსული',
    ar: 'არაბული',
    ka: 'ქართული',
    es: 'ესპანური',
    hi: 'ჰინდი',
    vi: 'ვიეტნამური',
    tr: 'თურქული',
    fa: 'სპარსული',
    de: 'გერმანული',
    fr: 'ფრანგული',
  },
};

/** Folded words of a language's names, by code: made once per code for the page. */
const languageNameWords = new Map<string, string[]>();
let displayNames: Intl.DisplayNames[] | undefined;

/**
 * The words of a language's name in every UI language, in itself (`endonym`), and its code's
 * own names where `Intl` has them: `ukraiński`, `українська`, `Ukrainian`, `украинский`, `اوکراینی`.
 */
export function languageWords(code: string, endonym?: string): string[] {
  let words = languageNameWords.get(code);
  if (words) return words;
  // Only the locales the runtime has data for; the others are in `missingNames`.
  displayNames ??= UI_LOCALES.flatMap((locale) => {
    try {
      const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      return names.resolvedOptions().locale.split('-')[0] === locale ? [names] : [];
    } catch {
      return [];
    }
  });
  const names = new Set<string>(endonym ? [endonym] : []);
  for (const table of Object.values(missingNames)) if (table[code]) names.add(table[code]);
  for (const names_ of displayNames) {
    try {
      const name = names_.of(code);
      if (name) names.add(name);
    } catch {
      // not a language code the runtime knows: its endonym, if any, is all there is
    }
  }
  words = [
    ...new Set([...names].flatMap((name) => searchWords(name).flatMap((word) => [word, withoutArticle(word) ?? word]))),
  ];
  languageNameWords.set(code, words);
  return words;
}

/**
 * The languages a service is offered in, found by their names in any UI language, weighted as a
 * category: a query for `ukrainian` finds every service that works in Ukrainian.
 */
export function languageSource(
  languagesOf: ReadonlyArray<ReadonlySet<string>>,
  endonymOf?: (code: string) => string | undefined,
): TermSource {
  const docsByCode = new Map<string, number[]>();
  languagesOf.forEach((codes, doc) => {
    for (const code of codes) {
      let docs = docsByCode.get(code);
      if (!docs) docsByCode.set(code, (docs = []));
      docs.push(doc);
    }
  });
  const entries: Array<[word: string, docs: number[]]> = [];
  for (const [code, docs] of docsByCode) {
    for (const word of languageWords(code, endonymOf?.(code))) entries.push([word, docs]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words = entries.map(([word]) => word);
  return {
    matchTerm(term, scores, alive) {
      let any = false;
      for (let w = lowerBound(words, term); w < words.length && words[w].startsWith(term); w++) {
        const score = Weight.Category + (words[w].length === term.length ? EXACT_BONUS : 0);
        for (const doc of entries[w][1]) {
          if (alive && alive[doc] === 0) continue;
          if (score > scores[doc]) scores[doc] = score;
          any = true;
        }
      }
      return any;
    },
  };
}
