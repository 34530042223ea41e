/**
 * Remove-one impact (COINr's `remove_elements`): leave out each component of a level in turn
 * (its weight set to zero, so its siblings' weights are renormalised) and measure how far the
 * target's ranks move from the nominal ones.
 */
import { competitionRanks } from '../../math/rank.js';
import { meanAbsoluteRankChange } from '../_lib/stats.js';
import type { AnalysisModel } from '../model.js';

/**
 * The impact of leaving out one component.
 *
 * @example
 * ```ts
 * impact.components[0]; //=> { code: 'Physical', meanAbsoluteRankChange: 1.53, rankShift: [0, 1, ...] }
 * ```
 */
export interface RemovedComponent {
  code: string;
  /** Mean absolute rank change over the units ranked both ways. */
  meanAbsoluteRankChange: number | null;
  /** Per unit (model order): nominal rank minus rank without the component (positive = moved up). */
  rankShift: (number | null)[];
}

/**
 * The remove-one impacts of one level.
 *
 * @example
 * ```ts
 * removeOneImpact(model, 2, 'Index').level; //=> 2
 * ```
 */
export interface RemoveOneResult {
  level: number;
  target: string;
  components: RemovedComponent[];
}

/**
 * Leaves out each component of `level` in turn and reports the rank changes of `target`.
 *
 * @example
 * ```ts
 * removeOneImpact(model, 2, 'Index').components[0];
 * //=> { code: 'Physical', meanAbsoluteRankChange: 2.4, rankShift: [1, -2, ...] }
 * ```
 */
export function removeOneImpact(
  model: AnalysisModel,
  level: number,
  target: string,
): RemoveOneResult {
  const nominal = competitionRanks(model.evaluate({}, target));
  const codes = model.description.levels.find((l) => l.number === level)?.codes ?? [];
  return {
    level,
    target,
    components: codes.map((code) => {
      const ranks = competitionRanks(model.evaluate({ exclude: [code] }, target));
      const shift = Array.from(nominal, (r, u) => {
        const d = r - (ranks[u] as number);
        return Number.isFinite(d) ? d : null;
      });
      const m = meanAbsoluteRankChange(ranks, nominal);
      return { code, meanAbsoluteRankChange: Number.isFinite(m) ? m : null, rankShift: shift };
    }),
  };
}
