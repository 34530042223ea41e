import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntegrationIndexError } from '../errors/issue.js';
import {
  builtinFrameworksDir,
  isFrameworkFolder,
  listBuiltinFrameworks,
  loadFramework,
  loadFrameworkDir,
  readFrameworkFiles,
  resolveFramework,
  safeLoadFramework,
  validatePaths,
} from './framework.js';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'frameworks');

describe('node framework adapter', () => {
  it('finds the package indicators/ folder from the source tree', () => {
    const dir = builtinFrameworksDir();
    expect(dir.endsWith('indicators')).toBe(true);
    expect(existsSync(join(dir, '..', 'package.json'))).toBe(true);
    for (const id of listBuiltinFrameworks()) expect(isFrameworkFolder(join(dir, id))).toBe(true);
  });

  it('reads the data files of a folder as bytes, sorted, with readable paths', () => {
    const files = readFrameworkFiles(join(fixtures, 'valid', 'full'));
    expect(files.map((f) => f.path.split('/').pop())).toEqual([
      'education.yaml',
      'framework.yaml',
      'health.json',
      'residency.yaml',
    ]);
    expect(files[0]?.content).toBeInstanceOf(Uint8Array);
    expect(files[0]?.path).toBe('test/fixtures/frameworks/valid/full/education.yaml');
  });

  it('resolves a folder path, a framework file path or a built-in id', () => {
    const full = join(fixtures, 'valid', 'full');
    expect(resolveFramework(full)).toBe(full);
    expect(resolveFramework(join(full, 'framework.yaml'))).toBe(full);
    for (const id of listBuiltinFrameworks()) {
      expect(resolveFramework(id)).toBe(join(builtinFrameworksDir(), id));
    }
    expect(() => resolveFramework('no-such-framework')).toThrow(IntegrationIndexError);
  });

  it('loads a folder, throwing every issue of an invalid one', () => {
    expect(loadFrameworkDir(join(fixtures, 'valid', 'minimal')).id).toBe('minimal');
    try {
      loadFrameworkDir(join(fixtures, 'invalid', 'periods'));
      expect.unreachable();
    } catch (e) {
      expect((e as IntegrationIndexError).issues.map((i) => i.code)).toEqual([
        'PERIOD_UNORDERED',
        'PERIOD_SPAN_REVERSED',
      ]);
    }
    expect(() => readFrameworkFiles(join(fixtures, 'nowhere'))).toThrow(/FILE_NOT_FOUND/);
  });

  it('validates folders of frameworks, framework folders and lone files', () => {
    const r = validatePaths([
      join(fixtures, 'valid'),
      join(fixtures, 'invalid', 'no-framework-file', 'housing.yaml'),
    ]);
    expect(r.valid).toBe(true);
    expect(r.checked).toEqual([
      'test/fixtures/frameworks/valid/full',
      'test/fixtures/frameworks/valid/minimal',
      'test/fixtures/frameworks/invalid/no-framework-file/housing.yaml',
    ]);
    const bad = validatePaths([join(fixtures, 'invalid', 'schema', 'dim.yaml')]);
    expect(bad.valid).toBe(false);
    expect(new Set(bad.errors.map((i) => i.file))).toEqual(
      new Set(['test/fixtures/frameworks/invalid/schema/dim.yaml']),
    );
  });

  it('loadFramework takes a built-in id or a folder and returns the validated framework', () => {
    expect(loadFramework('niem').id).toBe('niem');
    expect(loadFramework('mipex-2020').id).toBe('mipex-2020');
    const full = join(fixtures, 'valid', 'full');
    expect(loadFramework(full)).toEqual(loadFrameworkDir(full));
    expect(loadFramework(join(full, 'framework.yaml'))).toEqual(loadFrameworkDir(full));
  });

  it('loadFramework reports a missing framework, an invalid one and a non-string with codes', () => {
    const missing = safeLoadFramework('no-such-framework');
    expect(missing.ok ? [] : missing.issues.map((i) => i.code)).toEqual(['FILE_NOT_FOUND']);
    const invalid = safeLoadFramework(join(fixtures, 'invalid', 'schema'));
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? [] : invalid.issues.map((i) => i.code)).toContain('SCHEMA_UNKNOWN_KEY');
    for (const wrong of [undefined, 42, { id: 'niem' }, ['niem'], '']) {
      const r = safeLoadFramework(wrong as string);
      expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params?.parameter])).toEqual([
        ['API_INVALID_ARGUMENT', 'idOrPath'],
      ]);
      expect(() => loadFramework(wrong as string)).toThrow(IntegrationIndexError);
    }
  });
});
