/**
 * The VS Code extension packs into a .vsix with @vscode/vsce: the manifest
 * and the bundled client are in it, and the bundle starts `aimslint lsp --stdio`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));

it('packs to a .vsix holding the manifest and the bundled language client', () => {
  const out = mkdtempSync(join(tmpdir(), 'aimslint-vsix-'));
  try {
    execFileSync(process.execPath, ['build.mjs'], { cwd: PACKAGE });
    const vsix = join(out, 'aimslint.vsix');
    execFileSync(join(PACKAGE, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: PACKAGE, stdio: 'pipe' });
    // Zip entry names are stored as plain text in the archive's headers.
    const names = readFileSync(vsix).toString('latin1');
    expect(names).toContain('extension/package.json');
    expect(names).toContain('extension/dist/extension.cjs');
    expect(names).not.toContain('extension/src/');
    const bundle = readFileSync(join(PACKAGE, 'dist/extension.cjs'), 'utf8');
    expect(bundle).toContain('"lsp","--stdio"');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
