import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import type { Finding, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';

/** A repository as a map of relative paths to file contents. */
export type Files = Record<string, string>;

export interface ValidCase {
  name: string;
  files: Files;
  now?: string;
  /** Extra config written to aimslint.config.json (rules are set by the tester). */
  config?: Record<string, unknown>;
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The exact message, or a substring of it when `messageIncludes` is used. */
  message?: string;
  /** The finding's severity, when the rule decides it per finding (the rule runs as `error` in the tester). */
  severity?: Finding['severity'];
  messageIncludes?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** Line-ending and BOM variants every case also runs in: positions must not move. */
const VARIANTS: { name: string; transform: (text: string) => string }[] = [
  { name: 'LF', transform: (text) => text },
  { name: 'CRLF', transform: (text) => text.replace(/\n/g, '\r\n') },
  { name: 'BOM + CRLF', transform: (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
];

/** Strip the common indentation of a template literal, so fixtures can be indented in tests. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(indent)).join('\n').replace(/[ \t]+$/, '');
}

export function writeRepository(files: Files, transform: (text: string) => string = (text) => text): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-test-'));
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, path.endsWith('.md') ? transform(text) : text);
  }
  return root;
}

/** Lint a throwaway repository with only `ruleId` enabled. */
export async function findingsOf(ruleId: string, testCase: ValidCase, transform?: (text: string) => string): Promise<Finding[]> {
  const onlyThisRule = Object.fromEntries(RULES.map((rule): [string, SeveritySetting] => [rule.id, rule.id === ruleId ? 'error' : 'off']));
  const root = writeRepository({ ...testCase.files, 'aimslint.config.json': JSON.stringify({ ...testCase.config, rules: { ...onlyThisRule, ...(testCase.config?.['rules'] as object | undefined) } }) }, transform);
  try {
    const result = await lint({ cwd: root, now: testCase.now ?? '2026-11-28' });
    return result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId === ruleId);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return finding.file === expected.file
    && finding.range.line === expected.line
    && finding.range.column === expected.column
    && (expected.endLine === undefined || finding.range.endLine === expected.endLine)
    && (expected.endColumn === undefined || finding.range.endColumn === expected.endColumn)
    && (expected.severity === undefined || finding.severity === expected.severity)
    && (expected.message === undefined || finding.message === expected.message)
    && (expected.messageIncludes === undefined || finding.message.includes(expected.messageIncludes));
}

function describeFinding(finding: Finding): string {
  return `${finding.file}:${finding.range.line}:${finding.range.column}-${finding.range.endLine}:${finding.range.endColumn} ${finding.message}`;
}

/**
 * ESLint's RuleTester, for repositories: valid cases must yield no finding of
 * the rule, invalid cases exactly the listed ones, in every line-ending variant.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const variant of VARIANTS) {
      describe(variant.name, () => {
        for (const testCase of cases.valid) {
          it(`valid: ${testCase.name}`, async () => {
            const findings = await findingsOf(rule.id, testCase, variant.transform);
            expect(findings.map(describeFinding)).toEqual([]);
          });
        }
        for (const testCase of cases.invalid) {
          it(`invalid: ${testCase.name}`, async () => {
            const findings = await findingsOf(rule.id, testCase, variant.transform);
            const unmatched = [...findings];
            const missing = testCase.errors.filter((expected) => {
              const at = unmatched.findIndex((finding) => matches(finding, expected));
              if (at === -1) return true;
              unmatched.splice(at, 1);
              return false;
            });
            expect({ missing, unexpected: unmatched.map(describeFinding) }).toEqual({ missing: [], unexpected: [] });
          });
        }
      });
    }
  });
}
