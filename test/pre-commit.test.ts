/**
 * The pre-commit hook, driven by the real `pre-commit` program in a
 * throwaway repository: a good document is committed, a broken one refused.
 *
 * Which hook definition runs: pre-commit clones hook repositories at a commit,
 * so it only sees what is committed here, and its `language: node` installs
 * the hook repository with npm. When HEAD carries `.pre-commit-hooks.yaml` we
 * try exactly that (`repo: <this checkout>`, `rev: HEAD`). When HEAD lacks it,
 * or pre-commit cannot install it (npm cannot install a pnpm workspace root
 * that uses `workspace:*`), the same hook runs as a `repo: local` hook that
 * calls this checkout's CLI, so the test still shows what users see.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPOSITORY, 'packages/cli/bin/aimslint.js');
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

/** A two-document repository is far from a complete AIMS: the completeness rules are beside the point here. */
const CONFIG = JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'roles/untrained': 'off' } });

const LOCAL_HOOK = `repos:
  - repo: local
    hooks:
      - id: aimslint
        name: aimslint
        entry: ${JSON.stringify(`node ${CLI}`)}
        language: system
        files: \\.(md|markdown)$
        pass_filenames: true
        require_serial: true
`;

const published = (rev: string): string => `repos:
  - repo: ${JSON.stringify(REPOSITORY)}
    rev: ${rev}
    hooks:
      - id: aimslint
`;

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

describe.skipIf(!hasPreCommit)('the pre-commit hook', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;
  const git = (...args: string[]) => run(work, 'git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], env);

  /** The published hook when HEAD has it and it installs, else the local equivalent. */
  function installHook(): string {
    const head = run(REPOSITORY, 'git', ['rev-parse', '--verify', '-q', 'HEAD'], env);
    const hooksAtHead = head.status === 0 && run(REPOSITORY, 'git', ['cat-file', '-e', 'HEAD:.pre-commit-hooks.yaml'], env).status === 0;
    if (hooksAtHead) {
      writeFileSync(join(work, '.pre-commit-config.yaml'), published(head.output.trim()));
      if (run(work, 'pre-commit', ['install-hooks'], env).status === 0) return 'published';
    }
    writeFileSync(join(work, '.pre-commit-config.yaml'), LOCAL_HOOK);
    return 'local';
  }

  beforeAll(() => {
    expect(existsSync(join(REPOSITORY, 'packages/cli/dist/main.js')), 'the CLI is not built: run pnpm build').toBe(true);
    work = mkdtempSync(join(tmpdir(), 'aimslint-pre-commit-'));
    // pre-commit keeps its clones and environments here; a fresh one keeps runs independent of the machine.
    env = { ...process.env, PRE_COMMIT_HOME: join(work, '.pre-commit-home'), PRE_COMMIT_COLOR: 'never' };
    run(work, 'git', ['init', '-q', '-b', 'main'], env);
    writeFileSync(join(work, '.gitignore'), '.pre-commit-home/\n');
    writeFileSync(join(work, 'aimslint.config.json'), CONFIG);
    const hook = installHook();
    console.info(`pre-commit test uses the ${hook} hook`);
    expect(run(work, 'pre-commit', ['install'], env).status).toBe(0);
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
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
});
