/**
 * The fast Markdown body scanner.
 *
 * micromark/remark run at 1–1.6 MB/s, too slow for 10,000 files in 4 s, so
 * this is a hand-written single pass over lines that follows CommonMark/GFM
 * block structure only as far as headings, links, anchors and tables need:
 * containers (block quotes, list items) are tracked so indented code and
 * lazy continuation lines are classified correctly, but no tree is built.
 *
 * Pass 1 (blocks) walks lines and records work items in document order plus
 * the link reference definitions; pass 2 scans each item's inline content,
 * because a reference link may use a definition that comes later.
 */
import { slug as githubSlug } from 'github-slugger';
import type { CommentDirective, Heading, Link, MarkdownStructure, SourceRange, Table, TableCell } from '../model.js';
import {
  BacktickIndex,
  indexWithin,
  isSpaceOrTab,
  normalizeLabel,
  parseHtmlTag,
  scanHtmlRange,
  scanInline,
  specialSearches,
  type InlineSink,
  type RawLink,
  type SpecialSearches,
} from './markdown-inline.js';

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const DASH = 0x2d;
const EQUALS = 0x3d;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const PLUS = 0x2b;
const PIPE = 0x7c;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const LT = 0x3c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** A container block the current line may continue. */
type Container = { kind: 'quote' } | { kind: 'item'; contentColumn: number };

/** A row of a table: its content offsets on one line. */
interface RowSpan {
  from: number;
  to: number;
}

/** What pass 2 scans, in document order. */
type WorkItem =
  | { kind: 'paragraph'; from: number; to: number }
  | { kind: 'heading'; depth: number; from: number; to: number }
  | { kind: 'table'; rows: RowSpan[]; columns: number }
  | { kind: 'html'; from: number; to: number };

/** Which line ends an HTML block (CommonMark conditions 1–5), or a blank line (6, 7). */
type HtmlBlockEnd = { kind: 'marker'; marker: string; caseInsensitive: boolean } | { kind: 'blank' };

const HTML_RAW_NAMES = ['script', 'pre', 'style', 'textarea'];

const HTML_BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col',
  'colgroup', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr',
  'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol',
  'optgroup', 'option', 'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'title', 'tr', 'track', 'ul',
]);

/** Column after `code` at `column`, with tab stops every 4 columns. */
function advanceColumn(code: number, column: number): number {
  return code === TAB ? column + 4 - (column % 4) : column + 1;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Offset after trailing spaces/tabs are dropped from [from, to). */
function trimEndOffset(src: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpaceOrTab(src.charCodeAt(end - 1))) end--;
  return end;
}

function skipSpacesAndTabs(src: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpaceOrTab(src.charCodeAt(i))) i++;
  return i;
}

/** `***`, `---`, `___` (3+, spaces allowed between) alone on the line. */
function isThematicBreak(src: string, from: number, to: number): boolean {
  const marker = src.charCodeAt(from);
  if (marker !== DASH && marker !== STAR && marker !== UNDERSCORE) return false;
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = src.charCodeAt(i);
    if (code === marker) count++;
    else if (!isSpaceOrTab(code)) return false;
  }
  return count >= 3;
}

/**
 * Where a thematic break may start in [from, to): the start of the longest
 * tail made of one marker character and blanks, the marker, and the offset of
 * its third-last occurrence (a break needs three). A line of hundreds of list
 * markers (`- - - … x`) asks for every suffix; this answers each in O(1).
 */
interface ThematicTail {
  lineEnd: number;
  tailStart: number;
  marker: number;
  thirdLast: number;
}

function thematicTail(src: string, from: number, to: number): ThematicTail {
  let i = to;
  let marker = -1;
  let count = 0;
  let thirdLast = -1;
  while (i > from) {
    const code = src.charCodeAt(i - 1);
    if (isSpaceOrTab(code)) {
      i--;
      continue;
    }
    if (marker === -1 && (code === DASH || code === STAR || code === UNDERSCORE)) marker = code;
    if (code !== marker) break;
    i--;
    count++;
    if (count === 3) thirdLast = i;
  }
  return { lineEnd: to, tailStart: i, marker, thirdLast };
}

/** A setext underline: `=` or `-` run, then only trailing whitespace. Returns depth or 0. */
function setextDepth(src: string, from: number, to: number): number {
  const marker = src.charCodeAt(from);
  if (marker !== EQUALS && marker !== DASH) return 0;
  let i = from;
  while (i < to && src.charCodeAt(i) === marker) i++;
  return skipSpacesAndTabs(src, i, to) === to ? (marker === EQUALS ? 1 : 2) : 0;
}

