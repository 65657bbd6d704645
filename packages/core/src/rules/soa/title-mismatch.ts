import { controlsOf, type Control } from '../../catalog/index.js';
import { dataOf, valueRange } from '../../index/fields.js';
import type { IndexedDocument, SourceRange } from '../../model.js';
import { defineRepositoryRule, type Report } from '../types.js';

const CONTROL_IN_TEXT = /A\.\d+(?:\.\d+)+/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'of', 'the', 'for', 'to', 'in', 'on', 'or', 'with', 'ai']);

const normalised = (text: string): string => text.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
const words = (text: string): Set<string> => new Set(normalised(text).split(/[^a-z0-9]+/).filter((word) => word !== '' && !SMALL_WORDS.has(word)));

/**
 * Whether a title the author wrote could be the control's: the same words in
 * any order, a longer or shorter form ("AI policy statement"), or most of its
 * words. Only a title that shares little with the control's is a mismatch.
 */
function fits(written: string, control: Control): boolean {
  const a = normalised(written);
  const b = normalised(control.title);
  if (a === '' || a.includes(b) || b.includes(a)) return true;
  const mine = words(written);
  const theirs = words(control.title);
  const shared = [...mine].filter((word) => theirs.has(word)).length;
  return shared * 2 >= Math.min(mine.size, theirs.size) && shared > 0;
}

interface TitledRow {
  control: string;
  title: string;
  range: SourceRange;
}

/** Title cells of the SoA's tables that have a Control and a Title column. */
function tableTitles(document: IndexedDocument): TitledRow[] {
  return document.tables.flatMap((table) => {
    const names = table.header.map((cell) => normalised(cell.text));
    const control = names.indexOf('control');
    const title = names.indexOf('title');
    if (control === -1 || title === -1) return [];
    return table.rows.flatMap((row): TitledRow[] => {
      const id = CONTROL_IN_TEXT.exec(row[control]?.text ?? '')?.[0];
      const cell = row[title];
      return id !== undefined && cell !== undefined ? [{ control: id, title: cell.text, range: cell.range }] : [];
    });
  });
}

/** `title` of the frontmatter `entries`. */
function entryTitles(document: IndexedDocument): TitledRow[] {
  const entries = dataOf(document)['entries'];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown, index): TitledRow[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { control, title } = entry as Record<string, unknown>;
    return typeof control === 'string' && typeof title === 'string' ? [{ control: control.trim(), title, range: valueRange(document, `/entries/${index}/title`) }] : [];
  });
}

export default defineRepositoryRule({
  id: 'soa/title-mismatch',
  defaultSeverity: 'warn',
  description: "An SoA row whose Title names something other than its control (A.2.2 titled \"AI risk assessment\"): the row may be about a different control than its id says.",
  serves: ['6.1.3'],
  messages: {
    mismatch: 'This row of {{control}} is titled "{{title}}", but {{control}} is "{{expected}}"{{other}}. Check that the id and the row agree.',
  },
  check(index) {
    const controls = controlsOf(index.catalog);
    const byId = new Map(controls.map((control) => [control.id, control]));
    return index.soa.flatMap((statement) =>
      [...entryTitles(statement.document), ...tableTitles(statement.document)].flatMap((row): Report[] => {
        const control = byId.get(row.control);
        // An unknown control id is soa/control-unknown's.
        if (control === undefined || fits(row.title, control)) return [];
        const other = controls.find((candidate) => candidate !== control && normalised(candidate.title) === normalised(row.title));
        return [{
          messageId: 'mismatch',
          data: { control: control.id, title: row.title.trim(), expected: control.title, other: other ? ` ("${other.title}" is ${other.id})` : '' },
          file: statement.document.path,
          range: row.range,
        }];
      }));
  },
});
