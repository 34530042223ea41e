// The data set names apart from the schemas, so that the CLI can declare its arguments without
// loading zod; re-exported by schema.ts.
/**
 * COINr's data set names, in pipeline order. Every step writes the set named after it, so
 * any stage can be printed or compared.
 */
export const stageNames = [
  'raw',
  'denominated',
  'imputed',
  'screened',
  'treated',
  'normalised',
  'aggregated',
] as const;
/** A data set name. */
export type StageName = (typeof stageNames)[number];
