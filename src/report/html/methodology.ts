import type { Framework } from '../../framework/schema/framework.js';
import type { Indicator } from '../../framework/schema/indicator.js';
import type { FrameworkNode } from '../../framework/schema/node.js';
import { indicatorsOf } from '../../framework/validate/walk.js';
import type { ReportMethodology } from './model.js';
import type { Translator } from './translate.js';

/**
 * Every indicator under a node, nested nodes included.
 *
 * @example
 * ```ts
 * indicatorsUnder(framework.dimensions[0]).length; //=> 9
 * ```
 */
export function indicatorsUnder(node: FrameworkNode): Indicator[] {
  return [...(node.indicators ?? []), ...(node.children ?? []).flatMap(indicatorsUnder)];
}

const policyWords: Record<string, string> = {
  exclude: 'left out of the parent’s mean',
  zero: 'scored as the scale’s minimum',
  max: 'scored as the scale’s maximum',
  fail: 'an error that stops the run',
};

const methodWords: Record<string, string> = {
  amean: 'weighted arithmetic mean',
  gmean: 'weighted geometric mean',
  hmean: 'weighted harmonic mean',
  genmean: 'weighted generalised mean',
  median: 'weighted median',
  min: 'minimum',
  copeland: 'Copeland count',
};

/**
 * Options that the methodology section reports alongside the framework's own settings.
 *
 * @example
 * ```ts
 * const options: MethodologyOptions = { decimals: 1, tolerance: 0.05, asOf: '2019-04-30' };
 * ```
 */
export interface MethodologyOptions {
  decimals: number;
  tolerance: number;
  /** The date the answers were taken as in force, when the run fixed one. */
  asOf?: string;
}

/**
 * Describes how a framework scores, for the report's methodology section: levels, stages,
 * dimensions with their scored indicator counts, the rule kinds in use, and the conventions
 * (aggregation, roll-up, missing-data policies, rounding, ranking, change tolerance). Texts are
 * resolved with `tr`; the conventions are worded in English.
 *
 * @example
 * ```ts
 * const m = describeMethodology(framework, translator('en', 'en'), { decimals: 1, tolerance: 0.05 });
 * m.rules; //=> [{ kind: 'choice', indicators: 120 }, ...]
 * ```
 */
export function describeMethodology(
  framework: Framework,
  tr: Translator,
  options: MethodologyOptions,
): ReportMethodology {
  const groups = new Map((framework.groups ?? []).map((g) => [g.id, g]));
  // An indicator counts when it is scored and so is every node and group above it.
  const visits = indicatorsOf(framework);
  const all = visits.map((v) => v.indicator);
  const scored = visits.filter((v) => v.counts).map((v) => v.indicator);
  const scoredPerDimension = new Map<unknown, number>();
  for (const v of visits) {
    if (v.counts) scoredPerDimension.set(v.path[1], (scoredPerDimension.get(v.path[1]) ?? 0) + 1);
  }
  const kinds = new Map<string, number>();
  for (const i of scored) kinds.set(i.rule.kind, (kinds.get(i.rule.kind) ?? 0) + 1);
  const agg = framework.aggregation;
  const missing = framework.missing;
  const stages = framework.stages ?? [];
  const unscoredDims = framework.dimensions.filter((d) => d.scored === false);

  const facts: { term: string; definition: string }[] = [
    {
      term: 'Aggregation',
      definition: `Each aggregate is the ${methodWords[agg.method] ?? agg.method} of its children${agg.method === 'genmean' && agg.p !== undefined ? ` (p = ${agg.p})` : ''}, unless a node sets its own method; weights are relative and renormalised over the children that have a score.`,
    },
  ];
  if (stages.length > 0) {
    facts.push({
      term: 'Stages',
      definition:
        agg.stageRollup === 'cells'
          ? 'Indicators first form dimension × stage cells. A dimension’s score aggregates its cells; a stage’s score aggregates that stage’s cells across dimensions.'
          : 'Dimension and stage scores both aggregate the indicators directly; dimension × stage cells are reported but do not feed other scores.',
    });
  }
  facts.push({
    term: 'Overall score',
    definition:
      agg.overall === 'stages'
        ? 'The overall score aggregates the stage scores.'
        : 'The overall score aggregates the top-level nodes of the tree (groups or dimensions), with their weights.',
  });
  facts.push(
    {
      term: 'Not applicable',
      definition: `An answer marked not applicable is ${policyWords[missing.notApplicable] ?? missing.notApplicable}.`,
    },
    {
      term: 'No data',
      definition: `An indicator without an answer is ${policyWords[missing.noData] ?? missing.noData}${missing.noData === 'exclude' ? ', and counted as missing in the coverage' : ''}.`,
    },
    {
      term: 'Coverage threshold',
      definition:
        missing.coverage > 0
          ? `An aggregate whose present children carry less than ${Math.round(missing.coverage * 100)}% of their expected weight has no score, and the reason is listed under coverage warnings.`
          : 'None by default: an aggregate has a score as soon as one child has one (nodes may set their own threshold).',
    },
    {
      term: 'Unscored content',
      definition: `${all.length - scored.length} of ${all.length} indicators (outcome and input statistics, marked unscored, or under an unscored node) are collected and shown but do not enter any score${unscoredDims.length > 0 ? `; so are the dimensions ${unscoredDims.map((d) => tr(d.title)).join(', ')}` : ''}.`,
    },
    {
      term: 'Rounding',
      definition: `Scores are computed at full precision and rounded only for display, to ${options.decimals} decimal${options.decimals === 1 ? '' : 's'}, half away from zero.`,
    },
    {
      term: 'Ranking',
      definition:
        'Standard competition ranking (“1224”): units with equal scores share the best rank and the next rank is skipped. Units without a score are not ranked.',
    },
    {
      term: 'Change',
      definition: `A change between periods counts as held when it is within ±${options.tolerance} points, which is half of the last displayed decimal: a change that would print as zero is not called a move.`,
    },
  );
  if (options.asOf !== undefined)
    facts.push({
      term: 'Answers in force',
      definition: `Answers were taken as in force on ${options.asOf}.`,
    });

  return {
    framework: {
      id: framework.id,
      title: tr(framework.title),
      edition: framework.edition,
      version: framework.version,
    },
    scale: { min: framework.scale.min, max: framework.scale.max },
    levels: (framework.levels ?? []).map((l) => ({ id: l.id, label: tr(l.title) })),
    stages: stages.map((s) => ({
      id: s.id,
      label: tr(s.title),
      ...(s.description !== undefined ? { description: tr(s.description) } : {}),
    })),
    dimensions: framework.dimensions.map((d, i) => {
      const parent = d.parent !== undefined ? groups.get(d.parent) : undefined;
      return {
        id: d.id,
        label: tr(d.title),
        indicators: scoredPerDimension.get(i) ?? 0,
        ...(parent ? { parent: tr(parent.title) } : {}),
      };
    }),
    rules: [...kinds.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([kind, indicators]) => ({ kind, indicators })),
    facts,
  };
}
