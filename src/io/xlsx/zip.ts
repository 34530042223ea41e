import { inflateRawSync } from 'node:zlib';
import { bytesProblem, firstProblem, stringProblem } from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';

/**
 * Limits on what a workbook may inflate to. A questionnaire or MIPEX's workbook is a few
 * megabytes inflated; the limits leave room for panels a hundred times larger and stop a zip
 * bomb before any byte of it is inflated.
 *
 * @example
 * ```ts
 * xlsxLimits.maxRatio; //=> 200
 * ```
 */
export const xlsxLimits = {
  /** Sum of the declared uncompressed sizes of every part. */
  maxTotalBytes: 512 * 1024 * 1024,
  /** Declared uncompressed size of one part. */
  maxPartBytes: 256 * 1024 * 1024,
  /** Uncompressed / compressed size of a part larger than `ratioFloorBytes`. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Parts in the zip. */
  maxParts: 10_000,
  /** Rows without any value in one sheet. */
  maxEmptyRows: 100_000,
} as const;

/** One part (file) of a zip, from its central directory. */
export interface ZipPart {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip's central directory without inflating anything, and checks what it declares:
 * a zip at all (`XLSX_NOT_ZIP`; an OLE container is `XLSX_ENCRYPTED` when it holds
 * `EncryptionInfo`, else `XLSX_LEGACY_XLS`), complete (`XLSX_TRUNCATED`), no encrypted part,
 * no macros (`XLSX_MACROS`), and sizes and ratios within {@link xlsxLimits}
 * (`XLSX_ZIP_BOMB`, `XLSX_TOO_LARGE`).
 *
 * @example
 * ```ts
 * const r = inspectZip(new Uint8Array([1, 2, 3]), 'a.xlsx');
 * r.ok; //=> false (XLSX_NOT_ZIP)
 * ```
 */
export function inspectZip(
  bytes: Uint8Array,
  file: string,
): { ok: true; parts: Map<string, ZipPart> } | { ok: false; issues: Issue[] } {
  const bad = firstProblem(
    bytesProblem('inspectZip', 'bytes', bytes),
    stringProblem('inspectZip', 'file', file),
  );
  if (bad) return { ok: false, issues: [bad] };
  const fail = (issue: Issue) => ({ ok: false as const, issues: [issue] });
  const at = { file };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0) {
    // An OLE compound file: an encrypted OOXML package, or a .xls of Excel 97-2003.
    return fail(
      hasUtf16(bytes, 'EncryptionInfo')
        ? createIssue('XLSX_ENCRYPTED', {}, at)
        : createIssue('XLSX_LEGACY_XLS', {}, at),
    );
  }
  if (bytes.length < 4 || view.getUint32(0, true) !== LOCAL) {
    return fail(createIssue('XLSX_NOT_ZIP', {}, at));
  }
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    return fail(createIssue('XLSX_TRUNCATED', { detail: 'no end of central directory' }, at));
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    return fail(
      createIssue('XLSX_TOO_LARGE', { size: 0xffffffff, limit: xlsxLimits.maxTotalBytes }, at),
    );
  }
  if (cdOffset + cdSize > eocd) {
    return fail(createIssue('XLSX_TRUNCATED', { detail: 'central directory out of the file' }, at));
  }
  if (count > xlsxLimits.maxParts) {
    return fail(createIssue('XLSX_TOO_LARGE', { size: count, limit: xlsxLimits.maxParts }, at));
  }
  const parts = new Map<string, ZipPart>();
  const decoder = new TextDecoder();
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) {
      return fail(
        createIssue('XLSX_TRUNCATED', { detail: `central directory entry ${k + 1}` }, at),
      );
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0) return fail(createIssue('XLSX_ENCRYPTED', {}, at));
    const lower = name.toLowerCase();
    if (lower.endsWith('vbaproject.bin') || (lower.endsWith('.bin') && lower.includes('macro'))) {
      return fail(createIssue('XLSX_MACROS', { part: name }, at));
    }
    if (size > xlsxLimits.maxPartBytes || compressedSize === 0xffffffff) {
      return fail(bomb(name, size, compressedSize, at));
    }
    if (size > xlsxLimits.ratioFloorBytes && size > xlsxLimits.maxRatio * compressedSize) {
      return fail(bomb(name, size, compressedSize, at));
    }
    total += size;
    if (total > xlsxLimits.maxTotalBytes) {
      return fail(
        createIssue('XLSX_TOO_LARGE', { size: total, limit: xlsxLimits.maxTotalBytes }, at),
      );
    }
    if (localOffset + 30 + compressedSize > cdOffset) {
      return fail(createIssue('XLSX_TRUNCATED', { detail: `part "${name}" out of the file` }, at));
    }
    parts.set(name, { name, method, flags, compressedSize, size, localOffset });
  }
  return { ok: true, parts };
}

function bomb(part: string, size: number, compressed: number, at: { file: string }): Issue {
  return createIssue(
    'XLSX_ZIP_BOMB',
    {
      part,
      size,
      ratio: Math.round(size / Math.max(1, compressed)),
      limit: `${xlsxLimits.maxPartBytes} bytes a part and ${xlsxLimits.maxRatio}x above ${xlsxLimits.ratioFloorBytes} bytes`,
    },
    at,
  );
}

/**
 * Inflates one part, never to more than its declared size: a part that lies about its size is
 * `XLSX_ZIP_BOMB`, damaged data `XLSX_TRUNCATED`.
 *
 * @example
 * ```ts
 * const text = inflatePart(bytes, parts.get('xl/workbook.xml'), 'a.xlsx');
 * ```
 */
export function inflatePart(
  bytes: Uint8Array,
  part: ZipPart,
  file: string,
): { ok: true; data: Uint8Array } | { ok: false; issue: Issue } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = part.localOffset;
  if (o + 30 > bytes.length || view.getUint32(o, true) !== LOCAL) {
    return {
      ok: false,
      issue: createIssue('XLSX_TRUNCATED', { detail: `part "${part.name}" header` }, { file }),
    };
  }
  const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
  const raw = bytes.subarray(start, start + part.compressedSize);
  if (raw.length < part.compressedSize) {
    return {
      ok: false,
      issue: createIssue('XLSX_TRUNCATED', { detail: `part "${part.name}" data` }, { file }),
    };
  }
  if (part.method === 0) return { ok: true, data: raw };
  try {
    // One byte of room over the declared size, so that a larger output is detected.
    const data = inflateRawSync(raw, { maxOutputLength: Math.max(1, part.size + 1) });
    if (data.length > part.size) {
      return { ok: false, issue: bomb(part.name, data.length, part.compressedSize, { file }) };
    }
    return { ok: true, data };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, issue: bomb(part.name, part.size + 1, part.compressedSize, { file }) };
    }
    return {
      ok: false,
      issue: createIssue(
        'XLSX_TRUNCATED',
        {
          detail: `part "${part.name}": ${error instanceof Error ? error.message : String(error)}`,
        },
        { file },
      ),
    };
  }
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[2 * i] = text.charCodeAt(i);
  const first = pattern[0] as number;
  outer: for (let i = bytes.indexOf(first); i !== -1; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}
