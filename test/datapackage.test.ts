/**
 * `export --format datapackage`: a Frictionless Tabular Data Package of the NIEM example,
 * checked against the published Data Package and Table Schema JSON Schemas (draft-04, with
 * ajv), and each CSV against its own Table Schema: header, types, keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../src/cli/commands/export.js';
import type { DataResource } from '../src/report/datapackage/index.js';
import { runCli as run, tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const profiles = join(import.meta.dirname, 'fixtures', 'frictionless');
const work = tempWorkDir('ii-datapackage-');
const dir = join(work, 'niem-package');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
let descriptor: { resources: DataResource[] } & Record<string, unknown>;
const tables = new Map<string, Record<string, string>[]>();
const headers = new Map<string, string[]>();

beforeAll(async () => {
  const r = await run(
    exportCommand,
    '--framework',
    'niem',
    join(root, 'fixtures/niem/answers.csv'),
    '--format',
    'datapackage',
    '--decimals',
    'full',
    '--out',
    dir,
  );
  expect(r.code).toBe(0);
  descriptor = readJson(join(dir, 'datapackage.json'));
  for (const res of descriptor.resources) {
    const text = readFileSync(join(dir, res.path), 'utf8');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    tables.set(res.name, rows);
    headers.set(res.name, (parse(text, { to: 1 }) as string[][])[0] ?? []);
  }
}, 120_000);

describe('export --format datapackage', () => {
  it('validates against the Tabular Data Package and Table Schema profiles', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const pkg = ajv.compile(readJson(join(profiles, 'tabular-data-package.json')));
    expect(pkg(descriptor), JSON.stringify(pkg.errors, null, 1)).toBe(true);
    // The profile does reject what breaks it: a package without resources, a field of no type.
    expect(pkg({ ...descriptor, resources: [] })).toBe(false);
    const table = ajv.compile(readJson(join(profiles, 'table-schema.json')));
    for (const res of descriptor.resources) {
      expect(table(res.schema), `${res.name}: ${JSON.stringify(table.errors)}`).toBe(true);
    }
    expect(table({ fields: [{ name: 'x', type: 'text' }] })).toBe(false);
  });

  it('carries a licence, sources and the provenance stamp relative to the package', () => {
    expect(descriptor.licenses).toEqual([
      expect.objectContaining({ name: 'CC-BY-4.0', path: expect.stringMatching(/^https:/) }),
    ]);
    const sources = descriptor.sources as { title: string; path?: string }[];
    expect(
      sources.some((s) => s.title.startsWith('Answers: ') && s.path?.endsWith('answers.csv')),
    ).toBe(true);
    const stamp = descriptor.provenance as { relativeTo: string; answers: { sha256: string }[] };
    expect(stamp.relativeTo).toBe('result');
    expect(stamp.answers[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes each CSV as its Table Schema says: header, types, primary and foreign keys', () => {
    for (const res of descriptor.resources) {
      const rows = tables.get(res.name) ?? [];
      expect(rows.length, res.name).toBeGreaterThan(0);
      expect(headers.get(res.name)).toEqual(res.schema.fields.map((f) => f.name));
      for (const f of res.schema.fields) {
        for (const row of rows) {
          const v = row[f.name] ?? '';
          if (v === '') {
            expect(f.constraints?.required, `${res.name}.${f.name} is required`).not.toBe(true);
            continue;
          }
          if (f.type === 'number')
            expect(Number.isFinite(Number(v)), `${res.name}.${f.name}=${v}`).toBe(true);
          if (f.type === 'integer')
            expect(Number.isInteger(Number(v)), `${res.name}.${f.name}=${v}`).toBe(true);
          if (f.type === 'boolean') expect(['true', 'false']).toContain(v);
        }
      }
      const keys = rows.map((row) => res.schema.primaryKey.map((k) => row[k]).join('\u0000'));
      expect(new Set(keys).size, `${res.name} primary key`).toBe(keys.length);
      for (const fk of res.schema.foreignKeys ?? []) {
        const target = new Set(
          (tables.get(fk.reference.resource) ?? []).map(
            (row) => row[fk.reference.fields[0] as string],
          ),
        );
        for (const row of rows)
          expect(
            target.has(row[fk.fields[0] as string]),
            `${res.name}.${fk.fields[0]}=${row[fk.fields[0] as string]}`,
          ).toBe(true);
      }
    }
  });

  it('holds every score, every answer with its source, and node titles in English and Bulgarian', () => {
    const scores = tables.get('scores') ?? [];
    const xa = scores.find((r) => r.unit === 'XA' && r.period === '2021' && r.node === 'overall');
    expect(Number(xa?.score)).toBeGreaterThan(0);
    expect(xa?.rank).toMatch(/^[1-3]$/);
    const answers = tables.get('answers') ?? [];
    expect(answers.some((a) => a.source !== '')).toBe(true);
    expect(answers.some((a) => a.answer === 'n/a')).toBe(true);
    const nodes = tables.get('nodes') ?? [];
    expect(headers.get('nodes')).toEqual(expect.arrayContaining(['title_en', 'title_bg']));
    expect(nodes.find((n) => n.id === 'housing')?.title_bg).toBe('Жилищно настаняване');
    expect(tables.get('units')?.map((u) => u.code)).toEqual(['XA', 'XB', 'XC']);
  });

  it('refuses an unknown licence, and a package without an --out folder, as usage errors', async () => {
    const answers = join(root, 'fixtures/niem/answers.csv');
    const noOut = await run(
      exportCommand,
      '--framework',
      'niem',
      answers,
      '--format',
      'datapackage',
    );
    expect(noOut.code).toBe(2);
    const bad = await run(
      exportCommand,
      '--framework',
      'niem',
      answers,
      '--format',
      'datapackage',
      '--license',
      'WTFPL',
      '--out',
      join(work, 'x'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CC-BY-4.0');
  });
});
