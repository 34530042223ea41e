/**
 * The answer readers and the CSV writer are core code: they must run in a browser. This bundles
 * them as a browser bundler would (esbuild, platform browser, honouring the package's `browser`
 * field, which swaps csv-parse/csv-stringify for their self-contained browser builds) and runs
 * the bundle in a bare JavaScript context: no `Buffer`, no `process`, no `require`.
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('answers in a browser', () => {
  it('reads and writes CSV and JSON without Node globals', async () => {
    const bundle = await build({
      stdin: {
        contents: [
          "export { readAnswers } from './src/answers/read/index.ts';",
          "export { toCsv } from './src/io/csv.ts';",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'lib',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\(["']node:/);
    const context: Record<string, unknown> = { TextDecoder, TextEncoder };
    runInNewContext(`${code}\nthis.lib = lib;`, context);
    expect(context.Buffer).toBeUndefined();
    const lib = context.lib as typeof import('../src/index.js');
    const csv = lib.toCsv(
      [
        ['unit', 'period', 'indicator', 'answer', 'comment'],
        ['BG', '2019', 'res', 'a', 'Пребиваване; "два" реда\nред'],
        ['EG', '2019', 'res', '=b', 'الإقامة'],
      ],
      { delimiter: ';', bom: true, excelSafe: true },
    );
    const set = lib.readAnswers([
      { path: 'a.csv', content: new TextEncoder().encode(csv) },
      { path: 'b.json', content: '[{"unit":"CN","period":2019,"indicator":"res","answer":3}]' },
    ]);
    expect(set.errors).toEqual([]);
    expect(set.rows.map((r) => [r.unit, r.answer, r.comment ?? null, r.origin.line])).toEqual([
      ['BG', 'a', 'Пребиваване; "два" реда\nред', 2],
      ['EG', '=b', 'الإقامة', 4],
      ['CN', 3, null, 1],
    ]);
  }, 120_000);
});
