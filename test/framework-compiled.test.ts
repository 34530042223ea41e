/**
 * The compiled snapshots of the built-in frameworks (indicators/.compiled/<id>.json): each must
 * be what compiling its YAML gives now, loading through a snapshot must give exactly what
 * loading the YAML gives (framework and warnings with their file, line and column), and a
 * snapshot whose files changed must not be used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledText } from '../scripts/compile-frameworks.js';
import { safeParseFramework } from '../src/framework/load/load.js';
import { compiledPath, fileDigests, readCompiled } from '../src/node/compiled.js';
import {
  builtinFrameworksDir,
  compileFrameworkDir,
  listBuiltinFrameworks,
  loadFrameworkFiles,
  readFrameworkFiles,
} from '../src/node/framework.js';

const root = builtinFrameworksDir();
const ids = listBuiltinFrameworks();

describe('compiled built-in frameworks', () => {
  it('there is one per built-in framework', () => {
    expect(ids).toEqual(['local-services', 'mipex-2020', 'niem', 'niem-2019']);
  });

  for (const id of ids) {
    const dir = join(root, id);
    const snapshot = compiledPath(dir, root) as string;

    it(`${id}: the committed snapshot is what its YAML compiles to (else: npm run frameworks:compile)`, () => {
      expect(readFileSync(snapshot, 'utf8')).toBe(compiledText(compileFrameworkDir(dir)));
    });

    it(`${id}: loading through the snapshot gives what loading the YAML gives`, () => {
      const files = readFrameworkFiles(dir);
      const digests = fileDigests(files);
      const folder = files[0]?.path.split('/').slice(0, -1).join('/') as string;
      expect(readCompiled(snapshot, digests, folder)).toBeDefined();
      const fromYaml = safeParseFramework(files);
      if (!fromYaml.ok) throw new Error(`${id} does not load`);
      const viaSnapshot = loadFrameworkFiles(dir, files, digests);
      expect(viaSnapshot.framework).toStrictEqual(
        JSON.parse(JSON.stringify(fromYaml.value)) as unknown,
      );
      expect(viaSnapshot.framework).toEqual(fromYaml.value);
      expect(viaSnapshot.warnings).toEqual(fromYaml.warnings);
    });

    it(`${id}: a snapshot is not used once a file changed, was added or removed`, () => {
      const digests = fileDigests(readFrameworkFiles(dir));
      const edited = digests.map((d, i) => (i === 0 ? { ...d, sha256: '0'.repeat(64) } : d));
      expect(readCompiled(snapshot, edited, id)).toBeUndefined();
      expect(readCompiled(snapshot, digests.slice(1), id)).toBeUndefined();
      expect(
        readCompiled(snapshot, [...digests, { path: 'extra.yaml', sha256: '1'.repeat(64) }], id),
      ).toBeUndefined();
    });
  }

  it('only folders directly inside the built-in folder have a snapshot', () => {
    expect(compiledPath(join(root, 'niem'), root)).toBe(join(root, '.compiled', 'niem.json'));
    expect(compiledPath(join(root, '..', 'test', 'niem'), root)).toBeUndefined();
  });
});
