/** `--with-dependents` and `--`: what the pre-commit hook and lint-staged run (`aimslint --with-dependents -- <staged files>`). */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

const ACME = fileURLToPath(new URL('../../../examples/acme', import.meta.url));

describe('--with-dependents', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aimslint-dependents-'));
    cpSync(ACME, root, { recursive: true });
    // The staged change: the policy's `## Principles` heading renamed; the SoA links to `ai-policy.md#principles`.
    const policy = join(root, 'aims/ai-policy.md');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^## Principles$/m, '## Our principles'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without it, only the named file is reported: the broken SoA link goes unseen', async () => {
    expect(await runCli(['--now', '2026-11-28', '--format', 'json', 'aims/ai-policy.md'], root)).toMatchObject({ status: 0 });
  });

  it('with it, the SoA and the objectives that link to the renamed heading are reported', async () => {
    const { status, stdout } = await runCli(['--with-dependents', '--now', '2026-11-28', '--format', 'json', '--', 'aims/ai-policy.md'], root);
    expect(status).toBe(1);
    const findings = (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[])
      .flatMap((file) => file.messages.map((message) => [message.ruleId, file.filePath.slice(root.length + 1), message.line, message.column]));
    expect(findings).toEqual([
      ['link/broken', 'aims/ai-objectives.md', 19, 28],
      ['soa/evidence-broken', 'aims/soa.md', 19, 16],
      ['soa/evidence-broken', 'aims/soa.md', 213, 80],
    ]);
  });
});

describe('--', () => {
  it('ends the options: a file named `--output-file=README.md` is a path, and nothing is written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-dashdash-'));
    try {
      writeFileSync(join(root, 'aimslint.config.json'), '{"rules": {"aims/required-document": "off", "soa/missing": "off"}}');
      writeFileSync(join(root, '--output-file=README.md'), '---\nid: POL-001\ntype: ai-policy\nstatus: approved\n---\n# Policy\n');
      writeFileSync(join(root, 'README.md'), '# Readme\n');
      const { status, stdout } = await runCli(['--with-dependents', '--', '--output-file=README.md'], root);
      expect(status).toBe(1);
      expect(stdout).toContain('--output-file=README.md\n');
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# Readme\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('makes `report` after it a path, not the command', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-dashdash-'));
    try {
      writeFileSync(join(root, 'aimslint.config.json'), '{}');
      writeFileSync(join(root, 'report'), 'not markdown\n');
      const { status, stdout } = await runCli(['--', 'report'], root);
      expect(status).toBe(0);
      expect(stdout).not.toContain('# AIMS report');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
