/**
 * Inline scanning for the fast Markdown scanner: links, images, autolinks,
 * raw HTML anchors and (for headings and table cells) the plain text.
 *
 * Everything works on offsets into the one body string, so no per-paragraph
 * copies are made. Every search that could be repeated from many start
 * positions (closing backtick runs, `-->`, paren matching) is memoised so the
 * whole scan stays linear even on crafted input such as a megabyte of `[(`.
 */
import type { LinkKind } from '../model.js';

/** A link found by the scanner, located by body offsets [from, to). */
export interface RawLink {
  url: string;
  kind: LinkKind;
  from: number;
  to: number;
}

/** Where inline scanning reports what it finds. */
export interface InlineSink {
  links: RawLink[];
  anchors: string[];
}

export interface InlineOptions {
  /** Link reference definitions by normalised label. */
  definitions: ReadonlyMap<string, string>;
  /** Build the plain text (headings, table cells); paragraphs skip it for speed. */
  wantText: boolean;
  /** GFM lets `\|` stand for `|` even inside code spans in table cells. */
  inTableCell: boolean;
  /** The text's special-character searches, shared by all scans of one document (see `specialSearches`). */
  specials?: SpecialSearches;
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LPAREN = 0x28;
const RPAREN = 0x29;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const TILDE = 0x7e;
const AMP = 0x26;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const COLON = 0x3a;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** CommonMark caps link labels at 999 characters; it also bounds our lookups. */
const MAX_LABEL_LENGTH = 999;

export function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isWhitespaceCode(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === 0x0d || code === 0x0c;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}

/** Link labels match case-insensitively with whitespace runs collapsed (CommonMark). */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/[\t\n\r ]+/g, ' ').toLowerCase().toUpperCase();
}

/**
 * Finds closing backtick runs of an exact length. Built once per scanned range
 * on first use; queries arrive in increasing position order, so each length
 * keeps a cursor and the total work is linear.
 */
export class BacktickIndex {
  private readonly runs = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(src: string, from: number, to: number) {
    let i = indexWithin(src, '`', from, to);
    while (i !== -1) {
      let j = i + 1;
      while (j < to && src.charCodeAt(j) === BACKTICK) j++;
      const length = j - i;
      const list = this.runs.get(length);
      if (list) list.push(i);
      else this.runs.set(length, [i]);
      i = indexWithin(src, '`', j, to);
    }
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  findRun(from: number, length: number): number {
    const list = this.runs.get(length);
    if (!list) return -1;
    let cursor = this.cursors.get(length) ?? 0;
    while (cursor < list.length && (list[cursor] ?? 0) < from) cursor++;
    this.cursors.set(length, cursor);
    return list[cursor] ?? -1;
  }
}

/**
 * `src.indexOf(needle, from)` that never looks at or past `to`. A plain
 * `indexOf` runs on to the end of the document when the needle is missing
 * from the range, so a heading or cell per line, each without its closing
 * character, would cost the whole file per line.
 */
export function indexWithin(src: string, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (src.charCodeAt(i) === first && (needle.length === 1 || src.startsWith(needle, i))) return i;
  }
  return -1;
}

/** `indexOf` memoised per needle: repeated searches from later starts reuse the last answer. */
class MemoSearch {
  private lastFrom = Number.POSITIVE_INFINITY;
  private lastFound = -1;

  constructor(
    private readonly src: string,
    private readonly needle: string,
    private readonly to: number,
  ) {}

  find(from: number): number {
    if (from >= this.lastFrom && (this.lastFound === -1 || this.lastFound >= from)) return this.lastFound;
    this.lastFrom = from;
    this.lastFound = indexWithin(this.src, this.needle, from, this.to);
    return this.lastFound;
  }
}

/** Count of consecutive `code` characters starting at `from`. */
function runLength(src: string, from: number, to: number, code: number): number {
  let i = from;
  while (i < to && src.charCodeAt(i) === code) i++;
  return i - from;
}

// ---------------------------------------------------------------------------
// Raw HTML tags
// ---------------------------------------------------------------------------

export interface HtmlAttribute {
  name: string;
  value: string;
}

export interface HtmlTag {
  /** Offset just past the closing `>`. */
  end: number;
  /** Lower-case tag name. */
  name: string;
  closing: boolean;
  attributes: HtmlAttribute[];
}

