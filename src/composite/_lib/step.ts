import type { Issue } from '../../errors/issue.js';
import type { CompositeMeta, Dataset, UnitTable } from '../data/types.js';

/** What every step reads besides the data set: the unit table and the metadata. */
export interface CompositeContext {
  readonly units: UnitTable;
  readonly meta: CompositeMeta;
}

/** What every step returns: the new data set, its log entry, and issues (errors stop the run). */
export interface StepResult<L> {
  dataset: Dataset;
  log: L;
  issues: Issue[];
}
