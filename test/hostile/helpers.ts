import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, type LintOptions, type LintResult } from '@aimslint/core';
import type { Finding } from '../../packages/core/src/model.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(REPO, 'packages/cli/bin/aimslint.js');
export const NOW = '2026-11-28';

/** A throwaway copy of a fixture repository (fixtures are never linted in place: nothing may be written there). */
export function copyFixture(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `aimslint-hostile-${name}-`));
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

export async function lintFixture(name: string, options: Partial<LintOptions> = {}): Promise<{ result: LintResult; root: string; files: string[] }> {
  const root = copyFixture(name);
  try {
    const result = await lint({ now: NOW, ...options, cwd: root });
    return { result, root, files: listFiles(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every file under `root`, relative, sorted: to prove nothing was written. */
export function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

export const allFindings = (result: LintResult): Finding[] => result.files.flatMap((file) => file.findings);

/** `[ruleId, file, line, column]` of each finding of the given rules. */
export function pinned(result: LintResult, ...ruleIds: string[]): [string, string, number, number][] {
  return allFindings(result)
    .filter((finding) => ruleIds.length === 0 || ruleIds.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.file, finding.range.line, finding.range.column]);
}

/** Run `work` and return how long it took, in milliseconds. */
export function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** "Well under a second" on a loaded CI machine. */
export const FAST_MS = 1000;

export const EXAMPLES_ACME = join(REPO, 'examples/acme');
