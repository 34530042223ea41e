import {
  CORE_SCHEMA,
  constructFromEvents,
  EVENT_ID,
  parseEvents,
  SCALAR_STYLE,
  type Event as YamlEvent,
} from 'js-yaml';
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { IssueCode } from '../../errors/messages.js';
import { decodeSource, type SourceFile } from './source.js';

/**
 * The most aliases one document may expand, counted the way `yaml` counts them (uses of an
 * anchor times the aliases nested inside it). Generous enough for an option list reused by every
 * indicator of a framework; small enough that a "billion laughs" document fails at once.
 *
 * @example
 * ```ts
 * parseSource({ path: 'bomb.yaml', content: bomb }); //=> issue YAML_ALIAS_LIMIT with params { limit: maxAliasCount }
 * ```
 */
export const maxAliasCount = 1000;

/**
 * A file parsed to data, with what is needed to point at any node's line and column. `doc` and
 * `lineCounter` may be computed on first use: a file read by the fast path is only parsed again
 * (by `yaml`, which keeps every node's position) when something in it must be located.
 *
 * @example
 * ```ts
 * const r = parseSource({ path: 'a.yaml', content: 'id: x' });
 * if (r.ok) r.parsed.data; //=> { id: 'x' }
 * ```
 */
export interface ParsedSource {
  file: string;
  text: string;
  data: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * A position in a file, 1-based.
 *
 * @example
 * ```ts
 * const at: Position = { line: 3, column: 9 };
 * ```
 */
export interface Position {
  line: number;
  column: number;
}

const isJsonPath = (path: string): boolean => /\.json$/i.test(path);

/** Strips yaml's " at line X, column Y:" and the pretty context from an error message. */
function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Decodes and parses one YAML or JSON file. YAML is read with unique keys and an alias limit;
 * JSON is checked by `JSON.parse` first (so YAML-only syntax is refused in `.json` files), then
 * read by the YAML parser too, which gives positions and catches duplicate keys.
 *
 * @example
 * ```ts
 * const r = parseSource({ path: 'framework.yaml', content: 'id: niem\nid: x\n' });
 * r.ok; //=> false, with a YAML_DUPLICATE_KEY issue at line 2, column 1
 * ```
 */
export function parseSource(
  source: SourceFile,
): { ok: true; parsed: ParsedSource } | { ok: false; issues: Issue[] } {
  const decoded = decodeSource(source);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  const file = source.path;
  const json = isJsonPath(file);
  if (json) {
    try {
      JSON.parse(text);
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(file, text, error, new LineCounter())] };
    }
  }
  const fast = fastData(text);
  if (fast !== undefined) {
    let positions: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
    const located = () => {
      positions ??= withPositions(text);
      return positions;
    };
    return {
      ok: true,
      parsed: {
        file,
        text,
        data: fast.data,
        get doc() {
          return located().doc;
        },
        get lineCounter() {
          return located().lineCounter;
        },
      },
    };
  }
  return parseWithPositions(file, text, json);
}

/** The `yaml` document of a text, with its line counter, parsed as `parseSource` parses it. */
function withPositions(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, yamlOptions(lineCounter)), lineCounter };
}

const yamlOptions = (lineCounter: LineCounter) =>
  ({ lineCounter, uniqueKeys: true, prettyErrors: true, keepSourceTokens: false }) as const;

/**
 * The fast path (issue 14): js-yaml reads a well-formed document about three times faster than
 * `yaml` builds its document. It is taken only where both parsers give the same data under
 * YAML 1.2's core schema: one document, no directives, no explicit tags, at most
 * {@link maxAliasCount} aliases and none inside an anchored node (so no alias can expand
 * another, and no value can contain itself), no duplicate key. Anything else, and every syntax
 * error, goes to the `yaml` path, which reports it with its position; `undefined` then.
 */
