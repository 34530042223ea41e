/**
 * Checks a spec's assumptions against a model and turns each into a factor: a function from
 * one uniform number in [0, 1) to a setting of the model. Nothing runs until every assumption
 * has passed; every problem is a coded issue pointing at the assumption in the spec.
 */
import { createIssue, type Issue } from '../../errors/issue.js';
import type { AggregationMethod } from '../../framework/schema/common.js';
import type {
  AggregationChoice,
  AnalysisModel,
  MissingChoice,
  ModelDescription,
  ModelLevel,
  ModelStep,
} from '../model.js';
import { createStream, streamPurpose } from '../rng/rng.js';
import type { AnalysisSpec, Assumption, AssumptionKind } from './schema.js';

/**
 * A variant under construction: each factor writes its own field.
 *
 * @example
 * ```ts
 * const draft: VariantDraft = {}; factor.apply(0.3, 0, draft); draft.winmax; //=> 2
 * ```
 */
export interface VariantDraft {
  weights?: Map<string, number>;
  aggregation?: AggregationChoice;
  normalisation?: Readonly<Record<string, unknown>>;
  winmax?: number;
  imputation?: Readonly<Record<string, unknown>>;
  missing?: MissingChoice;
  exclude?: string[];
}

/**
 * One checked assumption, ready to sample. `alternatives` is the number of discrete choices
 * (0 for continuous weight noise); `apply` writes the setting for the uniform `u` into a draft.
 * `origin` identifies where `u` came from (a row of the design), so the weight noise it
 * triggers is reproducible whichever thread computes it.
 *
 * @example
 * ```ts
 * factors[0]?.labels; //=> ['amean', 'gmean']
 * ```
 */
export interface Factor {
  readonly name: string;
  readonly kind: AssumptionKind;
  readonly alternatives: number;
  /** A readable label of each discrete alternative. */
  readonly labels: readonly string[];
  apply(u: number, origin: number, draft: VariantDraft): void;
}

/**
 * The discrete alternative a uniform `u` in [0, 1) picks among `n`: `floor(u n)`.
 *
 * @example
 * ```ts
 * pickAlternative(0.5, 2); //=> 1
 * ```
 */
export function pickAlternative(u: number, n: number): number {
  return Math.min(n - 1, Math.floor(u * n));
}

const stepOf: Partial<Record<AssumptionKind, ModelStep>> = {
  aggregation: 'aggregate',
  normalisation: 'normalise',
  winmax: 'treat',
  imputation: 'impute',
  missing: 'missing',
};

function findLevel(d: ModelDescription, ref: number | string): ModelLevel | undefined {
  return d.levels.find((l) => (typeof ref === 'number' ? l.number === ref : l.id === ref));
}

function levelNames(d: ModelDescription): string[] {
  return d.levels.map((l) => (l.id ? `${l.id} (${l.number})` : String(l.number)));
}

/**
 * Checks every assumption of `spec` against `model` and returns the factors, in spec order,
 * or the issues found (all of them, not just the first). `seed` keys the weight noise.
 *
 * @example
 * ```ts
 * const r = resolveAssumptions(model, spec);
 * if (!r.ok) console.log(r.issues.map((i) => i.code)); //=> ['ANALYSIS_STEP_MISSING']
 * ```
 */
