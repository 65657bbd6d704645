import type { SourceRange } from '../model.js';

/**
 * Offsets of the first character of each line in `text` (LF endings).
 * Used to turn the offsets that parsers report into line and column.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let at = text.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return starts;
}

/** 1-based line and column of an offset; binary search over line starts. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** The range between two offsets, with the line numbering shifted by `lineOffset`. */
export function rangeOf(lineStarts: readonly number[], start: number, end: number, lineOffset = 0): SourceRange {
  const from = positionAt(lineStarts, start);
  const to = positionAt(lineStarts, Math.max(start, end));
  return { line: from.line + lineOffset, column: from.column, endLine: to.line + lineOffset, endColumn: to.column };
}

/** A range covering one whole line of `length` characters. */
export function lineRange(line: number, length: number): SourceRange {
  return { line, column: 1, endLine: line, endColumn: length + 1 };
}
