/* global document -- runs in the page */
/**
 * The in-page half of the finder bench (scripts/bench/finder.mjs), bundled with esbuild for
 * production: our search (the finder's own modules), Fuse.js and MiniSearch, over the same records.
 *
 *  - `engine`: index and search alone, no DOM, for the three libraries;
 *  - `peerPage(lib, url)`: a peer as a page would use it: fetch, parse, index, and a list of the
 *    first 20 results (name, organization, address), then the same list on each keystroke;
 *  - `quality`: the labelled query set (packages/service-finder/test/search-quality.ts).
 *
 * The peers get the same text as ours: names, categories, description and addresses, the Polish
 * originals' names, categories and descriptions (for the quality set), and the names of the
 * languages a service is offered in, in every UI language (what our index adds beside the text).
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { foldText, runToEnd } from '@open-city/core';
import { loadAllPages, parseServices } from '../../../../packages/service-finder/src/parse.ts';
import { addOriginals, find, prepare } from '../../../../packages/service-finder/src/finder.ts';
import { languageWords } from '../../../../packages/service-finder/src/search.ts';
import { evaluate, labelledQueries } from '../../../../packages/service-finder/test/search-quality.ts';

const text = (value) => (typeof value === 'string' ? value : '');
const list = (value) => (Array.isArray(value) ? value : []);

/** One flat document per HSDS record, as one would feed a search library. */
export function toDocs(records, originals) {
  const byId = new Map(list(originals).map((record) => [record.id, record]));
  return list(records).map((record) => {
    const original = byId.get(record.id) ?? {};
    const categories = (r) =>
      list(r.attributes)
        .map((attribute) => text(attribute?.taxonomy_term?.name))
        .join(' ');
    const places = list(record.service_at_locations).map((link) => link?.location ?? {});
    return {
      id: record.id,
      name: [
        text(record.name),
        text(record.alternate_name),
        text(record.organization?.name),
        text(original.name),
        text(original.organization?.name),
      ].join(' '),
      categories: `${categories(record)} ${categories(original)}`,
      other: [
        text(record.description),
        text(original.description),
        ...places.flatMap((place) => [
          text(place.name),
          ...list(place.addresses).flatMap((a) => [text(a.address_1), text(a.postal_code), text(a.city)]),
        ]),
      ].join(' '),
      languages: list(record.languages)
        .map((language) => languageWords(text(language?.code)).join(' '))
        .join(' '),
      // For the result list.
      title: text(record.name),
      org: text(record.organization?.name),
      address: text(places[0]?.addresses?.[0]?.address_1),
    };
  });
}

const fuseOptions = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'categories', weight: 2 },
    { name: 'languages', weight: 2 },
    { name: 'other', weight: 1 },
  ],
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.3,
};

const miniOptions = {
  fields: ['name', 'categories', 'languages', 'other'],
  // Folded as ours is: lower case, no diacritics, ł as l.
  processTerm: (term) => foldText(term) || null,
  searchOptions: { prefix: true, combineWith: 'AND', boost: { name: 3, categories: 2, languages: 2 } },
};

export const peers = {
  'Fuse.js': {
    index: (docs) => new Fuse(docs, fuseOptions),
    search: (index, query, docs) => (query.trim() ? index.search(query).map((hit) => hit.item) : docs),
  },
  MiniSearch: {
    index: (docs) => {
      const mini = new MiniSearch(miniOptions);
      mini.addAll(docs);
      return mini;
    },
    search: (index, query, docs, byId) => (query.trim() ? index.search(query).map((hit) => byId.get(hit.id)) : docs),
  },
};

