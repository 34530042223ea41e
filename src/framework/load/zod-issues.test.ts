import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dimensionFileSchema, frameworkFileSchema } from '../schema/framework.js';
import { allowedKeysAt, mapZodIssues, suggest, typeName } from './zod-issues.js';

function mapped(schema: z.ZodType, data: unknown) {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return mapZodIssues(r.error.issues, schema, data, (path, target) => ({
    file: `${target}:${path.join('.')}`,
  }));
}

const dim = (indicator: Record<string, unknown>) => ({
  id: 'd',
  title: 'D',
  indicators: [indicator],
});

describe('suggest', () => {
  it('suggests close keys only', () => {
    expect(suggest('titel', ['title', 'weight'])).toBe('title');
    expect(suggest('optoins', ['options', 'kind'])).toBe('options');
    expect(suggest('colour', ['title', 'weight'])).toBeUndefined();
    expect(suggest('x', [])).toBeUndefined();
  });
});

describe('allowedKeysAt', () => {
  it('follows unions to the branch the data takes, rule kinds and date modes included', () => {
    const data = dim({ id: 'i', title: 'I', rule: { kind: 'bands', bands: [] } });
    expect(allowedKeysAt(dimensionFileSchema, data, ['indicators', 0, 'rule'])).toEqual([
      'kind',
      'unit',
      'range',
      'bands',
    ]);
    const dated = dim({ id: 'i', title: 'I', rule: { kind: 'date', mode: 'elapsed' } });
    expect(allowedKeysAt(dimensionFileSchema, dated, ['indicators', 0, 'rule'])).toEqual([
      'kind',
      'mode',
      'bands',
    ]);
    expect(allowedKeysAt(dimensionFileSchema, { children: [{}] }, ['children', 0])).toContain(
      'indicators',
    );
  });
});

describe('mapZodIssues', () => {
  it('maps unknown keys, with a did-you-mean from the keys of the rule kind in use', () => {
    const data = dim({ id: 'i', title: 'I', rule: { kind: 'choice', optoins: [] } });
    const issues = mapped(dimensionFileSchema, data);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'SCHEMA_UNKNOWN_KEY',
        path: ['indicators', 0, 'rule', 'optoins'],
        params: { key: 'optoins', suggestion: 'options' },
        file: 'key:indicators.0.rule.optoins',
      }),
    );
    expect(issues.map((i) => i.code)).toContain('SCHEMA_MISSING_KEY');
  });

  it('maps missing keys to the mapping that lacks them', () => {
    expect(mapped(dimensionFileSchema, { id: 'd' })).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_MISSING_KEY',
        params: { key: 'title' },
        path: [],
        file: 'value:',
      }),
    ]);
  });

  it('maps wrong types, with a hint to quote numbers meant as text', () => {
    const [issue] = mapped(z.strictObject({ edition: z.string() }), { edition: 2021 });
    expect(issue).toMatchObject({
      code: 'SCHEMA_INVALID_TYPE',
      params: { expected: 'text', received: 'a number (quote it to make it text)' },
    });
    const [list] = mapped(dimensionFileSchema, { id: 'd', title: 'D', indicators: 'none' });
    expect(list).toMatchObject({
      code: 'SCHEMA_INVALID_TYPE',
      params: { expected: 'a list', received: 'text' },
    });
  });

  it('maps a text that is neither a string nor a language map', () => {
    const [issue] = mapped(dimensionFileSchema, { id: 'd', title: 42 });
    expect(issue).toMatchObject({
      code: 'SCHEMA_INVALID_TYPE',
      path: ['title'],
      params: { expected: 'text or a mapping of language tags to text' },
    });
  });

  it('maps unknown rule kinds and unknown date modes', () => {
    const kinds = mapped(
      dimensionFileSchema,
      dim({ id: 'i', title: 'I', rule: { kind: 'chioce' } }),
    );
    expect(kinds).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_UNKNOWN_RULE_KIND',
        path: ['indicators', 0, 'rule', 'kind'],
      }),
    ]);
    const modes = mapped(
      dimensionFileSchema,
      dim({ id: 'i', title: 'I', rule: { kind: 'date', mode: 'inforce' } }),
    );
    expect(modes[0]).toMatchObject({ code: 'SCHEMA_INVALID_VALUE' });
    expect(modes[0]?.message).toContain('Did you mean "in-force"?');
    const nested = mapped(
      dimensionFileSchema,
      dim({
        id: 'i',
        title: 'I',
        rule: { kind: 'questions' },
        subquestions: [{ id: 'q', title: 'Q', rule: { kind: 'formula', expression: '1' } }],
      }),
    );
    expect(nested[0]).toMatchObject({ code: 'SCHEMA_INVALID_VALUE' });
    expect(nested[0]?.message).toContain('cannot be used here');
    const none = mapped(dimensionFileSchema, dim({ id: 'i', title: 'I', rule: {} }));
    expect(none[0]).toMatchObject({ code: 'SCHEMA_MISSING_KEY', params: { key: 'kind' } });
  });

  it('maps invalid weights, including infinite ones and text, to WEIGHT_INVALID', () => {
    for (const weight of [0, -1, Number.POSITIVE_INFINITY, 'heavy']) {
      const [issue] = mapped(dimensionFileSchema, { id: 'd', title: 'D', weight });
      expect(issue?.code, String(weight)).toBe('WEIGHT_INVALID');
    }
  });

  it('maps enum values, empty lists, bad dates and bad language tags to their codes', () => {
    const base = { id: 'f', title: 'F', edition: '1', version: '1.0.0' };
    const codes = (data: unknown) => mapped(frameworkFileSchema, data).map((i) => i.code);
    expect(codes({ ...base, periods: [] })).toEqual(['SCHEMA_INVALID_VALUE']);
    expect(codes({ ...base, periods: [{ id: 'p', referenceDate: '2019-13-01' }] })).toEqual([
      'PERIOD_INVALID_DATE',
    ]);
    expect(
      codes({
        ...base,
        periods: [{ id: 'p', referenceDate: '2019-01-01' }],
        aggregation: { method: 'mean' },
      }),
    ).toEqual(['SCHEMA_INVALID_VALUE']);
    expect(
      codes({
        ...base,
        title: { 'not a tag': 'x' },
        periods: [{ id: 'p', referenceDate: '2019-01-01' }],
      }),
    ).toEqual(['SCHEMA_INVALID_VALUE']);
    expect(
      codes({ ...base, version: '1.0', periods: [{ id: 'p', referenceDate: '2019-01-01' }] }),
    ).toEqual(['SCHEMA_INVALID_VALUE']);
  });
});

describe('typeName', () => {
  it('names YAML values in words', () => {
    expect([null, [], {}, 'a', 1, true, Number.NaN].map(typeName)).toEqual([
      'null',
      'a list',
      'a mapping',
      'text',
      'a number',
      'true/false',
      'NaN',
    ]);
  });
});
