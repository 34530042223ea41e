import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderSchema, schemaTargets } from '../scripts/generate-schema.js';
import { isFrameworkFolder } from '../src/node.js';

const root = join(import.meta.dirname, '..');

describe('committed JSON Schemas', () => {
  it.each(schemaTargets.map((t) => [t.path, t] as const))(
    '%s matches a fresh generation (run `npm run schema` after changing a zod schema)',
    (path, target) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(renderSchema(target));
    },
  );

  it('describe the formats editors complete: rule kinds, strict keys, text maps', () => {
    const dimension = JSON.parse(renderSchema(schemaTargets[1] as (typeof schemaTargets)[number]));
    const text = JSON.stringify(dimension);
    for (const kind of ['choice', 'bands', 'formula', 'table', 'questions']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    expect(dimension.additionalProperties).toBe(false);
    expect(dimension.required).toEqual(expect.arrayContaining(['id', 'title']));
  });
});

describe('the JSON Schemas accept what the loader accepts', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const load = (name: string) =>
    ajv.compile(JSON.parse(readFileSync(join(root, 'schema', name), 'utf8')));
  const frameworkFile = load('framework.schema.json');
  const dimensionFile = load('dimension.schema.json');
  const folders = [
    ...['full', 'minimal'].map((f) => join(root, 'test', 'fixtures', 'frameworks', 'valid', f)),
    // Every framework folder (not indicators/.compiled, which holds their snapshots).
    ...readdirSync(join(root, 'indicators'))
      .map((f) => join(root, 'indicators', f))
      .filter((f) => isFrameworkFolder(f)),
  ];

  it.each(folders.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, folder) => {
    for (const name of readdirSync(folder).filter((n) => /\.(ya?ml|json)$/.test(n))) {
      const data = parse(readFileSync(join(folder, name), 'utf8'));
      const validate = /^framework\./.test(name) ? frameworkFile : dimensionFile;
      validate(data);
      expect(validate.errors ?? [], name).toEqual([]);
    }
  });

  it('and reject an unknown key, as the loader does', () => {
    expect(dimensionFile({ id: 'd', title: 'D', titel: 'typo' })).toBe(false);
    expect(dimensionFile({ id: 'd', title: 'D' })).toBe(true);
  });
});
