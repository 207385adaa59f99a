import { expect } from '@open-wc/testing';
import { categoryTree, find, loosenings, prepare, type Prepared } from './finder.js';
import { parseServices } from './parse.js';

let prepared: Prepared;
// Tuesday 1 July 2025, 10:00 in Kraków.
const now = new Date('2025-07-01T08:00:00Z');
const zone = 'Europe/Warsaw';
const names = (filters: Parameters<typeof find>[1]) =>
  find(prepared, filters, now, zone).services.map((service) => service.name);

describe('finder over the Kraków sample', () => {
  before(async () => {
    prepared = prepare(
      parseServices(await (await fetch('/packages/service-finder/test-fixtures/krakow-services-2025.json')).text()),
    );
  });

  it('filters by a parent category, including its children', () => {
    const health = find(prepared, { query: '', category: 'oc-health' }, now, zone).services;
    expect(health.length).to.be.greaterThan(4);
    expect(health.every((s) => s.categories.some((c) => c.id === 'oc-health' || c.parentId === 'oc-health'))).to.equal(
      true,
    );
    const doctors = find(prepared, { query: '', category: 'oc-health-doctor' }, now, zone).services;
    expect(doctors.length).to.be.lessThan(health.length);
  });

  it('filters by language spoken, free of charge, accessibility and open now', () => {
    const arabic = find(prepared, { query: '', language: 'ar' }, now, zone).services;
    expect(arabic.length).to.be.greaterThan(0);
    expect(arabic.every((s) => s.languages.some((l) => l.code === 'ar'))).to.equal(true);
    expect(names({ query: '', free: true })).not.to.include('Polish A2–B1 with exam preparation');
    expect(names({ query: '', free: true })).not.to.include('Online Polish course for workers');
    const accessible = find(prepared, { query: '', accessible: true }, now, zone).services;
    expect(accessible.every((s) => s.accessible)).to.equal(true);
    const open = names({ query: '', openNow: true });
    expect(open).to.include('Emergency number 112');
    expect(open).not.to.include('Polish for beginners (A1) – free evening course');
    expect(open).not.to.include('Food parcels and clothing'); // temporarily closed
  });

  it('searches across names, categories and addresses, without diacritics', () => {
    expect(names({ query: 'przy rondzie' })).to.include('Temporary residence permit (karta pobytu)');
    expect(names({ query: 'malopolski' })[0]).to.contain('residence');
    expect(names({ query: 'psychological' }).length).to.be.at.least(3);
  });

  it('sorts by distance only when given a position', () => {
    const nowaHuta = { latitude: 50.0727, longitude: 20.0371 };
    const found = find(prepared, { query: '', category: 'oc-housing' }, now, zone, nowaHuta);
    expect(found.services[0].name).to.equal('Social assistance – Nowa Huta');
    expect(found.distances!.get(found.services[0].id)).to.be.lessThan(200);
  });

  it('suggests which filter to loosen when nothing matches', () => {
    const filters = { query: 'dentist', language: 'ka' };
    expect(find(prepared, filters, now, zone).services).to.have.length(0);
    const options = loosenings(prepared, filters, now, zone);
    expect(options.map((o) => o.filter)).to.deep.equal(
      ['query', 'language'].filter((f) => options.some((o) => o.filter === f)),
    );
    expect(options.find((o) => o.filter === 'language')?.count).to.be.greaterThan(0);
  });

  it('lists categories as a tree with counts', () => {
    const tree = categoryTree(prepared.directory);
    const health = tree.findIndex((row) => row.category.id === 'oc-health');
    expect(tree[health].depth).to.equal(0);
    expect(tree[health + 1].depth).to.equal(1);
    expect(tree[health].count).to.be.greaterThan(tree[health + 1].count);
  });
});
