/**
 * Formulas: parsed once by a private mathjs instance, checked against an allowlist, compiled
 * from the checked tree. Text is never handed to `evaluate`.
 *
 * ```
 *   text ──parse──▶ AST ──check (allowlist)──▶ checked AST ──compile──▶ evaluate(scope)
 *                              │
 *                              └─▶ FORMULA_SYNTAX / FORMULA_FORBIDDEN issues
 * ```
 */
import type { MathNode } from 'mathjs';
import { createIssue, IntegrationIndexError, type Issue } from '../../errors/issue.js';
import { formulaMath } from './math.js';

/**
 * The private mathjs instance formulas are parsed with, once formula support is loaded
 * (`loadFormulaSupport()`, or statically by the Node adapters): mathjs is not part of the
 * scoring core, and a framework without formulas never loads it.
 */
function mathjs(): NonNullable<ReturnType<typeof formulaMath>> | undefined {
  return formulaMath();
}

/** The comparison operators a formula may use, alone or chained, by mathjs function name. */
const comparisons = ['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq'];

/** The operators a formula may use, by mathjs function name. */
const allowedOperators: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  ...comparisons,
  'and',
  'or',
  'not',
]);

/** The comparisons a chained comparison (`a < b <= c`) may use. */
const allowedComparisons: ReadonlySet<string> = new Set(comparisons);

/**
 * The functions a formula may call. `round` is mathjs's: half away from zero, with a correction
 * for binary representation (`round(1.005, 2)` is `1.01`).
 *
 * @example
 * ```ts
 * formulaFunctions.includes('clamp'); //=> true
 * ```
 */
export const formulaFunctions: readonly string[] = [
  'min',
  'max',
  'mean',
  'sum',
  'round',
  'abs',
  'floor',
  'ceil',
  'sqrt',
  'clamp',
];
const allowedFunctions: ReadonlySet<string> = new Set(formulaFunctions);

/** What a node is, for `FORMULA_FORBIDDEN` messages. */
const forbiddenNodeNames: Readonly<Record<string, string>> = {
  AssignmentNode: 'an assignment',
  FunctionAssignmentNode: 'a function definition',
  AccessorNode: 'property or index access',
  IndexNode: 'an index',
  ObjectNode: 'an object',
  ArrayNode: 'a matrix',
  RangeNode: 'a range',
  BlockNode: 'several statements',
};

/**
 * A formula that passed the allowlist, ready to evaluate many times.
 *
 * @example
 * ```ts
 * const r = compileFormula('mean(a, b)');
 * if (r.ok) r.formula.evaluate({ a: 50, b: 100 }); //=> 75
 * ```
 */
export interface CompiledFormula {
  /** The formula as written. */
  expression: string;
  /** The names it reads, sorted, each once; every one must be given to `evaluate`. */
  symbols: string[];
  /**
   * Evaluates the checked tree with `scope`. Comparisons and logic yield `1`/`0`. Throws an
   * {@link IntegrationIndexError} (`FORMULA_MISSING_VALUE`) when a symbol has no finite number in
   * `scope`, and `FORMULA_NOT_A_NUMBER` when the result is not a number.
   */
  evaluate(scope: Readonly<Record<string, number>>): number;
}

function forbidden(what: string): Issue {
  return createIssue('FORMULA_FORBIDDEN', { what });
}

/** Walks the tree and reports every construct outside the allowlist; collects symbols. */
function check(root: MathNode, issues: Issue[], symbols: Set<string>): void {
  const seen = new Set<string>();
  const report = (what: string): void => {
    if (seen.has(what)) return;
    seen.add(what);
    issues.push(forbidden(what));
  };
  const visit = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value === 'string') report('a string');
        else if (typeof value !== 'number') report(`the constant ${String(value)}`);
        else if (!Number.isFinite(value)) report('a number too large to represent');
        return;
      }
      case 'SymbolNode':
        symbols.add((node as unknown as { name: string }).name);
        return;
      case 'ParenthesisNode':
        visit((node as unknown as { content: MathNode }).content);
        return;
      case 'ConditionalNode': {
        const c = node as unknown as {
          condition: MathNode;
          trueExpr: MathNode;
          falseExpr: MathNode;
        };
        visit(c.condition);
        visit(c.trueExpr);
        visit(c.falseExpr);
        return;
      }
      case 'OperatorNode': {
        const op = node as unknown as { op: string; fn: string; args: MathNode[] };
        if (!allowedOperators.has(op.fn)) report(`the operator "${op.op}"`);
        for (const arg of op.args) visit(arg);
        return;
      }
      case 'RelationalNode': {
        const rel = node as unknown as { conditionals: string[]; params: MathNode[] };
        for (const c of rel.conditionals) {
          if (!allowedComparisons.has(c)) report(`the comparison "${c}"`);
        }
        for (const p of rel.params) visit(p);
        return;
      }
      case 'FunctionNode': {
        const fn = node as unknown as { fn: MathNode; args: MathNode[] };
        if (fn.fn.type !== 'SymbolNode') {
          report('a call of something other than a named function');
        } else {
          const name = (fn.fn as unknown as { name: string }).name;
          if (!allowedFunctions.has(name)) report(`the function "${name}"`);
        }
        for (const arg of fn.args) visit(arg);
        return;
      }
      default:
        report(forbiddenNodeNames[node.type] ?? `a ${node.type}`);
    }
  };
  visit(root);
}

