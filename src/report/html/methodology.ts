import type { Framework } from '../../framework/schema/framework.js';
import type { Indicator } from '../../framework/schema/indicator.js';
import type { FrameworkNode } from '../../framework/schema/node.js';
import { indicatorsOf } from '../../framework/validate/walk.js';
import { localeFormat } from '../../text/locale.js';
import { methodologyWords } from './methodology-words.js';
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
 * resolved with `tr`; the conventions are worded in `tr.lang` (English or Bulgarian, else
 * English), with numbers and dates in that language's form.
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

  const w = methodologyWords(tr.lang);
  const loc = localeFormat(tr.lang);
  const policy = (name: string): string => w.policies[name] ?? name;
  const facts: { term: string; definition: string }[] = [
    {
      term: w.aggregation,
      definition: w.aggregationText({
        method: w.methods[agg.method] ?? agg.method,
        ...(agg.method === 'genmean' && agg.p !== undefined
          ? { p: loc.number(String(agg.p)) }
          : {}),
      }),
    },
  ];
  if (stages.length > 0) {
    facts.push({
      term: w.stages,
      definition: agg.stageRollup === 'cells' ? w.stagesCells : w.stagesDirect,
    });
  }
  facts.push({
    term: w.overall,
    definition: agg.overall === 'stages' ? w.overallStages : w.overallTree,
  });
  facts.push(
    {
      term: w.notApplicable,
      definition: w.notApplicableText({ policy: policy(missing.notApplicable) }),
    },
    {
      term: w.noData,
      definition: w.noDataText({
        policy: policy(missing.noData),
        counted: missing.noData === 'exclude',
      }),
    },
    {
      term: w.coverage,
      definition:
        missing.coverage > 0
          ? w.coverageText({ percent: loc.count(Math.round(missing.coverage * 100)) })
          : w.coverageNone,
    },
    {
      term: w.unscored,
      definition: w.unscoredText({
        unscored: loc.count(all.length - scored.length),
        all: loc.count(all.length),
        dimensions: unscoredDims.map((d) => tr(d.title)).join(', '),
      }),
    },
    { term: w.rounding, definition: w.roundingText({ decimals: options.decimals }) },
    { term: w.ranking, definition: w.rankingText },
    {
      term: w.change,
      definition: w.changeText({ tolerance: loc.number(String(options.tolerance)) }),
    },
  );
  if (options.asOf !== undefined)
    facts.push({ term: w.inForce, definition: w.inForceText({ date: loc.date(options.asOf) }) });

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
