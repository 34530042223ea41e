/**
 * A result as a Frictionless Tabular Data Package: the form open-data portals (CKAN and its
 * data-package extensions, the Frictionless tools) ingest, with a Table Schema per CSV so every
 * column's meaning and type travels with the data.
 *
 * Specification: Frictionless Data, "Tabular Data Package" and "Table Schema" (v1 profiles,
 * specs.frictionlessdata.io). The package is data in, data out: {@link dataPackage} returns the
 * descriptor and the files; writing them is the caller's business.
 */
import {
  isRecord,
  optionsProblem,
  stringArray,
  throwIfAny,
  viewProblem,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { type CsvCell, toCsv } from '../../io/csv.js';
import type { Provenance } from '../../provenance/schema.js';
import { resolveText, textLanguages } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';
import { longColumns, longRows } from '../export/index.js';
import { formatScore } from '../format.js';
import type { ResultView, ViewNode } from '../view.js';

/**
 * A Table Schema field (the subset this package writes).
 *
 * @example
 * ```ts
 * const field: TableField = { name: 'score', type: 'number', title: 'Score' };
 * ```
 */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[] };
}

/**
 * A tabular data resource of the package: one CSV with its Table Schema.
 *
 * @example
 * ```ts
 * dataPackage(view).descriptor.resources[0]?.schema.primaryKey; //=> ['unit', 'period', 'node']
 * ```
 */
export interface DataResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  schema: {
    fields: TableField[];
    primaryKey: string[];
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
    missingValues: string[];
  };
}

/**
 * A licence the package can carry: an Open Definition id, its page and its name.
 *
 * @example
 * ```ts
 * const cc0: DataLicense = { name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0' };
 * ```
 */
export interface DataLicense {
  name: string;
  path: string;
  title: string;
}

/**
 * Licences known by id (Open Definition / SPDX ids), for `export --license`.
 *
 * @example
 * ```ts
 * dataLicenses['CC-BY-4.0']?.title; //=> 'Creative Commons Attribution 4.0'
 * ```
 */
export const dataLicenses: Readonly<Record<string, DataLicense>> = {
  'CC-BY-4.0': {
    name: 'CC-BY-4.0',
    path: 'https://creativecommons.org/licenses/by/4.0/',
    title: 'Creative Commons Attribution 4.0',
  },
  'CC-BY-SA-4.0': {
    name: 'CC-BY-SA-4.0',
    path: 'https://creativecommons.org/licenses/by-sa/4.0/',
    title: 'Creative Commons Attribution Share-Alike 4.0',
  },
  'CC0-1.0': {
    name: 'CC0-1.0',
    path: 'https://creativecommons.org/publicdomain/zero/1.0/',
    title: 'CC0 1.0',
  },
  'ODC-BY-1.0': {
    name: 'ODC-BY-1.0',
    path: 'https://opendatacommons.org/licenses/by/1-0/',
    title: 'Open Data Commons Attribution License 1.0',
  },
  'ODbL-1.0': {
    name: 'ODbL-1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
    title: 'Open Data Commons Open Database License 1.0',
  },
  'PDDL-1.0': {
    name: 'PDDL-1.0',
    path: 'https://opendatacommons.org/licenses/pddl/1-0/',
    title: 'Open Data Commons Public Domain Dedication and License 1.0',
  },
};

/**
 * Options of {@link dataPackage}.
 *
 * @example
 * ```ts
 * const options: DataPackageOptions = { license: 'ODbL-1.0', decimals: null, periods: ['2021'] };
 * ```
 */
export interface DataPackageOptions {
  /** The licence by id (see {@link dataLicenses}); `CC-BY-4.0` by default. */
  license?: string;
  /** Decimals of scores, rounded half away from zero; `null` (the default) keeps full precision. */
  decimals?: number | null;
  /** Periods to include; every period by default. */
  periods?: readonly string[];
  /** The result's provenance stamp, carried in the descriptor and named in its sources. */
  provenance?: Provenance | null;
  /**
   * Write text cells as they are; by default those a spreadsheet would run as formulas are
   * neutralised (see `excelSafeCell`), since published CSVs are opened in Excel too.
   */
  raw?: boolean;
}

