import { expect } from '@open-wc/testing';
import { parseJsonWork } from './json-slices.js';
import { runInSlices, runToEnd } from './slices.js';

const big = (value: unknown) => JSON.stringify(value);
const records = Array.from({ length: 20_000 }, (_, i) => ({
  id: `s${i}`,
  name: `"Quoted" \\ name ${i}`,
  list: [i, [i], { i }],
}));

describe('JSON in slices', () => {
  it('gives what JSON.parse gives, for a long array and for a long member of an object', () => {
    for (const text of [
      big(records),
      big({ total_pages: 1, contents: records, '@context': { x: [1, 2] } }),
      `  \n${big({ itemListElement: records, name: 'x' })}\n`,
      big({ '@graph': records, __proto__: 1 }).replace('"@graph"', '"__proto__":{"a":1},"@graph"'),
    ]) {
      expect(text.length).to.be.greaterThan(512 * 1024);
      const sliced = runToEnd(parseJsonWork(text));
      expect(sliced).to.deep.equal(JSON.parse(text));
      expect(Object.getPrototypeOf(sliced)).to.equal(Array.isArray(sliced) ? Array.prototype : Object.prototype);
    }
  });

  it('keeps a __proto__ key as an own property, as JSON.parse does', () => {
    const text = `{"__proto__":{"polluted":1},"list":${big(records)}}`;
    const value = runToEnd(parseJsonWork(text)) as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('throws JSON.parse errors for text that is not JSON, and reads NDJSON as not JSON', () => {
    for (const text of [`${big(records).slice(0, -1)}`, `${big(records)},`, `${big(records[0])}\n${big(records)}`]) {
      expect(() => runToEnd(parseJsonWork(text))).to.throw(SyntaxError);
    }
  });

  it('parses 15 MB without a long task', async () => {
    const text = big(
      Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `Usługa ${i}`, description: 'x'.repeat(100) })),
    );
    let longest = 0;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push(Math.round(entry.duration));
        longest = Math.max(longest, entry.duration);
      }
    });
    // The task that made the text is long too: start measuring in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.observe({ type: 'longtask' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const value = (await runInSlices(parseJsonWork(text))) as unknown[];
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(value).to.have.length(100_000);
    expect(longest, tasks.join(' ')).to.be.below(150);
  });
});
