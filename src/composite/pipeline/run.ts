/**
 * The composite pipeline, COINr's steps as pure functions over flat arrays:
 *
 *   iData + iMeta ──read──▶ raw ──denominate──▶ denominated ──impute──▶ imputed
 *     ──screen──▶ screened ──treat──▶ treated ──normalise──▶ normalised
 *     ──aggregate──▶ aggregated
 *
 * Each step is optional and reads the data set the previous step wrote; each writes its own
 * data set (COINr's names) and one log entry, so any stage can be printed and any build
 * regenerated with one setting changed: `runPipeline(data, { steps: [...changed] })`.
 */
import type { z } from 'zod';
import { invalidArgument, isRecord } from '../../errors/args.js';
import {
  createIssue,
  errorsOf,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../../errors/issue.js';
import { type AggregateLog, aggregate } from '../aggregate/aggregate.js';
import type { CompositeData, Dataset } from '../data/types.js';
import { type DenominateLog, denominate } from '../denominate/denominate.js';
import { type ImputeLog, impute } from '../impute/impute.js';
import { type NormaliseLog, normalise } from '../normalise/normalise.js';
import { type ScreenLog, screen } from '../screen/screen.js';
import { type TreatLog, treat } from '../treat/treat.js';
import { type PipelineSpec, pipelineSchema, type StageName, stageOfStep } from './schema.js';

/** One log entry per step run, tagged by `step`. */
export type StepLog =
  | DenominateLog
  | ImputeLog
  | ScreenLog
  | TreatLog
  | NormaliseLog
  | AggregateLog;

/**
 * The result of a pipeline run: every data set written (always `raw`), the log, warnings.
 *
 * @example
 * ```ts
 * const r = runPipeline(data, spec);
 * Object.keys(r.datasets); //=> ['raw', 'denominated', 'imputed', 'screened', 'treated', 'normalised', 'aggregated']
 * ```
 */
export interface PipelineResult {
  datasets: Partial<Record<StageName, Dataset>> & { raw: Dataset };
  log: StepLog[];
  warnings: Issue[];
}

/**
 * Checks a pipeline spec (an object, e.g. parsed from YAML) against the schema and applies its
 * defaults; problems come back as `COMPOSITE_SPEC_INVALID` issues with the path.
 *
 * @example
 * ```ts
 * parsePipelineSpec({ steps: [{ step: 'normalise' }] }); //=> { ok: true, value: { steps: [{ step: 'normalise', method: 'minmax', range: [0, 100], ... }] }, warnings: [] }
 * ```
 */
export function parsePipelineSpec(input: unknown, file?: string): SafeResult<PipelineSpec> {
  const r = pipelineSchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data, warnings: [] };
  return {
    ok: false,
    issues: r.error.issues.map((i) =>
      createIssue(
        'COMPOSITE_SPEC_INVALID',
        { detail: `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}` },
        {
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          ...(file ? { file } : {}),
        },
      ),
    ),
  };
}

/** Checks a parsed spec against the data before running: order, groups, denominators. */
function checkSpec(data: CompositeData, spec: PipelineSpec): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const known = new Set(data.meta.nodes.map((x) => x.code));
  spec.steps.forEach((s, i) => {
    if (seen.has(s.step))
      issues.push(createIssue('COMPOSITE_STEP_REPEATED', { step: s.step }, { path: ['steps', i] }));
    if (seen.has('aggregate') && s.step !== 'aggregate') {
      issues.push(
        createIssue(
          'COMPOSITE_STEP_ORDER',
          { step: s.step, after: 'aggregate' },
          { path: ['steps', i] },
        ),
      );
    }
    seen.add(s.step);
    if (s.step === 'impute' && (s.method === 'mean-by-group' || s.method === 'median-by-group')) {
      const groups = Object.keys(data.units.groups);
      if (s.group === undefined || !groups.includes(s.group)) {
        issues.push(
          createIssue(
            'COMPOSITE_UNKNOWN_GROUP',
            { group: s.group ?? '', groups },
            { path: ['steps', i, 'group'] },
          ),
        );
      }
    }
    const named: [string, readonly string[]][] =
      s.step === 'normalise'
        ? [
            ['indicators', Object.keys(s.indicators ?? {})],
            ['goalposts', Object.keys(s.goalposts ?? {})],
          ]
        : s.step === 'treat'
          ? [['exclude', s.exclude ?? []]]
          : s.step === 'aggregate'
            ? [
                ['weights', Object.keys(s.weights ?? {})],
                ['bounds', Object.keys(s.bounds ?? {})],
                ['references', Object.keys(s.references ?? {})],
              ]
            : s.step === 'denominate'
              ? [['by', Object.keys(s.by ?? {})]]
              : [];
    for (const [field, codes] of named) {
      for (const code of codes) {
        if (!known.has(code)) {
          issues.push(
            createIssue('COMPOSITE_UNKNOWN_CODE', { code }, { path: ['steps', i, field, code] }),
          );
        }
      }
    }
    if (s.step === 'denominate') {
      const denominators = Object.keys(data.units.denominators);
      for (const [code, d] of Object.entries(s.by ?? {})) {
        if (d !== '' && !denominators.includes(d)) {
          issues.push(
            createIssue(
              'COMPOSITE_UNKNOWN_DENOMINATOR',
              { code, denominator: d, denominators },
              { path: ['steps', i, 'by', code] },
            ),
          );
        }
      }
    }
  });
  return issues;
}

