import { describe, expect, it } from 'vitest';
import { readAnswers } from '../answers/read/index.js';
import { compileFramework, score } from '../engine/index.js';
import { scoreResultSchema } from '../engine/result/schema.js';
import { frameworkSchema } from '../framework/schema/framework.js';
import { canonicalJson, filesDigest, sha256Hex } from './hash.js';
import { createStamp } from './stamp.js';
import { LIBRARY_VERSION } from './version.js';

const framework = frameworkSchema.parse({
  id: 'tiny',
  title: 'Tiny',
  edition: '1',
  version: '1.2.3',
  periods: [{ id: '2021', referenceDate: '2021-03-31' }],
  dimensions: [
    { id: 'd', title: 'D', indicators: [{ id: 'x', title: 'X', rule: { kind: 'boolean' } }] },
  ],
});
const answers = readAnswers([
  { path: 'a.csv', content: 'unit,period,indicator,answer\nAA,2021,x,yes\nBB,2021,x,no\n' },
]);
const missing = { noData: 'exclude', notApplicable: 'exclude', coverage: 0 } as const;

describe('createStamp', () => {
  it('hashes the files when the caller read files', () => {
    const files = [{ path: 'framework.yaml', sha256: sha256Hex('id: tiny') }];
    const stamp = createStamp(
      framework,
      framework,
      { asOf: null, missing, lang: 'bg' },
      {
        framework: { source: 'tiny', builtin: false, files },
        answers: [{ path: 'a.csv', sha256: sha256Hex('x') }],
        decimals: 1,
      },
    );
    expect(stamp.framework).toMatchObject({ hashOf: 'files', sha256: filesDigest(files) });
    expect(stamp.relativeTo).toBe('cwd');
    expect(stamp.options).toEqual({ asOf: null, missing, lang: 'bg', decimals: 1, weights: null });
  });

  it('hashes the framework value in memory, and only its identity for a compiled plan', () => {
    const byValue = createStamp(framework, framework, { asOf: null, missing, lang: null }, {});
    expect(byValue.framework).toMatchObject({ hashOf: 'value', source: null, files: [] });
    expect(byValue.framework.sha256).toBe(sha256Hex(canonicalJson(framework)));
    expect(byValue.relativeTo).toBeNull();
    const byIdentity = createStamp(framework, undefined, { asOf: null, missing, lang: null }, {});
    expect(byIdentity.framework.hashOf).toBe('identity');
    expect(byIdentity.framework.sha256).not.toBe(byValue.framework.sha256);
  });
});

describe('every result carries a stamp', () => {
  it('from a framework and from a compiled plan, valid against the result schema', () => {
    const frozen = structuredClone(framework);
    const before = JSON.stringify(frozen);
    const result = score(frozen, answers, { asOf: '2021-01-01', missing: { noData: 'zero' } });
    expect(JSON.stringify(frozen)).toBe(before);
    expect(result.provenance).toMatchObject({
      framework: { id: 'tiny', edition: '1', version: '1.2.3', hashOf: 'value' },
      library: { name: 'integration-index', version: LIBRARY_VERSION },
      options: { asOf: '2021-01-01', missing: { ...missing, noData: 'zero' }, lang: null },
    });
    expect(scoreResultSchema.parse(JSON.parse(JSON.stringify(result))).provenance).toEqual(
      result.provenance,
    );
    const compiled = compileFramework(framework);
    if (!compiled.ok) throw new Error('compile');
    expect(score(compiled.value, answers).provenance?.framework.hashOf).toBe('identity');
  });

  it('changes its hash when the framework changes', () => {
    const other = frameworkSchema.parse({ ...framework, version: '1.2.4' });
    expect(score(other, answers).provenance?.framework.sha256).not.toBe(
      score(framework, answers).provenance?.framework.sha256,
    );
  });
});