/** A name in backticks: `` `rec-lf` `` reads the id `rec-lf`, where a bare `-` would subtract. */
const quoted = /`([^`]*)`/g;
const quotedId = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Replaces each backtick-quoted id by a plain symbol mathjs can parse (`_q0_`, `_q1_`, ...;
 * an id cannot start with `_`, so none collides with a real one), and returns what each
 * stands for. A quote that is not closed or holds something other than an id is a
 * `FORMULA_SYNTAX` issue.
 */
function unquoteIds(expression: string): { text: string; names: Map<string, string> } | Issue {
  const names = new Map<string, string>();
  const byId = new Map<string, string>();
  let bad: string | undefined;
  const text = expression.replace(quoted, (_, id: string) => {
    if (!quotedId.test(id)) bad ??= `\`${id}\` is not an id (letters, digits, "_" and "-")`;
    let name = byId.get(id);
    if (name === undefined) {
      name = `_q${byId.size}_`;
      byId.set(id, name);
      names.set(name, id);
    }
    return name;
  });
  if (text.includes('`')) bad ??= 'a backtick is not closed';
  return bad === undefined ? { text, names } : createIssue('FORMULA_SYNTAX', { detail: bad });
}

/**
 * Parses and checks a formula once; the result evaluates many times.
 *
 * Allowed: numbers, names, parentheses, `+ - * / ^ %`, unary `-`/`+`, comparisons
 * (`== != < > <= >=`, chained too), `and`/`or`/`not`, `cond ? a : b`, and the functions
 * {@link formulaFunctions}. Everything else (assignment, function definitions, property or
 * index access, matrices, strings, `import`, `createUnit`, `evaluate`, `parse`, `simplify`,
 * `derivative`, `resolve`, units) is a `FORMULA_FORBIDDEN` issue. Names are plain symbols
 * (letters, digits, `_`); an id with `-` is written in backticks (`` `rec-lf` * 2 ``), since a
 * bare `-` subtracts. `symbols` and `evaluate`'s scope use the ids as written.
 *
 * @example
 * ```ts
 * const r = compileFormula('a == 100 ? 100 : (a == 50 ? 90 : b / 5 + c * 3 / 5)');
 * if (r.ok) r.formula.symbols;                          //=> ['a', 'b', 'c']
 * if (r.ok) r.formula.evaluate({ a: 0, b: 50, c: 100 }); //=> 70
 * compileFormula('import({})').ok;                       //=> false (FORMULA_FORBIDDEN)
 * compileFormula('`rec-lf` / 2').ok && compileFormula('`rec-lf` / 2').formula.symbols; //=> ['rec-lf']
 * ```
 */
export function compileFormula(
  expression: string,
): { ok: true; formula: CompiledFormula } | { ok: false; issues: Issue[] } {
  const math = mathjs();
  if (math === undefined) {
    return { ok: false, issues: [createIssue('FORMULA_SUPPORT_NOT_LOADED', {})] };
  }
  const unquoted = unquoteIds(expression);
  if (!('text' in unquoted)) return { ok: false, issues: [unquoted] };
  let root: MathNode;
  try {
    root = math.parse(unquoted.text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [createIssue('FORMULA_SYNTAX', { detail })] };
  }
  const issues: Issue[] = [];
  const found = new Set<string>();
  check(root, issues, found);
  if (issues.length > 0) return { ok: false, issues };
  // Internal symbol and the id it reads, sorted by id.
  const pairs = [...found]
    .map((name) => [name, unquoted.names.get(name) ?? name] as const)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const symbols = [...new Set(pairs.map((p) => p[1]))];
  const code = root.compile();
  const formula: CompiledFormula = {
    expression,
    symbols,
    evaluate(scope) {
      const values = new Map<string, number>();
      for (const [name, s] of pairs) {
        const v = Object.hasOwn(scope, s) ? scope[s] : undefined;
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new IntegrationIndexError([
            createIssue('FORMULA_MISSING_VALUE', { symbol: s, expression }),
          ]);
        }
        values.set(name, v);
      }
      const result: unknown = code.evaluate(values);
      if (typeof result === 'boolean') return result ? 1 : 0;
      if (typeof result !== 'number') {
        throw new IntegrationIndexError([
          createIssue('FORMULA_NOT_A_NUMBER', { expression, got: typeof result }),
        ]);
      }
      return result;
    },
  };
  return { ok: true, formula };
}

/**
 * Whether `name` would be read as a physical unit (`cm`, `kg`) by mathjs. Validation uses it to
 * call an undeclared `5 cm` a forbidden unit rather than an unknown name; evaluation never
 * creates units because every symbol must be bound in the scope.
 *
 * @example
 * ```ts
 * isUnitName('cm');    //=> true
 * isUnitName('score'); //=> false
 * ```
 */
export function isUnitName(name: string): boolean {
  const unit = (
    mathjs() as unknown as { Unit?: { isValuelessUnit(n: string): boolean } } | undefined
  )?.Unit;
  return unit?.isValuelessUnit(name) ?? false;
}