/**
 * What {@link dataPackage} returns: `datapackage.json`'s content and the CSV files beside it.
 *
 * @example
 * ```ts
 * const { descriptor, files } = dataPackage(view);
 * writeFileSync('datapackage.json', JSON.stringify(descriptor, null, 2));
 * ```
 */
export interface DataPackage {
  descriptor: Record<string, unknown> & { resources: DataResource[] };
  files: { path: string; content: string }[];
}

const scoreFields: Record<(typeof longColumns)[number], TableField> = {
  unit: {
    name: 'unit',
    type: 'string',
    title: 'Unit',
    description: 'Code of the unit assessed (a country, region or municipality).',
    constraints: { required: true },
  },
  period: {
    name: 'period',
    type: 'string',
    title: 'Period',
    description: 'The evaluation round or year.',
    constraints: { required: true },
  },
  node: {
    name: 'node',
    type: 'string',
    title: 'Node',
    description: 'Id of the scored node (see the nodes resource).',
    constraints: { required: true },
  },
  level: {
    name: 'level',
    type: 'string',
    title: 'Level',
    description:
      'The level of the node in the framework (overall, group, dimension, indicator...).',
  },
  stage: {
    name: 'stage',
    type: 'string',
    title: 'Stage',
    description: 'The stage of a dimension x stage cell or indicator; empty for other nodes.',
  },
  score: {
    name: 'score',
    type: 'number',
    title: 'Score',
    description:
      "The score on the framework's scale; empty when it cannot be computed (see reason).",
  },
  coverage: {
    name: 'coverage',
    type: 'number',
    title: 'Coverage',
    description: 'Share (0-1) of the applicable indicators below the node that were answered.',
    constraints: { minimum: 0, maximum: 1 },
  },
  rank: {
    name: 'rank',
    type: 'integer',
    title: 'Rank',
    description: 'Competition rank among the units of the period (ties share the best rank).',
    constraints: { minimum: 1 },
  },
  kind: {
    name: 'kind',
    type: 'string',
    title: 'Kind',
    description:
      'The kind of node: overall, group, dimension, stage, cell, aggregate, indicator or subquestion.',
  },
  answered: {
    name: 'answered',
    type: 'integer',
    title: 'Answered',
    description: 'Indicators below the node with an answer.',
    constraints: { minimum: 0 },
  },
  not_applicable: {
    name: 'not_applicable',
    type: 'integer',
    title: 'Not applicable',
    description: 'Indicators below the node answered as not applicable.',
    constraints: { minimum: 0 },
  },
  missing: {
    name: 'missing',
    type: 'integer',
    title: 'Missing',
    description: 'Indicators below the node without data.',
    constraints: { minimum: 0 },
  },
  expected: {
    name: 'expected',
    type: 'integer',
    title: 'Expected',
    description: 'Indicators below the node.',
    constraints: { minimum: 0 },
  },
  reason: {
    name: 'reason',
    type: 'string',
    title: 'Reason',
    description: 'Why the score is empty (no-data, not-applicable, coverage...).',
  },
};

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Every language a set of texts is written in, the framework's own first. */
function languagesOf(texts: readonly Text[], defaultLang: string): string[] {
  const langs = new Set<string>([defaultLang]);
  for (const t of texts) for (const l of textLanguages(t, defaultLang)) langs.add(l);
  return [...langs];
}

/**
 * A scored result as a Frictionless Tabular Data Package: `scores.csv` (one row per unit,
 * period and node: the long export at full precision by default), `answers.csv` (each
 * indicator's answer, option, score, source and comment), `nodes.csv` (the framework's nodes
 * with a title column per language) and `units.csv`, each with a Table Schema (field types,
 * descriptions, primary and foreign keys), plus licence, sources and the provenance stamp in
 * `datapackage.json`. CSVs are UTF-8 with a header row. An unknown licence id throws
 * {@link IntegrationIndexError} with `EXPORT_UNKNOWN_LICENSE`.
 *
 * @example
 * ```ts
 * const pkg = dataPackage(resultView(result, framework), { license: 'CC-BY-4.0' });
 * pkg.files.map((f) => f.path); //=> ['scores.csv', 'answers.csv', 'nodes.csv', 'units.csv']
 * pkg.descriptor.profile;       //=> 'tabular-data-package'
 * ```
 */
