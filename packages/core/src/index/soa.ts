import type { IndexedDocument, SourceRange, Table } from '../model.js';
import { implementationStateOf, readApplicability, type ImplementationState } from './applicability.js';
import { dataOf, keyRange, valueRange } from './fields.js';
import { holdsControlIds, mapColumns, type ColumnMap, type ColumnNames, type SoaColumn } from './soa-columns.js';
import { evidenceInCell, evidenceItemOf, legendOf, type EvidenceItem, type Legend } from './soa-evidence.js';

export { DOCUMENT_ID, type EvidenceItem } from './soa-evidence.js';

/** One control as the SoA states it, in either form, with positions. */
export interface SoaEntry {
  control: string;
  controlRange: SourceRange;
  /** undefined when the author wrote something that is neither yes nor no. */
  applicable: boolean | undefined;
  applicableText: string;
  applicableRange: SourceRange;
  justification: string;
  justificationRange: SourceRange;
  /** How the control is put into practice: `implementation`, or an Implementation column; '' when not said. */
  implementation: string;
  /** How far the control is implemented, when the Applicable or Implementation words say so ("Partial", "Planned ..."). */
  implementationState: ImplementationState | undefined;
  evidence: EvidenceItem[];
  /** Where a missing evidence list is reported. */
  evidenceRange: SourceRange;
  form: 'frontmatter' | 'table';
}

export interface SoaStatement {
  document: IndexedDocument;
  /** Entries of the frontmatter `entries` list. */
  frontmatterEntries: SoaEntry[];
  /** Rows of the body's SoA table. */
  tableEntries: SoaEntry[];
  /** The body's SoA table, when it has one. */
  tableRange: SourceRange | undefined;
  /** Tables that list controls but whose columns could not all be told apart: reported, never skipped silently. */
  unmappedTables: UnmappedTable[];
}

export interface UnmappedTable {
  /** The header row. */
  range: SourceRange;
  /** The header cells as written. */
  found: string[];
  missing: SoaColumn[];
  /** Headers no column was found in: where the missing ones probably are. */
  unused: string[];
}

const CONTROL_IN_TEXT = /A\.\d+(?:\.\d+)+/;

function frontmatterEntries(document: IndexedDocument): SoaEntry[] {
  const entries = dataOf(document)['entries'];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown, index): SoaEntry[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { control, applicable, justification, implementation, evidence } = entry as Record<string, unknown>;
    if (typeof control !== 'string') return [];
    const at = `/entries/${index}`;
    const evidenceList = Array.isArray(evidence) ? evidence : typeof evidence === 'string' ? [evidence] : [];
    return [{
      control: control.trim(),
      controlRange: valueRange(document, `${at}/control`),
      applicable: typeof applicable === 'boolean' ? applicable : undefined,
      applicableText: String(applicable ?? ''),
      applicableRange: keyRange(document, `${at}/applicable`),
      justification: typeof justification === 'string' ? justification : '',
      implementation: typeof implementation === 'string' ? implementation.trim() : '',
      implementationState: typeof implementation === 'string' ? implementationStateOf(implementation) : undefined,
      justificationRange: keyRange(document, `${at}/justification`),
      evidence: evidenceList.flatMap((item: unknown, j) =>
        typeof item === 'string' && item.trim() !== ''
          ? [evidenceItemOf(item.trim(), valueRange(document, Array.isArray(evidence) ? `${at}/evidence/${j}` : `${at}/evidence`))]
          : []),
      evidenceRange: evidence === undefined ? valueRange(document, `${at}/control`) : keyRange(document, `${at}/evidence`),
      form: 'frontmatter',
    }];
  });
}

function tableEntries(table: Table, columns: ColumnMap, legend: Legend): SoaEntry[] {
  return table.rows.flatMap((row): SoaEntry[] => {
    const controlCell = row[columns.control];
    if (!controlCell) return [];
    const controlText = controlCell.text.replace(/[*_`]/g, '').trim();
    if (controlText === '') return [];
    const applicableCell = row[columns.applicable] ?? controlCell;
    // Without a justification column, how the control is implemented is the reason given for it.
    const justificationCell = row[columns.justification] ?? row[columns.implementation] ?? controlCell;
    const evidenceCell = row[columns.evidence];
    const applicability = readApplicability(applicableCell.text);
    const implementation = row[columns.implementation]?.text.replace(/[*_`]/g, '').trim() ?? '';
    const evidence = evidenceCell ? evidenceInCell(evidenceCell, legend) : [];
    return [{
      control: CONTROL_IN_TEXT.exec(controlText)?.[0] ?? controlText.split(/\s/)[0] ?? controlText,
      controlRange: controlCell.range,
      applicable: applicability.applicable,
      applicableText: applicableCell.text,
      applicableRange: applicableCell.range,
      justification: columns.justification === -1 && columns.implementation === -1 ? '' : justificationCell.text,
      implementation,
      implementationState: applicability.implementation ?? implementationStateOf(implementation),
      justificationRange: justificationCell.range,
      evidence,
      evidenceRange: (evidenceCell ?? controlCell).range,
      form: 'table',
    }];
  });
}

/**
 * Read both forms of a Statement of Applicability. A body table counts when
 * its columns can be told apart (by their usual names or `soa.columns` of the
 * config); one that lists control ids but cannot be read is kept as unmapped.
 * Other tables may be a legend of evidence keys.
 */
export function soaStatementOf(document: IndexedDocument, columnNames: ColumnNames = {}): SoaStatement {
  let tableRange: SourceRange | undefined;
  const mapped: { table: Table; columns: ColumnMap }[] = [];
  const others: Table[] = [];
  const unmappedTables: UnmappedTable[] = [];
  for (const table of document.tables) {
    const { columns, missing } = mapColumns(table, columnNames);
    if (missing.length === 0) mapped.push({ table, columns });
    else if (holdsControlIds(table)) {
      const used = new Set(Object.values(columns));
      const found = table.header.map((cell) => cell.text);
      unmappedTables.push({ range: table.header[0]?.range ?? table.range, found, missing, unused: found.filter((_, index) => !used.has(index)) });
    }
    else others.push(table);
  }
  const legend = legendOf(others);
  const rows: SoaEntry[] = [];
  for (const { table, columns } of mapped) {
    tableRange ??= table.range;
    rows.push(...tableEntries(table, columns, legend));
  }
  return { document, frontmatterEntries: frontmatterEntries(document), tableEntries: rows, tableRange, unmappedTables };
}

/** Both forms' entries: a rule that checks an entry checks it wherever it is written. */
export function allEntries(statement: SoaStatement): SoaEntry[] {
  return [...statement.frontmatterEntries, ...statement.tableEntries];
}

/** Which forms the statement uses. */
export function formsOf(statement: SoaStatement): { frontmatter: boolean; table: boolean } {
  return { frontmatter: Array.isArray(dataOf(statement.document)['entries']), table: statement.tableRange !== undefined };
}