function skipWhitespace(src: string, from: number, to: number): number {
  let i = from;
  while (i < to && isWhitespaceCode(src.charCodeAt(i))) i++;
  return i;
}

function isAttributeNameStart(code: number): boolean {
  return isAsciiLetter(code) || code === UNDERSCORE || code === COLON;
}

function isAttributeNameChar(code: number): boolean {
  return isAttributeNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
}

function isUnquotedValueChar(code: number): boolean {
  return !isWhitespaceCode(code) && code !== DQUOTE && code !== SQUOTE && code !== EQUALS && code !== LT && code !== GT && code !== BACKTICK;
}

/** Parses one attribute value after `=`; returns [value, end] or null. */
function parseAttributeValue(src: string, from: number, to: number): [string, number] | null {
  const quote = src.charCodeAt(from);
  if (quote === DQUOTE || quote === SQUOTE) {
    const close = indexWithin(src, quote === DQUOTE ? '"' : "'", from + 1, to);
    if (close === -1) return null;
    return [src.slice(from + 1, close), close + 1];
  }
  let i = from;
  while (i < to && isUnquotedValueChar(src.charCodeAt(i))) i++;
  return i === from ? null : [src.slice(from, i), i];
}

/**
 * Parses a CommonMark raw HTML open or closing tag at `from` (which holds `<`).
 * Linear in the tag's length; returns null when it is not a tag.
 */
export function parseHtmlTag(src: string, from: number, to: number): HtmlTag | null {
  let i = from + 1;
  const closing = src.charCodeAt(i) === SLASH;
  if (closing) i++;
  const nameStart = i;
  if (!isAsciiLetter(src.charCodeAt(i))) return null;
  while (i < to && (isAsciiAlphanumeric(src.charCodeAt(i)) || src.charCodeAt(i) === 0x2d)) i++;
  const name = src.slice(nameStart, i).toLowerCase();
  if (closing) {
    i = skipWhitespace(src, i, to);
    return src.charCodeAt(i) === GT && i < to ? { end: i + 1, name, closing, attributes: [] } : null;
  }
  const attributes: HtmlAttribute[] = [];
  for (;;) {
    const afterSpace = skipWhitespace(src, i, to);
    if (afterSpace >= to) return null;
    const code = src.charCodeAt(afterSpace);
    if (code === GT) return { end: afterSpace + 1, name, closing, attributes };
    if (code === SLASH) {
      return src.charCodeAt(afterSpace + 1) === GT && afterSpace + 1 < to
        ? { end: afterSpace + 2, name, closing, attributes }
        : null;
    }
    // Attributes must be separated from the name and each other by whitespace.
    if (afterSpace === i || !isAttributeNameStart(code)) return null;
    let j = afterSpace + 1;
    while (j < to && isAttributeNameChar(src.charCodeAt(j))) j++;
    const attributeName = src.slice(afterSpace, j).toLowerCase();
    const beforeEquals = skipWhitespace(src, j, to);
    if (src.charCodeAt(beforeEquals) === EQUALS && beforeEquals < to) {
      const parsed = parseAttributeValue(src, skipWhitespace(src, beforeEquals + 1, to), to);
      if (!parsed) return null;
      attributes.push({ name: attributeName, value: parsed[0] });
      i = parsed[1];
    } else {
      attributes.push({ name: attributeName, value: '' });
      i = j;
    }
  }
}

/** Records what an HTML tag contributes: `<a href>` links and `id`/`name` anchors. */
export function recordHtmlTag(tag: HtmlTag, from: number, sink: InlineSink): void {
  if (tag.closing) return;
  for (const attribute of tag.attributes) {
    if (attribute.name === 'id' && attribute.value !== '') sink.anchors.push(attribute.value);
    else if (tag.name === 'a' && attribute.name === 'name' && attribute.value !== '') sink.anchors.push(attribute.value);
    else if (tag.name === 'a' && attribute.name === 'href') {
      sink.links.push({ url: attribute.value, kind: 'html', from, to: tag.end });
    }
  }
}

/**
 * Scans HTML block content: only tags count, comments are skipped, Markdown
 * syntax is inert (CommonMark does not parse Markdown inside HTML blocks).
 */