function fastData(text: string): { data: unknown } | undefined {
  try {
    const events = parseEvents(text, {});
    if (!plainEvents(text, events)) return undefined;
    const [data] = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    return data === null || data === undefined ? undefined : { data };
  } catch {
    return undefined;
  }
}

/** Whether an event stream is one plain document as {@link fastData} requires. */
function plainEvents(text: string, events: readonly YamlEvent[]): boolean {
  let documents = 0;
  let aliases = 0;
  // The collections open: whether each is anchored, is a mapping, and how many nodes it has.
  const open: { anchored: boolean; mapping: boolean; nodes: number }[] = [];
  let insideAnchor = 0;
  /**
   * Counts a node in its parent; false for a mapping key other than a string (a collection, an
   * alias, or a plain scalar the core schema reads as null, a boolean or a number, which the two
   * parsers turn into different property names).
   */
  const child = (key: (() => boolean) | false): boolean => {
    const parent = open[open.length - 1];
    if (parent === undefined) return true;
    const isKey = parent.mapping && parent.nodes % 2 === 0;
    parent.nodes++;
    return !isKey || (key !== false && key());
  };
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents > 1 || e.directives.length > 0) return false;
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (e.tagStart !== -1 || !child(false)) return false;
        const anchored = e.anchorStart !== -1;
        open.push({ anchored, mapping: e.type === EVENT_ID.MAPPING, nodes: 0 });
        if (anchored) insideAnchor++;
        break;
      }
      case EVENT_ID.SCALAR:
        if (e.tagStart !== -1 || !child(() => stringKey(text, e))) return false;
        break;
      case EVENT_ID.ALIAS:
        aliases++;
        if (insideAnchor > 0 || aliases > maxAliasCount || !child(false)) return false;
        break;
      case EVENT_ID.POP:
        // Closes a collection, or the document (nothing is open then).
        if (open.pop()?.anchored) insideAnchor--;
        break;
    }
  }
  return documents === 1;
}

/**
 * Whether a key scalar is a string under the core schema: quoted or block, or plain and
 * starting with a letter or `_` without being a null or boolean word.
 */