/** ATX heading depth at `from` (`#`..`######` then space or end), or 0. */
function atxDepth(src: string, from: number, to: number): number {
  let i = from;
  while (i < to && src.charCodeAt(i) === HASH && i - from < 7) i++;
  const depth = i - from;
  if (depth === 0 || depth > 6) return 0;
  return i === to || isSpaceOrTab(src.charCodeAt(i)) ? depth : 0;
}

/** Content of an ATX heading after its `#`s: without the optional closing sequence. */
function atxContent(src: string, afterHashes: number, to: number): RowSpan {
  const from = skipSpacesAndTabs(src, afterHashes, to);
  let end = trimEndOffset(src, from, to);
  let k = end;
  while (k > from && src.charCodeAt(k - 1) === HASH) k--;
  if (k === from) end = from;
  else if (k < end && isSpaceOrTab(src.charCodeAt(k - 1))) end = trimEndOffset(src, from, k);
  return { from, to: end };
}

/** Opening code fence: its character and length, or null. */
function openingFence(src: string, from: number, to: number): { code: number; length: number } | null {
  const code = src.charCodeAt(from);
  if (code !== BACKTICK && code !== TILDE) return null;
  let i = from;
  while (i < to && src.charCodeAt(i) === code) i++;
  const length = i - from;
  if (length < 3) return null;
  // A backtick fence's info string may not contain backticks (it would be a code span).
  if (code === BACKTICK && indexWithin(src, '`', i, to) !== -1) return null;
  return { code, length };
}

function isClosingFence(src: string, from: number, to: number, fence: { code: number; length: number }): boolean {
  let i = from;
  while (i < to && src.charCodeAt(i) === fence.code) i++;
  return i - from >= fence.length && skipSpacesAndTabs(src, i, to) === to;
}

/** A list item marker at `from`: where its content starts, or null. */
interface ListMarker {
  /** Offset just after the marker character(s). */
  markerEnd: number;
  ordered: boolean;
  startsWithOne: boolean;
}

function listMarker(src: string, from: number, to: number): ListMarker | null {
  const code = src.charCodeAt(from);
  let end = from;
  let ordered = false;
  if (code === DASH || code === PLUS || code === STAR) {
    end = from + 1;
  } else if (isAsciiDigit(code)) {
    while (end < to && isAsciiDigit(src.charCodeAt(end)) && end - from < 10) end++;
    const delimiter = src.charCodeAt(end);
    if (end - from > 9 || (delimiter !== 0x2e && delimiter !== 0x29)) return null;
    end++;
    ordered = true;
  } else {
    return null;
  }
  if (end < to && !isSpaceOrTab(src.charCodeAt(end))) return null;
  const startsWithOne = ordered && Number.parseInt(src.slice(from, end - 1), 10) === 1;
  return { markerEnd: end, ordered, startsWithOne };
}

/** CommonMark HTML block start conditions 1–7 at `from` (a `<`). */
function htmlBlockStart(src: string, from: number, to: number, paragraphOpen: boolean): HtmlBlockEnd | null {
  if (src.charCodeAt(from) !== LT) return null;
  const lower = src.slice(from, Math.min(to, from + 12)).toLowerCase();
  for (const name of HTML_RAW_NAMES) {
    if (lower.startsWith(`<${name}`)) {
      const after = src.charCodeAt(from + 1 + name.length);
      if (from + 1 + name.length >= to || after === GT || isSpaceOrTab(after)) {
        return { kind: 'marker', marker: `</${name}>`, caseInsensitive: true };
      }
    }
  }
  if (lower.startsWith('<!--')) return { kind: 'marker', marker: '-->', caseInsensitive: false };
  if (lower.startsWith('<?')) return { kind: 'marker', marker: '?>', caseInsensitive: false };
  if (lower.startsWith('<![cdata[')) return { kind: 'marker', marker: ']]>', caseInsensitive: false };
  if (lower.startsWith('<!') && isAsciiLetterCode(src.charCodeAt(from + 2))) {
    return { kind: 'marker', marker: '>', caseInsensitive: false };
  }
  const nameStart = from + (src.charCodeAt(from + 1) === 0x2f ? 2 : 1);
  let nameEnd = nameStart;
  while (nameEnd < to && (isAsciiLetterCode(src.charCodeAt(nameEnd)) || isAsciiDigit(src.charCodeAt(nameEnd)) || src.charCodeAt(nameEnd) === DASH)) nameEnd++;
  const name = src.slice(nameStart, nameEnd).toLowerCase();
  if (HTML_BLOCK_NAMES.has(name)) {
    const after = src.charCodeAt(nameEnd);
    if (nameEnd >= to || isSpaceOrTab(after) || after === GT || (after === 0x2f && src.charCodeAt(nameEnd + 1) === GT)) {
      return { kind: 'blank' };
    }
  }
  // Condition 7: any complete tag alone on its line, but it may not interrupt a paragraph.
  if (paragraphOpen || HTML_RAW_NAMES.includes(name)) return null;
  const tag = parseHtmlTag(src, from, to);
  return tag && skipSpacesAndTabs(src, tag.end, to) === to ? { kind: 'blank' } : null;
}

