import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, filesDigest, sha256Hex } from './hash.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a string as its UTF-8 bytes, Cyrillic and Arabic included', () => {
    const text = 'Пребиваване — الإقامة';
    expect(sha256Hex(text)).toBe(sha256Hex(new TextEncoder().encode(text)));
    // Unicode normalisation changes the bytes (إ decomposes), so the hash too.
    expect(sha256Hex(text)).not.toBe(sha256Hex(text.normalize('NFD')));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    );
  });

  it('gives equal text for equal values built in any key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });
});

describe('filesDigest', () => {
  const a = { path: 'a.yaml', sha256: sha256Hex('a') };
  const b = { path: 'b.yaml', sha256: sha256Hex('b') };
  it('does not depend on the order files were read in', () => {
    expect(filesDigest([a, b])).toBe(filesDigest([b, a]));
  });
  it('changes when a file is renamed, edited, added or removed', () => {
    const base = filesDigest([a, b]);
    expect(filesDigest([a, { ...b, path: 'c.yaml' }])).not.toBe(base);
    expect(filesDigest([a, { ...b, sha256: sha256Hex('b2') }])).not.toBe(base);
    expect(filesDigest([a])).not.toBe(base);
    expect(filesDigest([a, b, { path: 'd.yaml', sha256: sha256Hex('d') }])).not.toBe(base);
  });
});
