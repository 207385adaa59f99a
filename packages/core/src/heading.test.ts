import { expect, fixture } from '@open-wc/testing';
// Named apart from lit's html: lint's template checks do not know static tags.
import { html as staticHtml } from 'lit/static-html.js';
import { headingLevelRule } from './config/heading-level-rule.js';
import { headingTag } from './heading.js';

describe('heading levels', () => {
  it('headingLevelRule takes 1 to 6, defaults to 2 and refuses anything else', () => {
    const rule = headingLevelRule();
    expect(rule.default).to.equal(2);
    expect(rule.read('4')).to.deep.equal({ ok: true, value: 4 });
    for (const bad of ['0', '7', '2.5', 'h3', '']) expect(rule.read(bad).ok, bad).to.equal(false);
  });

  it('headingTag renders the level asked for, offset below it, within h1…h6', async () => {
    const rendered = async (level: number, offset?: number) => {
      const tag = headingTag(level, offset);
      const host = await fixture(staticHtml`<div><${tag}>Title</${tag}></div>`);
      return host.firstElementChild!.localName;
    };
    expect(await rendered(2)).to.equal('h2');
    expect(await rendered(3, 1)).to.equal('h4');
    expect(await rendered(6, 1)).to.equal('h6');
    expect(await rendered(1, -3)).to.equal('h1');
    expect(await rendered(Number.NaN)).to.equal('h2');
  });
});
