import { invalidArgument, isRecord } from '../../errors/args.js';
/**
 * The composite pipeline (`src/composite/`) as an {@link AnalysisModel}: compiled once, then
 * re-run per variant on flat arrays with the pipeline's own step functions (so a variant's
 * scores equal a pipeline run with the same settings). Each step's output is memoised under the
 * settings of the steps up to it, so a run only recomputes from the first step its variant
 * changes (with COINr's four ASEM assumptions: 5 treatments, 10 normalisations, and one
 * aggregation per run, over an aggregation tree resolved once).
 */

import type { CompositeContext } from '../../composite/_lib/step.js';
import { aggregate } from '../../composite/aggregate/aggregate.js';
import { aggregationTree } from '../../composite/aggregate/tree.js';
import type { CompositeData, Dataset } from '../../composite/data/types.js';
import { denominate } from '../../composite/denominate/denominate.js';
import { impute } from '../../composite/impute/impute.js';
import { normalise } from '../../composite/normalise/normalise.js';
import { parsePipelineSpec, safeRunPipeline } from '../../composite/pipeline/run.js';
import {
  compositeAggregationSchema,
  imputeStepSchema,
  normaliseStepSchema,
  type PipelineSpec,
  type PipelineSpecInput,
  type PipelineStep,
} from '../../composite/pipeline/schema.js';
import { screen } from '../../composite/screen/screen.js';
import { treat } from '../../composite/treat/treat.js';
import { createIssue, errorsOf, type Issue, type SafeResult } from '../../errors/issue.js';
import type {
  AnalysisModel,
  ModelComponent,
  ModelDescription,
  ModelLevel,
  ModelStep,
  Variant,
} from '../model.js';

/**
 * What a composite model is built from: COINr-style data and a pipeline spec.
 *
 * @example
 * ```ts
 * const input: CompositeModelInput = { data, pipeline: { steps: [{ step: 'normalise' }, { step: 'aggregate' }] } };
 * ```
 */
export interface CompositeModelInput {
  readonly data: CompositeData;
  readonly pipeline: PipelineSpecInput | PipelineSpec;
  /** For panels: the period whose units are ranked (default: the latest). */
  readonly period?: number;
}

type Aggregate = Extract<PipelineStep, { step: 'aggregate' }>;

function runStep(ctx: CompositeContext, ds: Dataset, s: PipelineStep) {
  switch (s.step) {
    case 'denominate':
      return denominate(ctx, ds, { by: s.by });
    case 'impute':
      return impute(ctx, ds, s);
    case 'screen':
      return screen(ctx, ds, s);
    case 'treat':
      return treat(ctx, ds, s);
    case 'normalise':
      return normalise(ctx, ds, s);
    case 'aggregate':
      return aggregate(ctx, ds, s);
  }
}

/**
 * Compiles a composite pipeline into a model the analyses can re-run. The nominal pipeline
 * runs once here; its problems come back as the pipeline's own coded issues.
 *
 * @example
 * ```ts
 * const data = readCoinr(iData, iMeta).value;
 * const r = compileCompositeModel({ data, pipeline: { steps: [...] } });
 * r.ok && r.value.description.target; //=> 'Index'
 * ```
 */