function htmlBlockEndsOnLine(src: string, from: number, to: number, end: HtmlBlockEnd): boolean {
  if (end.kind === 'blank') return false;
  const line = src.slice(from, to);
  return (end.caseInsensitive ? line.toLowerCase() : line).includes(end.marker);
}

/** Cell count of a GFM delimiter row (`| --- | :-: |`), or 0 when it is not one. */
function delimiterRowCells(src: string, from: number, to: number): number {
  let i = from;
  let cells = 0;
  let pipes = 0;
  if (src.charCodeAt(i) === PIPE) {
    i++;
    pipes++;
  }
  for (;;) {
    i = skipSpacesAndTabs(src, i, to);
    if (i >= to) break;
    if (src.charCodeAt(i) === COLON) i++;
    const dashes = i;
    while (i < to && src.charCodeAt(i) === DASH) i++;
    if (i === dashes) return 0;
    if (src.charCodeAt(i) === COLON && i < to) i++;
    cells++;
    i = skipSpacesAndTabs(src, i, to);
    if (i >= to) break;
    if (src.charCodeAt(i) !== PIPE) return 0;
    i++;
    pipes++;
  }
  // Without any pipe, `---` is a setext underline or thematic break, not a table.
  return pipes > 0 ? cells : 0;
}

/**
 * Splits a table row into trimmed cell spans. Escaped `\|` and pipes inside
 * code spans do not split; leading and trailing pipes are optional.
 */
export function splitTableRow(src: string, from: number, to: number): RowSpan[] {
  const start = skipSpacesAndTabs(src, from, to);
  const end = trimEndOffset(src, start, to);
  const cells: RowSpan[] = [];
  let backticks: BacktickIndex | undefined;
  let cellStart = start;
  let i = start;
  if (src.charCodeAt(i) === PIPE && i < end) {
    i++;
    cellStart = i;
  }
  let endedWithPipe = false;
  while (i < end) {
    const code = src.charCodeAt(i);
    endedWithPipe = false;
    if (code === BACKSLASH) {
      i += 2;
    } else if (code === BACKTICK) {
      let run = i + 1;
      while (run < end && src.charCodeAt(run) === BACKTICK) run++;
      backticks ??= new BacktickIndex(src, start, end);
      const close = backticks.findRun(run, run - i);
      i = close === -1 ? run : close + (run - i);
    } else if (code === PIPE) {
      cells.push(trimmedSpan(src, cellStart, i));
      cellStart = i + 1;
      i++;
      endedWithPipe = true;
    } else {
      i++;
    }
  }
  // A trailing pipe closes the last cell rather than opening an empty one.
  if (!endedWithPipe) cells.push(trimmedSpan(src, cellStart, Math.max(cellStart, end)));
  return cells;
}

/** The cell's content without surrounding blanks; an empty cell keeps its whole width, so it can be pointed at. */
function trimmedSpan(src: string, from: number, to: number): RowSpan {
  const start = skipSpacesAndTabs(src, from, to);
  return start >= to ? { from, to } : { from: start, to: trimEndOffset(src, start, to) };
}

/**
 * A link reference definition alone on one line (`[label]: url "title"`), or
 * null. Multi-line definitions are rare in governance documents and not read.
 */
function parseDefinitionLine(src: string, from: number, to: number): { label: string; url: string } | null {
  if (src.charCodeAt(from) !== LBRACKET) return null;
  let i = from + 1;
  for (; i < to; i++) {
    const code = src.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === LBRACKET) return null;
    else if (code === RBRACKET) break;
  }
  const label = src.slice(from + 1, i);
  // `[^note]:` is a GFM footnote definition, not a link definition.
  if (i >= to || i - from - 1 > 999 || label.trim() === '' || label.startsWith('^')) return null;
  if (src.charCodeAt(i + 1) !== COLON) return null;
  i = skipSpacesAndTabs(src, i + 2, to);
  if (i >= to) return null;
  let url: string;
  if (src.charCodeAt(i) === LT) {
    const close = indexWithin(src, '>', i + 1, to);
    if (close === -1) return null;
    url = src.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    while (i < to && !isSpaceOrTab(src.charCodeAt(i))) i++;
    url = src.slice(start, i);
  }
  const afterUrl = i;
  i = skipSpacesAndTabs(src, i, to);
  if (i < to) {
    const quote = src.charCodeAt(i);
    const close = quote === 0x28 ? 0x29 : quote;
    if (i === afterUrl || (quote !== 0x22 && quote !== 0x27 && quote !== 0x28)) return null;
    let j = i + 1;
    while (j < to && src.charCodeAt(j) !== close) j += src.charCodeAt(j) === BACKSLASH ? 2 : 1;
    if (j >= to || skipSpacesAndTabs(src, j + 1, to) !== to) return null;
  }
  return { label: normalizeLabel(label), url };
}

