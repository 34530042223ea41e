/**
 * Writes the JSON Schemas of the file formats into `schema/`, generated from the zod schemas
 * (the single source of truth). `npm run schema` regenerates them; `test/framework-schema.test.ts`
 * fails when the committed files differ from a fresh generation.
 *
 * A YAML file points editors at one with a first line such as
 * `# yaml-language-server: $schema=../../schema/framework.schema.json`.
 *
 * To publish another schema, add one line to `schemaTargets`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { analysisSpecSchema } from '../src/analysis/assumptions/schema.js';
import { scoreResultSchema } from '../src/engine/result/schema.js';
import { dimensionFileSchema, frameworkFileSchema } from '../src/framework/schema/framework.js';

/** One schema file: where it goes (relative to the repository root), its title and its schema. */
export interface SchemaTarget {
  path: string;
  title: string;
  description: string;
  schema: z.ZodType;
}

/** Every generated schema file. */
export const schemaTargets: SchemaTarget[] = [
  {
    path: 'schema/framework.schema.json',
    title: 'integration-index framework file (framework.yaml)',
    description: 'What a framework is: scale, stages, periods, levels, groups and defaults.',
    schema: frameworkFileSchema,
  },
  {
    path: 'schema/dimension.schema.json',
    title: 'integration-index dimension file',
    description: 'One dimension of a framework with its indicators and scoring rules.',
    schema: dimensionFileSchema,
  },
  {
    path: 'schema/result.schema.json',
    title: 'integration-index score result',
    description:
      'Scores, ranks, coverage and the audit trail of one scoring run (score --format json).',
    schema: scoreResultSchema,
  },
  {
    path: 'schema/analysis-spec.schema.json',
    title: 'integration-index analysis spec (uncertainty and sensitivity --spec)',
    description:
      'The target, seed, sample size, bootstrap resamples and assumptions of an analysis.',
    schema: analysisSpecSchema,
  },
];

/**
 * Renders one target as the exact text committed under `schema/` (2-space JSON, final newline).
 *
 * @example
 * ```ts
 * JSON.parse(renderSchema(schemaTargets[0])).title; //=> 'integration-index framework file (framework.yaml)'
 * ```
 */
export function renderSchema(target: SchemaTarget): string {
  const json = z.toJSONSchema(target.schema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = json;
  const ordered = { $schema, title: target.title, description: target.description, ...rest };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const target of schemaTargets) {
    const out = join(root, target.path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, renderSchema(target));
    process.stdout.write(`wrote ${target.path}\n`);
  }
}
