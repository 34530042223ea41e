import { z } from 'zod';
import { provenanceSchema } from '../../provenance/schema.js';
import { groupSummarySchema, unitInfoSchema } from '../../units/schema.js';

const count = z.array(z.number().int().nonnegative());
const nullableScore = z.array(z.number().nullable());

/** Why a score is empty; for an indicator with a score, why it was imputed by the missing-data policy. */
export const reasonSchema = z.enum([
  'no-data',
  'not-applicable',
  'coverage',
  'no-match',
  'undefined-for-method',
]);

/** An answer option as a result reports it (label in the framework's language). */
export const resultOptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  score: z.number().nullable(),
});

/**
 * One node's results, columnar: entry `r` of each array belongs to row `r` of the result
 * (`rows.unit[r]`, `rows.period[r]`).
 */
export const nodeResultSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'overall',
    'group',
    'dimension',
    'cell',
    'stage',
    'aggregate',
    'indicator',
    'subquestion',
  ]),
  title: z.string(),
  level: z.string(),
  stage: z.string().nullable(),
  parent: z.string().nullable(),
  depth: z.number().int(),
  /** Whether the node enters its parents' scores. */
  scored: z.boolean(),
  weight: z.number(),
  /** Aggregates: the method and the children it aggregates, with their weights. */
  method: z.string().nullable(),
  children: z.array(z.object({ id: z.string(), weight: z.number() })),
  /** Indicators and sub-questions: the rule kind, its options, and a combining rule's inputs. */
  rule: z
    .object({
      kind: z.string(),
      options: z.array(resultOptionSchema).optional(),
      inputs: z.array(z.string()).optional(),
      expression: z.string().optional(),
    })
    .nullable(),
  /** Scores at full precision; null when empty. */
  score: nullableScore,
  /** Raw values of indicators that report a value rather than a score (`numeric` without goalposts). */
  value: nullableScore.optional(),
  /** Competition rank among the period's units; null when there is no score. */
  rank: z.array(z.number().int().positive().nullable()),
  reason: z.array(reasonSchema.nullable()),
  /** Aggregates: counts of indicators under the node, per row. */
  coverage: z
    .object({ answered: count, notApplicable: count, missing: count, expected: count })
    .optional(),
  /** Indicators and sub-questions: index into `answers` of the answer in force, per row. */
  answer: z.array(z.number().int().nullable()).optional(),
});

/** An issue as results carry it. */
export const resultIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  row: z.number().optional(),
  field: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The result of scoring: plain JSON-safe data (it survives `JSON.parse(JSON.stringify(r))`),
 * columnar so that 400 units x 20 periods x 125 indicators stays compact. Scores are at full
 * precision; round only for display (see `roundHalfAwayFromZero`). Ranks are competition ranks
 * ("1224").
 *
 * @example
 * ```ts
 * const result = score(framework, answers);
 * scoreResultSchema.parse(JSON.parse(JSON.stringify(result))); // round-trips
 * ```
 */
export const scoreResultSchema = z.object({
  /** The result format's version. */
  format: z.literal(1),
  framework: z.object({
    id: z.string(),
    title: z.string(),
    edition: z.string(),
    version: z.string(),
    /** The language of the result's titles and labels. */
    language: z.string(),
  }),
  /** The id of the overall node. */
  rootId: z.string(),
  scale: z.object({ min: z.number(), max: z.number() }),
  options: z.object({
    asOf: z.string().nullable(),
    missing: z.object({
      noData: z.enum(['exclude', 'zero', 'fail']),
      notApplicable: z.enum(['exclude', 'zero', 'max']),
      coverage: z.number(),
    }),
    /** The lowest review state scored (`score --status`); absent when every answer was. */
    status: z.enum(['draft', 'submitted', 'reviewed', 'final']).optional(),
  }),
  /** The experts named in the answers read (sorted); absent when no answer names one. */
  experts: z.array(z.string()).optional(),
  units: z.array(z.string()),
  /** The periods scored, with the date answers were taken in force on. */
  periods: z.array(z.object({ id: z.string(), referenceDate: z.string(), asOf: z.string() })),
  /** The rows: unit and period indexes. */
  rows: z.object({ unit: z.array(z.number().int()), period: z.array(z.number().int()) }),
  nodes: z.array(nodeResultSchema),
  /**
   * The answers in force, columnar (`answer[a]`, `option[a]`, `file[a]`...; `file` indexes
   * `files`); the columns most answers leave empty are sparse maps keyed by `a`.
   */
  answers: z.object({
    answer: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    option: z.array(z.string().nullable()),
    /** Sparse: keyed by answer index, only for answers that have one. */
    source: z.record(z.string(), z.string()),
    comment: z.record(z.string(), z.string()),
    validFrom: z.record(z.string(), z.string()),
    validTo: z.record(z.string(), z.string()),
    /** Sparse, and present only when some answer has one: who answered, the review state. */
    expert: z.record(z.string(), z.string()).optional(),
    status: z.record(z.string(), z.enum(['draft', 'submitted', 'reviewed', 'final'])).optional(),
    reviewer: z.record(z.string(), z.string()).optional(),
    reviewedOn: z.record(z.string(), z.string()).optional(),
    file: z.array(z.number().int()),
    row: z.array(z.number().int()),
    line: z.array(z.number().int()),
  }),
  files: z.array(z.string()),
  counts: z.object({
    read: z.number().int(),
    used: z.number().int(),
    superseded: z.number().int(),
    rejected: z.number().int(),
  }),
  issues: z.array(resultIssueSchema),
  /** What was scored, with what and how: hashes of the inputs, library version, options. */
  provenance: provenanceSchema.optional(),
  /** With a units registry (issue 17): each unit's name, level, parent, groups, and whether it was derived. */
  unitInfo: z.array(unitInfoSchema).optional(),
  /** With a units registry and groups asked for: each group's summaries (see `applyUnits`). */
  groups: z.array(groupSummarySchema).optional(),
});

/** The result of scoring. See {@link scoreResultSchema}. */
export type ScoreResult = z.infer<typeof scoreResultSchema>;
/** One node's columnar results. */
export type NodeResult = z.infer<typeof nodeResultSchema>;
/** Why a score is empty. */
export type ScoreReason = z.infer<typeof reasonSchema>;
