/**
 * mathjs for formulas: the factories formulas may use, built into a private instance. Loaded on
 * demand (`loadFormulaSupport()` imports this module), so the scoring core and a CLI run on a
 * framework without formulas never load mathjs.
 */
import {
  absDependencies,
  addDependencies,
  andDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  equalDependencies,
  type FactoryFunctionMap,
  floorDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  meanDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  sqrtDependencies,
  subtractDependencies,
  sumDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
} from 'mathjs';
import { provideFormulaMath } from './math.js';

/**
 * A private mathjs instance holding only what formulas may use. `predictable: true` keeps
 * results real numbers (`sqrt(-1)` is `NaN`, not a complex number). Created on the first formula
 * compiled, not when this module loads: building the typed functions costs a few hundred
 * milliseconds that a framework without formulas (and every CLI start) should not pay.
 */
// mathjs types each `*Dependencies` as possibly undefined; every one named here exists.
const factories = {
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  powDependencies,
  modDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  equalDependencies,
  unequalDependencies,
  smallerDependencies,
  largerDependencies,
  smallerEqDependencies,
  largerEqDependencies,
  andDependencies,
  orDependencies,
  notDependencies,
  minDependencies,
  maxDependencies,
  meanDependencies,
  sumDependencies,
  roundDependencies,
  absDependencies,
  floorDependencies,
  ceilDependencies,
  sqrtDependencies,
} as unknown as FactoryFunctionMap;

/**
 * Makes formula support available: hands the instance's constructor to `math.ts`, which builds
 * it on the first formula compiled. Called once by `loadFormulaSupport()`, and at load by the
 * Node adapters and the analyses' worker thread, which keep their synchronous API.
 *
 * @example
 * ```ts
 * provideFormulaSupport();
 * compileFormula('mean(a, b)').ok; //=> true
 * ```
 */
export function provideFormulaSupport(): void {
  provideFormulaMath(() => {
    const instance = create(factories, { number: 'number', predictable: true });
    instance.import({ clamp }, { override: false });
    return instance;
  });
}

/** `clamp(x, lo, hi)`: `x` limited to `[lo, hi]`. */
function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
