import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchema, schemaTargets } from '../scripts/generate-schema.js';

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