export function resolveAssumptions(
  model: AnalysisModel,
  spec: AnalysisSpec,
): { ok: true; value: Factor[] } | { ok: false; issues: Issue[] } {
  const d = model.description;
  const issues: Issue[] = [];
  const factors: Factor[] = [];
  const names = new Set<string>();
  const kinds = new Map<string, string>();
  const noisyLevels = new Map<number, string>();
  const top = Math.max(...d.levels.map((l) => l.number));

  spec.assumptions.forEach((a, index) => {
    const path = ['assumptions', index];
    const before = issues.length;
    const fail = (issue: Issue) => issues.push(issue);
    if (names.has(a.name)) fail(createIssue('ANALYSIS_DUPLICATE_NAME', { name: a.name }, { path }));
    names.add(a.name);
    const step = stepOf[a.kind];
    if (step && !d.steps.includes(step)) {
      fail(createIssue('ANALYSIS_STEP_MISSING', { name: a.name, step, steps: d.steps }, { path }));
      return;
    }
    if (a.kind !== 'weights') {
      const other = kinds.get(a.kind);
      if (other !== undefined) {
        fail(
          createIssue(
            'ANALYSIS_DUPLICATE_ASSUMPTION',
            { name: a.name, other, what: `the ${a.kind}` },
            { path },
          ),
        );
      }
      kinds.set(a.kind, a.name);
    }
    const factor = resolveOne(model, a, path, top, noisyLevels, spec.seed, index, fail);
    if (factor && issues.length === before) factors.push(factor);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: factors };
}

function resolveOne(
  model: AnalysisModel,
  a: Assumption,
  path: (string | number)[],
  top: number,
  noisyLevels: Map<number, string>,
  seed: number,
  factorIndex: number,
  fail: (issue: Issue) => void,
): Factor | undefined {
  const d = model.description;
  const levelOf = (ref: number | string, at: (string | number)[]): ModelLevel | undefined => {
    const level = findLevel(d, ref);
    if (!level) {
      fail(
        createIssue(
          'ANALYSIS_UNKNOWN_LEVEL',
          { name: a.name, level: String(ref), levels: levelNames(d) },
          { path: at },
        ),
      );
    }
    return level;
  };
  const discrete = (labels: string[], set: (i: number, draft: VariantDraft) => void): Factor => ({
    name: a.name,
    kind: a.kind,
    alternatives: labels.length,
    labels,
    apply: (u, _origin, draft) => set(pickAlternative(u, labels.length), draft),
  });

  switch (a.kind) {
    case 'weights': {
      const targets: { codes: string[]; weights: number[]; factor: number }[] = [];
      a.levels.forEach((spec, i) => {
        const at = [...path, 'levels', i];
        const level = levelOf(spec.level, [...at, 'level']);
        if (!level) return;
        if (level.number === top) {
          fail(
            createIssue(
              'ANALYSIS_TOP_LEVEL',
              { name: a.name, level: String(spec.level) },
              { path: at },
            ),
          );
          return;
        }
        if (!(spec.factor > 0 && spec.factor <= 1)) {
          fail(
            createIssue(
              'ANALYSIS_BAD_RANGE',
              {
                name: a.name,
                detail: `the noise factor must lie in (0, 1] (weights move by up to ± factor × weight), got ${spec.factor}.`,
              },
              { path: [...at, 'factor'] },
            ),
          );
          return;
        }
        const other = noisyLevels.get(level.number);
        if (other !== undefined) {
          fail(
            createIssue(
              'ANALYSIS_DUPLICATE_ASSUMPTION',
              { name: a.name, other, what: `the weights of level ${level.number}` },
              { path: at },
            ),
          );
          return;
        }
        noisyLevels.set(level.number, a.name);
        const comps = d.components.filter((c) => c.level === level.number);
        targets.push({
          codes: comps.map((c) => c.code),
          weights: comps.map((c) => c.weight),
          factor: spec.factor,
        });
      });
      return {
        name: a.name,
        kind: a.kind,
        alternatives: 0,
        labels: [],
        apply: (_u, origin, draft) => {
          // The noise depends on the design row the value came from, never on thread order.
          const stream = createStream(seed, streamPurpose.weightNoise, factorIndex, origin);
          const weights = draft.weights ?? new Map<string, number>();
          for (const t of targets) {
            t.codes.forEach((code, k) => {
              const w = t.weights[k] as number;
              weights.set(code, w + (stream.next() * 2 - 1) * t.factor * w);
            });
          }
          draft.weights = weights;
        },
      };
    }
    case 'aggregation': {
      let levels: number[] | undefined;
      if (a.levels) {
        levels = [];
        a.levels.forEach((ref, i) => {
          const level = levelOf(ref, [...path, 'levels', i]);
          if (!level) return;
          if (level.number < 2) {
            fail(
              createIssue(
                'ANALYSIS_BAD_RANGE',
                {
                  name: a.name,
                  detail: `level ${String(ref)} holds indicators, which are not aggregated.`,
                },
                { path: [...path, 'levels', i] },
              ),
            );
            return;
          }
          levels?.push(level.number);
        });
      }
      const choices: AggregationChoice[] = a.methods.map((m) => {
        const method: AggregationMethod = typeof m === 'string' ? m : m.method;
        const p = typeof m === 'string' ? undefined : m.p;
        return { method, ...(p !== undefined ? { p } : {}), ...(levels ? { levels } : {}) };
      });
      a.methods.forEach((m, i) => {
        const options = typeof m === 'string' ? { method: m } : m;
        for (const detail of model.checkStepOptions('aggregate', options)) {
          fail(
            createIssue(
              'ANALYSIS_BAD_OPTIONS',
              { name: a.name, step: 'aggregate', detail },
              { path: [...path, 'methods', i] },
            ),
          );
        }
        if (typeof m !== 'string' && m.method === 'genmean' && m.p === undefined) {
          fail(
            createIssue(
              'ANALYSIS_BAD_RANGE',
              { name: a.name, detail: 'the generalised mean (genmean) needs its exponent p.' },
              { path: [...path, 'methods', i] },
            ),
          );
        } else if (m === 'genmean') {
          fail(
            createIssue(
              'ANALYSIS_BAD_RANGE',
              { name: a.name, detail: 'write genmean as { method: genmean, p: <exponent> }.' },
              { path: [...path, 'methods', i] },
            ),
          );
        }
      });
      return discrete(
        choices.map((c) => (c.p !== undefined ? `${c.method}(p=${c.p})` : c.method)),
        (i, draft) => {
          draft.aggregation = choices[i] as AggregationChoice;
        },
      );
    }
    case 'normalisation':
    case 'imputation': {
      const step = a.kind === 'normalisation' ? 'normalise' : 'impute';
      a.alternatives.forEach((options, i) => {
        for (const detail of model.checkStepOptions(step, options)) {
          fail(
            createIssue(
              'ANALYSIS_BAD_OPTIONS',
              { name: a.name, step, detail },
              { path: [...path, 'alternatives', i] },
            ),
          );
        }
      });
      const alts = a.alternatives;
      return discrete(
        alts.map((o) => String(o.method ?? JSON.stringify(o))),
        (i, draft) => {
          if (a.kind === 'normalisation') draft.normalisation = alts[i] as Record<string, unknown>;
          else draft.imputation = alts[i] as Record<string, unknown>;
        },
      );
    }
    case 'winmax': {
      const [lo, hi] = a.range;
      if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo <= hi)) {
        fail(
          createIssue(
            'ANALYSIS_BAD_RANGE',
            {
              name: a.name,
              detail: `winmax takes a range [low, high] of whole numbers with 0 <= low <= high, got [${lo}, ${hi}].`,
            },
            { path: [...path, 'range'] },
          ),
        );
        return undefined;
      }
      const values = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
      return discrete(values.map(String), (i, draft) => {
        draft.winmax = values[i] as number;
      });
    }
    case 'missing': {
      const alts = a.alternatives;
      return discrete(
        alts.map(
          (m) => `noData=${m.noData ?? 'nominal'},notApplicable=${m.notApplicable ?? 'nominal'}`,
        ),
        (i, draft) => {
          draft.missing = alts[i] as MissingChoice;
        },
      );
    }
    case 'exclude': {
      const level = levelOf(a.level, [...path, 'level']);
      if (!level) return undefined;
      if (level.number === top) {
        fail(
          createIssue(
            'ANALYSIS_TOP_LEVEL',
            { name: a.name, level: String(a.level) },
            { path: [...path, 'level'] },
          ),
        );
        return undefined;
      }
      const codes = a.codes ?? [...level.codes];
      (a.codes ?? []).forEach((code, i) => {
        if (!level.codes.includes(code)) {
          fail(
            createIssue(
              'ANALYSIS_UNKNOWN_COMPONENT',
              { name: a.name, code, level: String(a.level) },
              { path: [...path, 'codes', i] },
            ),
          );
        }
      });
      const options: (string | null)[] = [...(a.includeNone ? [null] : []), ...codes];
      return discrete(
        options.map((c) => c ?? '(none)'),
        (i, draft) => {
          const code = options[i];
          if (code) draft.exclude = [...(draft.exclude ?? []), code];
        },
      );
    }
  }
}