/** Index and search alone, for ours and each peer, on a feed's text. */
export const engine = {
  /**
   * Ours as the element reads a feed: the text to a directory in slices, the search's filter data
   * made on the way (`loadAllPages`). The longest main-thread task meanwhile (Long Tasks API, 0
   * when none is over 50 ms), and the time `prepare` then takes (none: it was made ahead).
   */
  async loadInSlices(feedText) {
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    const directory = await loadAllPages(feedText, 'https://bench.test/services', async () => '[]');
    const loadMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50)); // long tasks are reported after they end
    observer.disconnect();
    const prepareStarted = performance.now();
    prepare(directory);
    return { loadMs, longestTaskMs: Math.max(0, ...tasks), prepareMs: performance.now() - prepareStarted };
  },
  load(feedText) {
    const records = JSON.parse(feedText);
    const directory = parseServices(feedText);
    const docs = toDocs(records);
    return { records, directory, docs, byId: new Map(docs.map((doc) => [doc.id, doc])) };
  },
  /** Index time in ms: ours from a parsed directory to a complete index (folding included). */
  index(data, lib) {
    const started = performance.now();
    if (lib === 'ours') {
      const prepared = prepare({ ...data.directory });
      runToEnd(prepared.index.fill());
      data.ours = prepared;
    } else {
      data[lib] = peers[lib].index(data.docs);
    }
    return performance.now() - started;
  },
  /** Each keystroke of each query, in ms: the search alone, all results ranked. */
  keystrokes(data, lib, queries) {
    const times = [];
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const typed = query.slice(0, i);
        const started = performance.now();
        if (lib === 'ours') find(data.ours, { query: typed }, 0, 'Europe/Warsaw');
        else peers[lib].search(data[lib], typed, data.docs, data.byId);
        times.push(performance.now() - started);
      }
    }
    return times;
  },
};

/** A peer with a list of 20 results: from the feed's response to the first list shown; then keystrokes. */
export async function peerPage(lib, url) {
  const root = document.createElement('ul');
  document.body.append(root);
  const show = (items) => {
    const fragment = document.createDocumentFragment();
    for (const item of items.slice(0, 20)) {
      const li = document.createElement('li');
      const name = document.createElement('h3');
      name.textContent = item.title;
      const org = document.createElement('p');
      org.textContent = item.org;
      const address = document.createElement('p');
      address.textContent = item.address;
      li.append(name, org, address);
      fragment.append(li);
    }
    root.replaceChildren(fragment);
  };
  const response = await fetch(url);
  const records = await response.json();
  const docs = toDocs(records);
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const index = peers[lib].index(docs);
  show(docs);
  root.dataset.ready = 'true';
  return {
    /** One keystroke: the search, then the list; returns the search's own ms (all results ranked). */
    type(query) {
      const started = performance.now();
      const results = peers[lib].search(index, query, docs, byId);
      const searchMs = performance.now() - started;
      show(results);
      return searchMs;
    },
  };
}

/** The labelled query set for ours and each peer, on the sample feeds (texts by language). */
export function quality(feedTexts) {
  const polishRecords = JSON.parse(feedTexts.pl);
  const polish = parseServices(feedTexts.pl);
  const out = {};
  const ours = {};
  const peerData = {};
  for (const [lang, feedText] of Object.entries(feedTexts)) {
    const prepared = prepare(parseServices(feedText));
    if (lang !== 'pl') addOriginals(prepared, polish);
    ours[lang] = prepared;
    const docs = toDocs(JSON.parse(feedText), lang === 'pl' ? [] : polishRecords);
    const byId = new Map(docs.map((doc) => [doc.id, doc]));
    peerData[lang] = {
      docs,
      byId,
      indexes: Object.fromEntries(Object.entries(peers).map(([name, peer]) => [name, peer.index(docs)])),
    };
  }
  const summary = (figures) => ({
    recall: figures.recall,
    top1: figures.top1,
    meanRank: figures.meanRank,
    misses: figures.outcomes
      .filter((o) => o.rank !== 1)
      .map((o) => `${o.query.lang} "${o.query.query}" → ${o.rank ?? 'not found'}`),
  });
  out.ours = summary(
    evaluate(labelledQueries, ({ feed, query }) =>
      find(ours[feed], { query }, 0, 'Europe/Warsaw').services.map((s) => s.id),
    ),
  );
  for (const name of Object.keys(peers)) {
    out[name] = summary(
      evaluate(labelledQueries, ({ feed, query }) => {
        const { docs, byId, indexes } = peerData[feed];
        return peers[name].search(indexes[name], query, docs, byId).map((doc) => doc.id);
      }),
    );
  }
  out.queries = labelledQueries.length;
  return out;
}
