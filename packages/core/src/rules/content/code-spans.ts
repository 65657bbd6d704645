/**
 * Where Markdown text is code or a URL, as GitHub renders it: fenced and
 * indented code blocks, code spans (which may wrap over lines), autolinked
 * URLs and link destinations. Prose rules skip these: `TODO` in an example
 * or in `https://x/TODO-list` is not unfinished text. Every pass is linear.
 */
import type { ParsedDocument } from '../../model.js';

/** Offset of the first body line: after the closing `---` of the frontmatter (its YAML keeps its trailing line break). */
export function bodyStartOf(document: ParsedDocument, text: string): number {
  if (document.frontmatter === null) return 0;
  const { yaml, yamlStartLine } = document.frontmatter;
  let closingLine = yamlStartLine;
  for (let at = yaml.indexOf('\n'); at !== -1; at = yaml.indexOf('\n', at + 1)) closingLine++;
  // Only the frontmatter's lines are counted: the body may be long.
  let offset = 0;
  for (let line = 0; line < closingLine; line++) {
    const end = text.indexOf('\n', offset);
    if (end === -1) return text.length;
    offset = end + 1;
  }
  return offset;
}

export interface FencedBlock {
  /** Offset of the opening fence line. */
  start: number;
  /** Offset of the end of the closing fence line, or of the text when never closed. */
  end: number;
  closed: boolean;
  /** The opening fence as written (```` ``` ```` or `~~~~`). */
  marker: string;
}

const OPENING_FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const INDENTED = /^(?: {4}|\t)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
/** Autolinked web addresses as GitHub shows them, and link destinations `](...)`. */
const URL_OR_DESTINATION = /\b(?:https?|ftp):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+|\]\([^)\s]*\)?/g;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesFrom(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineEnd = end === -1 ? text.length : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/** Lines that may open or close a fence; every other line changes nothing, so only these are looked at. */
const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})[^\n]*/gm;

/** Fenced code blocks of the body, closed or not. */
export function fencedBlocks(text: string, bodyStart = 0): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  // Most documents have no fence at all: two plain searches rule that out faster than the line pattern.
  if (!text.includes('```', bodyStart) && !text.includes('~~~', bodyStart)) return blocks;
  let open: { start: number; marker: string } | undefined;
  const fenceLines = new RegExp(FENCE_LINE);
  fenceLines.lastIndex = bodyStart;
  for (let line = fenceLines.exec(text); line !== null; line = fenceLines.exec(text)) {
    const end = line.index + line[0].length;
    if (open === undefined) {
      const marker = OPENING_FENCE.exec(line[0])?.[1];
      if (marker) open = { start: line.index, marker };
      continue;
    }
    const closing = CLOSING_FENCE.exec(line[0])?.[1];
    if (closing && closing[0] === open.marker[0] && closing.length >= open.marker.length) {
      blocks.push({ start: open.start, end, closed: true, marker: open.marker });
      open = undefined;
    }
  }
  if (open) blocks.push({ start: open.start, end: text.length, closed: false, marker: open.marker });
  return blocks;
}

/** Indented code blocks: indented lines after a blank line (they cannot interrupt a paragraph), outside lists and fences. */
function indentedBlocks(lines: readonly Line[], insideFence: (offset: number) => boolean): [number, number][] {
  const spans: [number, number][] = [];
  let previousBlank = true;
  let inCode = false;
  let inList = false;
  for (const line of lines) {
    if (insideFence(line.start)) {
      previousBlank = false;
      inCode = false;
      continue;
    }
    const blank = BLANK.test(line.text);
    if (!blank && !INDENTED.test(line.text)) inList = LIST_ITEM.test(line.text) || (inList && !previousBlank);
    inCode = !blank && INDENTED.test(line.text) && !inList && (inCode || previousBlank);
    if (inCode) spans.push([line.start, line.end]);
    if (!blank) previousBlank = false;
    else previousBlank = true;
  }
  return spans;
}

/** Code spans: a run of n backticks to the next run of exactly n in the same paragraph, which may wrap over lines. */
function codeSpans(lines: readonly Line[], insideBlock: (offset: number) => boolean): [number, number][] {
  const runs: { start: number; end: number; length: number; paragraph: number }[] = [];
  let paragraph = 0;
  for (const line of lines) {
    if (BLANK.test(line.text) || insideBlock(line.start)) {
      paragraph++;
      continue;
    }
    for (const run of line.text.matchAll(/`+/g)) {
      const start = line.start + (run.index ?? 0);
      runs.push({ start, end: start + run[0].length, length: run[0].length, paragraph });
    }
  }
  // Backwards once: for each run, the next run of the same length in its paragraph.
  const next: (number | undefined)[] = new Array<number | undefined>(runs.length);
  const seen = new Map<string, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (!run) continue;
    const key = `${run.paragraph}:${run.length}`;
    next[i] = seen.get(key);
    seen.set(key, i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const closing = next[i];
    const opening = runs[i];
    if (closing === undefined || !opening) continue;
    spans.push([opening.start, runs[closing]?.end ?? opening.end]);
    i = closing;
  }
  return spans;
}

/** Sorted, non-overlapping: a moving index over them answers "is this offset inside" in text order. */
function merged(spans: [number, number][]): [number, number][] {
  const sorted = spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** Offsets that prose rules skip: code (of the body only: frontmatter is YAML) and URLs (anywhere). */
export function ignoredSpans(text: string, bodyStart = 0): [number, number][] {
  const fences = fencedBlocks(text, bodyStart).map((block): [number, number] => [block.start, block.end]);
  const lines = linesFrom(text, bodyStart);
  const insideFence = movingLookup(fences);
  const indented = indentedBlocks(lines, insideFence);
  const blocks = merged([...fences, ...indented]);
  const insideBlock = movingLookup(blocks);
  const urls = [...text.matchAll(URL_OR_DESTINATION)].map((match): [number, number] => [match.index ?? 0, (match.index ?? 0) + match[0].length]);
  return merged([...blocks, ...codeSpans(lines, insideBlock), ...urls]);
}

/** "Is this offset inside a span?" for offsets asked in increasing order: linear over all questions. */
function movingLookup(spans: readonly [number, number][]): (offset: number) => boolean {
  let at = 0;
  return (offset) => {
    while (at < spans.length && (spans[at]?.[1] ?? 0) < offset) at++;
    const span = spans[at];
    return span !== undefined && offset >= span[0] && offset <= span[1];
  };
}
