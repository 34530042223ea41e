import type { SunburstNode } from '../../report/charts/analysis.js';
import type { CompositeMeta } from '../data/types.js';
import { effectiveWeights } from './weights.js';

/**
 * The nodes of a composite's framework sunburst (COINr `plot_framework`): every indicator and
 * aggregate, labelled by code (name in the tooltip), with its effective weight in the index
 * as its share (see `effectiveWeights`), children in iMeta order. Draw them with `sunburstSvg`.
 *
 * @example
 * ```ts
 * sunburstSvg(frameworkSunburst(data.meta)); //=> '<svg ... class="chart chart-sunburst" ...'
 * ```
 */
export function frameworkSunburst(
  meta: CompositeMeta,
  weights?: Readonly<Record<string, number>>,
): SunburstNode[] {
  const eff = effectiveWeights(meta, weights);
  const order = [...meta.nodes].sort((a, b) => b.level - a.level);
  return order.map((n) => ({
    id: n.code,
    label: n.code,
    ...(n.name !== undefined ? { title: `${n.name} (${n.code})` } : {}),
    ...(n.parent !== undefined ? { parent: n.parent } : {}),
    share: eff[n.code] ?? 0,
  }));
}
