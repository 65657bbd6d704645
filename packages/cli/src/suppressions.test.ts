import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const run = (argv: string[], cwd: string) => runCli([...argv, '--now', '2026-11-28'], cwd);

const policy = (body: string) => `---\nid: POL-001\ntype: ai-policy\ntitle: AI policy\nowner: ROLE-AIMS-LEAD\nstatus: draft\nversion: "1.0"\n---\n# AI policy\n\n${body}\n`;
const TWO_BROKEN_LINKS = 'See the [register](register.md) and the [procedure](procedure.md).';

/** A repository adopting aimslint: two broken links in its policy, an owner nobody defines. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-baseline-'));
  folders.push(root);
  writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off' } }));
  writeFileSync(join(root, 'policy.md'), policy(TWO_BROKEN_LINKS));
  return root;
}

const stored = (root: string) => JSON.parse(readFileSync(join(root, 'aimslint-suppressions.json'), 'utf8')) as unknown;

describe('bulk suppressions (aimslint-suppressions.json)', () => {
  it('--suppress-all accepts the current errors; later runs pass until a new error appears', async () => {
    const root = repository();
    expect((await run([], root)).status).toBe(1);
    const suppressed = await run(['--suppress-all'], root);
    expect(suppressed).toMatchObject({ status: 0, stdout: '' });
    expect(suppressed.stderr).toBe('aimslint: aimslint-suppressions.json now suppresses 3 errors in 1 file\n');
    expect(stored(root)).toEqual({ 'policy.md': { 'link/broken': { count: 2 }, 'ref/unresolved': { count: 1 } } });
    expect(await run([], root)).toEqual({ status: 0, stdout: '', stderr: '' });
    // Stable under line moves: the same errors further down still count as accepted.
    writeFileSync(join(root, 'policy.md'), policy(`An introduction.\n\nAnother paragraph.\n\n${TWO_BROKEN_LINKS}`));
    expect((await run([], root)).status).toBe(0);
    writeFileSync(join(root, 'policy.md'), policy(`${TWO_BROKEN_LINKS}\n\nAnd the [register of models](models.md).`));
    const failing = await run([], root);
    expect(failing.status).toBe(1);
    // Which of the three links is new cannot be told: all are shown, as ESLint does.
    expect(failing.stdout).toContain('3 problems (3 errors, 0 warnings)');
  });

  it('--suppress-rule accepts one rule only; JSON lists the accepted ones as external suppressions', async () => {
    const root = repository();
    const result = await run(['--suppress-rule', 'link/broken', '--format', 'json'], root);
    expect(result.status).toBe(1);
    expect(stored(root)).toEqual({ 'policy.md': { 'link/broken': { count: 2 } } });
    const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string }[]; suppressedMessages: { ruleId: string; suppressions: unknown[] }[] }[];
    expect(file?.messages.map((message) => message.ruleId)).toEqual(['ref/unresolved']);
    expect(file?.suppressedMessages.map((message) => message.suppressions)).toEqual([
      [{ kind: 'external', justification: 'counted in aimslint-suppressions.json' }],
      [{ kind: 'external', justification: 'counted in aimslint-suppressions.json' }],
    ]);
    expect((await run(['--suppress-rule', 'link/brokn'], root)).stderr).toBe('aimslint: --suppress-rule: unknown rule "link/brokn"; `aimslint explain` lists the rules\n');
  });

  it('--prune-suppressions lowers counts to what is still found, and says when to run it', async () => {
    const root = repository();
    await run(['--suppress-all'], root);
    writeFileSync(join(root, 'policy.md'), policy('See the [register](register.md).'));
    expect(await run([], root)).toEqual({ status: 0, stdout: '', stderr: 'aimslint: 1 suppression in aimslint-suppressions.json no longer matches a finding; run `aimslint --prune-suppressions` to remove them\n' });
    expect((await run(['--prune-suppressions'], root)).status).toBe(0);
    expect(stored(root)).toEqual({ 'policy.md': { 'link/broken': { count: 1 }, 'ref/unresolved': { count: 1 } } });
  });

  it('refuses a suppressions file that is a symbolic link or malformed', async () => {
    const root = repository();
    writeFileSync(join(root, 'elsewhere.json'), '{}');
    symlinkSync(join(root, 'elsewhere.json'), join(root, 'aimslint-suppressions.json'));
    const linked = await run([], root);
    expect(linked.status).toBe(2);
    expect(linked.stderr).toContain('it is a symbolic link');
    rmSync(join(root, 'aimslint-suppressions.json'));
    writeFileSync(join(root, 'aimslint-suppressions.json'), '{"policy.md": {"link/broken": {"count": -1}}}');
    expect((await run([], root)).stderr).toContain('"policy.md" → "link/broken" must be {"count": a positive whole number}');
  });
});
