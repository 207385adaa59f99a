import { expect } from '@open-wc/testing';
import { decodeEntities, plainText, stripTags, truncateText, wellFormedText } from './plain-text.js';

describe('plain text from feeds', () => {
  it('removes tags, keeps line breaks of <br> and block ends, drops script and style', () => {
    expect(plainText('<p>Hello <b>world</b></p><p>Two<br/>lines</p>')).to.equal('Hello world\nTwo\nlines');
    expect(plainText('a<script>alert(1)</script>b<style>p{}</style>c')).to.equal('abc');
    expect(plainText('a <!-- note --> b')).to.equal('a  b');
    expect(plainText('1 < 2 and 3 > 2')).to.equal('1 < 2 and 3 > 2');
    expect(plainText('<SCRIPT>x</SCRIPT >after')).to.equal('after');
    expect(plainText('before<script>never closed')).to.equal('before');
  });

  it('decodes character references, and replaces the ones that are no character', () => {
    expect(decodeEntities('&amp; &lt;b&gt; &#65;&#x42; &nbsp;&quot;&apos; &bogus;')).to.equal(
      '& <b> AB \u00a0"\' &bogus;',
    );
    expect(decodeEntities('&#x110000; &#xD800; &#0; &#99999999999;')).to.equal('\uFFFD \uFFFD \uFFFD \uFFFD');
    expect(plainText('&lt;script&gt;')).to.equal('<script>', 'shown as text, never run');
  });

  it('replaces lone surrogates and drops control characters', () => {
    expect(wellFormedText('a\uD800b\uDC00c\u0000d\u0007e\tf\ng')).to.equal('a\uFFFDb\uFFFDcde\tf\ng');
    expect(wellFormedText('😀')).to.equal('😀');
  });

  it('truncates without splitting a surrogate pair, and says so', () => {
    expect(truncateText('abc', 5)).to.deep.equal({ text: 'abc', cut: false });
    const cut = truncateText('ab😀cd', 4);
    expect(cut.cut).to.equal(true);
    expect(cut.text).to.equal('ab…');
    let cuts = 0;
    expect(plainText('x'.repeat(50), 10, () => cuts++)).to.have.length(10);
    expect(cuts).to.equal(1);
  });

  it('takes linear time on the inputs that made the old regexes quadratic', () => {
    const inputs = ['<a'.repeat(500_000), '<p<p<'.repeat(200_000), '&#'.repeat(500_000), '<!--'.repeat(250_000)];
    for (const input of inputs) {
      const started = performance.now();
      stripTags(input);
      plainText(input, 1_000_000);
      expect(performance.now() - started, input.slice(0, 8)).to.be.below(500);
    }
  });

  it('is undefined for anything but text, and for text that is only tags', () => {
    expect(plainText(undefined)).to.equal(undefined);
    expect(plainText({ toString: 'x' })).to.equal(undefined);
    expect(plainText('<br><p></p>')).to.equal(undefined);
  });
});