/** Pass 1: block structure. */
class BlockScanner {
  readonly lineStarts: number[] = [];
  readonly work: WorkItem[] = [];
  readonly definitions = new Map<string, string>();

  private readonly containers: Container[] = [];
  /** Indexes of the block quotes among `containers`, ascending: a blank line skips the list items between them. */
  private readonly quoteIndexes: number[] = [];
  /** The current line's thematic-break tail, worked out once per line. */
  private tail: ThematicTail | null = null;
  /** Open paragraph: content start and end offset of each of its lines. */
  private readonly paragraphStarts: number[] = [];
  private readonly paragraphEnds: number[] = [];
  private fence: { code: number; length: number } | null = null;
  private html: { end: HtmlBlockEnd; from: number; to: number } | null = null;
  private table: { rows: RowSpan[]; columns: number } | null = null;

  /** Cursor within the current line, maintained while matching containers. */
  private pos = 0;
  private column = 0;

  constructor(private readonly src: string) {}

  scan(): void {
    const src = this.src;
    let lineStart = 0;
    for (;;) {
      let lineEnd = src.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = src.length;
      this.lineStarts.push(lineStart);
      this.scanLine(lineStart, lineEnd);
      if (lineEnd >= src.length) break;
      lineStart = lineEnd + 1;
    }
    this.closeContainersTo(0);
    this.closeLeaf();
  }

  private scanLine(lineStart: number, lineEnd: number): void {
    this.pos = lineStart;
    this.column = 0;
    const matched = this.matchContainers(lineEnd);
    const allMatched = matched === this.containers.length;
    if (allMatched && this.fence) {
      this.continueFence(lineEnd);
      return;
    }
    if (allMatched && this.html) {
      this.continueHtml(lineEnd);
      return;
    }
    const first = skipSpacesAndTabs(this.src, this.pos, lineEnd);
    if (!allMatched && this.isLazyContinuation(first, lineEnd)) {
      this.paragraphStarts.push(first);
      this.paragraphEnds.push(lineEnd);
      return;
    }
    this.closeContainersTo(matched);
    this.openContainers(lineEnd);
    this.scanLeaf(lineEnd);
  }

  /** Consumes the markers of open containers that this line continues; returns how many. */
  private matchContainers(lineEnd: number): number {
    const src = this.src;
    const containers = this.containers;
    let matched = 0;
    while (matched < containers.length) {
      const container = containers[matched];
      const { first, column } = this.peekIndent(lineEnd);
      if (container?.kind === 'quote') {
        if (column - this.column > 3 || first >= lineEnd || src.charCodeAt(first) !== GT) break;
        this.pos = first + 1;
        this.column = column + 1;
        this.skipOneSpace(lineEnd);
        matched++;
      } else if (first >= lineEnd) {
        // A blank rest continues every list item up to the next block quote, which it does not:
        // jump there at once, so blank lines under very deep nesting stay cheap.
        this.pos = lineEnd;
        this.column = column;
        return this.nextQuoteIndex(matched);
      } else if (container && column >= container.contentColumn) {
        this.consumeIndentTo(container.contentColumn, lineEnd);
        matched++;
      } else {
        break;
      }
    }
    return matched;
  }