export function compileCompositeModel(input: CompositeModelInput): SafeResult<AnalysisModel> {
  if (!isRecord(input) || !isRecord(input.data) || !isRecord(input.data.meta)) {
    return {
      ok: false,
      issues: [
        invalidArgument(
          'compileCompositeModel',
          'input',
          'a composite input ({ data: CompositeData, pipeline, period? })',
          input,
        ),
      ],
    };
  }
  const parsed = parsePipelineSpec(input.pipeline);
  if (!parsed.ok) return parsed;
  const spec = parsed.value;
  const nominal = safeRunPipeline(input.data, spec);
  if (!nominal.ok) return nominal;
  const { data } = input;
  const ctx: CompositeContext = { units: data.units, meta: data.meta };
  const aggIndex = spec.steps.findIndex((s) => s.step === 'aggregate');
  if (aggIndex < 0) {
    return {
      ok: false,
      issues: [
        createIssue('ANALYSIS_STEP_MISSING', {
          name: 'pipeline',
          step: 'aggregate',
          steps: spec.steps.map((s) => s.step),
        }),
      ],
    };
  }
  const aggStep = spec.steps[aggIndex] as Aggregate;
  const final = nominal.value.datasets.aggregated as Dataset;

  // Units: the rows of the final data set in the chosen period.
  const periods = [...new Set(Array.from(final.rows, (r) => data.units.periods[r] ?? null))];
  const numeric = periods.filter((p): p is number => p !== null);
  const period = input.period ?? (numeric.length > 0 ? Math.max(...numeric) : null);
  if (input.period !== undefined && !numeric.includes(input.period)) {
    return {
      ok: false,
      issues: [
        createIssue('ANALYSIS_UNKNOWN_PERIOD', {
          period: String(input.period),
          periods: numeric.map(String),
        }),
      ],
    };
  }
  const unitRows = Array.from(final.rows).filter((r) => (data.units.periods[r] ?? null) === period);
  const units = unitRows.map((r) => data.units.codes[r] as string);

  const nodes = data.meta.nodes;
  const maxLevel = Math.max(...nodes.map((x) => x.level));
  const levels: ModelLevel[] = [];
  for (let l = 1; l <= maxLevel; l++) {
    levels.push({ number: l, codes: nodes.filter((x) => x.level === l).map((x) => x.code) });
  }
  const components: ModelComponent[] = nodes.map((x) => ({
    code: x.code,
    level: x.level,
    ...(x.parent !== undefined ? { parent: x.parent } : {}),
    weight: aggStep.weights?.[x.code] ?? x.weight,
  }));
  const stepNames = new Set(spec.steps.map((s) => s.step));
  const steps: ModelStep[] = (['impute', 'treat', 'normalise', 'aggregate'] as const).filter((s) =>
    stepNames.has(s),
  );
  const top = levels[levels.length - 1]?.codes ?? [];
  const description: ModelDescription = {
    kind: 'composite',
    units,
    steps,
    levels,
    components,
    target: top.length === 1 ? (top[0] as string) : (final.codes[final.codes.length - 1] as string),
    targets: nodes.filter((x) => x.level >= 2).map((x) => x.code),
  };

  // Memoised outputs of the steps before aggregation: a tree whose node at depth i holds the
  // output of step i under the settings on the path to it, one child per setting of step i + 1
  // (keys are short and interned: no key is built per run).
  interface Prepared {
    ds: Dataset | null;
    next: Map<string, Prepared>;
  }
  const root: Prepared = { ds: data.raw, next: new Map() };
  const keyOf = new WeakMap<object, string>();
  const objectKey = (o: object) => {
    let k = keyOf.get(o);
    if (k === undefined) {
      k = JSON.stringify(o);
      keyOf.set(o, k);
    }
    return k;
  };
  const winmaxKeys = new Map<number, string>();
  const prepared = (variant: Variant): Dataset | null => {
    let node = root;
    for (let i = 0; i < aggIndex; i++) {
      const nominalStep = spec.steps[i] as PipelineStep;
      // The step's settings under this variant, built only when the cache misses.
      let build: () => PipelineStep = () => nominalStep;
      let key = '.';
      if (nominalStep.step === 'impute' && variant.imputation) {
        const o = variant.imputation;
        key = objectKey(o);
        build = () => imputeStepSchema.parse({ ...o, step: 'impute' });
      } else if (nominalStep.step === 'treat' && variant.winmax !== undefined) {
        const winmax = variant.winmax;
        key = winmaxKeys.get(winmax) ?? `w${winmax}`;
        winmaxKeys.set(winmax, key);
        build = () => ({ ...nominalStep, winmax });
      } else if (nominalStep.step === 'normalise' && variant.normalisation) {
        const o = variant.normalisation;
        key = objectKey(o);
        build = () => normaliseStepSchema.parse({ ...o, step: 'normalise' });
      }
      let child = node.next.get(key);
      if (child === undefined) {
        const r = runStep(ctx, node.ds as Dataset, build());
        child = { ds: errorsOf(r.issues).length > 0 ? null : r.dataset, next: new Map() };
        node.next.set(key, child);
      }
      if (child.ds === null) return null;
      node = child;
    }
    return node.ds;
  };

  const settingsOf = (variant: Variant) => {
    const a = variant.aggregation;
    return (level: number) => {
      const own = aggStep.levels?.[String(level)];
      const nominal = {
        method: own?.method ?? aggStep.method,
        p: own?.p ?? aggStep.p,
        threshold: own?.threshold ?? aggStep.threshold,
      };
      if (!a || (a.levels && !a.levels.includes(level))) return nominal;
      return { ...nominal, method: a.method as Aggregate['method'], p: a.p };
    };
  };
  // The tree with the step's weights, resolved once; variants only swap weight arrays.
  const baseTree = aggregationTree(data.meta, aggStep.weights);

  const evaluate = (variant: Variant, target: string): Float64Array => {
    const out = new Float64Array(units.length).fill(Number.NaN);
    const ds = prepared(variant);
    if (!ds) return out;
    let tree = baseTree;
    if (variant.weights || variant.exclude) {
      const w = new Map(variant.weights ?? []);
      for (const code of variant.exclude ?? []) w.set(code, 0);
      tree = baseTree.map((g) => ({
        ...g,
        weights: g.children.map((c, j) => w.get(c) ?? (g.weights[j] as number)),
      }));
    }
    const settings = settingsOf(variant);
    const levelSettings: NonNullable<Aggregate['levels']> = {};
    for (let l = 2; l <= maxLevel; l++) {
      const { method, p, threshold } = settings(l);
      levelSettings[String(l)] = {
        method,
        ...(p !== undefined ? { p } : {}),
        ...(threshold !== undefined ? { threshold } : {}),
      };
    }
    const r = aggregate(ctx, ds, { ...aggStep, levels: levelSettings }, tree);
    const values = errorsOf(r.issues).length > 0 ? null : r.dataset.values;
    const codes = r.dataset.codes;
    const n = ds.rows.length;
    if (!values) return out;
    const c = codes.indexOf(target);
    if (c < 0) return out;
    const sameRows =
      ds.rows.length === unitRows.length && unitRows.every((row, u) => ds.rows[u] === row);
    if (sameRows) {
      for (let u = 0; u < units.length; u++) out[u] = values[c * n + u] as number;
      return out;
    }
    const pos = new Map<number, number>();
    for (let k = 0; k < n; k++) pos.set(ds.rows[k] as number, k);
    unitRows.forEach((row, u) => {
      const k = pos.get(row);
      if (k !== undefined) out[u] = values[c * n + k] as number;
    });
    return out;
  };

  const checkStepOptions = (
    step: 'impute' | 'normalise' | 'aggregate',
    options: unknown,
  ): string[] => {
    if (step === 'aggregate') {
      const r = compositeAggregationSchema.safeParse((options as { method?: unknown }).method);
      return r.success
        ? []
        : [
            `the composite pipeline has no aggregation method "${String((options as { method?: unknown }).method)}"`,
          ];
    }
    const schema = step === 'impute' ? imputeStepSchema : normaliseStepSchema;
    const r = schema.safeParse({ ...(options as object), step });
    if (!r.success) {
      return r.error.issues.map(
        (i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
      );
    }
    const v = r.data as Record<string, unknown>;
    if (step === 'impute' && String(v.method).endsWith('-by-group')) {
      const groups = Object.keys(data.units.groups);
      if (typeof v.group !== 'string' || !groups.includes(v.group)) {
        return [
          `group "${String(v.group ?? '')}" is not a group column of iData (${groups.join(', ')})`,
        ];
      }
    }
    return [];
  };

  return {
    ok: true,
    value: { description, evaluate, checkStepOptions },
    warnings: nominal.warnings as Issue[],
  };
}
