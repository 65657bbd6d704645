/**
 * Runs the COMMITTED bundle the way the runner does: `node dist/index.mjs`
 * with INPUT_* variables and the GITHUB_* files, then reads what GitHub would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = join(REPOSITORY, 'packages/action/dist/index.mjs');
const temporary: string[] = [];
afterAll(() => temporary.forEach((path) => rmSync(path, { recursive: true, force: true })));

function temporaryDirectory(): string {
  const path = mkdtempSync(join(tmpdir(), 'aimslint-action-'));
  temporary.push(path);
  return path;
}

/** The environment without the runner's own INPUT_ and GITHUB_ variables, so the test behaves the same inside GitHub Actions. */
function cleanEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !/^(INPUT_|GITHUB_)/.test(entry[0])));
}

/** `name<<delimiter` blocks of @actions/core's file commands. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** Run the Action; `inputs` are named as in action.yml. */
function runAction(workspace: string, inputs: Record<string, string>) {
  const files = temporaryDirectory();
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // GitHub upper-cases the input name and keeps its hyphens: fail-on becomes INPUT_FAIL-ON.
  const inputEnvironment = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const child = spawnSync(process.execPath, [BUNDLE], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...cleanEnvironment(), ...inputEnvironment, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

const BROKEN_POLICY = `---
id: POL-001
type: ai-policy
title: AI policy
owner: ROLE-NOBODY
status: approved
version: "1.0"
approved_by: ROLE-NOBODY
approved_on: 2026-01-10
last_reviewed: 2026-01-10
next_review: 2027-01-10
---
# AI policy

Our evidence lives in [the register](register.md).
`;

/** A workspace whose AIMS lives in `governance/`: annotations must still name paths from the workspace. */
function brokenWorkspace(): string {
  const workspace = temporaryDirectory();
  const files: Record<string, string> = {
    'governance/aimslint.config.json': JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'warn' } }),
    'governance/aims/ai-policy.md': BROKEN_POLICY,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return workspace;
}

