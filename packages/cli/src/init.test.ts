import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { controlsOf, getCatalog } from '@aimslint/core';
import { runCli } from './testing/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function emptyFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-init-'));
  folders.push(root);
  return root;
}

describe('aimslint init', () => {
  it('writes a starter AIMS into an empty folder that then lints with exit 0', async () => {
    const root = emptyFolder();
    const created = await runCli(['init'], root);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Wrote 9 files:\n  aimslint.config.yaml\n');
    const linted = await runCli(['--now', '2026-11-28', '--format', 'json'], root);
    expect(linted.status).toBe(0);
    const files = JSON.parse(linted.stdout) as { errorCount: number; messages: { ruleId: string }[] }[];
    expect(files.reduce((sum, file) => sum + file.errorCount, 0)).toBe(0);
    // What is left to do is said, as warnings: the documents the clauses ask for (drafts are not approved yet), training, and the 38 undecided SoA rows.
    expect(new Set(files.flatMap((file) => file.messages.map((message) => message.ruleId)))).toEqual(new Set(['aims/required-document', 'roles/untrained', 'soa/applicability-unknown']));
  });

  it('states all 38 controls with their titles in the SoA, each marked undecided', async () => {
    const root = emptyFolder();
    await runCli(['init'], root);
    const soa = readFileSync(join(root, 'aims/soa.md'), 'utf8');
    const catalog = getCatalog('iso42001:2023');
    if (!catalog) throw new Error('no catalog');
    const controls = controlsOf(catalog);
    expect(controls).toHaveLength(38);
    for (const control of controls) expect(soa).toContain(`| ${control.id} | ${control.title} | undecided |`);
  });

  it('--preset model-cards writes a card-only repository that lints clean', async () => {
    const root = emptyFolder();
    expect((await runCli(['init', 'cards', '--preset', 'model-cards'], root)).status).toBe(0);
    expect(readdirSync(join(root, 'cards')).sort()).toEqual(['aims', 'aimslint.config.yaml', 'systems']);
    expect(readFileSync(join(root, 'cards/aimslint.config.yaml'), 'utf8')).toContain('extends: ["aimslint:model-cards"]');
    expect(await runCli(['cards', '--now', '2026-11-28'], root)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await runCli(['init', '--preset', 'cards-only'], root)).stderr).toBe('aimslint: --preset takes recommended or model-cards, got "cards-only"\n');
  });

  it('never overwrites a file: one that exists stops it before anything is written', async () => {
    const root = emptyFolder();
    mkdirSync(join(root, 'aims'));
    writeFileSync(join(root, 'aims/ai-policy.md'), 'our own policy\n');
    const result = await runCli(['init'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`aimslint: aimslint init never overwrites a file, and these exist in ${root}: aims/ai-policy.md\n`);
    expect(readFileSync(join(root, 'aims/ai-policy.md'), 'utf8')).toBe('our own policy\n');
    expect(existsSync(join(root, 'aimslint.config.yaml'))).toBe(false);
  });

  it('never writes through a symbolic link, to a file or a folder', async () => {
    const root = emptyFolder();
    const outside = emptyFolder();
    symlinkSync(join(outside, 'config.yaml'), join(root, 'aimslint.config.yaml'));
    expect((await runCli(['init'], root)).stderr).toContain('these exist');
    rmSync(join(root, 'aimslint.config.yaml'));
    symlinkSync(outside, join(root, 'systems'));
    const result = await runCli(['init'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('systems is a symbolic link; aimslint init writes only into real folders');
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(root)).toEqual(['systems']);
  });
});
