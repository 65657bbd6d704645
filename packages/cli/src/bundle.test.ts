/**
 * The CLI users run is the committed bundle (npm and pre-commit install it
 * as it is): it must be what the sources build to, and it must run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPOSITORY, 'packages/cli/bin/aimslint.js');
const BUNDLE = join(REPOSITORY, 'packages/cli/dist/aimslint.mjs');

describe('the committed CLI bundle', () => {
  it('is what the sources build to', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'aimslint-bundle-'));
    try {
      const rebuilt = join(scratch, 'aimslint.mjs');
      const build = spawnSync(process.execPath, [join(REPOSITORY, 'scripts/bundle.mjs'), 'cli', rebuilt], { encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
      expect(readFileSync(rebuilt, 'utf8') === readFileSync(BUNDLE, 'utf8'), 'packages/cli/dist/aimslint.mjs is stale: run pnpm bundle').toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('runs as a program with the contract exit statuses', () => {
    const clean = spawnSync(process.execPath, [BIN, 'examples/acme', '--now', '2026-11-28'], { cwd: REPOSITORY, encoding: 'utf8' });
    expect([clean.status, clean.stdout, clean.stderr]).toEqual([0, '', '']);
    const late = spawnSync(process.execPath, [BIN, 'examples/acme', '--now', '2030-01-01', '--format', 'json'], { cwd: REPOSITORY, encoding: 'utf8' });
    expect(late.status).toBe(1);
    const wrong = spawnSync(process.execPath, [BIN, '--format', 'xml'], { cwd: REPOSITORY, encoding: 'utf8' });
    expect([wrong.status, wrong.stderr.trim().split('\n').length]).toEqual([2, 1]);
  });
});
