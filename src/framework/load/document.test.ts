import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { locate, maxAliasCount, parseSource } from './document.js';

function parsed(content: string, path = 'f.yaml') {
  const r = parseSource({ path, content });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.parsed;
}

function codes(content: string, path = 'f.yaml') {
  const r = parseSource({ path, content });
  return r.ok ? [] : r.issues.map((i) => `${i.code}@${i.line}:${i.column}`);
}

describe('parseSource', () => {
  it('reads YAML 1.2: dates and edition numbers stay as written', () => {
    expect(parsed('edition: "2021"\nreferenceDate: 2019-04-30\nn: 3\n').data).toEqual({
      edition: '2021',
      referenceDate: '2019-04-30',
      n: 3,
    });
  });

  it('refuses duplicate keys, naming the key where it repeats', () => {
    const r = parseSource({ path: 'f.yaml', content: 'a: 1\nb:\n  c: 1\n  c: 2\n' });
    expect(r.ok ? [] : r.issues).toMatchObject([
      { code: 'YAML_DUPLICATE_KEY', line: 4, column: 3, params: { key: 'c' } },
    ]);
  });

  it('reports syntax errors with their position, several documents included', () => {
    expect(codes('a: b: c\n')).toEqual(['YAML_SYNTAX@1:4']);
    expect(codes('a: 1\n---\nb: 2\n')[0]).toMatch(/^YAML_SYNTAX@2:/);
    expect(codes('a: *nowhere\n')[0]).toMatch(/^YAML_SYNTAX/);
  });

  it('allows anchors reused by many indicators but refuses alias bombs', () => {
    const reuse = `opts: &o [1, 2, 3]\nlist:\n${'  - *o\n'.repeat(300)}`;
    expect((parsed(reuse).data as { list: unknown[] }).list).toHaveLength(300);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ] as const) {
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const r = parseSource({ path: 'bomb.yaml', content: `${levels.join('\n')}\n` });
    expect(r.ok ? null : r.issues[0]).toMatchObject({
      code: 'YAML_ALIAS_LIMIT',
      line: 2,
      params: { limit: maxAliasCount },
    });
  });

  it('parses JSON strictly: YAML-only syntax in a .json file is a JSON_SYNTAX error', () => {
    expect(parsed('{ "a": [1, 2] }', 'f.json').data).toEqual({ a: [1, 2] });
    expect(codes('{ "a": 1, }', 'f.json')).toEqual(['JSON_SYNTAX@1:11']);
    expect(codes('a: 1', 'f.json')[0]).toMatch(/^JSON_SYNTAX@1:/);
    expect(codes('{\n  "a": 1,\n  "a": 2\n}', 'f.json')).toEqual(['YAML_DUPLICATE_KEY@3:3']);
    expect(codes('{ "a": ', 'f.json')).toEqual(['JSON_SYNTAX@1:8']);
  });

  it('calls a file of comments only empty', () => {
    expect(codes('# nothing here\n')).toEqual(['FILE_EMPTY@1:1']);
  });
});

describe('locate', () => {
  const doc = parsed(
    [
      'id: x', //                                  1
      'indicators:', //                            2
      '  - id: a', //                              3
      '    rule: { kind: choice, options: [] }', // 4
      '    subquestions:', //                      5
      '      - { id: q, title: Q }', //            6
    ].join('\n'),
  );

  it('points at values, and at keys when asked', () => {
    expect(locate(doc, ['id'])).toEqual({ line: 1, column: 5 });
    expect(locate(doc, ['indicators', 0, 'rule', 'kind'])).toEqual({ line: 4, column: 19 });
    expect(locate(doc, ['indicators', 0, 'rule', 'kind'], 'key')).toEqual({ line: 4, column: 13 });
  });

  it('points at the key of a block collection, the line that names it', () => {
    expect(locate(doc, ['indicators'])).toEqual({ line: 2, column: 1 });
    expect(locate(doc, ['indicators', 0, 'subquestions'])).toEqual({ line: 5, column: 5 });
    expect(locate(doc, ['indicators', 0, 'subquestions', 0, 'id'])).toEqual({
      line: 6,
      column: 15,
    });
  });

  it('falls back to the deepest existing ancestor', () => {
    expect(locate(doc, ['indicators', 0, 'title'])).toEqual({ line: 3, column: 5 });
    expect(locate(doc, ['indicators', 7, 'id'])).toEqual({ line: 2, column: 1 });
  });
});

