import { expect } from '@open-wc/testing';
import { isJsonObject, oneOrMany, ownField, readArray, readNumber, readObjects, readText } from './json-fields.js';

describe('JSON field readers', () => {
  it('read text and numbers from what feeds really hold', () => {
    expect(readText('  Legal aid ')).to.equal('Legal aid');
    expect(readText('   ')).to.equal(undefined);
    expect(readText(12)).to.equal('12');
    for (const bad of [Number.NaN, Infinity, null, {}, [], true]) expect(readText(bad)).to.equal(undefined);
    expect(readNumber('50.06')).to.equal(50.06);
    expect(readNumber(' ')).to.equal(undefined);
    expect(readNumber('north')).to.equal(undefined);
    expect(readNumber({ valueOf: () => 3 })).to.equal(undefined);
  });

  it('read lists and objects without throwing on the wrong shape', () => {
    expect(readArray('x')).to.deep.equal([]);
    expect(readObjects([{ a: 1 }, 'b', null, [1], { c: 2 }])).to.deep.equal([{ a: 1 }, { c: 2 }]);
    expect(oneOrMany('Event')).to.deep.equal(['Event']);
    expect(oneOrMany(null)).to.deep.equal([]);
    expect(isJsonObject([])).to.equal(false);
  });

  it('never read what an object inherits', () => {
    const parsed = JSON.parse('{"name": "x", "__proto__": {"polluted": 1}}');
    expect(ownField(parsed, 'name')).to.equal('x');
    expect(ownField({}, 'constructor')).to.equal(undefined);
    expect(ownField({}, 'toString')).to.equal(undefined);
    expect(ownField('text', 'length')).to.equal(undefined);
  });
});