describe('the Action bundle', () => {
  it('passes on the clean example repository and summarises its SoA', () => {
    // No cache: the test must not leave files in the checkout.
    const run = runAction(join(REPOSITORY, 'examples/acme'), { paths: '.', 'fail-on': 'error', now: '2026-11-28', cache: 'false' });
    expect(run.stdout).not.toMatch(/^::error/m);
    expect(run.outputs).toEqual({ 'error-count': '0', 'warning-count': '0', 'sarif-file': '' });
    expect(run.summary).toContain('No problems in');
    expect(run.summary).toContain('**Ready**: every check passes.');
    expect(run.summary).toContain('A.10.4');
    expect(run.status).toBe(0);
  });

  it('annotates a broken repository, writes outputs, SARIF and summary, and fails the step', () => {
    const workspace = brokenWorkspace();
    const run = runAction(workspace, { paths: '.', 'working-directory': 'governance', 'fail-on': 'error', now: '2026-11-28', 'sarif-file': 'out/aimslint.sarif' });
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(commands).toEqual([
      '::error title=ref/unresolved,file=governance/aims/ai-policy.md,line=5,endLine=5,col=8,endColumn=19::`owner` names `ROLE-NOBODY`, but no document or role has that id; it must name a role.',
      '::error title=ref/unresolved,file=governance/aims/ai-policy.md,line=8,endLine=8,col=14,endColumn=25::`approved_by` names `ROLE-NOBODY`, but no document or role has that id; it must name a role.',
      '::error title=link/broken,file=governance/aims/ai-policy.md,line=15,endLine=15,col=23,endColumn=50::This link points at `aims/register.md`, which does not exist in the repository.',
      expect.stringMatching(/^::warning title=soa\/missing,file=governance\/aims\/ai-policy\.md,line=1,.*::This AIMS has no Statement of Applicability/),
      '::error::aimslint found 3 errors and 1 warning (fail-on: error)',
    ]);
    const sarifFile = join(workspace, 'governance/out/aimslint.sarif');
    expect(run.outputs).toEqual({ 'error-count': '3', 'warning-count': '1', 'sarif-file': sarifFile });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(4);
    expect(existsSync(join(workspace, 'governance/.aimslintcache')), 'the cache is on by default').toBe(true);
    expect(run.summary).toContain('❌ **3 errors**, **1 warning** in 1 of 1 file.');
    expect(run.summary).toContain('| error | <code>aims/ai-policy.md:15:23</code> | <code>link/broken</code> | This link points at `aims/register.md`, which does not exist in the repository. |');
    expect(run.status).toBe(1);
  });

  it('follows fail-on: never passes, warning fails on warnings alone', () => {
    const workspace = brokenWorkspace();
    expect(runAction(workspace, { 'working-directory': 'governance', 'fail-on': 'never', now: '2026-11-28' }).status).toBe(0);
    writeFileSync(join(workspace, 'governance/aimslint.config.json'), JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'warn', 'ref/unresolved': 'off', 'link/broken': 'off' } }));
    expect(runAction(workspace, { 'working-directory': 'governance', 'fail-on': 'error', now: '2026-11-28' }).status).toBe(0);
    expect(runAction(workspace, { 'working-directory': 'governance', 'fail-on': 'warning', now: '2026-11-28' }).status).toBe(1);
  });

  it('with changed-since, reports only the files changed since the ref and those that point at them', () => {
    const workspace = brokenWorkspace();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(workspace, 'governance/aims/notes.md'), '---\nid: PROC-NOTES\ntype: procedure\ntitle: Notes\nowner: ROLE-AIMS-LEAD\nstatus: draft\nversion: "0.1"\n---\nSee [the missing plan](plan.md).\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'notes');
    const run = runAction(workspace, { 'working-directory': 'governance', 'changed-since': 'HEAD~1', now: '2026-11-28' });
    // Only the new file: the policy's own findings (unchanged since the ref) are not reported.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error file') || line.startsWith('::error title'))).toEqual([
      '::error title=ref/unresolved,file=governance/aims/notes.md,line=5,endLine=5,col=8,endColumn=22::`owner` names `ROLE-AIMS-LEAD`, but no document or role has that id; it must name a role.',
      '::error title=link/broken,file=governance/aims/notes.md,line=9,endLine=9,col=5,endColumn=32::This link points at `aims/plan.md`, which does not exist in the repository.',
    ]);
    expect(run.outputs['error-count']).toBe('2');
  });

  it('on a pull request that edits an approved policy without a new version, reports doc-control/changed-after-approval (fetch-depth: 0)', () => {
    const workspace = temporaryDirectory();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8' }).stdout.trim();
    const policy = BROKEN_POLICY.replace(/ROLE-NOBODY/g, 'ROLE-CRO').replace('Our evidence lives in [the register](register.md).', 'AI output informs; people decide.');
    writeFileSync(join(workspace, 'aimslint.config.json'), JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'ref/unresolved': 'off' } }));
    mkdirSync(join(workspace, 'aims'));
    writeFileSync(join(workspace, 'aims/ai-policy.md'), policy);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Approve the AI policy 1.0');
    const approval = git('rev-parse', '--short=7', 'HEAD');
    git('checkout', '-q', '-b', 'pr');
    writeFileSync(join(workspace, 'aims/ai-policy.md'), `${policy}\nModels may also decline applications on their own.\n`);
    git('commit', '-q', '-am', 'Let models decide');
    const run = runAction(workspace, { 'changed-since': 'main', now: '2026-11-28' });
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error file') || line.startsWith('::error title'))).toEqual([
      `::error title=doc-control/changed-after-approval,file=aims/ai-policy.md,line=7,endLine=7,col=1,endColumn=8::Version 1.0 of this document was approved on 2026-01-10 (commit ${approval}), but the body changed since then: raise \`version\` (for example to 1.1) and have the change approved again (a new \`approved_by\`/\`approved_on\`), or undo the change.`,
    ]);
    expect(run.status).toBe(1);
  });

  it('fails with one clear line on a wrong input', () => {
    const run = runAction(brokenWorkspace(), { 'fail-on': 'sometimes' });
    expect(run.stdout.trim()).toBe('::error::input fail-on must be one of error, warning, never, got "sometimes"');
    expect(run.status).toBe(1);
  });

  it('is the bundle that the sources build to', () => {
    const rebuilt = join(temporaryDirectory(), 'index.mjs');
    const build = spawnSync(process.execPath, [join(REPOSITORY, 'scripts/bundle.mjs'), 'action', rebuilt], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const fresh = readFileSync(rebuilt).equals(readFileSync(BUNDLE));
    expect(fresh, 'packages/action/dist/index.mjs is stale: run pnpm bundle').toBe(true);
  });
});