export function scanHtmlRange(src: string, from: number, to: number, sink: InlineSink): void {
  const commentEnd = new MemoSearch(src, '-->', to);
  let i = indexWithin(src, '<', from, to);
  while (i !== -1) {
    if (src.startsWith('<!--', i)) {
      const end = commentEnd.find(i + 4);
      if (end === -1) return;
      i = indexWithin(src, '<', end + 3, to);
      continue;
    }
    const tag = parseHtmlTag(src, i, to);
    if (tag) {
      recordHtmlTag(tag, i, sink);
      i = indexWithin(src, '<', tag.end, to);
    } else {
      i = indexWithin(src, '<', i + 1, to);
    }
  }
}

// ---------------------------------------------------------------------------
// Character references (text mode only)
// ---------------------------------------------------------------------------

/** The named references governance documents actually use; others stay literal. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  rarr: '→',
  larr: '←',
  times: '×',
  sect: '§',
  deg: '°',
  middot: '·',
  bull: '•',
  ge: '≥',
  le: '≤',
};

/** Decodes a character reference at `from` (`&`); returns [text, end] or null. */
function decodeEntity(src: string, from: number, to: number): [string, number] | null {
  // The longest reference we decode is 33 characters: look no further for its `;`.
  const semicolon = indexWithin(src, ';', from + 1, Math.min(to, from + 34));
  if (semicolon === -1) return null;
  const body = src.slice(from + 1, semicolon);
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const digits = body.slice(hex ? 2 : 1);
    const valid = hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
    if (!valid) return null;
    const codePoint = Number.parseInt(digits, hex ? 16 : 10);
    const safe = codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff) ? 0xfffd : codePoint;
    return [String.fromCodePoint(safe), semicolon + 1];
  }
  const named = Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] : undefined;
  return named === undefined ? null : [named, semicolon + 1];
}

// ---------------------------------------------------------------------------
// Emphasis (text mode only): decides which `*`, `_`, `~` are markup to drop
// ---------------------------------------------------------------------------

interface Delimiter {
  piece: number;
  code: number;
  length: number;
  remaining: number;
  canOpen: boolean;
  canClose: boolean;
  matchable: boolean;
}

function isUnicodeWhitespace(char: string): boolean {
  return char === '' || /\s/u.test(char);
}

function isUnicodePunctuation(char: string): boolean {
  return /[\p{P}\p{S}]/u.test(char);
}

/** The character before/after a delimiter run, or '' at the edges (counts as whitespace). */
function charAt(src: string, index: number, from: number, to: number): string {
  if (index < from || index >= to) return '';
  const code = src.charCodeAt(index);
  // Take the whole surrogate pair so \p{P} sees the real character.
  if (code >= 0xdc00 && code <= 0xdfff && index > from) return src.slice(index - 1, index + 1);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < to) return src.slice(index, index + 2);
  return src[index] ?? '';
}

function classifyDelimiter(src: string, from: number, length: number, lo: number, hi: number): { canOpen: boolean; canClose: boolean } {
  const code = src.charCodeAt(from);
  const before = charAt(src, from - 1, lo, hi);
  const after = charAt(src, from + length, lo, hi);
  const beforeSpace = isUnicodeWhitespace(before);
  const afterSpace = isUnicodeWhitespace(after);
  const beforePunct = !beforeSpace && isUnicodePunctuation(before);
  const afterPunct = !afterSpace && isUnicodePunctuation(after);
  const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  if (code === UNDERSCORE) {
    return {
      canOpen: leftFlanking && (!rightFlanking || beforePunct),
      canClose: rightFlanking && (!leftFlanking || afterPunct),
    };
  }
  return { canOpen: leftFlanking, canClose: rightFlanking };
}

