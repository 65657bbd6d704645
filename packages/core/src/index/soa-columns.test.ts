import { describe, expect, it } from 'vitest';
import type { Table, TableCell } from '../model.js';
import { mapColumns } from './soa-columns.js';

const cell = (text: string): TableCell => ({ text, raw: text, range: { line: 1, column: 1, endLine: 1, endColumn: 1 + text.length }, links: [] });
const table = (header: string[], rows: string[][] = [['A.2.2', ...header.slice(1).map(() => 'x')]]): Table => ({ header: header.map(cell), rows: rows.map((row) => row.map(cell)), range: { line: 1, column: 1, endLine: 2, endColumn: 1 } });

describe('mapColumns: SoA headers as real Statements of Applicability write them', () => {
  it.each([
    [['Control', 'Title', 'Applicable', 'Justification', 'Evidence'], { control: 0, applicable: 2, justification: 3, evidence: 4, implementation: -1 }],
    [['Control ID', 'Applicability', 'Implementation', 'Evidence'], { control: 0, applicable: 1, justification: -1, evidence: 3, implementation: 2 }],
    [['Control_ID', 'Control name', 'Applicable (Yes/No)', 'Justification for inclusion/exclusion', 'Evidence_Document'], { control: 0, applicable: 2, justification: 3, evidence: 4, implementation: -1 }],
    [['**Annex A control**', 'Included?', 'Basis / evidence / remaining gap'], { control: 0, applicable: 1, justification: 2, evidence: 2, implementation: -1 }],
    [['#', 'In scope', 'Rationale', 'References'], { control: 0, applicable: 1, justification: 2, evidence: 3, implementation: -1 }],
  ])('%j', (header, expected) => {
    expect(mapColumns(table(header))).toEqual({ columns: expected, missing: [] });
  });

  it('says which required column it cannot find', () => {
    expect(mapColumns(table(['Control ID', 'Status', 'Notes'])).missing).toEqual(['applicable']);
  });

  it('takes the names the config gives, before the usual ones', () => {
    expect(mapColumns(table(['Maßnahme', 'Status', 'Applicable']), { applicable: 'Status' }).columns.applicable).toBe(1);
  });
});