/**
 * Runs the pipeline and returns every data set and the log, or the issues that stopped it.
 * Pure: the inputs are never modified, and the same inputs always give the same result.
 *
 * @example
 * ```ts
 * const r = safeRunPipeline(data, spec);
 * if (r.ok) console.log(r.value.datasets.aggregated?.codes.at(-1)); //=> 'Index'
 * ```
 */
export function safeRunPipeline(
  data: CompositeData,
  spec: PipelineSpec,
): SafeResult<PipelineResult> {
  const bad = pipelineArgumentsProblem('runPipeline', data, spec);
  if (bad) return { ok: false, issues: [bad] };
  const problems = checkSpec(data, spec);
  if (problems.length > 0) return { ok: false, issues: problems };
  const ctx = { units: data.units, meta: data.meta };
  const datasets: PipelineResult['datasets'] = { raw: data.raw };
  const log: StepLog[] = [];
  const warnings: Issue[] = [];
  let current = data.raw;
  for (const [i, s] of spec.steps.entries()) {
    let r: { dataset: Dataset; log: StepLog; issues: Issue[] };
    switch (s.step) {
      case 'denominate':
        r = denominate(ctx, current, { by: s.by });
        break;
      case 'impute':
        r = impute(ctx, current, s);
        break;
      case 'screen':
        r = screen(ctx, current, s);
        break;
      case 'treat':
        r = treat(ctx, current, s);
        break;
      case 'normalise':
        r = normalise(ctx, current, s);
        break;
      case 'aggregate':
        r = aggregate(ctx, current, s);
        break;
    }
    const errors = errorsOf(r.issues);
    if (errors.length > 0) {
      return { ok: false, issues: errors.map((e) => ({ ...e, path: ['steps', i, ...e.path] })) };
    }
    warnings.push(...r.issues);
    datasets[stageOfStep[s.step]] = r.dataset;
    log.push(r.log);
    current = r.dataset;
  }
  return { ok: true, value: { datasets, log, warnings }, warnings };
}

/**
 * {@link safeRunPipeline} that throws an {@link IntegrationIndexError} carrying the issues.
 * Accepts a spec as written (defaults are applied).
 *
 * @example
 * ```ts
 * runPipeline(data, { steps: [{ step: 'normalise' }, { step: 'aggregate' }] }).datasets.aggregated;
 * ```
 */
export function runPipeline(
  data: CompositeData,
  spec: z.input<typeof pipelineSchema> | PipelineSpec,
): PipelineResult {
  const bad = pipelineArgumentsProblem('runPipeline', data, { steps: [] });
  if (bad) throw new IntegrationIndexError([bad]);
  const parsed = parsePipelineSpec(spec);
  if (!parsed.ok) throw new IntegrationIndexError(parsed.issues);
  const r = safeRunPipeline(data, parsed.value);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

/** `API_INVALID_ARGUMENT` for data that is not `CompositeData` or a spec without steps. */
function pipelineArgumentsProblem(fn: string, data: unknown, spec: unknown): Issue | undefined {
  if (!isRecord(data) || !isRecord(data.units) || !isRecord(data.meta) || !isRecord(data.raw)) {
    return invalidArgument(
      fn,
      'data',
      'composite data from readCoinr or importCoinr ({ units, meta, raw })',
      data,
    );
  }
  if (
    !isRecord(spec) ||
    !Array.isArray(spec.steps) ||
    !spec.steps.every((st: unknown) => isRecord(st) && typeof st.step === 'string')
  ) {
    return invalidArgument(
      fn,
      'spec',
      'a pipeline spec ({ steps: [{ step: ... }] }) from parsePipelineSpec',
      spec,
    );
  }
  return undefined;
}
