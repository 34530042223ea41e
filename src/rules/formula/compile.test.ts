import { describe, expect, it } from 'vitest';
import { IntegrationIndexError } from '../../errors/issue.js';
import { compileFormula, isUnitName } from './compile.js';

function compiled(expression: string) {
  const r = compileFormula(expression);
  if (!r.ok) throw new Error(`expected ${expression} to compile: ${r.issues[0]?.message}`);
  return r.formula;
}

function codes(expression: string): string[] {
  const r = compileFormula(expression);
  return r.ok ? [] : r.issues.map((i) => i.code);
}

function forbiddenWhat(expression: string): string[] {
  const r = compileFormula(expression);
  if (r.ok) return [];
  return r.issues.map((i) => String(i.params?.what));
}

describe('compileFormula: allowed constructs', () => {
  it('evaluates MIPEX-style nested conditionals', () => {
    const f = compiled('a == 100 ? 100 : (a == 50 ? 90 : b / 5 + c * 3 / 5)');
    expect(f.symbols).toEqual(['a', 'b', 'c']);
    expect(f.evaluate({ a: 100, b: 0, c: 0 })).toBe(100);
    expect(f.evaluate({ a: 50, b: 0, c: 0 })).toBe(90);
    expect(f.evaluate({ a: 0, b: 50, c: 100 })).toBe(70);
  });

  it('supports arithmetic operators, unary minus and modulo', () => {
    expect(compiled('2 ^ 3 + 7 % 4 - -1 * 2 / 4').evaluate({})).toBe(11.5);
    expect(compiled('+x').evaluate({ x: 3 })).toBe(3);
  });

  it('turns comparisons and logic into 1 or 0', () => {
    expect(compiled('a > 1 and not (b < 0) or a == b').evaluate({ a: 2, b: 1 })).toBe(1);
    expect(compiled('a != a').evaluate({ a: 2 })).toBe(0);
    expect(compiled('0 <= a <= 100').evaluate({ a: 50 })).toBe(1);
    expect(compiled('0 <= a <= 100').evaluate({ a: 150 })).toBe(0);
    expect(compiled('a >= 1').evaluate({ a: 1 })).toBe(1);
  });

  it('calls every allowlisted function', () => {
    const scope = { a: 10, b: 50, c: -3.5 };
    expect(compiled('min(a, b, c)').evaluate(scope)).toBe(-3.5);
    expect(compiled('max(a, b, c)').evaluate(scope)).toBe(50);
    expect(compiled('mean(a, b)').evaluate(scope)).toBe(30);
    expect(compiled('sum(a, b, c)').evaluate(scope)).toBe(56.5);
    expect(compiled('abs(c)').evaluate(scope)).toBe(3.5);
    expect(compiled('floor(c)').evaluate(scope)).toBe(-4);
    expect(compiled('ceil(c)').evaluate(scope)).toBe(-3);
    expect(compiled('sqrt(b * 2)').evaluate(scope)).toBe(10);
    expect(compiled('clamp(b * 3, 0, 100)').evaluate(scope)).toBe(100);
    expect(compiled('clamp(c, 0, 100)').evaluate(scope)).toBe(0);
  });

  it('rounds half away from zero, as mathjs does', () => {
    expect(compiled('round(2.5)').evaluate({})).toBe(3);
    expect(compiled('round(-2.5)').evaluate({})).toBe(-3);
    expect(compiled('round(1.005, 2)').evaluate({})).toBe(1.01);
  });

  it('keeps results real: sqrt of a negative is NaN, not complex', () => {
    expect(compiled('sqrt(a)').evaluate({ a: -4 })).toBeNaN();
  });

  it('lists each symbol once, sorted, never the function names', () => {
    expect(compiled('max(z, a) + z * a + mean(m1, a)').symbols).toEqual(['a', 'm1', 'z']);
  });

  it('refuses to evaluate with a missing or non-finite value', () => {
    const f = compiled('a + b');
    expect(() => f.evaluate({ a: 1 })).toThrow(IntegrationIndexError);
    try {
      f.evaluate({ a: 1, b: Number.NaN });
    } catch (e) {
      expect((e as IntegrationIndexError).issues[0]?.code).toBe('FORMULA_MISSING_VALUE');
    }
  });

  it('never reads names from the prototype chain', () => {
    const f = compiled('constructor + 1');
    expect(() => f.evaluate({})).toThrow(/FORMULA_MISSING_VALUE/);
  });

  it('does not mutate or keep the scope', () => {
    const scope = Object.freeze({ a: 1, b: 2 });
    expect(compiled('a + b').evaluate(scope)).toBe(3);
    expect(scope).toEqual({ a: 1, b: 2 });
  });
});

