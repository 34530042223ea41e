/**
 * The CLI's command list (src/cli/commands/index.ts) names each command with the description
 * the root --help shows without loading it: both must match the command's own meta.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';
import { spawnCli } from './support/cli.js';

describe('CLI command list', () => {
  for (const [name, entry] of Object.entries(commands)) {
    it(`${name}: the listed description is the command's own`, async () => {
      const command = await entry.load();
      const meta = typeof command.meta === 'function' ? await command.meta() : await command.meta;
      expect(meta?.name).toBe(name);
      expect(entry.description).toBe(meta?.description);
    });
  }

  it('the root --help lists every command with its description', () => {
    const r = spawnCli('--help');
    expect(r.code).toBe(0);
    for (const [name, entry] of Object.entries(commands)) {
      expect(r.stdout).toContain(name);
      expect(r.stdout).toContain(entry.description.slice(0, 40));
    }
  });

  it('an unknown command is a usage error naming the commands', () => {
    const r = spawnCli('scroe', '--help');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "scroe"');
  });
});
