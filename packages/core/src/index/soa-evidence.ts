import type { SourceRange, Table, TableCell } from '../model.js';

/** One evidence item: a repository-relative link or a document id. */
export interface EvidenceItem {
  kind: 'link' | 'id';
  /** The URL or the id as written. */
  text: string;
  range: SourceRange;
}

export const DOCUMENT_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
const DOCUMENT_ID_IN_TEXT = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g;
/** A code span that holds a path (`policies/ai-policy.md`, `docs/risk.pdf#scope`): no spaces, a slash or a file extension. */
const CODE_SPAN = /`([^`\s]+)`/g;
const PATH_LIKE = /\/|\.[A-Za-z0-9]{1,5}(?:#.*)?$/;
/** A bare path in a legend cell, where people write `AI policy (policies/ai-policy.md)`. */
const BARE_PATH = /(?:^|[\s(])((?:\.{0,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:md|markdown|pdf|docx?|xlsx?|pptx?|txt|html?)(?:#[\w-]+)?)(?=$|[\s),;])/g;
/** A legend key: a short upper-case code (`AIPOL`, `RA_01`, `EV-3`). */
const LEGEND_KEY = /^[A-Z][A-Z0-9_-]{1,23}$/;
const KEY_IN_TEXT = /\b[A-Z][A-Z0-9_-]{1,23}\b/g;

export function evidenceItemOf(text: string, range: SourceRange): EvidenceItem {
  return { kind: DOCUMENT_ID.test(text) ? 'id' : 'link', text, range };
}

/** Evidence keys an SoA defines in a legend table: key → what it stands for. */
export type Legend = ReadonlyMap<string, readonly EvidenceItem[]>;

const rangeAt = (cell: TableCell, offset: number, length: number): SourceRange => {
  const column = cell.range.column + offset;
  return { line: cell.range.line, column, endLine: cell.range.line, endColumn: column + length };
};

/** The cell's raw text with its links blanked out, so ids and keys inside them are not read twice. */
function withoutLinks(cell: TableCell): string {
  let text = cell.raw;
  for (const link of cell.links) {
    if (link.range.line !== cell.range.line) continue;
    const from = link.range.column - cell.range.column;
    const to = link.range.endColumn - cell.range.column;
    text = text.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + text.slice(to);
  }
  return text;
}

/** Code-span paths, as links; the text handed on has the spans blanked out. */
function codeSpanPaths(cell: TableCell, text: string): { items: EvidenceItem[]; rest: string } {
  const items: EvidenceItem[] = [];
  let rest = text;
  for (const match of text.matchAll(CODE_SPAN)) {
    const path = match[1] ?? '';
    const at = match.index ?? 0;
    rest = rest.slice(0, at) + ' '.repeat(match[0].length) + rest.slice(at + match[0].length);
    if (PATH_LIKE.test(path) && !DOCUMENT_ID.test(path)) items.push({ kind: 'link', text: path, range: rangeAt(cell, at + 1, path.length) });
  }
  return { items, rest };
}

/**
 * The evidence a cell names: its links, code-span paths, document ids, and
 * keys of the SoA's legend (each standing for what the legend row names, at
 * the key's position). Multi-line cells give their links only: positions
 * inside them cannot be worked out from one line.
 */
export function evidenceInCell(cell: TableCell, legend: Legend): EvidenceItem[] {
  const links = cell.links.map((link) => evidenceItemOf(link.url, link.range));
  if (cell.range.line !== cell.range.endLine) return links;
  const { items: paths, rest } = codeSpanPaths(cell, withoutLinks(cell));
  const named: EvidenceItem[] = [];
  for (const match of rest.matchAll(KEY_IN_TEXT)) {
    const meant = legend.get(match[0]);
    const range = rangeAt(cell, match.index ?? 0, match[0].length);
    if (meant) named.push(...meant.map((item) => ({ ...item, range })));
  }
  for (const match of rest.matchAll(DOCUMENT_ID_IN_TEXT)) {
    if (!legend.has(match[0])) named.push({ kind: 'id', text: match[0], range: rangeAt(cell, match.index ?? 0, match[0].length) });
  }
  return [...links, ...paths, ...named].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/** What a legend row's other cells name: links, code-span or bare paths, document ids. */
function legendTargets(cells: readonly TableCell[]): EvidenceItem[] {
  return cells.flatMap((cell) => {
    const items = evidenceInCell(cell, new Map());
    if (items.length > 0 || cell.range.line !== cell.range.endLine) return items;
    return [...cell.raw.matchAll(BARE_PATH)].map((match) => {
      const path = match[1] ?? '';
      return { kind: 'link' as const, text: path, range: rangeAt(cell, (match.index ?? 0) + match[0].indexOf(path), path.length) };
    });
  });
}

/**
 * The legend of an SoA: tables (other than the control tables) whose first
 * column holds short upper-case keys and whose rows name documents.
 */
export function legendOf(tables: readonly Table[]): Legend {
  const legend = new Map<string, EvidenceItem[]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const [keyCell, ...others] = row;
      const key = keyCell?.text.replace(/[*`]/g, '').trim() ?? '';
      // A key shaped like a document id (`POL-001`) is that id: a register of documents is not a legend.
      if (!LEGEND_KEY.test(key) || DOCUMENT_ID.test(key) || legend.has(key)) continue;
      const targets = legendTargets(others);
      if (targets.length > 0) legend.set(key, targets);
    }
  }
  return legend;
}
