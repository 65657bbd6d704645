import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

const BROKEN_BASICS = fileURLToPath(new URL('../../../examples/broken-basics/', import.meta.url));
const POLICY = 'aims/ai-policy.md';

interface JsonMessage { ruleId: string; line: number; fix?: { range: [number, number]; text: string }; suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[] }
interface JsonResult { filePath: string; messages: JsonMessage[]; output?: string; fixableErrorCount: number }

describe('--fix and --fix-dry-run', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aimslint-cli-fix-'));
    cpSync(BROKEN_BASICS, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a plain run reports the fix and the suggestions in ESLint JSON, and writes nothing', async () => {
    const original = readFileSync(join(root, POLICY), 'utf8');
    const { stdout } = await runCli(['--format', 'json', '--now', '2026-11-28'], root);
    const policy = (JSON.parse(stdout) as JsonResult[]).find((file) => file.filePath.endsWith(POLICY));
    const version = policy?.messages.find((message) => message.line === 7);
    expect(version?.fix).toEqual({ range: [original.indexOf('1.10'), original.indexOf('1.10') + 4], text: '"1.10"' });
    expect(policy?.fixableErrorCount).toBe(1);
    const status = policy?.messages.find((message) => message.line === 6);
    expect(status?.fix).toBeUndefined();
    expect(status?.suggestions?.map((s) => [s.desc, s.fix.text])).toEqual([['Change `aproved` to `approved`', 'approved']]);
    expect(policy?.output).toBeUndefined();
    expect(readFileSync(join(root, POLICY), 'utf8')).toBe(original);
  });

  it('--fix-dry-run carries the fixed text as `output`, reports what is left, writes nothing', async () => {
    const original = readFileSync(join(root, POLICY), 'utf8');
    const { status, stdout } = await runCli(['--fix-dry-run', '--format', 'json', '--now', '2026-11-28'], root);
    expect(status).toBe(1);
    const policy = (JSON.parse(stdout) as JsonResult[]).find((file) => file.filePath.endsWith(POLICY));
    expect(policy?.output).toBe(original.replace('version: 1.10', 'version: "1.10"'));
    expect(policy?.messages.map((message) => message.line)).toEqual([6, 8]);
    expect(readFileSync(join(root, POLICY), 'utf8')).toBe(original);
  });

  it('--fix writes the file; a second --fix changes nothing', async () => {
    const original = readFileSync(join(root, POLICY), 'utf8');
    await runCli(['--fix', '--now', '2026-11-28'], root);
    expect(readFileSync(join(root, POLICY), 'utf8')).toBe(original.replace('version: 1.10', 'version: "1.10"'));
    const { stdout } = await runCli(['--fix', '--format', 'json', '--now', '2026-11-28'], root);
    expect((JSON.parse(stdout) as JsonResult[]).filter((file) => file.output !== undefined)).toEqual([]);
  });

  it('refuses both at once', async () => {
    expect(await runCli(['--fix', '--fix-dry-run'], root)).toEqual({ status: 2, stdout: '', stderr: 'aimslint: --fix and --fix-dry-run cannot be used together: choose one\n' });
  });
});
