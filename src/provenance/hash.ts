/**
 * Content hashes for provenance: SHA-256 (FIPS 180-4) from `@noble/hashes`, which runs in
 * browsers and Node alike (the core may not use `node:crypto`), written as lowercase hex.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { fileDigests, invalidArgument, throwIfAny } from '../errors/args.js';

/**
 * The SHA-256 of bytes, or of a string's UTF-8 encoding, as 64 lowercase hex digits.
 *
 * @example
 * ```ts
 * sha256Hex('abc'); //=> 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export function sha256Hex(content: Uint8Array | string): string {
  return bytesToHex(sha256(typeof content === 'string' ? utf8ToBytes(content) : content));
}

/**
 * JSON with object keys sorted at every level (arrays keep their order), so that equal values
 * give equal text whatever order their keys were built in. `undefined` properties are left out,
 * as `JSON.stringify` does.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); //=> '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A file and the SHA-256 of its bytes. */
export interface FileDigest {
  /** The file's path: relative to the framework folder for framework files. */
  path: string;
  sha256: string;
}

/**
 * One hash for a set of files: the SHA-256 of their `sha256sum` listing (`<hash>  <path>\n` per
 * file, sorted by path), so renaming, adding, removing or editing any file changes it, and the
 * order the files were read in does not.
 *
 * @example
 * ```ts
 * filesDigest([{ path: 'framework.yaml', sha256: sha256Hex('id: x') }]); //=> '5c1e…' (64 hex digits)
 * ```
 */
export function filesDigest(files: readonly FileDigest[]): string {
  const expected = fileDigests(files);
  if (expected !== undefined) throwIfAny(invalidArgument('filesDigest', 'files', expected, files));
  const lines = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`);
  return sha256Hex(lines.join(''));
}
