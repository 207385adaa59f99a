/**
 * The services feed against the official HSDS 3.0 schemas (copied in test/hsds-3.0/ with their
 * licence): the sample feed of every language, and every answer of /api/services (each page, each
 * language, NDJSON lines); the languages' feeds share their ids and differ in their texts; a text
 * that a language lacks falls back to Polish, then English, and is marked.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Validator } from '@cfworker/json-schema';
import { loadConfig } from '../src/config.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { loadReportSchema } from '../src/api.mjs';
import { createApp } from '../src/app.mjs';
import { loadSampleFeeds, localizeServices, translatableFields } from '../src/content/services-feed.mjs';
import { buildFeed } from '../../service-finder/sample/build-feeds.mjs';

const schemaFile = (name) => JSON.parse(readFileSync(new URL(`hsds-3.0/${name}`, import.meta.url), 'utf8'));
// The schemas carry no $schema: they are written to draft 7 (`definitions`, `format: uuid`).
const serviceValidator = new Validator(schemaFile('compiled/service.json'), '7', false);
const pageValidator = new Validator(schemaFile('openapi.json').components.schemas.Page, '7', false);
const languages = ['en', 'pl', 'uk', 'ru', 'ar'];

function assertValidService(service, where) {
  const result = serviceValidator.validate(service);
  const errors = result.errors
    .filter((error) => !['properties', 'items', '$ref', 'allOf'].includes(error.keyword))
    .map((error) => `${error.instanceLocation}: ${error.error}`);
  assert.ok(result.valid, `${where} (${service?.name}) is not valid HSDS 3.0:\n  ${errors.slice(0, 8).join('\n  ')}`);
}

/** Every string field under `value` with its path, for comparing the languages' texts. */
function texts(value, path = '', into = new Map()) {
  if (Array.isArray(value)) value.forEach((item, i) => texts(item, `${path}[${item?.id ?? i}]`, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && (translatableFields.has(key) || key === 'alternate_name'))
        into.set(`${path}.${key}`, inner);
      else texts(inner, `${path}.${key}`, into);
    }
  }
  return into;
}

const objectsWithIds = (value, into = []) => {
  if (Array.isArray(value)) value.forEach((item) => objectsWithIds(item, into));
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string') into.push(value);
    Object.values(value).forEach((inner) => objectsWithIds(inner, into));
  }
  return into;
};

const ids = (value, into = []) => {
  if (Array.isArray(value)) value.forEach((item) => ids(item, into));
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string') into.push(value.id);
    Object.values(value).forEach((inner) => ids(inner, into));
  }
  return into;
};

