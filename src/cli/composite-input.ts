/**
 * Reading `--idata`, `--imeta` and an optional `--pipeline` for the composite commands that
 * work on a pipeline result (`weights`, `stats`): the data, the parsed YAML document (so a
 * command can write it back with comments kept) and the checked spec. Problems throw an
 * {@link IntegrationIndexError} with file and line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Document, parseDocument } from 'yaml';
import { parse as nodeCsvParse } from '#csv-parse';
import { readCoinr } from '../composite/data/read.js';
import type { CompositeData } from '../composite/data/types.js';
import { parsePipelineSpec } from '../composite/pipeline/run.js';
import type { PipelineSpec } from '../composite/pipeline/schema.js';
import { createIssue, IntegrationIndexError } from '../errors/issue.js';

function readText(path: string): string {
  if (!existsSync(path))
    throw new IntegrationIndexError([
      createIssue('FILE_NOT_FOUND', { file: path }, { file: path }),
    ]);
  return readFileSync(path, 'utf8');
}

/** What {@link loadCompositeInput} read. */
export interface CompositeInput {
  data: CompositeData;
  /** The pipeline as parsed (absent without `--pipeline`). */
  doc?: Document | undefined;
  spec: PipelineSpec;
}

/**
 * Reads iData, iMeta and, when given, the pipeline YAML.
 *
 * @example
 * ```ts
 * const { data, spec } = loadCompositeInput({ idata: 'iData.csv', imeta: 'iMeta.csv', pipeline: 'p.yaml' });
 * ```
 */
export function loadCompositeInput(a: {
  idata: string;
  imeta: string;
  pipeline?: string | undefined;
}): CompositeInput {
  const data = readCoinr(readText(a.idata), readText(a.imeta), {
    idata: a.idata,
    imeta: a.imeta,
    csvParse: nodeCsvParse,
  });
  if (!data.ok) throw new IntegrationIndexError(data.issues);
  if (a.pipeline === undefined) return { data: data.value, spec: { steps: [] } };
  const file = a.pipeline;
  const doc = parseDocument(readText(file));
  if (doc.errors.length > 0) {
    throw new IntegrationIndexError(
      doc.errors.map((e) =>
        createIssue(
          'YAML_SYNTAX',
          { detail: e.message },
          { file, ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}) },
        ),
      ),
    );
  }
  const spec = parsePipelineSpec(doc.toJS(), file);
  if (!spec.ok) throw new IntegrationIndexError(spec.issues);
  return { data: data.value, doc, spec: spec.value };
}
