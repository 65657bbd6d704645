import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '@aimslint/core';

export const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
export const NOW = '2026-11-28';

/** A finding as the tests pin it. */
export type Pinned = [ruleId: string, file: string, line: number, column: number];

/** Lint a folder and list its findings as [rule, file, line, column], in report order. */
export async function pinnedFindings(root: string): Promise<Pinned[]> {
  const result = await lint({ cwd: root, now: NOW });
  return result.files.flatMap((file) => file.findings.map((f): Pinned => [f.ruleId, f.file, f.range.line, f.range.column]));
}

export type Edit = { file: string; change: (text: string) => string };

/** A copy of an example with edits applied, linted, then removed. */
export async function findingsAfterEdits(example: string, edits: Edit[]): Promise<Pinned[]> {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-example-'));
  try {
    cpSync(join(EXAMPLES, example), root, { recursive: true });
    for (const { file, change } of edits) {
      const path = join(root, file);
      const before = readFileSync(path, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing: the example moved on, update the test`);
      writeFileSync(path, after);
    }
    return await pinnedFindings(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
