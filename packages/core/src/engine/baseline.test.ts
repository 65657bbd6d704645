import { describe, expect, it } from 'vitest';
import { at } from '../testing/lint-result.js';
import type { Finding } from '../model.js';
import { applyBulkSuppressions, countErrors, renderSuppressions, updatedSuppressions, type BulkSuppressions } from './baseline.js';

const error = (ruleId: string, line: number): Finding => ({ ruleId, severity: 'error', message: `${ruleId} at ${line}`, file: 'aims/soa.md', range: at(line, 1) });
const warning = (ruleId: string, line: number): Finding => ({ ...error(ruleId, line), severity: 'warn' });

describe('bulk suppressions', () => {
  it('counts errors per file and rule, never warnings', () => {
    expect(countErrors([{ path: 'aims/soa.md', findings: [error('soa/evidence-stale', 3), error('soa/evidence-stale', 9), warning('soa/evidence-backlink', 4)] }])).toEqual({ 'aims/soa.md': { 'soa/evidence-stale': { count: 2 } } });
  });

  it('suppresses up to the count wherever the errors moved, and shows all once there are more', () => {
    const stored: BulkSuppressions = { 'aims/soa.md': { 'soa/evidence-stale': { count: 2 } } };
    const moved = applyBulkSuppressions('aims/soa.md', [error('soa/evidence-stale', 30), error('soa/evidence-stale', 90), warning('soa/evidence-backlink', 4)], stored, 'aimslint-suppressions.json');
    expect(moved.kept.map((finding) => finding.ruleId)).toEqual(['soa/evidence-backlink']);
    expect(moved.suppressed).toHaveLength(2);
    const more = applyBulkSuppressions('aims/soa.md', [error('soa/evidence-stale', 3), error('soa/evidence-stale', 9), error('soa/evidence-stale', 12)], stored, 'aimslint-suppressions.json');
    expect(more.kept).toHaveLength(3);
    expect(more.unmatched).toBe(0);
  });

  it('prunes to what is still found and drops files that are gone; keeps files not linted this run', () => {
    const stored: BulkSuppressions = { 'a.md': { 'link/broken': { count: 3 }, 'ref/unresolved': { count: 1 } }, 'gone.md': { 'link/broken': { count: 1 } }, 'elsewhere.md': { 'link/broken': { count: 2 } } };
    const current: BulkSuppressions = { 'a.md': { 'link/broken': { count: 1 } } };
    const pruned = updatedSuppressions(stored, current, { prune: true }, new Set(['a.md']), (path) => path !== 'gone.md');
    expect(JSON.parse(renderSuppressions(pruned))).toEqual({ 'a.md': { 'link/broken': { count: 1 } }, 'elsewhere.md': { 'link/broken': { count: 2 } } });
  });

  it('keeps a file or rule named `__proto__` a plain key', () => {
    const stored = JSON.parse('{"__proto__": {"__proto__": {"count": 1}}}') as BulkSuppressions;
    const next = updatedSuppressions(stored, {}, { suppress: 'all' }, new Set(), () => true);
    expect(renderSuppressions(next)).toBe('{\n  "__proto__": {\n    "__proto__": {\n      "count": 1\n    }\n  }\n}\n');
    expect(({} as Record<string, unknown>)['count']).toBeUndefined();
  });
});
