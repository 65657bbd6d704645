/**
 * The CLI as users install it: `npm pack` of packages/cli, installed with npm
 * into a fresh folder outside the workspace, then run there. Skips when npm
 * is not on PATH. Nothing is fetched: the package has no dependencies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../packages/cli/', import.meta.url));
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  folders.push(path);
  return path;
}

// npm must not read the workspace's settings or write to the user's cache.
const npmEnv = (cache: string) => ({ ...process.env, npm_config_cache: cache, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });

describe.skipIf(!hasNpm)('the packed CLI', () => {
  it('packs as `aimslint` with the `aimslint` bin, installs with npm into any folder and runs there', () => {
    const packed = folder('aimslint-pack-');
    const cache = folder('aimslint-npm-cache-');
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', packed], { cwd: CLI, env: npmEnv(cache), encoding: 'utf8' });
    const [info] = JSON.parse(output) as { name: string; filename: string; files: { path: string }[] }[];
    expect(info?.name).toBe('aimslint');
    expect(info?.files.map((file) => file.path).sort()).toEqual(['README.md', 'bin/aimslint.js', 'dist/aimslint.mjs', 'package.json']);
    const tarball = join(packed, readdirSync(packed)[0] ?? '');

    const project = folder('aimslint-user-repo-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'our-aims', private: true }));
    execFileSync('npm', ['install', '--save-dev', '--offline', tarball], { cwd: project, env: npmEnv(cache), encoding: 'utf8', stdio: 'pipe' });
    const bin = join(project, 'node_modules', '.bin', 'aimslint');
    const run = (args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8' });

    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(run(['init']).status).toBe(0);
    expect(run(['--now', '2026-11-28', '--quiet'])).toMatchObject({ status: 0, stdout: '' });
  }, 120_000);
});
