/**
 * `integration-index stats --idata F --imeta F [--pipeline P] --table T`: COINr's analysis
 * tables of one data set: data availability per unit and group (`get_data_avail`),
 * indicator-denominator correlations (`get_denom_corr`) and correlation p-values
 * (`get_pvals`).
 */
import {
  type DenominatorCorrelation,
  dataAvailability,
  denominatorCorrelations,
  type UnitAvailability,
} from '../../composite/analysis/availability.js';
import { type CorrelationPValues, correlationPValues } from '../../composite/analysis/pvalues.js';
import { frameworkSunburst } from '../../composite/analysis/sunburst.js';
import { effectiveWeights } from '../../composite/analysis/weights.js';
import { safeRunPipeline } from '../../composite/pipeline/run.js';
import { type StageName, stageNames } from '../../composite/pipeline/schema.js';
import { formatScore } from '../../engine/result/round.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import { sunburstSvg } from '../../report/charts/analysis.js';
import { decimalsOf, emit, renderTable } from '../analysis.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { loadCompositeInput } from '../composite-input.js';

const tables = ['availability', 'denominators', 'pvalues', 'framework'] as const;

/**
 * Rows (header first) of one stats table, numbers unrounded; `fmt` formats numbers.
 *
 * @example
 * ```ts
 * statsRows('denominators', rows, String)[0]; //=> ['indicator', 'denominator', 'correlation', 'p_value', 'n']
 * ```
 */
export function statsRows(
  table: (typeof tables)[number],
  value: UnitAvailability[] | DenominatorCorrelation[] | CorrelationPValues,
  fmt: (x: number) => string | number,
): (string | number)[][] {
  if (table === 'availability') {
    const rows = value as UnitAvailability[];
    const groups = Object.keys(rows[0]?.byGroup ?? {});
    return [
      [
        'unit',
        'period',
        'missing',
        'zeros',
        'missing_or_zero',
        'availability',
        'non_zero',
        ...groups,
      ],
      ...rows.map((r) => [
        r.unit,
        r.period ?? '',
        r.missing,
        r.zeros,
        r.missingOrZero,
        fmt(r.availability),
        fmt(r.nonZero),
        ...groups.map((g) => fmt(r.byGroup[g] as number)),
      ]),
    ];
  }
  if (table === 'denominators') {
    const rows = value as DenominatorCorrelation[];
    return [
      ['indicator', 'denominator', 'correlation', 'p_value', 'n'],
      ...rows.map((r) => [r.indicator, r.denominator, fmt(r.correlation), fmt(r.pValue), r.n]),
    ];
  }
  const m = value as CorrelationPValues;
  const out: (string | number)[][] = [['a', 'b', 'r', 'p_value', 'n']];
  m.codes.forEach((a, i) => {
    m.codes.forEach((b, j) => {
      if (j <= i) return;
      out.push([
        a,
        b,
        fmt(m.r[i]?.[j] as number),
        fmt(m.p[i]?.[j] as number),
        m.n[i]?.[j] as number,
      ]);
    });
  });
  return out;
}

/**
 * `stats`.
 *
 * @example
 * ```sh
 * integration-index stats --idata asem_iData.csv --imeta asem_iMeta.csv --table denominators --threshold 0.7
 * ```
 */