describe('the sample feeds', () => {
  let feeds;
  before(async () => {
    feeds = await loadSampleFeeds();
  });

  it('validate against the official HSDS 3.0 service schema, in every language', () => {
    for (const language of languages) {
      const feed = feeds.get(language);
      assert.ok(feed.length >= 40, `${language}: at least 40 services`);
      feed.forEach((service, i) => assertValidService(service, `${language} service ${i + 1}`));
    }
  });

  it('the schema check can fail: nulls, non-UUID ids and a term without description are refused', () => {
    const service = structuredClone(feeds.get('en')[0]);
    assert.equal(serviceValidator.validate({ ...service, email: null }).valid, false);
    assert.equal(serviceValidator.validate({ ...service, id: 'krk-001' }).valid, false);
    const term = structuredClone(service.attributes[0]);
    delete term.taxonomy_term.description;
    assert.equal(serviceValidator.validate({ ...service, attributes: [term] }).valid, false);
  });

  it('are built from the source and up to date (node packages/service-finder/sample/build-feeds.mjs)', () => {
    for (const language of languages) assert.deepEqual(feeds.get(language), buildFeed(language), language);
  });

  it('share every id, and have every text in every language, different from English', () => {
    const english = feeds.get('en');
    const englishIds = ids(english);
    assert.equal(new Set(english.map((s) => s.id)).size, english.length, 'service ids are unique');
    // An organisation, place or category nested in several services is the same record each time.
    const byId = new Map();
    for (const object of objectsWithIds(english)) {
      const text = JSON.stringify(object);
      assert.equal(byId.get(object.id) ?? text, text, `id ${object.id} names one record`);
      byId.set(object.id, text);
    }
    const englishTexts = texts(english);
    for (const language of languages.filter((l) => l !== 'en')) {
      const feed = feeds.get(language);
      assert.deepEqual(ids(feed), englishIds, `${language}: the same ids in the same places`);
      const own = texts(feed);
      // The Polish feed has the official names as `name`, so no `alternate_name` for them.
      const expected = [...englishTexts.keys()].filter((key) => language !== 'pl' || !key.endsWith('.alternate_name'));
      assert.deepEqual([...own.keys()].sort(), expected.sort(), `${language}: the same texts`);
      feed.forEach((service, i) => {
        assert.notEqual(service.name, english[i].name, `${language}: "${service.name}" is translated`);
        assert.notEqual(service.description, english[i].description, `${language}: description translated`);
      });
      if (language !== 'pl') {
        // Official Polish names travel as alternate_name, so that a search for them finds the service.
        assert.ok(feed.every((service) => !service.organization || service.organization.alternate_name));
      }
    }
  });

  it('have no placeholder phone numbers, and no null anywhere', () => {
    for (const language of languages) {
      const text = JSON.stringify(feeds.get(language));
      assert.doesNotMatch(text, /"(?:\+48 )?(?:12 000|500 000)/, 'placeholder numbers');
      assert.doesNotMatch(text, /:null\b/, 'null values');
    }
  });
});

describe('/api/services', () => {
  let db;
  let server;
  let base;
  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    server = createApp({ config: loadConfig({}), db, schema: await loadReportSchema() });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  /** Every page of the JSON API in one language, each checked against the schemas. */
  async function allPages(language, perPage) {
    const services = [];
    let page = 1;
    let totalPages;
    do {
      const response = await fetch(`${base}/api/services?lang=${language}&per_page=${perPage}&page=${page}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      const body = await response.json();
      assert.ok(pageValidator.validate(body).valid, 'the HSDS Page envelope');
      assert.equal(body.page_number, page);
      body.contents.forEach((service, i) => assertValidService(service, `${language} page ${page} item ${i + 1}`));
      assert.equal(response.headers.get('link')?.includes('rel="next"') ?? false, page < body.total_pages);
      services.push(...body.contents);
      totalPages = body.total_pages;
      page++;
    } while (page <= totalPages);
    return services;
  }

  it('answers every page in every language with valid HSDS 3.0, in that language', async () => {
    const byLanguage = new Map();
    for (const language of languages) {
      byLanguage.set(language, await allPages(language, 10));
    }
    const english = byLanguage.get('en');
    for (const language of languages) {
      const services = byLanguage.get(language);
      assert.deepEqual(
        services.map((s) => s.id),
        english.map((s) => s.id),
        `${language}: the same services`,
      );
      if (language !== 'en') assert.notEqual(services[0].name, english[0].name);
      assert.ok(
        services.every((s) => !s.metadata),
        `${language}: complete, so no fallback was needed`,
      );
    }
    assert.equal(byLanguage.get('uk')[0].name, 'Дозвіл на тимчасове перебування (карта побиту)');
    assert.match(byLanguage.get('ar')[0].name, /[\u0600-\u06ff]/);
  });

  it('says the language in Content-Language, reads region subtags, and defaults to English', async () => {
    for (const language of languages) {
      const response = await fetch(`${base}/api/services?lang=${language}`);
      assert.equal(response.headers.get('content-language'), language);
    }
    const regional = await fetch(`${base}/api/services?lang=uk-UA&per_page=1`);
    assert.equal(regional.headers.get('content-language'), 'uk');
    const plain = await (await fetch(`${base}/api/services?per_page=1`)).json();
    const english = await (await fetch(`${base}/api/services?lang=en&per_page=1`)).json();
    assert.deepEqual(plain, english);
  });

  it('answers a language it has no texts in from Polish, marked field by field, still valid', async () => {
    const response = await fetch(`${base}/api/services?lang=ka&per_page=5`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-language'), 'pl');
    const { contents } = await response.json();
    const polish = (await (await fetch(`${base}/api/services?lang=pl&per_page=5`)).json()).contents;
    contents.forEach((service, i) => {
      assertValidService(service, `ka item ${i + 1}`);
      assert.equal(service.name, polish[i].name);
      const marked = service.metadata.filter((m) => m.last_action_type === 'translation_fallback');
      assert.ok(marked.some((m) => m.resource_id === service.id && m.field_name === 'name'));
      assert.ok(marked.every((m) => m.previous_value === 'ka' && m.replacement_value === 'pl'));
    });
  });

  it('sends NDJSON with the CORS header, every line valid, and a Link to the next page when it stops', async () => {
    const whole = await fetch(`${base}/api/services?format=ndjson&lang=ru`);
    assert.equal(whole.status, 200);
    assert.match(whole.headers.get('content-type'), /application\/x-ndjson/);
    assert.equal(whole.headers.get('access-control-allow-origin'), '*');
    assert.equal(whole.headers.get('content-language'), 'ru');
    assert.equal(whole.headers.get('link'), null, 'without per_page it streams everything');
    const lines = (await whole.text()).trimEnd().split('\n');
    assert.ok(lines.length >= 40);
    lines.forEach((line, i) => assertValidService(JSON.parse(line), `ndjson line ${i + 1}`));

    const first = await fetch(`${base}/api/services?format=ndjson&lang=ru&per_page=20`);
    assert.equal((await first.text()).trimEnd().split('\n').length, 20);
    const link = first.headers.get('link');
    assert.match(link, /^<\/api\/services\?[^>]*page=2[^>]*>; rel="next"$/);
    assert.match(link, /format=ndjson/);
    assert.match(link, /lang=ru/);
    const nextUrl = link.slice(1, link.indexOf('>'));
    const second = await fetch(`${base}${nextUrl}`);
    const secondLines = (await second.text()).trimEnd().split('\n');
    assert.equal(JSON.parse(secondLines[0]).id, JSON.parse(lines[20]).id);
    assert.match(second.headers.get('link'), /rel="prev"/);
  });

  it('refuses bad query parameters with 400', async () => {
    for (const query of [
      'page=abc',
      'per_page=0',
      'per_page=-5',
      'page=1.5',
      'format=xml',
      'lang=<b>',
      'lang=en&lang=pl',
    ]) {
      const response = await fetch(`${base}/api/services?${query}`);
      assert.equal(response.status, 400, query);
      assert.ok((await response.json()).error, query);
    }
  });
});

describe('falling back, field by field', () => {
  const english = buildFeed('en').slice(0, 3);
  const polish = buildFeed('pl').slice(0, 3);
  const ukrainian = buildFeed('uk').slice(0, 3);

  it('takes a missing text from Polish and marks it; a Polish gap from English', () => {
    const partial = structuredClone(ukrainian);
    delete partial[0].description;
    delete partial[0].service_at_locations[0].location.name;
    delete partial[0].attributes[0].taxonomy_term.name;
    partial[1].required_documents = undefined;
    const onlyPolish = structuredClone(polish[2]);
    partial.splice(2, 1);
    const polishWithGap = structuredClone(polish);
    delete polishWithGap[0].alert;
    const feeds = new Map([
      ['uk', partial],
      ['pl', [...polishWithGap.slice(0, 2), onlyPolish]],
      ['en', english],
    ]);
    const { services, languagesById } = localizeServices(feeds, 'uk', { date: '2026-12-01' });
    services.forEach((service, i) => assertValidService(service, `fallback ${i + 1}`));
    const [first, second, third] = services;
    assert.equal(first.description, polish[0].description);
    assert.equal(first.service_at_locations[0].location.name, polish[0].service_at_locations[0].location.name);
    assert.equal(first.attributes[0].taxonomy_term.name, polish[0].attributes[0].taxonomy_term.name);
    assert.equal(first.attributes[0].taxonomy_term.language, 'pl', 'the term says the language of its name');
    assert.equal(first.name, ukrainian[0].name, 'what the feed has stays');
    const marks = first.metadata.map((m) => [m.resource_type, m.field_name, m.replacement_value]);
    assert.deepEqual(marks, [
      ['service', 'description', 'pl'],
      ['location', 'name', 'pl'],
      ['taxonomy_term', 'name', 'pl'],
    ]);
    assert.ok(first.metadata.every((m) => m.previous_value === 'uk' && m.last_action_date === '2026-12-01'));
    assert.deepEqual(
      second.required_documents.map((d) => d.document),
      polish[1].required_documents.map((d) => d.document),
    );
    assert.ok(second.metadata.every((m) => m.resource_type === 'required_document'));
    assert.equal(third.id, polish[2].id, 'a record only the Polish feed has is served too');
    assert.equal(third.name, polish[2].name);
    assert.deepEqual([...languagesById.get(third.id)], ['pl']);
    assert.deepEqual([...languagesById.get(first.id)].sort(), ['pl', 'uk']);

    const inPolish = localizeServices(feeds, 'pl').services[0];
    assert.equal(inPolish.alert, english[0].alert, 'Polish falls back to English');
    assert.deepEqual(
      inPolish.metadata.map((m) => [m.field_name, m.replacement_value]),
      [['alert', 'en']],
    );
  });
});
