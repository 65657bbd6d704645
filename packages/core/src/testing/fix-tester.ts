import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAndFix } from '../fix/run.js';
import type { SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { writeRepository, type Files } from './rule-tester.js';

export interface FixCase {
  name: string;
  /** The repository before the fix. */
  files: Files;
  /** Each file the fix changes, as it must read after it; files not named must stay byte for byte. */
  output: Files;
  now?: string;
  /** The rule's findings left after fixing (default none). */
  remaining?: number;
}

/** The variants a fix must keep: line endings and BOM are the file's, not ours. */
const VARIANTS: { name: string; transform: (text: string) => string }[] = [
  { name: 'LF', transform: (text) => text },
  { name: 'CRLF', transform: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'BOM + CRLF', transform: (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
];

function configWithOnly(ruleId: string): string {
  return JSON.stringify({ rules: Object.fromEntries(RULES.map((rule): [string, SeveritySetting] => [rule.id, rule.id === ruleId ? 'error' : 'off'])) });
}

/**
 * ESLint's fix tests, for repositories: `--fix` turns `files` into `output`
 * exactly, in every variant, and a second `--fix` changes nothing.
 */
export function testFixes(rule: Rule, cases: FixCase[]): void {
  describe(`${rule.id} --fix`, () => {
    it('is declared fixable', () => expect(rule.fixable).toBe('code'));
    for (const variant of VARIANTS) {
      for (const testCase of cases) {
        it(`${variant.name}: ${testCase.name}`, async () => {
          const root = writeRepository({ ...testCase.files, 'aimslint.config.json': configWithOnly(rule.id) }, variant.transform);
          try {
            const options = { cwd: root, now: testCase.now ?? '2026-11-28' };
            const first = await lintAndFix(options, { write: true });
            expect(first.changed).toEqual(Object.keys(testCase.output).sort());
            for (const [path, text] of Object.entries({ ...testCase.files, ...testCase.output })) {
              expect(readFileSync(join(root, path), 'utf8'), path).toBe(variant.transform(text));
            }
            const left = first.result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === rule.id);
            expect(left.length).toBe(testCase.remaining ?? 0);
            const second = await lintAndFix(options, { write: true });
            expect(second.changed).toEqual([]);
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        });
      }
    }
  });
}
