import { createIssue, type Issue } from '../../errors/issue.js';

/**
 * One file of a framework as plain data, so the core never touches the file system: the path
 * as the user should see it in messages, and the content as text or raw bytes.
 *
 * @example
 * ```ts
 * const file: SourceFile = { path: 'indicators/niem/framework.yaml', content: 'id: niem\n' };
 * ```
 */
export interface SourceFile {
  /** The path, `/`-separated; only its last segments (folder and name) carry meaning. */
  path: string;
  /** Text, or bytes that must be UTF-8. */
  content: string | Uint8Array;
}

/**
 * Decodes a file's content as UTF-8 (strictly: invalid bytes are an error, not U+FFFD) and drops
 * a leading byte-order mark. Empty or whitespace-only files are `FILE_EMPTY`.
 *
 * @example
 * ```ts
 * decodeSource({ path: 'a.yaml', content: new TextEncoder().encode('id: x') });
 * //=> { ok: true, text: 'id: x' }
 * decodeSource({ path: 'a.yaml', content: new Uint8Array([0xff]) }).ok; //=> false (FILE_NOT_UTF8)
 * ```
 */
export function decodeSource(
  file: SourceFile,
): { ok: true; text: string } | { ok: false; issues: Issue[] } {
  let text: string;
  if (typeof file.content === 'string') {
    text = file.content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.content);
    } catch {
      const offset = firstInvalidUtf8Offset(file.content);
      const line = lineOfOffset(file.content, offset);
      return {
        ok: false,
        issues: [createIssue('FILE_NOT_UTF8', { offset }, { file: file.path, ...line })],
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return {
      ok: false,
      issues: [createIssue('FILE_EMPTY', {}, { file: file.path, line: 1, column: 1 })],
    };
  }
  return { ok: true, text };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Binary search on the longest valid prefix; a prefix may end mid-sequence, so allow 3 bytes.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // `lo` is where the decoder noticed; the bad sequence starts at the last character boundary.
  for (let k = lo; k >= Math.max(0, lo - 3); k--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, k));
      return k;
    } catch {
      // k splits a sequence: step back.
    }
  }
  return lo;
}

/** 1-based line and column (in bytes) of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