  /** The first block quote at or after container `index`, or the container count when there is none. */
  private nextQuoteIndex(index: number): number {
    const quotes = this.quoteIndexes;
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quotes[mid] ?? 0) < index) lo = mid + 1;
      else hi = mid;
    }
    return quotes[lo] ?? this.containers.length;
  }

  /** `isThematicBreak` for a suffix of the current line, in O(1) after one pass over the line. */
  private thematicBreakAt(first: number, lineEnd: number): boolean {
    if (this.tail?.lineEnd !== lineEnd) this.tail = thematicTail(this.src, this.pos, lineEnd);
    const tail = this.tail;
    return first >= tail.tailStart && first <= tail.thirdLast && this.src.charCodeAt(first) === tail.marker;
  }

  /** First non-blank offset from the cursor and its column (tabs expanded). */
  private peekIndent(lineEnd: number): { first: number; column: number } {
    let i = this.pos;
    let column = this.column;
    while (i < lineEnd) {
      const code = this.src.charCodeAt(i);
      if (!isSpaceOrTab(code)) break;
      column = advanceColumn(code, column);
      i++;
    }
    return { first: i, column };
  }

  private consumeIndentTo(target: number, lineEnd: number): void {
    while (this.pos < lineEnd && this.column < target && isSpaceOrTab(this.src.charCodeAt(this.pos))) {
      this.column = advanceColumn(this.src.charCodeAt(this.pos), this.column);
      this.pos++;
    }
  }

  private skipOneSpace(lineEnd: number): void {
    if (this.pos < lineEnd && isSpaceOrTab(this.src.charCodeAt(this.pos))) {
      this.column = advanceColumn(this.src.charCodeAt(this.pos), this.column);
      this.pos++;
    }
  }

  /** A line that does not continue all containers still extends an open paragraph unless it starts a block. */
  private isLazyContinuation(first: number, lineEnd: number): boolean {
    if (this.paragraphStarts.length === 0 || first >= lineEnd) return false;
    return !this.interruptsParagraph(first, lineEnd, true);
  }

  /** Whether the text at `first` starts a block that ends a paragraph. */
  private interruptsParagraph(first: number, lineEnd: number, lazy: boolean): boolean {
    const src = this.src;
    if (first - this.pos >= 4 && !src.slice(this.pos, first).includes('\t')) return false;
    const code = src.charCodeAt(first);
    if (code === GT) return true;
    if (atxDepth(src, first, lineEnd) > 0) return true;
    if (openingFence(src, first, lineEnd)) return true;
    if (isThematicBreak(src, first, lineEnd)) return true;
    if (code === LT && htmlBlockStart(src, first, lineEnd, true)) return true;
    const marker = listMarker(src, first, lineEnd);
    if (!marker) return false;
    const hasContent = skipSpacesAndTabs(src, marker.markerEnd, lineEnd) < lineEnd;
    // In a lazy line a marker starts a sibling item; here it must open a new list.
    return lazy ? true : hasContent && (!marker.ordered || marker.startsWithOne);
  }

  /** Opens block quotes and list items that start on this line. */
  private openContainers(lineEnd: number): void {
    const src = this.src;
    for (;;) {
      const { first, column } = this.peekIndent(lineEnd);
      if (first >= lineEnd || column - this.column >= 4) return;
      const code = src.charCodeAt(first);
      if (code === GT) {
        this.closeLeaf();
        this.quoteIndexes.push(this.containers.length);
        this.containers.push({ kind: 'quote' });
        this.pos = first + 1;
        this.column = column + 1;
        this.skipOneSpace(lineEnd);
        continue;
      }
      const paragraphOpen = this.paragraphStarts.length > 0;
      if (paragraphOpen && setextDepth(src, first, lineEnd) > 0) return;
      if (this.thematicBreakAt(first, lineEnd)) return;
      const marker = listMarker(src, first, lineEnd);
      if (!marker) return;
      const contentFirst = skipSpacesAndTabs(src, marker.markerEnd, lineEnd);
      const blank = contentFirst >= lineEnd;
      if (paragraphOpen && (blank || (marker.ordered && !marker.startsWithOne))) return;
      this.closeLeaf();
      const markerColumn = column + (marker.markerEnd - first);
      this.pos = marker.markerEnd;
      this.column = markerColumn;
      const spaces = this.peekIndent(lineEnd).column - markerColumn;
      if (blank || spaces > 4) {
        this.containers.push({ kind: 'item', contentColumn: markerColumn + 1 });
        this.skipOneSpace(lineEnd);
      } else {
        this.containers.push({ kind: 'item', contentColumn: markerColumn + spaces });
        this.consumeIndentTo(markerColumn + spaces, lineEnd);
      }
    }
  }

  /** The leaf block (or continuation) on the rest of the line. */
  private scanLeaf(lineEnd: number): void {
    const src = this.src;
    const { first, column } = this.peekIndent(lineEnd);
    if (first >= lineEnd) {
      this.closeLeaf();
      return;
    }
    const indent = column - this.column;
    const paragraphOpen = this.paragraphStarts.length > 0;
    if (this.table) {
      if (indent < 4 && this.interruptsParagraph(first, lineEnd, false)) this.closeLeaf();
      else {
        this.table.rows.push({ from: first, to: lineEnd });
        return;
      }
    }
    if (indent >= 4) {
      // Indented code, unless it continues a paragraph.
      if (paragraphOpen) this.appendParagraphLine(first, lineEnd);
      return;
    }
    if (this.scanHeadingOrBreak(first, lineEnd)) return;
    const fence = openingFence(src, first, lineEnd);
    if (fence) {
      this.closeLeaf();
      this.fence = fence;
      return;
    }
    if (src.charCodeAt(first) === LT && this.startHtmlBlock(first, lineEnd, paragraphOpen)) return;
    if (paragraphOpen && this.startTable(first, lineEnd)) return;
    this.appendParagraphLine(first, lineEnd);
  }

  /** ATX headings, setext underlines and thematic breaks; true when the line was one. */
  private scanHeadingOrBreak(first: number, lineEnd: number): boolean {
    const src = this.src;
    const depth = atxDepth(src, first, lineEnd);
    if (depth > 0) {
      this.closeLeaf();
      const content = atxContent(src, first + depth, lineEnd);
      this.work.push({ kind: 'heading', depth, from: content.from, to: content.to });
      return true;
    }
    const underline = this.paragraphStarts.length > 0 ? setextDepth(src, first, lineEnd) : 0;
    if (underline > 0 && this.closeParagraphAsSetext(underline)) return true;
    if (isThematicBreak(src, first, lineEnd)) {
      this.closeLeaf();
      return true;
    }
    return false;
  }

  private startHtmlBlock(first: number, lineEnd: number, paragraphOpen: boolean): boolean {
    const end = htmlBlockStart(this.src, first, lineEnd, paragraphOpen);
    if (!end) return false;
    this.closeLeaf();
    this.html = { end, from: first, to: lineEnd };
    if (htmlBlockEndsOnLine(this.src, first, lineEnd, end)) this.closeHtml();
    return true;
  }

  /** A delimiter row under a paragraph whose last line is a matching header row. */
  private startTable(first: number, lineEnd: number): boolean {
    const columns = delimiterRowCells(this.src, first, lineEnd);
    if (columns === 0) return false;
    const headerFrom = this.paragraphStarts[this.paragraphStarts.length - 1] ?? 0;
    const headerTo = this.paragraphEnds[this.paragraphEnds.length - 1] ?? 0;
    if (splitTableRow(this.src, headerFrom, headerTo).length !== columns) return false;
    this.paragraphStarts.pop();
    this.paragraphEnds.pop();
    this.closeParagraph();
    this.table = { rows: [{ from: headerFrom, to: headerTo }], columns };
    return true;
  }

  private appendParagraphLine(first: number, lineEnd: number): void {
    this.paragraphStarts.push(first);
    this.paragraphEnds.push(lineEnd);
  }

  private continueFence(lineEnd: number): void {
    const fence = this.fence;
    const { first, column } = this.peekIndent(lineEnd);
    if (fence && column - this.column < 4 && isClosingFence(this.src, first, lineEnd, fence)) this.fence = null;
  }

  private continueHtml(lineEnd: number): void {
    const html = this.html;
    if (!html) return;
    const first = skipSpacesAndTabs(this.src, this.pos, lineEnd);
    if (html.end.kind === 'blank' && first >= lineEnd) {
      this.closeHtml();
      return;
    }
    html.to = lineEnd;
    if (htmlBlockEndsOnLine(this.src, this.pos, lineEnd, html.end)) this.closeHtml();
  }

  private closeContainersTo(count: number): void {
    if (count >= this.containers.length) return;
    this.closeLeaf();
    this.containers.length = count;
    while ((this.quoteIndexes[this.quoteIndexes.length - 1] ?? -1) >= count) this.quoteIndexes.pop();
  }

  private closeLeaf(): void {
    this.closeParagraph();
    this.closeTable();
    this.closeHtml();
    this.fence = null;
  }

  private closeHtml(): void {
    if (!this.html) return;
    this.work.push({ kind: 'html', from: this.html.from, to: this.html.to });
    this.html = null;
  }

  private closeTable(): void {
    if (!this.table) return;
    this.work.push({ kind: 'table', rows: this.table.rows, columns: this.table.columns });
    this.table = null;
  }

  /** Definitions may only open a paragraph; returns how many leading lines were definitions. */
  private takeDefinitions(): number {
    let taken = 0;
    while (taken < this.paragraphStarts.length) {
      const definition = parseDefinitionLine(this.src, this.paragraphStarts[taken] ?? 0, this.paragraphEnds[taken] ?? 0);
      if (!definition) break;
      if (!this.definitions.has(definition.label)) this.definitions.set(definition.label, definition.url);
      taken++;
    }
    return taken;
  }

  private closeParagraph(): void {
    if (this.paragraphStarts.length === 0) return;
    const taken = this.takeDefinitions();
    if (taken < this.paragraphStarts.length) {
      const from = this.paragraphStarts[taken] ?? 0;
      const to = this.paragraphEnds[this.paragraphEnds.length - 1] ?? 0;
      this.work.push({ kind: 'paragraph', from, to });
    }
    this.paragraphStarts.length = 0;
    this.paragraphEnds.length = 0;
  }

  /** Turns the open paragraph into a setext heading; false when it held only definitions. */
  private closeParagraphAsSetext(depth: number): boolean {
    const taken = this.takeDefinitions();
    const lines = this.paragraphStarts.length;
    const from = this.paragraphStarts[taken] ?? 0;
    const lastEnd = this.paragraphEnds[lines - 1] ?? 0;
    const lastStart = this.paragraphStarts[lines - 1] ?? 0;
    this.paragraphStarts.length = 0;
    this.paragraphEnds.length = 0;
    if (taken === lines) return false;
    this.work.push({ kind: 'heading', depth, from, to: trimEndOffset(this.src, lastStart, lastEnd) });
    return true;
  }
}