/** CommonMark's "rule of three" plus GFM's equal-length rule for `~`. */
function delimitersPair(opener: Delimiter, closer: Delimiter): boolean {
  if (opener.code === TILDE) return opener.length === closer.length;
  if ((opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 === 0) {
    return opener.length % 3 === 0 && closer.length % 3 === 0;
  }
  return true;
}

/** Matches delimiters from index `bottom` up (CommonMark "process emphasis"), rewriting their pieces. */
function processEmphasis(delimiters: Delimiter[], bottom: number, pieces: string[]): void {
  const openersBottom = new Map<number, number>();
  for (let ci = bottom; ci < delimiters.length; ci++) {
    const closer = delimiters[ci];
    if (!closer || !closer.canClose || !closer.matchable || closer.remaining === 0) continue;
    const lowest = Math.max(bottom, openersBottom.get(closer.code) ?? bottom);
    let matched = false;
    for (let oi = ci - 1; oi >= lowest; oi--) {
      const opener = delimiters[oi];
      if (!opener || opener.code !== closer.code || !opener.canOpen || !opener.matchable || opener.remaining === 0) continue;
      if (!delimitersPair(opener, closer)) continue;
      const use = opener.code === TILDE ? closer.remaining : opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
      opener.remaining -= use;
      closer.remaining -= use;
      for (let k = oi + 1; k < ci; k++) {
        const between = delimiters[k];
        if (between) between.matchable = false;
      }
      matched = true;
      if (closer.remaining > 0) ci--;
      break;
    }
    if (!matched) {
      openersBottom.set(closer.code, ci);
      if (!closer.canOpen) closer.matchable = false;
    }
  }
  for (let k = bottom; k < delimiters.length; k++) {
    const delimiter = delimiters[k];
    if (delimiter) pieces[delimiter.piece] = String.fromCharCode(delimiter.code).repeat(delimiter.remaining);
  }
}

// ---------------------------------------------------------------------------
// The inline scanner
// ---------------------------------------------------------------------------

interface Opener {
  /** Offset of `[` or of `!` for images. */
  from: number;
  image: boolean;
  piece: number;
  delimiterCount: number;
}

/** Normalises code span content the way CommonMark does, for plain text. */
function codeSpanText(content: string, inTableCell: boolean): string {
  let text = content.replace(/\n/g, ' ');
  if (inTableCell) text = text.replace(/\\\|/g, '|');
  if (text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') {
    text = text.slice(1, -1);
  }
  return text;
}

/** Autolink `<scheme:rest>`; returns the end offset (past `>`) or -1. */
function matchUriAutolink(src: string, from: number, to: number): number {
  let i = from + 1;
  if (!isAsciiLetter(src.charCodeAt(i))) return -1;
  i++;
  while (i < to && i - from <= 33) {
    const code = src.charCodeAt(i);
    if (isAsciiAlphanumeric(code) || code === 0x2b || code === 0x2e || code === 0x2d) i++;
    else break;
  }
  const schemeLength = i - from - 1;
  if (schemeLength < 2 || schemeLength > 32 || src.charCodeAt(i) !== COLON) return -1;
  for (i++; i < to; i++) {
    const code = src.charCodeAt(i);
    if (code === GT) return i + 1;
    if (code <= SPACE || code === LT || code === 0x7f) return -1;
  }
  return -1;
}

function isEmailLocalChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || ".!#$%&'*+/=?^_`{|}~-".includes(String.fromCharCode(code));
}

/** Autolink `<user@example.com>`; returns the end offset (past `>`) or -1. */
function matchEmailAutolink(src: string, from: number, to: number): number {
  let i = from + 1;
  while (i < to && isEmailLocalChar(src.charCodeAt(i))) i++;
  if (i === from + 1 || src.charCodeAt(i) !== 0x40) return -1;
  i++;
  let labelLength = 0;
  for (; i < to; i++) {
    const code = src.charCodeAt(i);
    if (isAsciiAlphanumeric(code) || (code === 0x2d && labelLength > 0)) {
      labelLength++;
      if (labelLength > 63) return -1;
    } else if (code === 0x2e && labelLength > 0 && src.charCodeAt(i - 1) !== 0x2d) {
      labelLength = 0;
    } else if (code === GT && labelLength > 0 && src.charCodeAt(i - 1) !== 0x2d) {
      return i + 1;
    } else {
      return -1;
    }
  }
  return -1;
}

interface DestinationEnds {
  afterParen: Map<number, number>;
  afterSpace: Map<number, number>;
}

/** A parsed `(destination "title")` resource. */
interface Resource {
  url: string;
  end: number;
}

/**
 * Scans inline content in [from, to) and reports links and anchors into the
 * sink. Returns the plain text when `wantText`, otherwise ''.
 */
