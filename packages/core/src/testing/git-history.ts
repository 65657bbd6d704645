/**
 * Real git repositories for the tests of document control: write, commit,
 * rename, branch, clone shallow, then lint. Git runs through util/git.ts like
 * everywhere else.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { Finding, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import { runGitSync, type GitRepository } from '../util/git.js';
import type { Files } from './rule-tester.js';

const IDENTITY = ['-c', 'user.name=Test Author', '-c', 'user.email=author@example.com', '-c', 'commit.gpgsign=false'];

/** Only `ruleIds` on: the config each test repository commits. */
export function onlyRules(...ruleIds: string[]): string {
  const rules = Object.fromEntries(RULES.map((rule): [string, SeveritySetting] => [rule.id, ruleIds.includes(rule.id) ? 'error' : 'off']));
  return JSON.stringify({ rules });
}

export class TestRepository {
  readonly repository: GitRepository;

  private constructor(readonly root: string) {
    this.repository = { gitDir: join(root, '.git'), workTree: root };
  }

  /** An empty repository on branch `main`, in its own temporary folder. */
  static create(): TestRepository {
    const created = new TestRepository(mkdtempSync(join(tmpdir(), 'aimslint-git-')));
    created.git('init', '-q', '-b', 'main');
    return created;
  }

  git(...args: string[]): string {
    return runGitSync(this.repository, args, { cwd: this.root }).trim();
  }

  write(files: Files): this {
    for (const [path, text] of Object.entries(files)) {
      const absolute = join(this.root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
    return this;
  }

  /** Move a file in the work tree; git sees the rename when it is committed. */
  move(from: string, to: string): this {
    mkdirSync(dirname(join(this.root, to)), { recursive: true });
    renameSync(join(this.root, from), join(this.root, to));
    return this;
  }

  /** Stage everything and commit; returns the commit's full id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git(...IDENTITY, 'commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /**
   * A clone holding only the newest commits (`git clone --depth 1 file://...`,
   * done as init + shallow fetch so the call stays hardened; file transport is
   * allowed for this one fetch only).
   */
  shallowClone(depth = 1): TestRepository {
    const clone = TestRepository.create();
    clone.git('-c', 'protocol.file.allow=always', 'fetch', '-q', '--depth', String(depth), `file://${this.root}`, 'main');
    clone.git('reset', '-q', '--hard', 'FETCH_HEAD');
    return clone;
  }

  lint(options: Partial<LintOptions> = {}): Promise<LintResult> {
    return lint({ now: '2026-11-28', cwd: this.root, ...options });
  }

  async findings(ruleId: string, options: Partial<LintOptions> = {}): Promise<Finding[]> {
    const result = await this.lint(options);
    return result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === ruleId);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A finding as `path:line:column message`, for exact comparisons. */
export const located = (finding: Finding): string => `${finding.file}:${finding.range.line}:${finding.range.column} ${finding.message}`;