describe('parseSource on hostile data', () => {
  it('refuses an alias inside its own anchor (data that contains itself)', () => {
    const r = parseSource({ path: 'f.yaml', content: 'a: &x\n  - b: *x\n' });
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 2, column: 8 });
  });
});

describe('parseSource: the js-yaml fast path gives what yaml gives', () => {
  // Scalars where YAML parsers are known to disagree (1.1 booleans, sexagesimal and underscore
  // numbers, octal forms, special floats, dates), plain and quoted.
  const tricky = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'True',
    'TRUE',
    'tRue',
    'null',
    'Null',
    '~',
    '',
    '1_000',
    '0x1F',
    '0o17',
    '017',
    '0b101',
    '+12',
    '-0',
    '.5',
    '1.',
    '1e3',
    '1E+3',
    '+.5',
    '.inf',
    '-.Inf',
    '.NaN',
    'NaN',
    '12:30',
    '1:30:00',
    '2020-01-01',
    '2020-01-01T10:00:00Z',
    '0.1e-2',
    '=',
    '<<',
    'a # b',
    "it's",
    'Пребиваване',
    '≤5 години',
  ];
  const scalar = fc.oneof(
    fc.constantFrom(...tricky),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: true }).map(String),
    fc.integer().map(String),
  );
  const key = fc.oneof(
    fc.constantFrom(...tricky.filter((t) => t !== '')),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  const node = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar.map((s) => ({ kind: 'scalar' as const, s })),
      fc.array(tie('value'), { maxLength: 4 }).map((items) => ({ kind: 'seq' as const, items })),
      fc
        .uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([k]) => k })
        .map((pairs) => ({ kind: 'map' as const, pairs })),
    ),
  })).value;
  type N =
    | { kind: 'scalar'; s: string }
    | { kind: 'seq'; items: N[] }
    | { kind: 'map'; pairs: [string, N][] };
  /** Renders a node as YAML text: plain scalars where they parse, flow or block collections. */
  const render = (n: N, style: 'plain' | 'quoted', flow: boolean, indent = ''): string => {
    const sc = (s: string) => (style === 'quoted' ? JSON.stringify(s) : plainOrQuoted(s));
    if (n.kind === 'scalar') return sc(n.s);
    if (flow || (n.kind === 'seq' ? n.items.length : n.pairs.length) === 0) {
      return n.kind === 'seq'
        ? `[${n.items.map((i) => render(i, style, true)).join(', ')}]`
        : `{${n.pairs.map(([k, v]) => `${JSON.stringify(k)}: ${render(v, style, true)}`).join(', ')}}`;
    }
    const inner = `${indent}  `;
    return n.kind === 'seq'
      ? n.items.map((i) => `\n${indent}- ${render(i, style, true, inner)}`).join('')
      : n.pairs.map(([k, v]) => `\n${indent}${sc(k)}: ${render(v, style, false, inner)}`).join('');
  };
  /** A plain scalar where one is safe to write on one line, else a quoted one. */
  const plainOrQuoted = (s: string) =>
    /^[\p{L}\p{N}._+~=<-][\p{L}\p{N} ._+:'≤=<-]*$/u.test(s) && !/[ :]$/.test(s) && !/: /.test(s)
      ? s
      : JSON.stringify(s);

  it('reads the same data from generated documents (plain, quoted, flow and block)', () => {
    fc.assert(
      fc.property(node, fc.constantFrom('plain', 'quoted'), fc.boolean(), (n, style, flow) => {
        const text = `root: ${render(n as N, style, flow, '  ')}\n`;
        const reference = parseDocument(text, { uniqueKeys: true });
        fc.pre(reference.errors.length === 0 && reference.warnings.length === 0);
        const r = parseSource({ path: 'g.yaml', content: text });
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.parsed.data).toStrictEqual(reference.toJS());
      }),
      { numRuns: 400 },
    );
  });

  it('locates nodes of a fast-path file as the yaml path does', () => {
    const text = 'a:\n  b: [1, 2]\n  c:\n    - x\n    - y: 3\n';
    const p = parsed(text);
    expect(locate(p, ['a', 'c', 1, 'y'])).toEqual({ line: 5, column: 10 });
    expect(locate(p, ['a', 'b', 1])).toEqual({ line: 2, column: 10 });
  });

  it('leaves tagged values to yaml, which refuses an unknown tag', () => {
    expect(codes('a: !!float 1\n')).toEqual(['YAML_SYNTAX@1:4']);
    expect(parsed('a: !!str 1\n').data).toEqual({ a: '1' });
  });
});