describe('compileFormula: rejected constructs', () => {
  it('reports syntax errors with FORMULA_SYNTAX', () => {
    expect(codes('1 +')).toEqual(['FORMULA_SYNTAX']);
    expect(codes('(a')).toEqual(['FORMULA_SYNTAX']);
    expect(codes('a ? b')).toEqual(['FORMULA_SYNTAX']);
  });

  it.each([
    ['x = 1', 'an assignment'],
    ['f(x) = x * 2', 'a function definition'],
    ['a.b', 'property or index access'],
    ['a["b"]', 'property or index access'],
    ['a[1]', 'property or index access'],
    ['{ a: 1 }', 'an object'],
    ['[1, 2]', 'a matrix'],
    ['"text"', 'a string'],
    ['1:3', 'a range'],
    ['a; b', 'several statements'],
    ['true', 'the constant true'],
    ['null', 'the constant null'],
    ['import({})', 'the function "import"'],
    ['createUnit("furlong")', 'the function "createUnit"'],
    ['evaluate("1 + 1")', 'the function "evaluate"'],
    ['parse("1")', 'the function "parse"'],
    ['simplify("x + x")', 'the function "simplify"'],
    ['derivative("x^2", "x")', 'the function "derivative"'],
    ['resolve("x", {})', 'the function "resolve"'],
    ['unit("5 cm")', 'the function "unit"'],
    ['5 cm to inch', 'the operator "to"'],
    ['cos(a)', 'the function "cos"'],
    ['a!', 'the operator "!"'],
    ["a'", 'the operator "\'"'],
    ['a & b', 'the operator "&"'],
    ['a xor b', 'the operator "xor"'],
    ['a << 1', 'the operator "<<"'],
    ['a.f(1)', 'a call of something other than a named function'],
    ['1e400', 'a number too large to represent'],
  ])('%s is forbidden (%s)', (expression, what) => {
    const r = compileFormula(expression);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.every((i) => i.code === 'FORMULA_FORBIDDEN')).toBe(true);
    expect(forbiddenWhat(expression)).toContain(what);
  });

  it('reports every distinct forbidden construct once', () => {
    expect(forbiddenWhat('evaluate("1") + evaluate("2") + [1]')).toEqual([
      'the function "evaluate"',
      'a string',
      'a matrix',
    ]);
  });
});

describe('isUnitName', () => {
  it('recognises mathjs unit names only', () => {
    expect(isUnitName('cm')).toBe(true);
    expect(isUnitName('inch')).toBe(true);
    expect(isUnitName('score')).toBe(false);
    expect(isUnitName('a')).toBe(false);
  });
});

describe('ids with "-" in backticks', () => {
  it('reads a quoted id as one name, in symbols and in the scope', () => {
    const r = compileFormula('`rec-lf` * 2 + `rec-lf` / 2 + b');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.formula.symbols).toEqual(['b', 'rec-lf']);
    expect(r.formula.evaluate({ 'rec-lf': 10, b: 1 })).toBe(26);
    expect(() => r.formula.evaluate({ b: 1 })).toThrow(/rec-lf/);
  });

  it('refuses an unclosed backtick or a quote that holds no id', () => {
    const codes = (e: string) => {
      const r = compileFormula(e);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes('`rec-lf * 2')).toEqual(['FORMULA_SYNTAX']);
    expect(codes('`a + b` * 2')).toEqual(['FORMULA_SYNTAX']);
  });
});