export function dataPackage(view: ResultView, options: DataPackageOptions = {}): DataPackage {
  throwIfAny(
    viewProblem('dataPackage', 'view', view),
    optionsProblem('dataPackage', 'options', options, {
      license: 'string',
      decimals: (v) => (v === null || typeof v === 'number' ? undefined : 'a number or null'),
      periods: stringArray,
      provenance: (v) =>
        v === null ||
        (isRecord(v) &&
          isRecord(v.framework) &&
          (v.answers === undefined || Array.isArray(v.answers)))
          ? undefined
          : 'a provenance stamp ({ framework, answers, ... }) or null',
      raw: 'boolean',
    }),
  );
  const licenseId = options.license ?? 'CC-BY-4.0';
  const license = dataLicenses[licenseId];
  if (!license) {
    throw new IntegrationIndexError([
      createIssue('EXPORT_UNKNOWN_LICENSE', {
        license: licenseId,
        known: Object.keys(dataLicenses),
      }),
    ]);
  }
  const lang = view.framework.language;
  const decimals = options.decimals === undefined ? null : options.decimals;
  const periods = options.periods ?? view.periods;
  const csv = (rows: CsvCell[][]) => toCsv(rows, { raw: options.raw === true });
  const kinds = view.nodes.map((n) => n.kind);
  const scores = longRows(view, { periods, kinds: [...new Set(kinds)], decimals });

  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const dimensionOf = (n: ViewNode): string | null => {
    for (let p = n.parent; p !== null; p = byId.get(p)?.parent ?? null) {
      if (byId.get(p)?.kind === 'dimension') return p;
    }
    return null;
  };
  const indicators = view.nodes.filter((n) => n.kind === 'indicator' || n.kind === 'subquestion');
  const answers: CsvCell[][] = [
    [
      'unit',
      'period',
      'indicator',
      'dimension',
      'stage',
      'answer',
      'option',
      'score',
      'source',
      'comment',
    ],
  ];
  for (const period of periods) {
    for (const unit of view.units) {
      for (const n of indicators) {
        const a = view.answer(unit, period, n.id);
        if (!a) continue;
        const s = view.cell(unit, period, n.id)?.score ?? null;
        answers.push([
          unit,
          period,
          n.id,
          dimensionOf(n),
          n.stage,
          a.answer,
          a.option,
          s === null || decimals === null ? s : Number(formatScore(s, decimals)),
          a.source,
          a.comment,
        ]);
      }
    }
  }

  const titleLangs = languagesOf(
    view.nodes.map((n) => n.title),
    lang,
  );
  const nodes: CsvCell[][] = [
    ['id', 'kind', 'level', 'parent', 'stage', 'scored', ...titleLangs.map((l) => `title_${l}`)],
    ...view.nodes.map((n) => [
      n.id,
      n.kind,
      n.level,
      n.parent,
      n.stage,
      n.scored,
      ...titleLangs.map((l) => {
        const t = resolveText(n.title, l, lang);
        return t.fallback ? null : t.text;
      }),
    ]),
  ];
  const units: CsvCell[][] = [['code'], ...view.units.map((u) => [u])];

  const frameworkTitle = resolveText(view.framework.title, lang, lang).text;
  const resources: DataResource[] = [
    {
      name: 'scores',
      path: 'scores.csv',
      profile: 'tabular-data-resource',
      title: 'Scores',
      description: `Every score of ${frameworkTitle}: one row per unit, period and node, with rank and coverage.`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: longColumns.map((c) => scoreFields[c]),
        primaryKey: ['unit', 'period', 'node'],
        foreignKeys: [
          { fields: ['node'], reference: { resource: 'nodes', fields: ['id'] } },
          { fields: ['unit'], reference: { resource: 'units', fields: ['code'] } },
        ],
        missingValues: [''],
      },
    },
    {
      name: 'answers',
      path: 'answers.csv',
      profile: 'tabular-data-resource',
      title: 'Answers',
      description: 'The answer each indicator was scored from, with its source and comment.',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: [
          scoreFields.unit,
          scoreFields.period,
          {
            name: 'indicator',
            type: 'string',
            title: 'Indicator',
            description: 'Id of the indicator or sub-question (see the nodes resource).',
            constraints: { required: true },
          },
          {
            name: 'dimension',
            type: 'string',
            title: 'Dimension',
            description: 'The dimension the indicator belongs to.',
          },
          scoreFields.stage,
          {
            name: 'answer',
            type: 'string',
            title: 'Answer',
            description:
              'The answer as given: an option code, a number, a date, n/a (not applicable); empty for no data.',
          },
          {
            name: 'option',
            type: 'string',
            title: 'Option',
            description: 'The label of the option chosen, when the indicator has options.',
          },
          { ...scoreFields.score, description: "The indicator's score on the framework's scale." },
          {
            name: 'source',
            type: 'string',
            title: 'Source',
            description: 'The source the answer rests on (law, policy document, data).',
          },
          {
            name: 'comment',
            type: 'string',
            title: 'Comment',
            description: "The expert's comment.",
          },
        ],
        primaryKey: ['unit', 'period', 'indicator'],
        foreignKeys: [
          { fields: ['indicator'], reference: { resource: 'nodes', fields: ['id'] } },
          { fields: ['unit'], reference: { resource: 'units', fields: ['code'] } },
        ],
        missingValues: [''],
      },
    },
    {
      name: 'nodes',
      path: 'nodes.csv',
      profile: 'tabular-data-resource',
      title: 'Framework nodes',
      description: `The nodes of ${frameworkTitle} (edition ${view.framework.edition}): overall, groups, dimensions, stages, cells and indicators, with their titles in each language.`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: [
          { name: 'id', type: 'string', title: 'Id', constraints: { required: true } },
          scoreFields.kind,
          scoreFields.level,
          {
            name: 'parent',
            type: 'string',
            title: 'Parent',
            description: 'Id of the parent node; empty for the root and for extra aggregates.',
          },
          scoreFields.stage,
          {
            name: 'scored',
            type: 'boolean',
            title: 'Scored',
            description: 'False for nodes collected but left out of the scores.',
          },
          ...titleLangs.map(
            (l): TableField => ({ name: `title_${l}`, type: 'string', title: `Title (${l})` }),
          ),
        ],
        primaryKey: ['id'],
        missingValues: [''],
      },
    },
    {
      name: 'units',
      path: 'units.csv',
      profile: 'tabular-data-resource',
      title: 'Units',
      description: 'The units assessed.',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: [{ name: 'code', type: 'string', title: 'Code', constraints: { required: true } }],
        primaryKey: ['code'],
        missingValues: [''],
      },
    },
  ];
  const stamp = options.provenance ?? null;
  const descriptor = {
    profile: 'tabular-data-package',
    name: slug(`${view.framework.id}-${view.framework.edition}-scores`),
    title: `${frameworkTitle}: scores`,
    description: `Scores of ${frameworkTitle} (edition ${view.framework.edition}, version ${view.framework.version}) for ${view.units.length} units and the periods ${periods.join(', ')}, with the answers and sources they rest on.`,
    version: view.framework.version,
    keywords: ['integration policy', 'composite indicator', view.framework.id],
    licenses: [license],
    sources: [
      {
        title: `${frameworkTitle}, edition ${view.framework.edition}, version ${view.framework.version}`,
        ...(stamp?.framework.source ? { path: stamp.framework.source } : {}),
      },
      ...(stamp?.answers ?? []).map((a) => ({ title: `Answers: ${a.path}`, path: a.path })),
    ],
    resources,
    ...(stamp ? { provenance: stamp } : {}),
  };
  return {
    descriptor,
    files: [
      { path: 'scores.csv', content: csv(scores) },
      { path: 'answers.csv', content: csv(answers) },
      { path: 'nodes.csv', content: csv(nodes) },
      { path: 'units.csv', content: csv(units) },
    ],
  };
}
