import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinFrameworksDir } from './folders.js';
import { planValidation, snapshotValidation, targetName } from './validate-plan.js';

describe('planValidation', () => {
  it('expands a folder of frameworks, keeps path order, and names what is missing', () => {
    const targets = planValidation([
      'nothere',
      'indicators/',
      'indicators/niem/03-residency.yaml',
      'fixtures',
    ]);
    expect(targets.map((t) => t.kind)).toEqual([
      'none',
      'framework',
      'framework',
      'framework',
      'framework',
      'framework',
      'none',
    ]);
    expect(targets.map(targetName)).toEqual([
      undefined,
      'indicators/local-services',
      'indicators/mipex-2020',
      'indicators/niem',
      'indicators/niem-2019',
      'indicators/niem/03-residency.yaml',
      undefined,
    ]);
    const codes = targets.flatMap((t) => (t.kind === 'none' ? [t.issue.code] : []));
    expect(codes).toEqual(['FILE_NOT_FOUND', 'FRAMEWORK_FILE_MISSING']);
  });
});

describe('snapshotValidation', () => {
  it('answers a built-in framework whose files match its snapshot', () => {
    const dir = join(builtinFrameworksDir(), 'niem');
    expect(snapshotValidation({ kind: 'framework', dir })).toEqual([]);
  });

  it('leaves any other folder to the checker, even a byte-for-byte copy of a built-in one', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'ii-plan-')), 'niem');
    cpSync(join(builtinFrameworksDir(), 'niem'), copy, { recursive: true });
    expect(snapshotValidation({ kind: 'framework', dir: copy })).toBeUndefined();
    expect(
      snapshotValidation({
        kind: 'framework',
        dir: resolve('test/fixtures/frameworks/valid/full'),
      }),
    ).toBeUndefined();
    const lone = join(copy, 'lone.yaml');
    writeFileSync(lone, 'id: x\n');
    expect(snapshotValidation({ kind: 'file', path: lone })).toBeUndefined();
  });
});
