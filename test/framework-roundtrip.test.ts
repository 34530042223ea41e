/**
 * Property: any valid framework, written out as YAML (inline, or one file per dimension), loads
 * back to the same value as parsing it directly; and `defineFramework` agrees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defineFramework } from '../src/framework/define.js';
import { safeParseFramework } from '../src/framework/load/load.js';
import type { SourceFile } from '../src/framework/load/source.js';
import { type FrameworkInput, frameworkSchema } from '../src/framework/schema/framework.js';
import type { IndicatorInput } from '../src/framework/schema/indicator.js';
import type { RuleInput } from '../src/rules/schema.js';
import type { Text } from '../src/text/text.js';

// Texts: any non-empty string (numbers, booleans, Cyrillic, right-to-left), or a language map.
const word = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('2020', 'true', 'null', 'Пребиваване', 'الإقامة', 'a: b', '- x', '#tag', ' lead'),
);
const text: fc.Arbitrary<Text> = fc.oneof(
  word,
  fc.record({ en: word, bg: word }),
  fc.record({ en: word }),
);
const score = fc.integer({ min: 0, max: 100 });

const rule: fc.Arbitrary<{ rule: RuleInput; subs?: IndicatorInput['subquestions'] }> = fc.oneof(
  fc.record({ yes: score, no: score }).map((r) => ({ rule: { kind: 'boolean' as const, ...r } })),
  fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), { minLength: 1, maxLength: 4 })
    .chain((codes) =>
      fc.tuple(...codes.map(() => fc.tuple(text, score))).map((opts) => ({
        rule: {
          kind: 'choice' as const,
          options: [
            { code: 'top', label: 'Best', score: 100 },
            ...opts.map(([label, s], i) => ({ code: codes[i] as string, label, score: s })),
          ],
        },
      })),
    ),
  fc
    .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 4 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      return fc.tuple(...[...sorted, 0].map(() => score)).map((scores) => ({
        rule: {
          kind: 'bands' as const,
          bands: [
            { lt: sorted[0] as number, score: scores[0] as number },
            ...sorted.map((gte, i) => {
              const lt = sorted[i + 1];
              return lt === undefined
                ? { gte, score: scores[i + 1] as number }
                : { gte, lt, score: scores[i + 1] as number };
            }),
          ],
        },
      }));
    }),
  fc
    .tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean())
    .map(([min, span, up]) => ({
      rule: { kind: 'linear' as const, min, max: min + span, direction: up ? 1 : -1 } as RuleInput,
    })),
  fc.constant({ rule: { kind: 'numeric' as const, unit: '%' } }),
  fc.tuple(score, score).map(([s, o]) => ({
    rule: { kind: 'date' as const, mode: 'in-force' as const, score: s, otherwise: o },
  })),
  fc.integer({ min: 1, max: 3 }).map((n) => ({
    rule: { kind: 'questions' as const },
    subs: Array.from({ length: n }, (_, i) => ({
      id: `q${i}`,
      title: `Q${i}`,
      rule: { kind: 'boolean' as const },
    })),
  })),
  fc.constant(null).map(() => ({
    rule: { kind: 'formula' as const, expression: 'a == 100 ? 100 : mean(a, b) / 2' },
    subs: [
      { id: 'a', title: 'A', rule: { kind: 'boolean' as const } },
      { id: 'b', title: 'B', rule: { kind: 'boolean' as const } },
    ],
  })),
);

const framework: fc.Arbitrary<FrameworkInput> = fc
  .array(
    fc.array(fc.tuple(text, rule, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .chain((dims) =>
    fc.record({ title: text, edition: word, scale: fc.constant({ min: 0, max: 100 }) }).map(
      (top): FrameworkInput => ({
        id: 'generated',
        title: top.title,
        edition: top.edition,
        version: '1.0.0',
        periods: [{ id: '2020', referenceDate: '2020-12-31' }],
        dimensions: dims.map((inds, d) => ({
          id: `d${d}`,
          title: `Dimension ${d}`,
          indicators: inds.map(([title, r, weight], i) => ({
            id: `d${d}_i${i}`,
            title,
            weight,
            rule: r.rule,
            ...(r.subs ? { subquestions: r.subs } : {}),
          })),
        })),
      }),
    ),
  );

describe('frameworks round-trip through YAML', () => {
  it('inline in framework.yaml', () => {
    fc.assert(
      fc.property(framework, (input) => {
        const files: SourceFile[] = [{ path: 'gen/framework.yaml', content: stringify(input) }];
        const r = safeParseFramework(files);
        if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
        expect(r.value).toEqual(frameworkSchema.parse(input));
        expect(defineFramework(input)).toEqual(r.value);
      }),
      { numRuns: 150 },
    );
  });

  it('one file per dimension, as UTF-8 bytes, in include order', () => {
    fc.assert(
      fc.property(framework, (input) => {
        const { dimensions, ...head } = input;
        const names = dimensions.map((d, i) => `${String(dimensions.length - i)}-${d.id}.yaml`);
        const files: SourceFile[] = [
          { path: 'gen/framework.yaml', content: stringify({ ...head, include: names }) },
          ...dimensions.map((d, i) => ({
            path: `gen/${names[i]}`,
            content: new TextEncoder().encode(stringify(d)),
          })),
        ];
        const r = safeParseFramework(files);
        if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
        expect(r.value).toEqual(frameworkSchema.parse({ ...input, include: names }));
      }),
      { numRuns: 100 },
    );
  });
});