export function scanInline(src: string, from: number, to: number, options: InlineOptions, sink: InlineSink): string {
  const searches = options.specials ?? specialSearches(src);
  const specials = options.wantText ? searches.text : searches.link;
  // Most table cells and many headings are plain text: skip building a scanner.
  if (specials.next(from, to) >= to) return options.wantText ? src.slice(from, to) : '';
  return new InlineScanner(src, from, to, options, sink, specials).run();
}

/** Characters that can start a link-related construct: all a paragraph's scan stops at. */
const LINK_CHARS = '\\`<[]';
/** Those and the characters that matter for plain text (emphasis, entities): what heading and cell scans stop at. */
const TEXT_CHARS = `${LINK_CHARS}*_~&`;
const LINK_SPECIALS = /[\\`<[\]]/g;
const TEXT_SPECIALS = /[\\`<[\]*_~&]/g;
/** Look this far by hand before asking the regular expression: where specials are dense, a call costs more than the look. */
const NEAR = 16;

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const char of chars) table[char.charCodeAt(0)] = 1;
  return table;
}
const LINK_TABLE = asciiTable(LINK_CHARS);
const TEXT_TABLE = asciiTable(TEXT_CHARS);

/**
 * Where the next special character of one kind is in one text, by a regular
 * expression (native code: several times faster on prose than a loop over
 * `charCodeAt`). A search runs on to the next such character anywhere in the
 * text, maybe far past the scanned range; the answer is remembered, so the
 * scans of the paragraphs before it (which come in document order) cost
 * nothing more, and a document is searched through about once.
 */
class SpecialSearch {
  /** The last search started here and found `found` (the text's length: nothing). */
  private from = 0;
  private found = -1;

  constructor(
    private readonly src: string,
    private readonly pattern: RegExp,
    private readonly table: Uint8Array,
  ) {}

  /** Offset of the next special character in [from, to), or `to`. */
  next(from: number, to: number): number {
    if (this.found === -1 || from < this.from || from > this.found) {
      const near = Math.min(from + NEAR, to);
      for (let i = from; i < near; i++) {
        const code = this.src.charCodeAt(i);
        if (code < 128 && this.table[code] === 1) return i;
      }
      if (near === to) return to;
      this.pattern.lastIndex = near;
      this.found = this.pattern.test(this.src) ? this.pattern.lastIndex - 1 : this.src.length;
      this.from = from;
    }
    return Math.min(this.found, to);
  }
}

export interface SpecialSearches {
  link: SpecialSearch;
  text: SpecialSearch;
}

/** One document's searches; pass them to every scanInline of that text. */
export function specialSearches(src: string): SpecialSearches {
  return { link: new SpecialSearch(src, LINK_SPECIALS, LINK_TABLE), text: new SpecialSearch(src, TEXT_SPECIALS, TEXT_TABLE) };
}

class InlineScanner {
  private readonly pieces: string[] = [];
  private readonly delimiters: Delimiter[] = [];
  private readonly openers: Opener[] = [];
  /** Non-image openers below this stack index are inactive (a link formed after them). */
  private activeFloor = 0;
  private backticks: BacktickIndex | undefined;
  private destinationEnds: DestinationEnds | undefined;
  private searches: Map<string, MemoSearch> | undefined;
  private textStart: number;

  constructor(
    private readonly src: string,
    private readonly from: number,
    private readonly to: number,
    private readonly options: InlineOptions,
    private readonly sink: InlineSink,
    private readonly specials: SpecialSearch,
  ) {
    this.textStart = from;
  }

  run(): string {
    const { src, to, specials } = this;
    const wantText = this.options.wantText;
    /** Where the last construct ended: a `!` before `[` only opens an image from here on. */
    let resume = this.from;
    let i = specials.next(this.from, to);
    while (i < to) {
      const next = this.special(i, src.charCodeAt(i), resume);
      if (next === -1) {
        i = specials.next(i + 1, to);
      } else {
        this.textStart = next;
        resume = next;
        i = specials.next(next, to);
      }
    }
    if (!wantText) return '';
    this.flush(to);
    processEmphasis(this.delimiters, 0, this.pieces);
    return this.pieces.join('');
  }

