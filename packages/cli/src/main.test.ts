import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const ACME = join(EXAMPLES, 'acme');

const run = (argv: string[], cwd = ACME) => runCli(argv, cwd);

function brokenRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-cli-'));
  writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off' } }));
  writeFileSync(join(root, 'policy.md'), '---\nid: POL-001\ntype: ai-policy\ntitle: AI policy\nowner: ROLE-NOBODY\nstatus: draft\nversion: "1.0"\n---\n# AI policy\n\nSee [the register](register.md).\n');
  return root;
}

describe('aimslint', () => {
  it('exits 0 and prints nothing on the clean example', async () => {
    expect(await run(['.', '--now', '2026-11-28'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and lists findings with file, line, column and rule', async () => {
    const root = brokenRepository();
    try {
      const { status, stdout } = await run(['--now', '2026-11-28'], root);
      expect(status).toBe(1);
      expect(stdout).toContain('policy.md\n');
      expect(stdout).toMatch(/5:8\s+error\s+`owner` names `ROLE-NOBODY`, but no document or role has that id; it must name a role\.\s+ref\/unresolved/);
      expect(stdout).toMatch(/11:5\s+error\s+This link points at `register\.md`/);
      expect(stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives ESLint-shaped JSON with absolute paths and 1-based positions', async () => {
    const root = brokenRepository();
    try {
      const { stdout } = await run(['--format', 'json', '--now', '2026-11-28'], root);
      const report = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number }[]; errorCount: number }[];
      expect(report).toHaveLength(1);
      expect(report[0]?.filePath).toBe(join(root, 'policy.md'));
      expect(report[0]?.errorCount).toBe(2);
      expect(report[0]?.messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([['ref/unresolved', 2, 5, 8], ['link/broken', 2, 11, 5]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('--rule turns a rule down, --quiet hides warnings, --max-warnings fails on too many', async () => {
    const root = brokenRepository();
    try {
      expect((await run(['--rule', 'link/broken=warn', '--rule', 'ref/unresolved=off', '--now', '2026-11-28'], root)).status).toBe(0);
      expect((await run(['--rule', 'link/broken=warn', '--rule', 'ref/unresolved=off', '--quiet', '--now', '2026-11-28'], root)).stdout).toBe('');
      const tooMany = await run(['--rule', 'link/broken=warn', '--rule', 'ref/unresolved=off', '--max-warnings', '0', '--now', '2026-11-28'], root);
      expect(tooMany.status).toBe(1);
      expect(tooMany.stderr).toBe('aimslint: 1 warnings, more than --max-warnings 0\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('--now decides what is overdue', async () => {
    const late = await run(['--now', '2028-01-01', '--format', 'json']);
    expect(late.status).toBe(1);
    expect(late.stdout).toContain('review/overdue');
  });

  it('writes the report to a file with -o, and leaves no temporary file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'aimslint-out-'));
    try {
      expect((await run(['--format', 'json', '-o', join(out, 'report.json'), '--now', '2026-11-28'])).status).toBe(0);
      expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toHaveLength(48);
      expect(readdirSync(out)).toEqual(['report.json']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('aimslint report writes the SoA coverage and gap assessment', async () => {
    const markdown = await run(['report', '--now', '2026-11-28']);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('# AIMS report');
    expect(markdown.stdout).toContain('A.10.4');
    const html = await run(['report', '--format', 'html', '--now', '2026-11-28']);
    expect(html.stdout.startsWith('<!DOCTYPE html>') || html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(JSON.parse((await run(['report', '--format', 'json', '--now', '2026-11-28'])).stdout)).toHaveProperty('reportVersion', 2);
  });

  it('aimslint report --format csv writes one row per control and framework item', async () => {
    const csv = await run(['report', '--format', 'csv', '--now', '2026-11-28']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('framework,id,title,applicability,justification,implementation,state,evidence\r\n')).toBe(true);
    expect(csv.stdout).toContain('\r\nISO/IEC 42001:2023,A.2.2,AI policy,applicable,');
  });

  it('explains a rule', async () => {
    const { status, stdout } = await run(['explain', 'soa/evidence-stale']);
    expect(status).toBe(0);
    expect(stdout).toContain('default severity: error');
    expect(stdout).toContain('serves:           6.1.3, 7.5.2');
  });

  it.each([
    [['--frobnicate'], 'aimslint: unknown option --frobnicate; see aimslint --help'],
    [['--format', 'xml'], 'aimslint: unknown format "xml"'],
    [['--now', '2026-02-30'], 'aimslint: --now must be a real date written YYYY-MM-DD, got "2026-02-30"'],
    [['--rule', 'soa/missing'], 'aimslint: --rule takes <rule-id>=<off|warn|error>'],
    [['--rule', 'soa/nope=warn'], 'aimslint: unknown rule "soa/nope" in --rule'],
    [['no/such/path'], 'aimslint: path not found: no/such/path'],
    [['--max-warnings', 'many'], 'aimslint: --max-warnings takes a whole number'],
    [['explain', 'nope'], 'aimslint: unknown rule "nope"'],
  ])('exits 2 with one clear line for %j', async (argv, line) => {
    const { status, stdout, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(line)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a config it cannot use', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-config-'));
    try {
      writeFileSync(join(root, 'aimslint.config.yaml'), 'rules:\n  soa/missing: loud\n');
      const { status, stderr } = await run([], root);
      expect(status).toBe(2);
      expect(stderr).toMatch(/^aimslint: config .*aimslint\.config\.yaml: rule "soa\/missing" must be "off", "warn" or "error"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses the options of init on a lint run, saying where a preset goes, instead of linting without it', async () => {
    expect(await run(['--preset', 'model-cards'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'aimslint: --preset is an option of `aimslint init`; to lint with a preset, put `extends: aimslint:model-cards` in aimslint.config.yaml\n',
    });
    expect(await run(['report', '--adopt'])).toMatchObject({ status: 2, stderr: 'aimslint: --adopt is an option of `aimslint init`\n' });
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage: aimslint [lint] [paths...] [options]');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('has no stray files after a cached run but the cache itself', async () => {
    const root = brokenRepository();
    try {
      await run(['--cache', '--now', '2026-11-28'], root);
      expect(existsSync(join(root, '.aimslintcache'))).toBe(true);
      expect(readdirSync(root).sort()).toEqual(['.aimslintcache', 'aimslint.config.json', 'policy.md']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
