/**
 * `--fix` on the broken examples removes exactly the findings that carry a
 * fix; every other finding stays where it was, and only the fixed lines of the
 * fixed files change.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, lintAndFix } from '@aimslint/core';
import { EXAMPLES, NOW, pinnedFindings } from './example-repository.js';

function filesUnder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  visit(root);
  return files;
}

/** Per changed file, the lines between the common start and end: `file:line: -removed +added`. */
function changedLines(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].flatMap(([file, text]) => {
    const old = (before.get(file) ?? '').split('\n');
    const now = text.split('\n');
    let start = 0;
    while (start < old.length && start < now.length && old[start] === now[start]) start++;
    let end = 0;
    while (end < old.length - start && end < now.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++;
    if (start === old.length && start === now.length) return [];
    return [`${file}:${start + 1}: -${JSON.stringify(old.slice(start, old.length - end))} +${JSON.stringify(now.slice(start, now.length - end))}`];
  });
}

// What a fix leaves to decide: the SoA row it adds for a missing control is marked undecided, a warning until someone decides it.
describe.each([
  ['broken-basics', [['schema/invalid', 'aims/ai-policy.md', 7, 10]], ['aims/ai-policy.md:7: -["version: 1.10"] +["version: \\"1.10\\""]'], []],
  ['broken-soa', [['soa/control-missing', 'aims/soa.md', 19, 1]], ['aims/soa.md:60: -[] +["| A.7.5 | undecided | | |"]'], [['soa/applicability-unknown', 'aims/soa.md', 60, 11]]],
])('--fix on examples/%s', (example, fixable, lines, leftToDecide) => {
  it('removes exactly the fixable findings and changes only their lines; a second --fix changes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-fix-'));
    try {
      cpSync(join(EXAMPLES, example), root, { recursive: true });
      const before = filesUnder(root);
      const linted = await lint({ cwd: root, now: NOW });
      const withFix = linted.files.flatMap((file) => file.findings.filter((f) => f.fix).map((f) => [f.ruleId, f.file, f.range.line, f.range.column]));
      expect(withFix).toEqual(fixable);
      const all = await pinnedFindings(root);
      const run = await lintAndFix({ cwd: root, now: NOW }, { write: true });
      const key = (row: unknown[]) => JSON.stringify(row);
      const remaining = await pinnedFindings(root);
      expect(remaining.filter((row) => !leftToDecide.some((added) => key(added) === key(row)))).toEqual(all.filter((row) => !fixable.some((fixed) => key(fixed) === key(row))));
      expect(remaining.length).toBe(all.length - fixable.length + leftToDecide.length);
      expect(changedLines(before, filesUnder(root))).toEqual(lines);
      expect((await lintAndFix({ cwd: root, now: NOW }, { write: true })).changed).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
