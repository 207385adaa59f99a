/**
 * The second factor and the password hashing, against their specifications: the RFC 6238
 * appendix B test vectors (SHA-1, SHA-256, SHA-512, 8 digits), RFC 4648 base32, and scrypt hashes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from '../src/staff/totp.mjs';
import { hashPassword, newOneTimePassword, passwordProblem, verifyPassword } from '../src/staff/passwords.mjs';

// RFC 6238, appendix B: time (seconds) → TOTP for each algorithm, with its seed.
const seeds = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors = [
  [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, expected] of vectors) {
    for (const algorithm of ['sha1', 'sha256', 'sha512']) {
      it(`gives ${expected[algorithm]} at T=${seconds} with ${algorithm}`, () => {
        assert.equal(totp(seeds[algorithm], new Date(seconds * 1000), { digits: 8, algorithm }), expected[algorithm]);
      });
    }
  }

  it('matches the RFC 4226 HOTP vectors (counter 0 to 9)', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    assert.deepEqual(
      expected.map((_, counter) => hotp(seeds.sha1, counter)),
      expected,
    );
  });

  it('encodes and decodes base32 as RFC 4648 does', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Decode('MZXW6YTBOI').toString(), 'foobar');
    assert.equal(base32Decode('mzxw 6ytb oi======').toString(), 'foobar');
  });

  it('takes the code of the step before and after, not two steps away, and not a step used already', () => {
    const secret = base32Encode(seeds.sha1);
    const at = new Date(1111111111 * 1000);
    const code = (offsetSteps) => totp(seeds.sha1, new Date(at.getTime() + offsetSteps * 30_000));
    const step = Math.floor(1111111111 / 30);
    assert.equal(verifyTotp(secret, code(0), { at }), step);
    assert.equal(verifyTotp(secret, code(-1), { at }), step - 1);
    assert.equal(verifyTotp(secret, code(1), { at }), step + 1);
    assert.equal(verifyTotp(secret, code(2), { at }), undefined);
    assert.equal(verifyTotp(secret, code(-2), { at }), undefined);
    assert.equal(verifyTotp(secret, code(0), { at, afterStep: step }), undefined, 'replay');
    assert.equal(verifyTotp(secret, 'abcdef', { at }), undefined);
    assert.equal(verifyTotp(secret, `${code(0)} `, { at }), step, 'spaces typed around it are fine');
  });

  it('writes an otpauth URI an authenticator app reads', () => {
    const uri = new URL(otpauthUri({ secret: 'JBSWY3DPEHPK3PXP', account: 'anna@krakow.example' }));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/Open City staff:anna@krakow.example');
    assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
    assert.equal(uri.searchParams.get('digits'), '6');
    assert.equal(uri.searchParams.get('period'), '30');
  });
});

describe('passwords (scrypt)', () => {
  it('hashes with a salt of its own each time, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    assert.match(first, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(first, second);
    assert.equal(await verifyPassword('correct horse battery', first), true);
    assert.equal(await verifyPassword('correct horse batterY', first), false);
    assert.equal(await verifyPassword('', first), false);
    assert.equal(await verifyPassword('x', 'not a hash'), false);
  });

  it('makes one-time passwords that are long and readable, and refuses short ones', () => {
    const password = newOneTimePassword();
    assert.match(password, /^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    assert.doesNotMatch(password, /[01oOlI]/);
    assert.equal(passwordProblem(password), undefined);
    assert.match(passwordProblem('short'), /at least 12/);
  });
});
