import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  type CatalogueFile,
  generateCatalogues,
  generatedNotice,
} from '../scripts/generate-catalogue.js';
import { listBuiltinFrameworks } from '../src/node.js';

const root = join(import.meta.dirname, '..');
const generated: CatalogueFile[] = generateCatalogues();

describe('docs/frameworks: the committed catalogues match a fresh generation', () => {
  test('one catalogue per built-in framework, and no stale ones', () => {
    const ids = listBuiltinFrameworks();
    expect(ids.length).toBeGreaterThan(0);
    expect(generated.map((f) => f.path)).toEqual(ids.map((id) => `docs/frameworks/${id}.md`));
    const committed = readdirSync(join(root, 'docs/frameworks'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/frameworks/${f}`)
      .sort();
    expect(committed).toEqual(generated.map((f) => f.path).sort());
  });

  test.each(generated.map((f) => [f.path, f] as const))(
    '%s is up to date (run npm run catalogue)',
    (path, file) => {
      const committed = readFileSync(join(root, path), 'utf8');
      expect(committed.startsWith(generatedNotice)).toBe(true);
      expect(committed).toBe(file.content);
    },
  );
});
