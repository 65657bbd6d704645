import { describe, expect, it } from 'vitest';
import type { Finding } from '@aimslint/core';
import { at, lintResultOf } from '../../core/src/testing/lint-result.js';
import { planAnnotations } from './annotations.js';
import { readInputs, shouldFail } from './inputs.js';
import { SUMMARY_FINDING_ROWS, buildSummary } from './summary.js';

const finding = (ruleId: string, severity: Finding['severity'], line: number): Finding => ({ ruleId, severity, message: `${ruleId} at ${line}`, file: 'aims/doc.md', range: at(line, 1) });

describe('annotation plan', () => {
  it('puts errors before warnings and SoA problems first, at most ten of each', () => {
    const findings = [finding('link/broken', 'error', 1), finding('soa/evidence-backlink', 'warn', 2), finding('soa/evidence-missing', 'error', 3), ...Array.from({ length: 12 }, (_, i) => finding('review/overdue', 'warn', 10 + i))];
    const plan = planAnnotations(lintResultOf({ paths: ['aims/doc.md'], findings }));
    expect(plan.shown.slice(0, 3).map((shown) => shown.ruleId)).toEqual(['soa/evidence-missing', 'link/broken', 'soa/evidence-backlink']);
    expect(plan.shown).toHaveLength(12);
    expect(plan).toMatchObject({ hiddenErrors: 0, hiddenWarnings: 3 });
  });
});

describe('job summary', () => {
  it('caps the findings table, says how many more there are and escapes cells', () => {
    const findings = Array.from({ length: SUMMARY_FINDING_ROWS + 7 }, (_, i) => ({ ...finding('content/placeholder', 'error', i + 1), message: 'TODO | later' }));
    const summary = buildSummary(lintResultOf({ paths: ['aims/doc.md'], findings }));
    expect(summary).toContain(`❌ **${SUMMARY_FINDING_ROWS + 7} errors**, **0 warnings** in 1 of 1 file.`);
    expect(summary.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(SUMMARY_FINDING_ROWS);
    expect(summary).toContain('TODO \\| later');
    expect(summary).toContain('… and 7 more findings, not shown.');
    expect(summary).toContain('47 more errors and 0 more warnings are only listed here');
  });

  it('says so when all is well', () => {
    expect(buildSummary(lintResultOf({ paths: ['a.md', 'b.md'], findings: [] }))).toContain('✅ No problems in 2 files.');
  });
});

describe('inputs', () => {
  const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  it('applies the defaults of action.yml and splits paths on whitespace', () => {
    expect(readInputs(reader({ paths: ' docs\n  aims/soa.md ' }))).toEqual({ paths: ['docs', 'aims/soa.md'], config: undefined, failOn: 'error', now: undefined, sarifFile: undefined, changedSince: undefined, workingDirectory: '.', cache: true });
    expect(readInputs(reader({})).paths).toEqual(['.']);
  });

  it('refuses a wrong fail-on or now in one line', () => {
    expect(() => readInputs(reader({ 'fail-on': 'always' }))).toThrow('input fail-on must be one of error, warning, never, got "always"');
    expect(() => readInputs(reader({ now: '1.6.2026' }))).toThrow('input now must be a date written YYYY-MM-DD');
    expect(() => readInputs(reader({ cache: 'yes' }))).toThrow('input cache must be true or false, got "yes"');
  });

  it('fails by fail-on', () => {
    expect(shouldFail('error', { errorCount: 0, warningCount: 3 })).toBe(false);
    expect(shouldFail('warning', { errorCount: 0, warningCount: 3 })).toBe(true);
    expect(shouldFail('never', { errorCount: 5, warningCount: 0 })).toBe(false);
  });
});

describe('job summary links', () => {
  it('are absolute under the link base, so they work on the run page', async () => {
    const { lint } = await import('@aimslint/core');
    const { fileURLToPath } = await import('node:url');
    const acme = fileURLToPath(new URL('../../../examples/acme', import.meta.url));
    const summary = buildSummary(await lint({ cwd: acme, now: '2026-11-28' }), 'https://github.com/acme/aims/blob/0123abcd/');
    expect(summary).toContain('](https://github.com/acme/aims/blob/0123abcd/aims/ai-policy.md');
    expect(summary).not.toMatch(/\]\((?!https:\/\/github\.com\/acme\/aims\/blob\/0123abcd\/|#)/);
    expect(summary).not.toContain(acme);
  });
});
