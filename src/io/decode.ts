import { createIssue, type Issue } from '../errors/issue.js';
import type { SourceFile } from './source.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a {@link SourceFile}: bytes are decoded as UTF-8 (a byte-order mark is dropped;
 * any other encoding is a `FILE_NOT_UTF8` issue giving the offset of the first bad byte), and a
 * leading BOM is dropped from strings too.
 *
 * @example
 * ```ts
 * decodeSource({ path: 'a.csv', content: new Uint8Array([0xef, 0xbb, 0xbf, 0x61]) });
 * //=> { ok: true, text: 'a' }
 * decodeSource({ path: 'a.csv', content: new Uint8Array([0x61, 0xe9]) });
 * //=> { ok: false, issue: { code: 'FILE_NOT_UTF8', params: { offset: 1 }, ... } }
 * ```
 */
export function decodeSource(
  file: SourceFile,
): { ok: true; text: string } | { ok: false; issue: Issue } {
  const { content } = file;
  if (typeof content === 'string') {
    return { ok: true, text: content.charCodeAt(0) === 0xfeff ? content.slice(1) : content };
  }
  try {
    return { ok: true, text: utf8.decode(content) };
  } catch {
    const offset = firstInvalidUtf8(content);
    const line = lineAtByte(content, offset);
    return {
      ok: false,
      issue: createIssue('FILE_NOT_UTF8', { offset }, { file: file.path, line }),
    };
  }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629 well-formed sequences). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min = 0x80;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
