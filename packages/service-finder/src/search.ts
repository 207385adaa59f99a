/**
 * A small search index for the finder: text folded to lower case without diacritics (`urzad` finds
 * `Urząd`, `lodz` finds `Łódź`), matched at the start of words (so `lodz` does not match inside
 * `młodzieży`), every word of the query required, ranked by where it matched. A sorted vocabulary
 * turns each query word into one binary search and a walk over the words it starts, which keeps a
 * keystroke to a few milliseconds on 10,000 services.
 */

import { foldedWords, runToEnd, type SlicedWork } from '@open-city/core';

/** How much a match counts, by the field it is in. */
export const Weight = { Other: 1, Category: 2, Name: 3 } as const;

export interface SearchFields {
  /** Service and organization names. */
  name: string[];
  category: string[];
  /** Descriptions, addresses, and anything else worth finding. */
  other: string[];
}

export interface SearchIndex {
  size: number;
  /** Sorted, distinct folded words. */
  vocabulary: string[];
  /** For each word of the vocabulary: the documents holding it, and the best weight in each. */
  postings: Array<{ docs: Uint32Array; weights: Uint8Array }>;
}

/** Build an index over documents given as fields of text. */
export function buildIndex(documents: readonly SearchFields[]): SearchIndex {
  return runToEnd(buildIndexWork(documents));
}

/** The same as work that yields between documents (see core's `runInSlices`). */
export function* buildIndexWork(documents: readonly SearchFields[]): SlicedWork<SearchIndex> {
  // Fields are added best first, so the first time a document meets a word is its best weight,
  // and a posting only grows when the document differs from its last entry.
  const byWord = new Map<string, { docs: number[]; weights: number[] }>();
  for (let doc = 0; doc < documents.length; doc++) {
    const fields = documents[doc];
    const add = (values: string[], weight: number) => {
      for (const word of foldedWords(values.join(' '))) {
        let posting = byWord.get(word);
        if (!posting) byWord.set(word, (posting = { docs: [], weights: [] }));
        if (posting.docs[posting.docs.length - 1] === doc) continue;
        posting.docs.push(doc);
        posting.weights.push(weight);
      }
    };
    add(fields.name, Weight.Name);
    add(fields.category, Weight.Category);
    add(fields.other, Weight.Other);
    yield;
  }
  const vocabulary = [...byWord.keys()];
  yield;
  vocabulary.sort();
  yield;
  const postings: SearchIndex['postings'] = [];
  for (const word of vocabulary) {
    const { docs, weights } = byWord.get(word)!;
    postings.push({ docs: Uint32Array.from(docs), weights: Uint8Array.from(weights) });
    if (postings.length % 256 === 0) yield;
  }
  return { size: documents.length, vocabulary, postings };
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface SearchHit {
  doc: number;
  score: number;
}

/**
 * Documents matching every word of the query at a word start, best first (ties keep document
 * order). An empty query returns undefined: no text filter.
 */
export function search(index: SearchIndex, query: string): SearchHit[] | undefined {
  const terms = [...new Set(foldedWords(query))];
  if (terms.length === 0) return undefined;
  // Longer terms first: they match fewer words, so the candidates shrink fastest.
  terms.sort((a, b) => b.length - a.length);
  let total: Float32Array | undefined;
  const termScore = new Float32Array(index.size);
  for (const term of terms) {
    termScore.fill(0);
    let any = false;
    for (let w = lowerBound(index.vocabulary, term); w < index.vocabulary.length; w++) {
      const word = index.vocabulary[w];
      if (!word.startsWith(term)) break;
      // A whole-word match ranks above a prefix match of the same field.
      const exact = word.length === term.length ? 0.5 : 0;
      const { docs, weights } = index.postings[w];
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        if (total && total[doc] === 0) continue;
        const score = weights[i] + exact;
        if (score > termScore[doc]) termScore[doc] = score;
        any = true;
      }
    }
    if (!any) return [];
    if (!total) total = Float32Array.from(termScore);
    else for (let doc = 0; doc < index.size; doc++) total[doc] = termScore[doc] === 0 ? 0 : total[doc] + termScore[doc];
  }
  const hits: SearchHit[] = [];
  for (let doc = 0; doc < index.size; doc++) if (total![doc] > 0) hits.push({ doc, score: total![doc] });
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits;
}
