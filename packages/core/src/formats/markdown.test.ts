import { describe, expect, it } from 'vitest';
import { at, lintResultOf } from '../testing/lint-result.js';
import { escapeTableCell, markdown } from './markdown.js';

const OPTIONS = { color: false, docsBaseUrl: 'https://example.test/docs/rules', toolVersion: '1.2.3' };

/** Split a GFM table row into cells the way GitHub does: on pipes that are not escaped. */
const cellsOf = (row: string): string[] => row.slice(2, -2).split(/(?<!\\)(?:\\\\)*\s\|\s/);

describe('markdown formatter', () => {
  it('reports counts and one table row per finding with a line link and a rule link', () => {
    const result = lintResultOf({
      paths: ['aims/soa.md', 'aims/clean.md'],
      findings: [{ ruleId: 'soa/evidence-missing', severity: 'error', message: 'A.7.5 has | no evidence\nat all', file: 'aims/soa.md', range: at(41, 5) }],
    });
    const report = markdown(result, OPTIONS);
    expect(report).toContain('**1 error**, **0 warnings** in 1 of 2 files');
    const rows = report.trimEnd().split('\n').slice(-3);
    expect(rows[0]).toBe('| Severity | Location | Rule | Message |');
    const cells = cellsOf(rows[2]!);
    expect(cells).toEqual([
      'error',
      '[aims/soa.md:41](aims/soa.md#L41)',
      '[`soa/evidence-missing`](https://example.test/docs/rules/soa/evidence-missing.md)',
      'A.7.5 has \\| no evidence at all',
    ]);
  });

  it('says so when there are no problems', () => {
    expect(markdown(lintResultOf({ paths: ['a.md'], findings: [] }), OPTIONS)).toContain('No problems in 1 file');
  });

  it('escapes pipes, backslashes before pipes, and line breaks in a cell', () => {
    expect(escapeTableCell('a|b')).toBe('a\\|b');
    expect(escapeTableCell('ends in \\|')).toBe('ends in \\\\\\|');
    expect(escapeTableCell('one\r\ntwo\nthree')).toBe('one two three');
  });
});
