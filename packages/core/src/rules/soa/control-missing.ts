import { controlsOf, type Control } from '../../catalog/index.js';
import { appendMappings } from '../../fix/yaml-edits.js';
import { frontmatterRange, keyRange } from '../../index/fields.js';
import { allEntries, formsOf, type SoaStatement } from '../../index/soa.js';
import type { SourceRange, Table, TextEdit } from '../../model.js';
import { defineRepositoryRule } from '../types.js';

/** Where "this control is missing" is said: the `entries` key, else the table, else the frontmatter. */
export function soaAnchor(statement: SoaStatement): SourceRange {
  if (formsOf(statement).frontmatter) return keyRange(statement.document, '/entries');
  return statement.tableRange ?? frontmatterRange(statement.document);
}

/** The word a fix writes where a person must still decide: no rule takes it for yes or no. */
export const UNDECIDED = 'undecided';

/** A table row for a missing control, its cells in the table's own column order. */
function undecidedRow(table: Table, control: Control): string {
  const cells = table.header.map((cell) => {
    const name = cell.text.replace(/[*_`]/g, '').trim().toLowerCase();
    if (name === 'control') return control.id;
    if (name === 'title') return control.title.replace(/\|/g, '\\|');
    return name === 'applicable' ? UNDECIDED : '';
  });
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

/**
 * Rows (or entries) for the missing controls, marked undecided, after the
 * last stated one in each form the SoA uses. One fix for the whole statement,
 * shared by its findings, so the rows come in catalog order in one pass.
 */
function addUndecided(statement: SoaStatement, missing: readonly Control[]): TextEdit[] | undefined {
  const forms = formsOf(statement);
  const edits: TextEdit[] = [];
  if (forms.frontmatter) {
    const entries = appendMappings(statement.document, 'entries', missing.map((control) => [['control', control.id], ['applicable', UNDECIDED]] as const));
    if (!entries) return undefined;
    edits.push(...entries);
  }
  const range = statement.tableRange;
  const table = statement.document.tables.find((candidate) => candidate.range === range);
  if (forms.table) {
    if (!range || !table) return undefined;
    const end = { line: range.endLine, column: range.endColumn, endLine: range.endLine, endColumn: range.endColumn };
    edits.push({ file: statement.document.path, range: end, text: missing.map((control) => `\n${undecidedRow(table, control)}`).join('') });
  }
  return edits.length > 0 ? edits : undefined;
}

export default defineRepositoryRule({
  id: 'soa/control-missing',
  defaultSeverity: 'error',
  description: 'An Annex A control that the Statement of Applicability does not state.',
  serves: ['6.1.3'],
  fixable: 'code',
  messages: {
    missing: '{{control}} ({{title}}) is not in the Statement of Applicability; state it as applicable with evidence, or as excluded with a justification.',
  },
  check(index) {
    const controls = controlsOf(index.catalog);
    return index.soa.flatMap((statement) => {
      const stated = new Set(allEntries(statement).map((entry) => entry.control));
      const missing = controls.filter((control) => !stated.has(control.id));
      const fix = missing.length > 0 ? addUndecided(statement, missing) : undefined;
      return missing.map((control) => ({
        messageId: 'missing',
        data: { control: control.id, title: control.title },
        file: statement.document.path,
        range: soaAnchor(statement),
        ...(fix ? { fix } : {}),
      }));
    });
  },
});
