import { describe, expect, it } from 'vitest';
import { IntegrationIndexError } from '../errors/issue.js';
import { defineFramework, safeDefineFramework } from './define.js';
import type { FrameworkInput } from './schema/framework.js';

const demo: FrameworkInput = {
  id: 'demo',
  title: 'Demo',
  edition: '2024',
  version: '1.0.0',
  periods: [{ id: '2024', referenceDate: '2024-01-01' }],
  dimensions: [
    {
      id: 'housing',
      title: 'Housing',
      indicators: [{ id: 'h1', title: 'Housing benefit', rule: { kind: 'boolean' } }],
    },
  ],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('defineFramework', () => {
  it('returns the framework with defaults applied, leaving the input untouched', () => {
    const input = deepFreeze(structuredClone(demo));
    const framework = defineFramework(input);
    expect(framework.scale).toEqual({ min: 0, max: 100 });
    expect(framework.dimensions[0]?.weight).toBe(1);
    expect(framework.dimensions[0]?.indicators?.[0]?.rule).toEqual({
      kind: 'boolean',
      yes: 100,
      no: 0,
    });
    expect(input).toEqual(demo);
  });

  it('throws an IntegrationIndexError with every schema issue', () => {
    const bad = { ...demo, version: 'one', periods: [] } as FrameworkInput;
    try {
      defineFramework(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IntegrationIndexError);
      expect((e as IntegrationIndexError).issues.map((i) => i.path[0])).toEqual([
        'version',
        'periods',
      ]);
    }
  });

  it('runs the meaning checks too', () => {
    const twice: FrameworkInput = {
      ...demo,
      dimensions: [
        ...demo.dimensions,
        { ...(demo.dimensions[0] as FrameworkInput['dimensions'][number]) },
      ],
    };
    const r = safeDefineFramework(twice);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual([
        'FRAMEWORK_DUPLICATE_ID',
        'FRAMEWORK_DUPLICATE_ID',
      ]);
      expect(r.issues[0]?.message).toContain('dimensions[0].id');
    }
  });

  it('keeps warnings in the safe variant', () => {
    const r = safeDefineFramework({
      ...demo,
      languages: ['en', 'bg'],
    });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual([
      'TEXT_MISSING_TRANSLATION',
      'TEXT_MISSING_TRANSLATION',
      'TEXT_MISSING_TRANSLATION',
    ]);
  });
});
