/**
 * Country names in a browser bundle (issue 17): bundled as a browser bundler would (esbuild,
 * platform browser, code splitting), the core entry carries no country names; the library and
 * its English and Bulgarian locales come as separate chunks loaded on first use, and only
 * those two languages are registered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');

describe('country names in a browser bundle', () => {
  it('keeps the locale data out of the entry chunk and loads English and Bulgarian lazily', async () => {
    const out = tempWorkDir('ii-units-browser-');
    await build({
      stdin: {
        contents: "export { loadCountryNames, readUnits } from './src/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      splitting: true,
      platform: 'browser',
      format: 'esm',
      outdir: out,
      entryNames: 'entry',
      charset: 'utf8',
      logLevel: 'silent',
    });
    const entry = readFileSync(join(out, 'entry.js'), 'utf8');
    expect(entry).not.toContain('България');
    expect(entry).not.toContain('Afghanistan');
    const chunks = readdirSync(out).filter((f) => f !== 'entry.js');
    const all = chunks.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(all).toContain('България');
    // No third locale was bundled: French names are absent.
    expect(all).not.toContain('Allemagne');
    const lib = await import(pathToFileURL(join(out, 'entry.js')).href);
    const names = await lib.loadCountryNames();
    expect(names.name('BG')).toEqual({ en: 'Bulgaria', bg: 'България' });
  });
});
