/**
 * The COINr ASEM example (reference data) and the analysis fixtures written for it, as the
 * analysis tests read them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readCoinr } from '../../src/composite/data/read.js';
import type { CompositeData } from '../../src/composite/data/types.js';

const ref = `${join(import.meta.dirname, '../../fixtures/reference/coinr-asem')}/`;
const fixtures = new URL('../fixtures/analysis/', import.meta.url);

/**
 * Reads the ASEM iData and iMeta; throws when they do not read.
 *
 * @example
 * ```ts
 * readAsem().meta; // 49 indicators in 8 pillars, 2 sub-indices and the index
 * ```
 */
export function readAsem(): CompositeData {
  const d = readCoinr(
    readFileSync(`${ref}asem_iData.csv`, 'utf8'),
    readFileSync(`${ref}asem_iMeta.csv`, 'utf8'),
  );
  if (!d.ok) throw new Error('ASEM data did not read');
  return d.value;
}

/**
 * A YAML file of `test/fixtures/analysis/`, parsed.
 *
 * @example
 * ```ts
 * const pipeline = analysisFixture('asem-pipeline.yaml');
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: YAML fixtures are checked by the code under test.
export function analysisFixture(name: string): any {
  return parse(readFileSync(new URL(name, fixtures), 'utf8'));
}
