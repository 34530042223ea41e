import { describe, expect, it } from 'vitest';
import { decodeSource } from './source.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeSource', () => {
  it('passes text through and decodes UTF-8 bytes, Cyrillic and Arabic included', () => {
    expect(decodeSource({ path: 'a.yaml', content: 'id: x' })).toEqual({ ok: true, text: 'id: x' });
    expect(decodeSource({ path: 'a.yaml', content: utf8('title: Жилище الإقامة') })).toEqual({
      ok: true,
      text: 'title: Жилище الإقامة',
    });
  });

  it('drops a byte-order mark, from bytes and from text', () => {
    expect(decodeSource({ path: 'a', content: bytes(0xef, 0xbb, 0xbf, 0x61) })).toEqual({
      ok: true,
      text: 'a',
    });
    expect(decodeSource({ path: 'a', content: '\uFEFFa' })).toEqual({ ok: true, text: 'a' });
  });

  it('reports the first bad byte of a non-UTF-8 file with its line and column', () => {
    const r = decodeSource({ path: 'a.yaml', content: bytes(0x61, 0x0a, 0x62, 0x63, 0xe9, 0x0a) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({
        code: 'FILE_NOT_UTF8',
        file: 'a.yaml',
        line: 2,
        column: 3,
      });
      expect(r.issues[0]?.params).toEqual({ offset: 4 });
    }
  });

  it('points at the lead byte of a truncated sequence at the end of the file', () => {
    const r = decodeSource({ path: 'a', content: bytes(0x61, 0x62, 0xe2, 0x82) });
    expect(r.ok ? null : r.issues[0]?.params).toEqual({ offset: 2 });
  });

  it('calls empty and blank files FILE_EMPTY', () => {
    for (const content of ['', '  \n\t\n', bytes()]) {
      const r = decodeSource({ path: 'e.yaml', content });
      expect(r.ok ? null : r.issues.map((i) => i.code)).toEqual(['FILE_EMPTY']);
    }
  });
});