  /** Handles the special character at `i`; returns where scanning resumes, or -1 to treat it as text. */
  private special(i: number, code: number, resume: number): number {
    const src = this.src;
    switch (code) {
      case BACKSLASH:
        if (i + 1 < this.to && isAsciiPunctuation(src.charCodeAt(i + 1))) {
          this.flush(i);
          this.push(src[i + 1] ?? '');
          return i + 2;
        }
        return -1;
      case BACKTICK:
        this.flush(i);
        return this.codeSpan(i);
      case LT:
        this.flush(i);
        return this.angle(i);
      case LBRACKET: {
        const image = i > resume && src.charCodeAt(i - 1) === BANG;
        this.flush(image ? i - 1 : i);
        return this.pushOpener(image ? i - 1 : i, image);
      }
      case RBRACKET:
        this.flush(i);
        return this.closeBracket(i);
      case STAR:
      case UNDERSCORE:
      case TILDE:
        this.flush(i);
        return this.delimiterRun(i);
      case AMP:
        return this.entity(i);
      default:
        return -1;
    }
  }

  private flush(until: number): void {
    if (this.options.wantText && until > this.textStart) this.pieces.push(this.src.slice(this.textStart, until));
    this.textStart = until;
  }

  private push(text: string): void {
    if (this.options.wantText) this.pieces.push(text);
  }

  private search(needle: string): MemoSearch {
    this.searches ??= new Map();
    let memo = this.searches.get(needle);
    if (!memo) {
      memo = new MemoSearch(this.src, needle, this.to);
      this.searches.set(needle, memo);
    }
    return memo;
  }

  private codeSpan(at: number): number {
    const length = runLength(this.src, at, this.to, BACKTICK);
    this.backticks ??= new BacktickIndex(this.src, this.from, this.to);
    const close = this.backticks.findRun(at + length, length);
    if (close === -1) {
      this.push('`'.repeat(length));
      return at + length;
    }
    if (this.options.wantText) this.push(codeSpanText(this.src.slice(at + length, close), this.options.inTableCell));
    return close + length;
  }

  /** `<`: autolink, comment, other raw HTML, or a literal `<`. */
  private angle(at: number): number {
    const { src, to } = this;
    const uriEnd = matchUriAutolink(src, at, to);
    const autolinkEnd = uriEnd !== -1 ? uriEnd : matchEmailAutolink(src, at, to);
    if (autolinkEnd !== -1) {
      const text = src.slice(at + 1, autolinkEnd - 1);
      // `<name@example.com>` is a mail link, as CommonMark renders it, not a path in the repository.
      const url = uriEnd === -1 ? `mailto:${text}` : text;
      this.sink.links.push({ url, kind: 'autolink', from: at, to: autolinkEnd });
      this.push(text);
      return autolinkEnd;
    }
    const special = this.skipHtmlSpecial(at);
    if (special !== -1) return special;
    const tag = parseHtmlTag(src, at, to);
    if (tag) {
      recordHtmlTag(tag, at, this.sink);
      return tag.end;
    }
    this.push('<');
    return at + 1;
  }

