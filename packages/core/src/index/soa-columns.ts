import type { Table } from '../model.js';

/** The columns of an SoA table aimslint reads; `control` and `applicable` must be found, the rest may be absent. */
export const SOA_COLUMNS = ['control', 'applicable', 'justification', 'evidence', 'implementation'] as const;
export type SoaColumn = (typeof SOA_COLUMNS)[number];
const REQUIRED: readonly SoaColumn[] = ['control', 'applicable'];

/** Where each column stands in a table; -1 when it has none. */
export type ColumnMap = Record<SoaColumn, number>;

/** A config's names for the columns (`soa.columns`), header text as written. */
export type ColumnNames = Partial<Record<SoaColumn, string | string[]>>;

/**
 * The names people give each column (as normalised by `headerKey`), from
 * real Statements of Applicability and ISO 42001 template kits.
 */
const SYNONYMS: Readonly<Record<SoaColumn, readonly string[]>> = {
  control: ['control', 'control id', 'controlid', 'control no', 'control number', 'control ref', 'control reference', 'annex a control', 'annex a', 'annex a ref', 'iso 42001 control', 'ref', 'reference', 'id'],
  applicable: ['applicable', 'applicability', 'applies', 'included', 'inclusion', 'in scope', 'selected', 'applicable yes no', 'included yes no'],
  justification: ['justification', 'justifications', 'rationale', 'reason', 'reasons', 'basis', 'justification for inclusion exclusion', 'justification for inclusion or exclusion', 'reason for inclusion exclusion', 'reason for inclusion or exclusion', 'justification rationale'],
  evidence: ['evidence', 'evidence document', 'evidence documents', 'evidence reference', 'evidence references', 'evidence link', 'evidence location', 'reference documents', 'references', 'documents', 'document', 'documentation', 'supporting documents'],
  implementation: ['implementation', 'implementation status', 'how implemented', 'implementation details', 'implementation notes', 'implementation description', 'implementation summary'],
};

/** `**Control_ID**`, `Applicable?`, `Applicable (yes/no)` → `control id`, `applicable`, `applicable yes no`. */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[*`]/g, '').replace(/[^\p{L}\p{N}/,&]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Without the separators that join several columns in one (`Basis / evidence / remaining gap`). */
const plainKey = (key: string): string => key.replace(/[/,&]/g, ' ').replace(/\s+/g, ' ').trim();

/** The parts of a combined header: `Basis / evidence / remaining gap` is basis, evidence and remaining gap. */
const partsOf = (key: string): string[] => key.split(/\s*(?:\/|,|&|\band\b)\s*/).map(plainKey).filter((part) => part !== '');

const CONTROL_CELL = /^A\.\d+(?:\.\d+)+\b/;

/** The column most of whose cells start with a control id, if any: tables that name their control column oddly (`#`). */
function controlIdColumn(table: Table): number {
  const width = table.header.length;
  for (let column = 0; column < width; column++) {
    const hits = table.rows.filter((row) => CONTROL_CELL.test(row[column]?.text.replace(/[*_`]/g, '').trim() ?? '')).length;
    if (hits > 0 && hits * 2 >= table.rows.length) return column;
  }
  return -1;
}

/** Whether a table lists controls: one of its columns holds control ids in most rows. */
export function holdsControlIds(table: Table): boolean {
  return controlIdColumn(table) !== -1;
}

function configuredNames(names: ColumnNames, column: SoaColumn): string[] {
  const value = names[column];
  return (value === undefined ? [] : typeof value === 'string' ? [value] : value).map((name) => plainKey(headerKey(name)));
}

/**
 * Where each column stands. A header counts for a column when the config
 * names it, else when it is one of the column's names, else when one part of
 * a combined header is (so one column can give both justification and
 * evidence). `missing` lists required columns that could not be found.
 */
export function mapColumns(table: Table, names: ColumnNames = {}): { columns: ColumnMap; missing: SoaColumn[] } {
  const keys = table.header.map((cell) => headerKey(cell.text));
  const columns = Object.fromEntries(SOA_COLUMNS.map((column) => [column, -1])) as ColumnMap;
  const taken = new Set<number>();
  const assign = (column: SoaColumn, matches: (key: string) => boolean, exclusive: boolean): void => {
    if (columns[column] !== -1) return;
    const at = keys.findIndex((key, index) => !(exclusive && taken.has(index)) && matches(key));
    if (at === -1) return;
    columns[column] = at;
    if (exclusive) taken.add(at);
  };
  for (const column of SOA_COLUMNS) {
    const own = configuredNames(names, column);
    assign(column, (key) => own.includes(plainKey(key)), true);
  }
  for (const column of SOA_COLUMNS) assign(column, (key) => SYNONYMS[column].includes(plainKey(key)), true);
  for (const column of SOA_COLUMNS) assign(column, (key) => partsOf(key).some((part) => SYNONYMS[column].includes(part)), false);
  if (columns.control === -1) columns.control = controlIdColumn(table);
  return { columns, missing: REQUIRED.filter((column) => columns[column] === -1) };
}
