import type { Link, IndexedDocument, SourceRange, Table, TableCell } from '../model.js';
import { implementationStateOf, readApplicability, type ImplementationState } from './applicability.js';
import { dataOf, keyRange, valueRange } from './fields.js';

/** One evidence item: a repository-relative link or a document id. */
export interface EvidenceItem {
  kind: 'link' | 'id';
  /** The URL or the id as written. */
  text: string;
  range: SourceRange;
}

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
}

export const DOCUMENT_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
const DOCUMENT_ID_IN_TEXT = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g;
const CONTROL_IN_TEXT = /A\.\d+(?:\.\d+)+/;

function evidenceItemOf(text: string, range: SourceRange): EvidenceItem {
  return { kind: DOCUMENT_ID.test(text) ? 'id' : 'link', text, range };
}

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

const REQUIRED_COLUMNS = ['control', 'applicable', 'justification', 'evidence'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number];

/** Where each column stands; undefined unless all required ones are there. Implementation is optional (-1). */
function columnsOf(table: Table): (Record<Column, number> & { implementation: number }) | undefined {
  const names = table.header.map((cell) => cell.text.replace(/[*_`]/g, '').trim().toLowerCase());
  const columns = { implementation: names.indexOf('implementation') } as Record<Column, number> & { implementation: number };
  for (const column of REQUIRED_COLUMNS) {
    const at = names.indexOf(column);
    if (at === -1) return undefined;
    columns[column] = at;
  }
  return columns;
}

/** Document ids written in a cell outside its links, with their ranges. */
function idsInCell(cell: TableCell): EvidenceItem[] {
  if (cell.range.line !== cell.range.endLine) return [];
  let text = cell.raw;
  for (const link of cell.links) {
    if (link.range.line !== cell.range.line) continue;
    const from = link.range.column - cell.range.column;
    const to = link.range.endColumn - cell.range.column;
    text = text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);
  }
  const items: EvidenceItem[] = [];
  for (const match of text.matchAll(DOCUMENT_ID_IN_TEXT)) {
    const column = cell.range.column + (match.index ?? 0);
    items.push({ kind: 'id', text: match[0], range: { line: cell.range.line, column, endLine: cell.range.line, endColumn: column + match[0].length } });
  }
  return items;
}

function linkEvidence(link: Link): EvidenceItem {
  return evidenceItemOf(link.url, link.range);
}

function tableEntries(table: Table, columns: Record<Column, number> & { implementation: number }): SoaEntry[] {
  return table.rows.flatMap((row): SoaEntry[] => {
    const controlCell = row[columns.control];
    if (!controlCell) return [];
    const controlText = controlCell.text.replace(/[*_`]/g, '').trim();
    if (controlText === '') return [];
    const applicableCell = row[columns.applicable] ?? controlCell;
    const justificationCell = row[columns.justification] ?? controlCell;
    const evidenceCell = row[columns.evidence] ?? controlCell;
    const applicability = readApplicability(applicableCell.text);
    const implementation = row[columns.implementation]?.text.replace(/[*_`]/g, '').trim() ?? '';
    const evidence = [...evidenceCell.links.map(linkEvidence), ...idsInCell(evidenceCell)]
      .sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
    return [{
      control: CONTROL_IN_TEXT.exec(controlText)?.[0] ?? controlText.split(/\s/)[0] ?? controlText,
      controlRange: controlCell.range,
      applicable: applicability.applicable,
      applicableText: applicableCell.text,
      applicableRange: applicableCell.range,
      justification: justificationCell.text,
      implementation,
      implementationState: applicability.implementation ?? implementationStateOf(implementation),
      justificationRange: justificationCell.range,
      evidence,
      evidenceRange: evidenceCell.range,
      form: 'table',
    }];
  });
}

/** Read both forms of a Statement of Applicability. */
export function soaStatementOf(document: IndexedDocument): SoaStatement {
  let tableRange: SourceRange | undefined;
  const rows: SoaEntry[] = [];
  for (const table of document.tables) {
    const columns = columnsOf(table);
    if (!columns) continue;
    tableRange ??= table.range;
    rows.push(...tableEntries(table, columns));
  }
  return { document, frontmatterEntries: frontmatterEntries(document), tableEntries: rows, tableRange };
}

/** Both forms' entries: a rule that checks an entry checks it wherever it is written. */
export function allEntries(statement: SoaStatement): SoaEntry[] {
  return [...statement.frontmatterEntries, ...statement.tableEntries];
}

/** Which forms the statement uses. */
export function formsOf(statement: SoaStatement): { frontmatter: boolean; table: boolean } {
  return { frontmatter: Array.isArray(dataOf(statement.document)['entries']), table: statement.tableRange !== undefined };
}