  /** Comments, processing instructions, declarations and CDATA: skipped whole. */
  private skipHtmlSpecial(at: number): number {
    const src = this.src;
    if (src.charCodeAt(at + 1) !== BANG && src.charCodeAt(at + 1) !== 0x3f) return -1;
    if (src.startsWith('<!--', at)) {
      if (src.startsWith('>', at + 4)) return at + 5;
      if (src.startsWith('->', at + 4)) return at + 6;
      const end = this.search('-->').find(at + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (src.startsWith('<?', at)) {
      const end = this.search('?>').find(at + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (src.startsWith('<![CDATA[', at)) {
      const end = this.search(']]>').find(at + 9);
      return end === -1 ? -1 : end + 3;
    }
    if (isAsciiLetter(src.charCodeAt(at + 2))) {
      const end = this.search('>').find(at + 2);
      return end === -1 ? -1 : end + 1;
    }
    return -1;
  }

  private pushOpener(at: number, image: boolean): number {
    this.push(image ? '![' : '[');
    this.openers.push({ from: at, image, piece: this.pieces.length - 1, delimiterCount: this.delimiters.length });
    return at + (image ? 2 : 1);
  }

  private closeBracket(at: number): number {
    const opener = this.openers.pop();
    if (!opener) {
      this.push(']');
      return at + 1;
    }
    const active = opener.image || this.openers.length >= this.activeFloor;
    if (this.activeFloor > this.openers.length) this.activeFloor = this.openers.length;
    const labelStart = opener.from + (opener.image ? 2 : 1);
    const found = active ? this.resolveLink(labelStart, at) : null;
    if (!found) {
      this.push(']');
      return at + 1;
    }
    this.sink.links.push({ url: found.url, kind: found.kind, from: opener.from, to: found.end });
    if (!opener.image) this.activeFloor = this.openers.length;
    if (this.options.wantText) {
      processEmphasis(this.delimiters, opener.delimiterCount, this.pieces);
      this.delimiters.length = opener.delimiterCount;
      this.pieces[opener.piece] = '';
    }
    return found.end;
  }

  /**
   * What follows `]` at `close`: a resource, a full/collapsed reference or a
   * shortcut reference, tried in micromark's order.
   */
  private resolveLink(labelStart: number, close: number): { url: string; kind: LinkKind; end: number } | null {
    const src = this.src;
    const after = close + 1;
    if (src.charCodeAt(after) === LPAREN && after < this.to) {
      const resource = this.parseResource(after);
      if (resource) return { url: resource.url, kind: 'inline', end: resource.end };
    } else if (src.charCodeAt(after) === LBRACKET && after < this.to && this.options.definitions.size > 0) {
      const labelEnd = this.findLabelEnd(after + 1);
      if (labelEnd !== -1 && src.slice(after + 1, labelEnd).trim() !== '') {
        const url = this.lookupLabel(after + 1, labelEnd);
        if (url !== undefined) return { url, kind: 'reference', end: labelEnd + 1 };
      }
      // micromark: after a failed full reference only a collapsed `[]` may follow.
      const ownUrl = src.charCodeAt(after + 1) === RBRACKET ? this.lookupLabel(labelStart, close) : undefined;
      return ownUrl === undefined ? null : { url: ownUrl, kind: 'reference', end: after + 2 };
    }
    // A shortcut reference: the link text itself is the label.
    const ownUrl = this.lookupLabel(labelStart, close);
    return ownUrl === undefined ? null : { url: ownUrl, kind: 'reference', end: after };
  }

  private lookupLabel(from: number, to: number): string | undefined {
    const definitions = this.options.definitions;
    if (definitions.size === 0 || to - from > MAX_LABEL_LENGTH) return undefined;
    return definitions.get(normalizeLabel(this.src.slice(from, to)));
  }

  /** End (the `]`) of a link label starting at `from`, or -1. */
  private findLabelEnd(from: number): number {
    const { src, to } = this;
    const limit = Math.min(to, from + MAX_LABEL_LENGTH + 1);
    for (let i = from; i < limit; i++) {
      const code = src.charCodeAt(i);
      if (code === BACKSLASH) i++;
      else if (code === LBRACKET) return -1;
      else if (code === RBRACKET) return i;
    }
    return -1;
  }

  /** `(destination "title")` at `open`; null when it is not a valid resource. */
  private parseResource(open: number): Resource | null {
    const { src, to } = this;
    let i = skipWhitespace(src, open + 1, to);
    if (i >= to) return null;
    let url = '';
    if (src.charCodeAt(i) === LT) {
      const end = this.angleDestinationEnd(i);
      if (end === -1) return null;
      url = src.slice(i + 1, end - 1);
      i = end;
    } else if (src.charCodeAt(i) !== RPAREN) {
      const end = this.rawDestinationEnd(i, open);
      if (end === i) return null;
      url = src.slice(i, end);
      i = end;
    }
    const afterDestination = i;
    i = skipWhitespace(src, i, to);
    if (src.charCodeAt(i) === RPAREN && i < to) return { url, end: i + 1 };
    // A title needs whitespace between it and the destination.
    if (i === afterDestination) return null;
    const titleEnd = this.titleEnd(i);
    if (titleEnd === -1) return null;
    i = skipWhitespace(src, titleEnd, to);
    return src.charCodeAt(i) === RPAREN && i < to ? { url, end: i + 1 } : null;
  }

  private angleDestinationEnd(at: number): number {
    const { src, to } = this;
    for (let i = at + 1; i < to; i++) {
      const code = src.charCodeAt(i);
      if (code === BACKSLASH) i++;
      else if (code === GT) return i + 1;
      else if (code === LT || code === NEWLINE) return -1;
    }
    return -1;
  }

  /**
   * End of a raw destination starting at `start` right after the `(` at
   * `open`: the first whitespace, or the `)` that balances `open`. Short
   * destinations are scanned directly; long ones use a paren-match table built
   * once, so crafted `[](a[](a…` input cannot make this quadratic.
   */
  private rawDestinationEnd(start: number, open: number): number {
    const { src, to } = this;
    if (this.destinationEnds) return this.lookupDestinationEnd(start, open);
    let depth = 0;
    const limit = Math.min(to, start + 256);
    let i = start;
    for (; i < limit; i++) {
      const code = src.charCodeAt(i);
      if (code <= SPACE || code === 0x7f) return i;
      if (code === BACKSLASH && i + 1 < to && isAsciiPunctuation(src.charCodeAt(i + 1))) i++;
      else if (code === LPAREN) depth++;
      else if (code === RPAREN) {
        if (depth === 0) return i;
        depth--;
      }
    }
    if (i >= to) return to;
    this.destinationEnds = this.computeDestinationEnds();
    return this.lookupDestinationEnd(start, open);
  }

  private lookupDestinationEnd(start: number, open: number): number {
    const ends = this.destinationEnds;
    // A destination right after `(` ends where that paren is balanced; one
    // after whitespace ends at the first unbalanced `)` of its run.
    const end = start === open + 1 ? ends?.afterParen.get(open) : ends?.afterSpace.get(start);
    return end ?? this.to;
  }

  /**
   * One pass over the range, for every place a raw destination can start:
   * after each `(` (its balancing `)` or the next whitespace) and at the start
   * of each whitespace-free run (its first unbalanced `)` or the run's end).
   */
  private computeDestinationEnds(): DestinationEnds {
    const { src, from, to } = this;
    const afterParen = new Map<number, number>();
    const afterSpace = new Map<number, number>();
    const stack: number[] = [];
    let runStart = from;
    let runEndKnown = false;
    for (let i = from; i < to; i++) {
      const code = src.charCodeAt(i);
      if (code <= SPACE || code === 0x7f) {
        for (const pending of stack) afterParen.set(pending, i);
        stack.length = 0;
        if (!runEndKnown) afterSpace.set(runStart, i);
        runStart = i + 1;
        runEndKnown = false;
      } else if (code === BACKSLASH && i + 1 < to && isAsciiPunctuation(src.charCodeAt(i + 1))) {
        i++;
      } else if (code === LPAREN) {
        stack.push(i);
      } else if (code === RPAREN) {
        const pending = stack.pop();
        if (pending !== undefined) afterParen.set(pending, i);
        else if (!runEndKnown) {
          afterSpace.set(runStart, i);
          runEndKnown = true;
        }
      }
    }
    for (const pending of stack) afterParen.set(pending, to);
    if (!runEndKnown) afterSpace.set(runStart, to);
    return { afterParen, afterSpace };
  }

  /** End (past the closing quote) of a link title at `at`, or -1. */
  private titleEnd(at: number): number {
    const { src, to } = this;
    const quote = src.charCodeAt(at);
    const close = quote === LPAREN ? RPAREN : quote;
    if (quote !== DQUOTE && quote !== SQUOTE && quote !== LPAREN) return -1;
    for (let i = at + 1; i < to; i++) {
      const code = src.charCodeAt(i);
      if (code === BACKSLASH) i++;
      else if (code === close) return i + 1;
      else if (quote === LPAREN && code === LPAREN) return -1;
    }
    return -1;
  }

  private delimiterRun(at: number): number {
    const { src, to } = this;
    const code = src.charCodeAt(at);
    const length = runLength(src, at, to, code);
    this.push(src.slice(at, at + length));
    if (code === TILDE && length > 2) return at + length;
    const { canOpen, canClose } = classifyDelimiter(src, at, length, this.from, to);
    if (canOpen || canClose) {
      this.delimiters.push({ piece: this.pieces.length - 1, code, length, remaining: length, canOpen, canClose, matchable: true });
    }
    return at + length;
  }

  private entity(at: number): number {
    const decoded = decodeEntity(this.src, at, this.to);
    if (!decoded) return -1;
    this.flush(at);
    this.push(decoded[0]);
    return decoded[1];
  }
}
