/**
 * The formats of languages without the browser's `Intl` data load on demand (intl-locale.ts,
 * locale/fallback-formats.ts): not before such a language is needed, with the page locale's
 * strings when the page switches to it, and formats made before they arrived are dropped. Each
 * test file runs in a page of its own, so nothing here has loaded them yet.
 */
import { expect } from '@open-wc/testing';
import { formatDate } from './datetime.js';
import { fallbackLanguages, hasIntlData, loadFallbackFormats, numberFormat } from './intl-locale.js';
import { fallbackLocaleData } from './locale/fallback-data.js';
import { setLocale } from './locale/page-locale.js';

const instant = Date.UTC(2026, 10, 24, 17, 5);
const loadedChunks = () =>
  performance.getEntriesByType('resource').filter((entry) => /\/locale\/fallback-formats\./.test(entry.name)).length;

describe('formats of languages the browser has no data for', () => {
  it('lists the languages our data has', () => {
    expect([...fallbackLanguages].sort()).to.deep.equal(Object.keys(fallbackLocaleData).sort());
  });

  it('are not loaded for a language the browser has data for', async () => {
    await loadFallbackFormats('pl');
    await loadFallbackFormats('uk');
    expect(formatDate(instant, 'pl')).to.equal('24 listopada 2026');
    expect(loadedChunks()).to.equal(0);
  });

  it('arrive with the page locale, and replace formats made before them', async function () {
    if (hasIntlData('DateTimeFormat', 'be')) this.skip(); // a browser with its own Belarusian data
    // Made before: the browser's own fallback (not Belarusian), and the load is started.
    expect(formatDate(instant, 'be')).to.not.include('лістапада');
    await setLocale('be');
    expect(loadedChunks()).to.equal(1);
    expect(formatDate(instant, 'be')).to.equal('24 лістапада 2026 г.');
    expect(numberFormat('be').format(1234.5).replace(/\s/gu, ' ')).to.equal('1 234,5');
    await setLocale('en');
  });
});
