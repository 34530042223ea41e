/**
 * Writes `indicators/.compiled/<id>.json` for every built-in framework: the framework as loading
 * its files gives it, its warnings, and the SHA-256 of each file (see `src/node/compiled.ts`).
 * `npm run frameworks:compile` runs it (so does `npm run build`);
 * `test/framework-compiled.test.ts` fails when a committed snapshot differs from a fresh one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CompiledFramework, compiledFolderName } from '../src/node/compiled.js';
import {
  builtinFrameworksDir,
  compileFrameworkDir,
  listBuiltinFrameworks,
} from '../src/node/framework.js';

/**
 * The snapshot file's text: two-space JSON with a final newline.
 *
 * @example
 * ```ts
 * compiledText(compileFrameworkDir('indicators/niem')).endsWith('}\n'); //=> true
 * ```
 */
export function compiledText(snapshot: CompiledFramework): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = builtinFrameworksDir();
  mkdirSync(join(root, compiledFolderName), { recursive: true });
  for (const id of listBuiltinFrameworks()) {
    const path = join(root, compiledFolderName, `${id}.json`);
    writeFileSync(path, compiledText(compileFrameworkDir(join(root, id))));
    console.log(`wrote ${path}`);
  }
}