export const statsCommand = defineCliCommand({
  meta: {
    name: 'stats',
    description:
      "COINr's analysis tables of a data set: data availability per unit and group, indicator-denominator correlations, correlation p-values.",
  },
  args: {
    idata: { type: 'string', required: true, description: 'COINr iData CSV' },
    imeta: { type: 'string', required: true, description: 'COINr iMeta CSV' },
    pipeline: { type: 'string', description: 'Pipeline YAML (default: none, the raw data)' },
    stage: {
      type: 'string',
      description: `Data set: ${stageNames.join(', ')} (default: the last one written)`,
    },
    table: {
      type: 'string',
      required: true,
      description:
        'availability, denominators, pvalues, or framework (effective weights; --format svg: the sunburst)',
    },
    threshold: {
      type: 'string',
      default: '0.6',
      description: 'denominators: least |r| listed (COINr default 0.6)',
    },
    method: { type: 'string', default: 'pearson', description: 'pearson or spearman' },
    codes: {
      type: 'string',
      description: 'pvalues: comma-separated codes (default: the indicators)',
    },
    format: {
      type: 'string',
      alias: 'f',
      default: 'table',
      description: 'table, csv, json, or svg (framework)',
    },
    decimals: { type: 'string', default: '3', description: 'Decimals of printed numbers' },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  },
  run({ args }) {
    const a = args as Record<string, unknown>;
    const table = String(a.table);
    if (!(tables as readonly string[]).includes(table))
      throw new UsageError(`Unknown --table "${table}"; expected ${tables.join(', ')}.`);
    const format = String(a.format ?? 'table');
    if (!['table', 'csv', 'json', 'svg'].includes(format))
      throw new UsageError(`Unknown --format "${format}"; expected table, csv, json or svg.`);
    if (format === 'svg' && table !== 'framework')
      throw new UsageError('--format svg draws the framework: use it with --table framework.');
    const method = String(a.method ?? 'pearson');
    if (method !== 'pearson' && method !== 'spearman')
      throw new UsageError(`Unknown --method "${method}"; expected pearson or spearman.`);
    const threshold = Number(a.threshold ?? 0.6);
    if (!(threshold >= 0 && threshold <= 1))
      throw new UsageError(
        `--threshold must be a number from 0 to 1, not "${String(a.threshold)}".`,
      );
    if (a.stage !== undefined && !(stageNames as readonly string[]).includes(String(a.stage)))
      throw new UsageError(
        `Unknown --stage "${String(a.stage)}"; expected ${stageNames.join(', ')}.`,
      );
    const decimals = decimalsOf(a);
    const { data, spec } = loadCompositeInput({
      idata: String(a.idata),
      imeta: String(a.imeta),
      pipeline: a.pipeline === undefined ? undefined : String(a.pipeline),
    });
    const run = safeRunPipeline(data, spec);
    if (!run.ok) throw new IntegrationIndexError(run.issues);
    const produced = stageNames.filter((s) => run.value.datasets[s] !== undefined);
    const stage = (a.stage ?? produced[produced.length - 1] ?? 'raw') as StageName;
    const ds = run.value.datasets[stage];
    if (!ds)
      throw new IntegrationIndexError([
        createIssue('COMPOSITE_UNKNOWN_STAGE', { stage, stages: produced }),
      ]);
    if (table === 'framework') {
      // The weights of the pipeline's aggregate step, if any, as the build uses them.
      const agg = spec.steps.find((x) => x.step === 'aggregate');
      const weights = agg?.step === 'aggregate' ? agg.weights : undefined;
      if (format === 'svg') {
        emit(a, `${sunburstSvg(frameworkSunburst(data.meta, weights))}\n`);
        return exitCodes.ok;
      }
      const eff = effectiveWeights(data.meta, weights);
      const rows = data.meta.nodes.map((n) => ({
        code: n.code,
        level: n.level,
        parent: n.parent ?? '',
        weight: weights?.[n.code] ?? n.weight,
        effective: eff[n.code] ?? Number.NaN,
      }));
      if (format === 'json') emit(a, `${JSON.stringify(rows, null, 2)}\n`);
      else {
        const out = [
          ['code', 'level', 'parent', 'weight', 'effective_weight'],
          ...rows.map((r) => [
            r.code,
            r.level,
            r.parent,
            format === 'csv' ? r.weight : formatScore(r.weight, decimals),
            format === 'csv' ? r.effective : formatScore(r.effective, decimals),
          ]),
        ];
        emit(a, format === 'csv' ? toCsv(out) : renderTable(out.map((r) => r.map(String))));
      }
      return exitCodes.ok;
    }
    const indicators = data.meta.nodes
      .filter((x) => x.type === 'Indicator' && ds.codes.includes(x.code))
      .map((x) => x.code);
    let value: UnitAvailability[] | DenominatorCorrelation[] | CorrelationPValues;
    if (table === 'availability') value = dataAvailability(data.meta, data.units, ds);
    else if (table === 'denominators')
      value = denominatorCorrelations(data.units, ds, { threshold, method, indicators });
    else {
      const codes =
        a.codes === undefined
          ? indicators
          : String(a.codes)
              .split(',')
              .map((c) => c.trim());
      const unknown = codes.filter((c) => !ds.codes.includes(c));
      if (unknown.length > 0)
        throw new IntegrationIndexError(
          unknown.map((code) =>
            createIssue('COMPOSITE_UNKNOWN_CODE', { code }, { path: ['codes'] }),
          ),
        );
      value = correlationPValues(ds, codes, method);
    }
    if (format === 'json') {
      emit(
        a,
        `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
      );
    } else if (format === 'csv') {
      emit(a, toCsv(statsRows(table as 'pvalues', value, (x) => (Number.isFinite(x) ? x : ''))));
    } else {
      const rows = statsRows(table as 'pvalues', value, (x) =>
        Number.isFinite(x) ? formatScore(x, decimals) : 'NA',
      );
      emit(a, renderTable(rows.map((r) => r.map(String))));
    }
    return exitCodes.ok;
  },
});