function stringKey(text: string, e: Extract<YamlEvent, { type: typeof EVENT_ID.SCALAR }>): boolean {
  if (e.style !== SCALAR_STYLE.PLAIN) return true;
  const key = text.slice(e.valueStart, e.valueEnd);
  return /^[\p{L}_]/u.test(key) && !/^(null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(key);
}

/** The `yaml` path: parses with positions and reports every syntax problem. */
function parseWithPositions(
  file: string,
  text: string,
  json: boolean,
): { ok: true; parsed: ParsedSource } | { ok: false; issues: Issue[] } {
  const { doc, lineCounter } = withPositions(text);
  const syntaxCode: IssueCode = json ? 'JSON_SYNTAX' : 'YAML_SYNTAX';
  const issues: Issue[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const at = error.linePos?.[0];
    const where = { file, ...(at ? { line: at.line, column: at.col } : {}) };
    if (error.code === 'DUPLICATE_KEY') {
      const [start, end] = error.pos;
      const key = keyTextAt(doc, start) ?? text.slice(start, end);
      issues.push(createIssue('YAML_DUPLICATE_KEY', { key }, where));
    } else {
      issues.push(createIssue(syntaxCode, { detail: shortMessage(error.message) }, where));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (doc.contents === null) {
    // Only comments: as empty as a blank file.
    return { ok: false, issues: [createIssue('FILE_EMPTY', {}, { file, line: 1, column: 1 })] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Errors here come from aliases (unresolved, or too many): point at the first one.
    const alias = { line: 1, column: 1, ...firstAlias(doc, lineCounter) };
    if (/alias count/i.test(message)) {
      return {
        ok: false,
        issues: [createIssue('YAML_ALIAS_LIMIT', { limit: maxAliasCount }, { file, ...alias })],
      };
    }
    return {
      ok: false,
      issues: [createIssue(syntaxCode, { detail: shortMessage(message) }, { file, ...alias })],
    };
  }
  if (isCyclic(data)) {
    // `&a [*a]`: an alias inside its own anchor makes a value that contains itself.
    const alias = { line: 1, column: 1, ...firstAlias(doc, lineCounter) };
    const detail = 'an alias refers to a node that contains it, which makes the data infinite';
    return { ok: false, issues: [createIssue(syntaxCode, { detail }, { file, ...alias })] };
  }
  return { ok: true, parsed: { file, text, data, doc, lineCounter } };
}

/** Whether a value contains itself (only aliases can make YAML data cyclic). */
function isCyclic(value: unknown, open: Set<unknown> = new Set()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (open.has(value)) return true;
  open.add(value);
  for (const v of Object.values(value)) if (isCyclic(v, open)) return true;
  open.delete(value);
  return false;
}

/**
 * A JSON syntax issue placed where `JSON.parse` says (its message carries a position on most
 * Node versions); otherwise where the YAML parser, reading the same text, first stumbles; else
 * at the first occurrence of the unexpected token (or the start of the file).
 */
function jsonSyntaxIssue(file: string, text: string, error: unknown, lc: LineCounter): Issue {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  const pos = /position (\d+)/.exec(message);
  let where: Partial<Position> = {};
  if (lineCol) where = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (pos) where = offsetToPosition(text, Number(pos[1]));
  else if (/end of JSON input/i.test(message)) where = offsetToPosition(text, text.length);
  else {
    const at = parseDocument(text, { lineCounter: lc }).errors[0]?.linePos?.[0];
    const token = /Unexpected token '(.)'/.exec(message)?.[1];
    const offset = token === undefined ? -1 : text.indexOf(token);
    if (at) where = { line: at.line, column: at.col };
    else where = offsetToPosition(text, Math.max(0, offset));
  }
  const detail = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line.*$/s, '')
    .replace(/, (".*"|\.\.\.".*") is not valid JSON$/s, '');
  return createIssue('JSON_SYNTAX', { detail }, { file, ...where });
}

function offsetToPosition(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** The source text of the key whose node starts at `offset`, if it is a scalar. */
function keyTextAt(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
          found = String(pair.key.value);
          return;
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

/** The position of the first alias in the document, to point at an alias bomb. */
function firstAlias(doc: Document.Parsed, lc: LineCounter): Partial<Position> {
  let offset: number | undefined;
  const visit = (node: unknown): void => {
    if (offset !== undefined || node == null) return;
    if (isAlias(node)) offset = node.range?.[0];
    else if (isMap(node)) for (const pair of node.items) visit(pair.value);
    else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  if (offset === undefined) return {};
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/**
 * Where a path points in a parsed file. `target` says which part to point at: the value (the
 * default) or the key naming the last segment (for unknown keys). A block list or mapping is
 * pointed at by its key, the line that names it. A path that leaves the document points at its
 * deepest existing ancestor (a missing key's mapping).
 *
 * @example
 * ```ts
 * locate(parsed, ['dimensions', 0, 'id']); //=> { line: 12, column: 9 }
 * ```
 */
export function locate(
  parsed: ParsedSource,
  path: readonly (string | number)[],
  target: 'value' | 'key' = 'value',
): Position {
  const { doc, lineCounter } = parsed;
  let node: unknown = doc.contents;
  let best: { range?: [number, number, number] | null | undefined } | null = isNodeLike(node)
    ? node
    : null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg),
      );
      if (pair) {
        keyNode = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined) break;
    const last = i === path.length - 1;
    // A block collection starts on the line after its key; point at the key, where it is named.
    const block = (isMap(next) || isSeq(next)) && !next.flow;
    if (last && (target === 'key' || block) && isNodeLike(keyNode)) {
      best = keyNode;
      break;
    }
    node = next;
    if (block && isNodeLike(keyNode)) best = keyNode;
    else if (isNodeLike(node) && node.range) best = node;
  }
  const offset = best?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function isNodeLike(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && 'range' in n;
}
