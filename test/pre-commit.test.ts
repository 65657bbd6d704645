/**
 * The pre-commit hook, driven by the real `pre-commit` program in a
 * throwaway repository: a good document is committed, a broken one refused.
 *
 * The hook repository is this working tree as users would get it: its root
 * package.json (npm installs it, so it must not use pnpm's `workspace:`),
 * `.pre-commit-hooks.yaml` and the committed CLI bundle, copied into a fresh
 * git repository so the test sees uncommitted work too.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

const ROLES = `---
id: ROLES-001
type: roles
title: AI governance roles
owner: ROLE-AIMS-LEAD
status: approved
version: "1.0"
approved_by: ROLE-AIMS-LEAD
approved_on: 2026-01-10
last_reviewed: 2026-01-10
next_review: 2099-01-10
roles:
  - id: ROLE-AIMS-LEAD
    name: AIMS lead
    holders: [Dana Weber]
    responsibilities: [Runs the AI management system]
---
# AI governance roles

Who does what in our AI management system.
`;

const BROKEN_POLICY = `---
id: POL-001
type: ai-policy
title: AI policy
owner: ROLE-AIMS-LEAD
status: approved
version: "1.0"
approved_by: ROLE-AIMS-LEAD
approved_on: 2026-01-10
last_reviewed: 2026-01-10
next_review: 2099-01-10
---
# AI policy

The rules are in [the register](register.md).
`;

/** A good policy with the heading the SoA cites, and the control it evidences. */
const POLICY = `---
id: POL-001
type: ai-policy
title: AI policy
owner: ROLE-AIMS-LEAD
status: approved
version: "1.0"
approved_by: ROLE-AIMS-LEAD
approved_on: 2026-01-10
last_reviewed: 2026-01-10
next_review: 2099-01-10
controls: [A.2.2]
---
# AI policy

## Policy review

The board reviews this policy every year.
`;

/** An SoA that cites the policy's `## Policy review` heading as evidence. */
const SOA = `---
id: SOA-001
type: soa
title: Statement of Applicability
owner: ROLE-AIMS-LEAD
status: approved
version: "1.0"
approved_by: ROLE-AIMS-LEAD
approved_on: 2026-01-10
last_reviewed: 2026-01-10
next_review: 2099-01-10
---
# Statement of Applicability

| Control | Applicable | Justification | Evidence |
|---|---|---|---|
| A.2.2 | yes | The board sets the AI policy. | [AI policy](ai-policy.md#policy-review) |
`;

/** A small repository is far from a complete AIMS: the completeness rules are beside the point here. */
const CONFIG = JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'roles/untrained': 'off', 'soa/control-missing': 'off' } });

const hookConfig = (repo: string, rev: string): string => `repos:
  - repo: ${JSON.stringify(repo)}
    rev: ${rev}
    hooks:
      - id: aimslint
`;

/** What pre-commit clones: the files npm packs from the root (see package.json `files`). */
const HOOK_REPOSITORY_FILES = ['package.json', '.pre-commit-hooks.yaml', 'packages/cli/package.json', 'packages/cli/bin/aimslint.js', 'packages/cli/dist/aimslint.mjs'];

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

describe.skipIf(!hasPreCommit)('the pre-commit hook', () => {
  let scratch: string;
  let work: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => run(work, 'git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], env);

  /** A git repository holding this tree's hook files, committed; returns its commit. */
  function makeHookRepository(): { path: string; rev: string } {
    const path = join(scratch, 'hook-repository');
    for (const file of HOOK_REPOSITORY_FILES) cpSync(join(REPOSITORY, file), join(path, file), { recursive: true });
    const inHook = (...args: string[]) => run(path, 'git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], env);
    inHook('init', '-q');
    inHook('add', '-A');
    inHook('commit', '-q', '-m', 'hook');
    return { path, rev: inHook('rev-parse', 'HEAD').output.trim() };
  }

  beforeAll(() => {
    expect(existsSync(join(REPOSITORY, 'packages/cli/dist/aimslint.mjs')), 'the CLI bundle is missing: run pnpm bundle').toBe(true);
    scratch = mkdtempSync(join(tmpdir(), 'aimslint-pre-commit-'));
    // pre-commit keeps its clones and environments here; a fresh one keeps runs independent of the machine.
    env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
    const hook = makeHookRepository();
    work = join(scratch, 'documents');
    mkdirSync(work);
    run(work, 'git', ['init', '-q', '-b', 'main'], env);
    writeFileSync(join(work, 'aimslint.config.json'), CONFIG);
    writeFileSync(join(work, '.pre-commit-config.yaml'), hookConfig(hook.path, hook.rev));
    const install = run(work, 'pre-commit', ['install-hooks'], env);
    expect(install.status, install.output).toBe(0);
    expect(run(work, 'pre-commit', ['install'], env).status).toBe(0);
  }, 180_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('lets a good document through and refuses a broken one, showing the finding', () => {
    writeFileSync(join(work, 'roles.md'), ROLES);
    git('add', '-A');
    const good = git('commit', '-q', '-m', 'roles');
    expect(good.output).toMatch(/aimslint\.+Passed/);
    expect(good.status).toBe(0);

    writeFileSync(join(work, 'ai-policy.md'), BROKEN_POLICY);
    git('add', 'ai-policy.md');
    const broken = git('commit', '-q', '-m', 'policy');
    expect(broken.output).toMatch(/aimslint\.+Failed/);
    expect(broken.output).toContain('ai-policy.md');
    expect(broken.output).toMatch(/15:\d+\s+error\s+This link points at `register\.md`, which does not exist in the repository\.\s+link\/broken/);
    expect(broken.status).not.toBe(0);
    expect(git('log', '--format=%s').output.trim()).toBe('roles');
  }, 30_000);

  it('refuses a change that breaks another document: a renamed heading the SoA links to, shown at the SoA', () => {
    writeFileSync(join(work, 'ai-policy.md'), POLICY);
    writeFileSync(join(work, 'soa.md'), SOA);
    git('add', 'ai-policy.md', 'soa.md');
    const good = git('commit', '-q', '-m', 'policy and SoA');
    expect(good.output).toMatch(/aimslint\.+Passed/);
    expect(good.status).toBe(0);

    // Only the policy is staged; the SoA, untouched, is what breaks.
    writeFileSync(join(work, 'ai-policy.md'), POLICY.replace('## Policy review', '## Annual review'));
    git('add', 'ai-policy.md');
    const broken = git('commit', '-q', '-m', 'rename heading');
    expect(broken.output).toMatch(/aimslint\.+Failed/);
    expect(broken.output).toMatch(/soa\.md\n\s+17:\d+\s+error\s+The evidence `ai-policy\.md#policy-review` for A\.2\.2 cannot be found: `ai-policy\.md` has no heading for `#policy-review`[^\n]*soa\/evidence-broken/);
    expect(broken.status).not.toBe(0);
    expect(git('log', '--format=%s', '-1').output.trim()).toBe('policy and SoA');
  }, 30_000);
});
