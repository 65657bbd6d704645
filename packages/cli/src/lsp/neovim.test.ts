/**
 * A real client: Neovim's built-in LSP client, headless, opens a broken
 * document of examples/broken-basics and reports the diagnostics it received
 * from `aimslint lsp --stdio` (the committed CLI bundle). Skips where Neovim is
 * not installed (.ci/run installs Debian's `neovim`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/aimslint.js', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./neovim-diagnostics.lua', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../../examples/broken-basics/', import.meta.url));
const hasNeovim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasNeovim)('Neovim headless', () => {
  it('receives the findings of the opened document as diagnostics', () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-nvim-'));
    try {
      cpSync(EXAMPLE, root, { recursive: true });
      const out = join(root, 'diagnostics.json');
      const args = [BIN, root, join(root, 'aims/ai-policy.md'), out].map((arg) => `'${arg.replace(/'/g, "''")}'`).join(', ');
      execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '--cmd', `let g:aimslint_args = [${args}]`, '-c', `luafile ${SCRIPT}`], { cwd: root, timeout: 30_000, stdio: 'ignore' });
      const received = JSON.parse(readFileSync(out, 'utf8')) as { received: boolean; diagnostics: { line: number; column: number; code: string; source: string }[] };
      expect(received.received).toBe(true);
      expect(received.diagnostics.map((d) => [d.code, d.line, d.column, d.source])).toEqual([
        ['schema/invalid', 6, 9, 'aimslint'],
        ['schema/invalid', 7, 10, 'aimslint'],
        ['schema/invalid', 8, 1, 'aimslint'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
