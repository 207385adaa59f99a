import { expect } from '@open-wc/testing';
import type { AttributeRule } from './attribute-rule.js';
import { integerRule } from './integer-rule.js';
import { monthRule } from './month-rule.js';
import { oneOfRule } from './one-of-rule.js';
import { timeZoneRule } from './time-zone-rule.js';
import { urlListRule, urlRule } from './url-rules.js';

const read = <T>(rule: AttributeRule<T>, raw: unknown) => rule.read(raw);

describe('attribute rules', () => {
  it('timeZoneRule takes IANA zones and refuses anything else', () => {
    expect(read(timeZoneRule(), 'America/New_York')).to.deep.equal({ ok: true, value: 'America/New_York' });
    expect(read(timeZoneRule(), ' Europe/Warsaw ')).to.deep.equal({ ok: true, value: 'Europe/Warsaw' });
    expect(read(timeZoneRule(), 'Mars/Base')).to.deep.equal({ ok: false });
    expect(timeZoneRule().default).to.equal('Europe/Warsaw');
  });

  it('oneOfRule ignores case and surrounding space, and names the choices', () => {
    const rule = oneOfRule(['list', 'map'], 'list');
    expect(read(rule, ' MAP ')).to.deep.equal({ ok: true, value: 'map' });
    expect(read(rule, 'grid')).to.deep.equal({ ok: false });
    expect(rule.expected).to.equal('one of "list", "map"');
  });

  it('integerRule takes whole numbers in range only', () => {
    const rule = integerRule(20, 1);
    expect(read(rule, 5)).to.deep.equal({ ok: true, value: 5 });
    expect(read(rule, '7')).to.deep.equal({ ok: true, value: 7 });
    for (const bad of [-3, 0, 2.5, Number.NaN, 'many']) expect(read(rule, bad).ok, String(bad)).to.equal(false);
    expect(read(integerRule(2, 1, 6), 7).ok).to.equal(false);
  });

  it('monthRule takes YYYY-MM', () => {
    expect(read(monthRule(), '2026-05')).to.deep.equal({ ok: true, value: '2026-05' });
    for (const bad of ['2026-13', '2026-5', 'May', '2026-05-01'])
      expect(read(monthRule(), bad).ok, bad).to.equal(false);
  });

  it('urlRule refuses scripts and data, and the secure one refuses plain http elsewhere', () => {
    expect(read(urlRule(), '/api/feed.json').ok).to.equal(true);
    expect(read(urlRule(), 'http://example.org/feed').ok).to.equal(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x', 'http://[bad']) {
      expect(read(urlRule(), bad).ok, bad).to.equal(false);
    }
    const secure = urlRule({ secure: true });
    expect(read(secure, 'https://city.example/api/reports').ok).to.equal(true);
    expect(read(secure, '/api/reports').ok).to.equal(true); // the page's own origin
    expect(read(secure, 'http://city.example/api/reports').ok).to.equal(false);
    expect(read(secure, 'javascript:alert(1)').ok).to.equal(false);
    expect(read(urlRule({ template: true }), '/feeds/{lang}.json').ok).to.equal(true);
    // A feed the page holds in memory, but never as a place to send private data.
    const objectUrl = URL.createObjectURL(new Blob(['[]'], { type: 'application/json' }));
    expect(read(urlRule(), objectUrl).ok).to.equal(true);
    expect(read(urlListRule(), `${objectUrl} /b.ics`).ok).to.equal(true);
    expect(read(secure, objectUrl).ok).to.equal(false);
    expect(read(urlRule(), 'blob:https://elsewhere.example/0b4c').ok).to.equal(false);
    URL.revokeObjectURL(objectUrl);
  });

  it('urlListRule keeps the usable addresses of a list', () => {
    const rule = urlListRule({ template: true });
    expect(read(rule, '/a.ics /b-{lang}.json')).to.deep.equal({ ok: true, value: ['/a.ics', '/b-{lang}.json'] });
    expect(read(rule, '/a.ics javascript:alert(1)')).to.deep.equal({ ok: false, value: ['/a.ics'] });
    expect(read(rule, 'javascript:alert(1)')).to.deep.equal({ ok: false });
  });
});
