/**
 * Where formula support comes from. mathjs is not imported here: `mathjs.ts` provides the
 * instance's constructor when it is loaded (`loadFormulaSupport()`, a dynamic import), so the
 * scoring core, and a CLI run on a framework without formulas, never load mathjs.
 */
import type { create } from 'mathjs';

/** The private mathjs instance formulas are parsed and compiled with. */
export type FormulaMath = ReturnType<typeof create>;

let factory: (() => FormulaMath) | undefined;
let instance: FormulaMath | undefined;

/**
 * Registers how to build the formulas' mathjs instance (see `mathjs.ts`); the first one wins.
 *
 * @example
 * ```ts
 * provideFormulaMath(() => create(factories, { number: 'number' }));
 * ```
 */
export function provideFormulaMath(make: () => FormulaMath): void {
  factory ??= make;
}

/**
 * The formulas' mathjs instance, built on first use; `undefined` until formula support is
 * loaded.
 *
 * @example
 * ```ts
 * formulaMath()?.parse('a + b');
 * ```
 */
export function formulaMath(): FormulaMath | undefined {
  if (instance === undefined && factory !== undefined) instance = factory();
  return instance;
}

/**
 * Whether formula support is loaded.
 *
 * @example
 * ```ts
 * await loadFormulaSupport();
 * formulaSupportLoaded(); //=> true
 * ```
 */
export function formulaSupportLoaded(): boolean {
  return factory !== undefined;
}

/**
 * Loads formula support (mathjs, in its own chunk): needed before scoring, validating or
 * compiling a framework with `formula` rules through the core entry, which otherwise reports
 * `FORMULA_SUPPORT_NOT_LOADED`. The Node adapters (`integration-index/node`) load it themselves.
 *
 * @example
 * ```ts
 * await loadFormulaSupport();
 * score(frameworkWithFormulas, answers);
 * ```
 */
export async function loadFormulaSupport(): Promise<void> {
  if (factory === undefined) (await import('./mathjs.js')).provideFormulaSupport();
}
