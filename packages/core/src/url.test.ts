import { expect } from '@open-wc/testing';
import { LINK_PROTOCOLS, safeUrl, secureWebUrl, webUrl } from './url.js';

describe('the URL sanitiser', () => {
  it('keeps web URLs, absolute or relative to the page', () => {
    expect(webUrl('https://example.org/a?b=1')).to.equal('https://example.org/a?b=1');
    expect(webUrl(' /api/services ')).to.equal(new URL('/api/services', document.baseURI).href);
  });

  it('never lets a script, data or other scheme through', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      'ftp://x',
      'http://[bad',
      '',
      42,
      null,
    ]) {
      expect(webUrl(bad), String(bad)).to.equal(undefined);
      expect(safeUrl(bad, LINK_PROTOCOLS), String(bad)).to.equal(undefined);
    }
  });

  it('allows mail and phone links only where asked', () => {
    expect(webUrl('mailto:help@example.org')).to.equal(undefined);
    expect(safeUrl('mailto:help@example.org', LINK_PROTOCOLS)).to.equal('mailto:help@example.org');
    expect(safeUrl('tel:+48123', LINK_PROTOCOLS)).to.equal('tel:+48123');
    expect(safeUrl('page.html', LINK_PROTOCOLS, 'https://feeds.example/x/')).to.equal(
      'https://feeds.example/x/page.html',
    );
  });

  it('sends private data only over https, to the page itself, or to localhost', () => {
    expect(secureWebUrl('https://city.example/r')).to.equal('https://city.example/r');
    expect(secureWebUrl('/api/reports')).to.equal(new URL('/api/reports', document.baseURI).href);
    expect(secureWebUrl('http://localhost:9999/r')).to.equal('http://localhost:9999/r');
    expect(secureWebUrl('http://city.example/r')).to.equal(undefined);
    expect(secureWebUrl('javascript:alert(1)')).to.equal(undefined);
  });
});
