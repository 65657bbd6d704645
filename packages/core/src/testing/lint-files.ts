import { rmSync } from 'node:fs';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import { writeRepository, type Files } from './rule-tester.js';

/** Lint a throwaway repository with every rule at its default. */
export async function lintFiles(files: Files, options: Partial<LintOptions> = {}): Promise<LintResult> {
  const root = writeRepository(files);
  try {
    return await lint({ now: '2026-11-28', ...options, cwd: root });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
