import { z } from 'zod';
import { idSchema } from '../framework/schema/common.js';
import { textSchema } from '../text/text.js';

/**
 * How an old period compares with a re-scored indicator: `same` (the new rule gives old answers
 * the scores they had), `replace` (old answers are re-scored with the new rule, so they compare
 * within this edition but differ from the scores published under the old one: MIPEX 2020
 * re-scored 2007-2019 this way), or `omit` (old answers cannot be scored by the new rule; leave
 * the indicator out when comparing).
 *
 * @example
 * ```ts
 * compareModeSchema.parse('replace'); //=> 'replace'
 * ```
 */
export const compareModeSchema = z.enum(['same', 'replace', 'omit']);
/** See {@link compareModeSchema}. */
export type CompareMode = z.infer<typeof compareModeSchema>;

/**
 * An indicator whose scoring changed since the previous edition.
 *
 * @example
 * ```yaml
 * rescored: [{ id: hea_pf_interpretation, compare: replace }]
 * ```
 */
export const rescoredSchema = z.strictObject({
  id: idSchema,
  compare: compareModeSchema,
});
/** See {@link rescoredSchema}. */
export type Rescored = z.infer<typeof rescoredSchema>;

/**
 * What changed since the previous edition, declared in `framework.yaml`: indicators added,
 * retired, re-worded and re-scored, and the periods whose answers follow the previous edition's
 * questionnaire (scoring them with this edition warns about the indicators they cannot compare).
 * `validate` checks every id; `integration-index diff` checks the list against the two folders.
 *
 * @example
 * ```yaml
 * edition: "2021"
 * changes:
 *   since: "2019"
 *   periods: ["2017", "2019"]
 *   added: [emp_out_employment_rate]
 *   retired: [emp_lf_work_permit]
 *   reworded: [res_lf_permit_refugees]
 *   rescored: [{ id: hea_pf_interpretation, compare: replace }]
 * ```
 */
export const changesSchema = z.strictObject({
  /** The previous edition. */
  since: z.string().min(1),
  /** Periods answered under the previous edition's questionnaire. */
  periods: z.array(z.string().min(1)).optional(),
  added: z.array(idSchema).optional(),
  retired: z.array(idSchema).optional(),
  reworded: z.array(idSchema).optional(),
  rescored: z.array(rescoredSchema).optional(),
  notes: textSchema.optional(),
});
/** A framework's `changes` since its previous edition. */
export type Changes = z.infer<typeof changesSchema>;