/** Maps body offsets to 1-based file lines and UTF-16 columns. */
class Locator {
  constructor(
    private readonly lineStarts: readonly number[],
    private readonly startLine: number,
  ) {}

  /** Ranges are mostly asked for in document order, so try the last line first. */
  private lastIndex = 0;

  private lineIndex(offset: number): number {
    const starts = this.lineStarts;
    const hint = this.lastIndex;
    if ((starts[hint] ?? 0) <= offset && (hint + 1 >= starts.length || (starts[hint + 1] ?? 0) > offset)) return hint;
    this.lastIndex = this.binarySearch(offset);
    return this.lastIndex;
  }

  private binarySearch(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Range of [from, to); endColumn is the last character's column + 1, zero-width when empty. */
  range(from: number, to: number): SourceRange {
    const startIndex = this.lineIndex(from);
    const column = from - (this.lineStarts[startIndex] ?? 0) + 1;
    if (to <= from) {
      return { line: this.startLine + startIndex, column, endLine: this.startLine + startIndex, endColumn: column };
    }
    const endIndex = this.lineIndex(to - 1);
    return {
      line: this.startLine + startIndex,
      column,
      endLine: this.startLine + endIndex,
      endColumn: to - 1 - (this.lineStarts[endIndex] ?? 0) + 2,
    };
  }
}

/** Trims heading text the way CommonMark does for multi-line (setext) content. */
function tidyHeadingText(text: string): string {
  if (!text.includes('\n')) return text.trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

/**
 * github-slugger's base slug is a large Unicode regex, so non-ASCII base slugs
 * are memoised across documents (headings repeat from file to file).
 */
const baseSlugCache = new Map<string, string>();
const BASE_SLUG_CACHE_LIMIT = 10_000;

/**
 * github-slugger for pure-ASCII text without its big regex: lower-case, keep
 * letters, digits, space, `-` and `_`, drop the rest, spaces become `-`.
 * Returns undefined for non-ASCII text, which goes to github-slugger itself.
 */
function asciiSlug(text: string): string | undefined {
  let slug = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    if (code === SPACE) slug += '-';
    else if (isAsciiLetterCode(code) || isAsciiDigit(code) || code === DASH || code === UNDERSCORE) slug += text[i];
  }
  return slug.toLowerCase();
}

function baseSlug(text: string): string {
  const ascii = asciiSlug(text);
  if (ascii !== undefined) return ascii;
  let slug = baseSlugCache.get(text);
  if (slug === undefined) {
    slug = githubSlug(text);
    if (baseSlugCache.size >= BASE_SLUG_CACHE_LIMIT) baseSlugCache.clear();
    baseSlugCache.set(text, slug);
  }
  return slug;
}

/** github-slugger's `BananaSlug` de-duplication (`-1`, `-2`, …) over the memoised base slugs; one per document. */
class DocumentSlugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const original = baseSlug(text);
    let result = original;
    while (this.occurrences.has(result)) {
      const count = (this.occurrences.get(original) ?? 0) + 1;
      this.occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

/** Pass 2: inline content of every work item, in document order. */
class StructureBuilder {
  readonly headings: Heading[] = [];
  readonly anchors: string[] = [];
  readonly links: Link[] = [];
  readonly tables: Table[] = [];
  readonly directives: CommentDirective[] = [];
  private readonly slugger = new DocumentSlugger();
  /** Shared by every inline scan of this document, which come in document order. */
  private readonly specials: SpecialSearches;

  constructor(
    private readonly src: string,
    private readonly definitions: ReadonlyMap<string, string>,
    private readonly locator: Locator,
  ) {
    this.specials = specialSearches(src);
  }

  add(item: WorkItem): void {
    switch (item.kind) {
      case 'paragraph': {
        const sink = this.newSink();
        this.scan(item.from, item.to, false, false, sink);
        if (sink.links.length > 0) this.addLinks(sink.links);
        break;
      }
      case 'heading':
        this.addHeading(item.depth, item.from, item.to);
        break;
      case 'html': {
        const sink = this.newSink();
        scanHtmlRange(this.src, item.from, item.to, sink);
        this.addLinks(sink.links);
        this.anchors.push(...sink.anchors);
        this.addDirectives(item.from, item.to);
        break;
      }
      case 'table':
        this.addTable(item.rows, item.columns);
        break;
    }
  }

  /** One sink reused for every scan: links are copied out, so only the arrays' storage is shared. */
  private readonly sink: InlineSink = { links: [], anchors: [] };

  private newSink(): InlineSink {
    // Setting `length` is a runtime call even on an empty array, and most scans find nothing.
    if (this.sink.links.length > 0) this.sink.links.length = 0;
    if (this.sink.anchors.length > 0) this.sink.anchors.length = 0;
    return this.sink;
  }

  /** Scans inline content into `sink`; HTML anchors are recorded in document order. */
  private scan(from: number, to: number, wantText: boolean, inTableCell: boolean, sink: InlineSink): string {
    const text = scanInline(this.src, from, to, { definitions: this.definitions, wantText, inTableCell, specials: this.specials }, sink);
    for (const anchor of sink.anchors) this.anchors.push(anchor);
    return text;
  }

  /** Converts raw links to model links in source order and records them. */
  private addLinks(raw: RawLink[]): Link[] {
    if (raw.length > 1) raw.sort((a, b) => a.from - b.from);
    const links = raw.map((link) => ({ url: link.url, kind: link.kind, range: this.locator.range(link.from, link.to) }));
    for (const link of links) this.links.push(link);
    return links;
  }

  private addHeading(depth: number, from: number, to: number): void {
    const sink = this.newSink();
    const text = tidyHeadingText(this.scan(from, to, true, false, sink));
    const slug = this.slugger.slug(text);
    this.headings.push({ depth, text, slug, range: this.locator.range(from, to) });
    this.anchors.push(slug);
    this.addLinks(sink.links);
  }

  private addTable(rows: RowSpan[], columns: number): void {
    const [header, ...body] = rows;
    if (!header) return;
    const lastRow = rows[rows.length - 1] ?? header;
    this.tables.push({
      header: this.cells(header, columns),
      rows: body.map((row) => this.cells(row, columns)),
      range: this.locator.range(header.from, trimEndOffset(this.src, lastRow.from, lastRow.to)),
    });
  }

  /** `<!-- aimslint-... -->` comments of an HTML block: inline suppressions. Only blocks, so a comment in code is never one. */
  private addDirectives(from: number, to: number): void {
    let at = this.src.indexOf('<!--', from);
    while (at !== -1 && at < to) {
      const end = this.src.indexOf('-->', at + 4);
      if (end === -1 || end + 3 > to) return;
      const text = this.src.slice(at + 4, end).trim();
      if (text.startsWith('aimslint-')) this.directives.push({ text, range: this.locator.range(at, end + 3) });
      at = this.src.indexOf('<!--', end + 3);
    }
  }

  /** A row's cells: exactly `columns` of them (GFM drops extras and pads missing ones). */
  private cells(row: RowSpan, columns: number): TableCell[] {
    const spans = splitTableRow(this.src, row.from, row.to).slice(0, columns);
    const cells = spans.map((span) => {
      const sink = this.newSink();
      const text = this.scan(span.from, span.to, true, true, sink).trim();
      const raw = this.src.slice(span.from, span.to).trim();
      return { text, raw, range: this.locator.range(span.from, span.to), links: this.addLinks(sink.links) };
    });
    const rowEnd = trimEndOffset(this.src, row.from, row.to);
    while (cells.length < columns) cells.push({ text: '', raw: '', range: this.locator.range(rowEnd, rowEnd), links: [] });
    return cells;
  }
}

/**
 * Scan a Markdown body. `text` has LF line endings only (the caller
 * normalised CRLF/CR; BOM and frontmatter removed). `startLine` is the 1-based
 * file line number of text's first line (the body follows frontmatter).
 */
export function scanMarkdown(text: string, startLine: number): MarkdownStructure {
  const blocks = new BlockScanner(text);
  blocks.scan();
  const builder = new StructureBuilder(text, blocks.definitions, new Locator(blocks.lineStarts, startLine));
  for (const item of blocks.work) builder.add(item);
  const structure: MarkdownStructure = { headings: builder.headings, anchors: builder.anchors, links: builder.links, tables: builder.tables };
  if (builder.directives.length > 0) structure.directives = builder.directives;
  return structure;
}
