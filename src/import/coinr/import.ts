import { type CsvParse, readCoinr } from '../../composite/data/read.js';
import type { MetaNode } from '../../composite/data/types.js';
import type { PipelineSpecInput } from '../../composite/pipeline/schema.js';
import { firstProblem, optionsProblem, recordOf, stringProblem } from '../../errors/args.js';
import type { SafeResult } from '../../errors/issue.js';

/** Options of {@link importCoinr}. */
export interface ImportCoinrOptions {
  /** Framework id (default `coinr`). */
  id?: string;
  /** Framework title (default: the top aggregate's name). */
  title?: string;
  /** File names, for issue locations. */
  idataFile?: string;
  imetaFile?: string;
  /** A pipeline to embed in `framework.yaml`. */
  pipeline?: PipelineSpecInput;
  /** The CSV parser (see `CoinrReadOptions`); csv-parse's browser build by default. */
  csvParse?: CsvParse;
  /** Period of data without a `Time` column (default id `1`, reference date 2000-12-31). */
  period?: { id: string; referenceDate: string };
}

/** A framework folder as data: file names and their contents (written as YAML by the CLI). */
export interface ImportedCoinr {
  /** `framework.yaml` first, then one dimension file per level-2 aggregate. */
  files: { path: string; content: Record<string, unknown> }[];
  /** The data as a long answer table: unit, period, indicator, answer (a number or empty). */
  answers: (string | number | null)[][];
}

const compact = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Converts COINr's iData and iMeta into a framework folder of this package: the top aggregate
 * becomes the framework's `overall`, aggregates between it and level 2 become `groups` (with
 * their parents and weights), each level-2 aggregate a dimension file holding its indicators
 * as `numeric` rules (direction, target, denominator, goalposts, unit), weights kept. Periods
 * come from `Time` (reference date: 31 December of that year). The data becomes a long answer
 * table. Both texts are checked first, with the same coded issues as {@link readCoinr}.
 *
 * @example
 * ```ts
 * const r = importCoinr(iDataText, iMetaText, { id: 'asem' });
 * r.ok && r.value.files.map((f) => f.path); //=> ['framework.yaml', 'ConEcFin.yaml', 'Environ.yaml', ...]
 * ```
 */
export function importCoinr(
  idataText: string,
  imetaText: string,
  options: ImportCoinrOptions = {},
): SafeResult<ImportedCoinr> {
  const bad = firstProblem(
    stringProblem('importCoinr', 'idataText', idataText, {
      expected: 'the text of an iData CSV file (string)',
    }),
    stringProblem('importCoinr', 'imetaText', imetaText, {
      expected: 'the text of an iMeta CSV file (string)',
    }),
    optionsProblem('importCoinr', 'options', options, {
      id: 'string',
      title: 'string',
      idataFile: 'string',
      imetaFile: 'string',
      pipeline: 'object',
      csvParse: 'function',
      period: recordOf('a period ({ id: string, referenceDate: string })', {
        id: 'string',
        referenceDate: 'string',
      }),
    }),
  );
  if (bad) return { ok: false, issues: [bad] };
  const read = readCoinr(idataText, imetaText, {
    ...(options.idataFile ? { idata: options.idataFile } : {}),
    ...(options.imetaFile ? { imeta: options.imetaFile } : {}),
    ...(options.csvParse ? { csvParse: options.csvParse } : {}),
  });
  if (!read.ok) return read;
  const { meta, units, raw } = read.value;
  const nodes = meta.nodes;
  const maxLevel = Math.max(...nodes.map((n) => n.level));
  const tops = nodes.filter((n) => n.level === maxLevel);
  const single = tops.length === 1 && maxLevel >= 3 ? tops[0] : undefined;
  const years = [...new Set(units.periods.filter((p): p is number => p !== null))].sort(
    (a, b) => a - b,
  );
  const periods =
    years.length > 0
      ? years.map((y) => ({ id: String(y), referenceDate: `${String(y).padStart(4, '0')}-12-31` }))
      : [options.period ?? { id: '1', referenceDate: '2000-12-31' }];
  const levelIds = Array.from({ length: maxLevel }, (_, i) => maxLevel - i).map((l) => ({
    id: l === 1 ? 'indicator' : `level${l}`,
    title: l === 1 ? 'Indicator' : `Level ${l}`,
  }));
  const group = (n: MetaNode) =>
    compact({
      id: n.code,
      title: n.name ?? n.code,
      level: `level${n.level}`,
      parent: n.parent !== undefined && n.parent !== single?.code ? n.parent : undefined,
      weight: n.weight,
    });
  const framework = compact({
    id: options.id ?? 'coinr',
    title: options.title ?? single?.name ?? 'Composite indicator',
    edition: '1',
    version: '1.0.0',
    levels: levelIds,
    periods,
    groups: nodes.filter((n) => n.type === 'Aggregate' && n.level > 2 && n !== single).map(group),
    overall: single ? { id: single.code, title: single.name ?? single.code } : undefined,
    pipeline: options.pipeline,
  });
  const files: ImportedCoinr['files'] = [{ path: 'framework.yaml', content: framework }];
  for (const dim of nodes.filter((n) => n.level === 2)) {
    const indicators = nodes
      .filter((n) => n.parent === dim.code && n.type === 'Indicator')
      .map((n) =>
        compact({
          id: n.code,
          title: n.name ?? n.code,
          weight: n.weight,
          type: 'outcome',
          scored: true,
          rule: compact({
            kind: 'numeric',
            unit: n.unit,
            direction: n.direction,
            target: n.target,
            denominator: n.denominator,
            goalposts:
              n.goalpostLower !== undefined && n.goalpostUpper !== undefined
                ? { min: n.goalpostLower, max: n.goalpostUpper }
                : undefined,
          }),
        }),
      );
    files.push({
      path: `${dim.code}.yaml`,
      content: compact({
        id: dim.code,
        title: dim.name ?? dim.code,
        level: 'level2',
        parent: dim.parent !== undefined && dim.parent !== single?.code ? dim.parent : undefined,
        weight: dim.weight,
        indicators,
      }),
    });
  }
  const answers: ImportedCoinr['answers'] = [['unit', 'period', 'indicator', 'answer']];
  const n = raw.rows.length;
  for (let r = 0; r < n; r++) {
    const p = units.periods[r] ?? null;
    const period = p === null ? (periods[0]?.id ?? '1') : String(p);
    raw.codes.forEach((code, c) => {
      const v = raw.values[c * n + r] as number;
      answers.push([units.codes[r] as string, period, code, Number.isNaN(v) ? null : v]);
    });
  }
  return { ok: true, value: { files, answers }, warnings: [] };
}
