import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Frontmatter, SourceRange, ValueLocation } from '../model.js';
import { lineRange, lineStartsOf, rangeOf } from './text.js';
import { plainScalarFrontmatter, plainUnclosedQuote, plainYamlError, type PlainError } from './yaml-hints.js';
import { readPlainYaml } from './yaml-plain.js';

/** Bounds that keep hostile YAML from costing more than a normal document. */
export interface YamlLimits {
  /** Aliases expanded at most (billion-laughs guard). */
  maxAliases: number;
  /** Deepest nesting of mappings and sequences. */
  maxDepth: number;
}

export interface FrontmatterProblem {
  message: string;
  range: SourceRange;
}

export interface SplitResult {
  frontmatter: Frontmatter | null;
  problems: FrontmatterProblem[];
  /** The Markdown after the frontmatter. */
  body: string;
  /** 1-based file line of the body's first line. */
  bodyStartLine: number;
}

const CLOSING_LINE = /^(?:---|\.\.\.)[ \t]*$/;
/** Unambiguous (the name owns the blanks after it), so a line of blanks cannot make it backtrack. */
const LANGUAGE_MARKER = /^[ \t]*(?:([A-Za-z][\w-]*)[ \t]*)?$/;
const YAML_START_LINE = 2;

interface Block {
  language: string | undefined;
  yaml: string;
  /** The line of the closing fence, or -1 when the block is never closed. */
  closingLine: number;
  openingLength: number;
}

function findBlock(text: string): Block | null {
  if (!text.startsWith('---')) return null;
  const firstBreak = text.indexOf('\n');
  const opening = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const marker = LANGUAGE_MARKER.exec(opening.slice(3));
  if (!marker) return null;
  const language = marker[1];
  let lineStart = firstBreak === -1 ? text.length : firstBreak + 1;
  let lineNumber = YAML_START_LINE;
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end === -1 ? text.length : end);
    if (CLOSING_LINE.test(line)) return { language, yaml: text.slice(firstBreak + 1, lineStart), closingLine: lineNumber, openingLength: opening.length };
    if (end === -1) break;
    lineStart = end + 1;
    lineNumber++;
  }
  return { language, yaml: '', closingLine: -1, openingLength: opening.length };
}

function bodyAfter(text: string, closingLine: number): string {
  let at = 0;
  for (let line = 0; line < closingLine && at !== -1; line++) at = text.indexOf('\n', at) + 1 || -1;
  return at <= 0 ? '' : text.slice(at);
}

/**
 * Split a document into frontmatter and body and parse the YAML. Nothing is
 * evaluated: only YAML 1.2's core schema, no custom tags, so dates and `1.10`
 * stay as the author wrote them when quoted.
 */
export function splitFrontmatter(text: string, limits: YamlLimits): SplitResult {
  const block = findBlock(text);
  if (!block) return { frontmatter: null, problems: [], body: text, bodyStartLine: 1 };
  const openingRange = lineRange(1, block.openingLength);
  const withoutData = (yaml: string): Frontmatter => ({ data: null, range: openingRange, yaml, yamlStartLine: YAML_START_LINE });
  if (block.closingLine === -1) {
    return {
      frontmatter: withoutData(''),
      problems: [{ message: 'The frontmatter that starts here is never closed: add a line with `---` after its last key.', range: openingRange }],
      body: '',
      bodyStartLine: 1,
    };
  }
  const body = bodyAfter(text, block.closingLine);
  const bodyStartLine = block.closingLine + 1;
  if (block.language && block.language.toLowerCase() !== 'yaml') {
    return {
      frontmatter: withoutData(''),
      problems: [{
        message: `The frontmatter is marked as \`${block.language}\`; only YAML frontmatter is accepted and it is never run as code. Remove \`${block.language}\` after the opening \`---\` and write the fields as YAML.`,
        range: openingRange,
      }],
      body,
      bodyStartLine,
    };
  }
  const parsed = parseYaml(block.yaml, openingRange, limits);
  return { frontmatter: { ...withoutData(block.yaml), data: parsed.data }, problems: parsed.problems, body, bodyStartLine };
}

/**
 * The careful parser builds a node per scalar with its position: on 4.8 MB
 * of frontmatter with one anchor it took a minute and gigabytes. Real
 * frontmatter is a few kilobytes; beyond this, only plain YAML is read.
 */
export const MAX_CAREFUL_YAML_BYTES = 256 * 1024;

/** Anchors, aliases and tags: rare in governance documents, and where hostile YAML lives. */
const NEEDS_CAREFUL_PARSE = /(?:^|[\s,[{:-])[&*!]/;

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || typeof value !== 'object' || value === null) return depth;
  let deepest = depth;
  for (const child of Array.isArray(value) ? value : Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
  return deepest;
}

/**
 * Brackets opened and not closed, counted in one pass (quotes are not
 * tracked: only absurd text gets this deep). Both parsers recurse per level and
 * take seconds to fail on a megabyte of `[`; this refuses it at once.
 */
function flowDepthExceeds(yaml: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < yaml.length; i++) {
    const code = yaml.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return false;
}

type Parsed = { data: Record<string, unknown> | null; problems: FrontmatterProblem[] };

/**
 * Plain YAML takes the fast parser (js-yaml, core schema), and the plainest
 * (./yaml-plain.ts: what nearly every document has) a faster reader that
 * gives the same data. Anything js-yaml
 * refuses, and anything with anchors, aliases or tags, takes the careful one
 * (`yaml`), which bounds alias expansion and names errors precisely.
 */
function parseYaml(yaml: string, openingRange: SourceRange, limits: YamlLimits): Parsed {
  if (flowDepthExceeds(yaml, limits.maxDepth)) {
    return { data: null, problems: [{ message: `The frontmatter nests deeper than ${limits.maxDepth} levels; flatten it.`, range: openingRange }] };
  }
  if (!NEEDS_CAREFUL_PARSE.test(yaml)) {
    const plain = readPlainYaml(yaml);
    if (plain !== undefined) return checkShape(plain, yaml, openingRange, limits);
    try {
      const data = loadFast(yaml, { schema: CORE_SCHEMA });
      return checkShape(data, yaml, openingRange, limits);
    } catch {
      // The careful parser says what is wrong, and where.
    }
  }
  if (yaml.length > MAX_CAREFUL_YAML_BYTES) {
    const kilobytes = Math.round(yaml.length / 1024);
    return {
      data: null,
      problems: [{ message: `The frontmatter is ${kilobytes} KB and is not plain YAML (it has a syntax error, or anchors, aliases or tags); frontmatter over ${MAX_CAREFUL_YAML_BYTES / 1024} KB is read only when it is plain. Move the data out of the frontmatter, or write it plainly.`, range: openingRange }],
    };
  }
  return parseCarefully(yaml, openingRange, limits);
}

function checkShape(data: unknown, yaml: string, openingRange: SourceRange, limits: YamlLimits): Parsed {
  // Empty, or only comments: an empty mapping, as GitHub shows it. Whether the file needed fields is for the type rules to say.
  if (data === null || data === undefined) return { data: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    const lineStarts = lineStartsOf(yaml);
    const start = yaml.search(/\S/);
    const plain = typeof data === 'string' ? plainScalarFrontmatter(yaml) : undefined;
    return {
      data: null,
      problems: [{ message: plain?.message ?? 'The frontmatter must be a list of `key: value` lines, not a single value or a list.', range: rangeOf(lineStarts, Math.max(0, start), Math.max(0, start), YAML_START_LINE - 1) }],
    };
  }
  if (depthOf(data, limits.maxDepth) > limits.maxDepth) {
    return { data: null, problems: [{ message: `The frontmatter nests deeper than ${limits.maxDepth} levels; flatten it.`, range: openingRange }] };
  }
  return { data: data as Record<string, unknown>, problems: [] };
}

/**
 * `uniqueKeys` is off because `yaml` checks it by comparing each key with all
 * before it: 25,000 keys took 9 s. `duplicateKeys` does it in one pass.
 */
export function parseYamlDocument(yaml: string): Document.Parsed {
  // logLevel `error`: a collection as a key (`{{ card_data }}` of a template) must not print a Node warning on stderr.
  return parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
}

interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/** Keys written twice in one mapping (as `yaml`'s own check: equal scalar values), in one pass. */
function duplicateKeys(root: YamlNode | null, maxDepth: number): YamlError[] {
  const found: YamlError[] = [];
  const pending: { node: YamlNode; depth: number }[] = root ? [{ node: root, depth: 0 }] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, depth } = next;
    if (depth > maxDepth) continue;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? 0;
            found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1] });
          }
          seen.add(key.value);
        }
        if (key && typeof key === 'object') pending.push({ node: key, depth: depth + 1 });
        if (pair.value && typeof pair.value === 'object') pending.push({ node: pair.value as YamlNode, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item && typeof item === 'object') pending.push({ node: item as YamlNode, depth: depth + 1 });
    }
  }
  return found;
}

const STACK_OVERFLOW = /call stack/i;

function parseCarefully(yaml: string, openingRange: SourceRange, limits: YamlLimits): Parsed {
  const lineStarts = lineStartsOf(yaml);
  const tooDeep = (): Parsed => ({ data: null, problems: [{ message: `The frontmatter nests deeper than ${limits.maxDepth} levels; flatten it.`, range: openingRange }] });
  let doc: Document.Parsed;
  try {
    doc = parseYamlDocument(yaml);
  } catch (error) {
    // The parser recurses per nesting level: thousands of levels overflow the stack.
    if (error instanceof RangeError) return tooDeep();
    throw error;
  }
  // Duplicates only in YAML that parses: in a document recovered from a syntax error they are noise.
  const errors: YamlError[] = doc.errors.length > 0 ? doc.errors : duplicateKeys(doc.contents, limits.maxDepth);
  if (errors.some((error) => STACK_OVERFLOW.test(error.message))) return tooDeep();
  if (errors.length > 0) return { data: null, problems: onePerLine(errors.map((error) => problemOf(yaml, lineStarts, error))) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    if (error instanceof RangeError) return tooDeep();
    return {
      data: null,
      problems: [{ message: `The frontmatter expands YAML aliases (\`*name\`) more than ${limits.maxAliases} times; write the values out instead.`, range: openingRange }],
    };
  }
  return checkShape(data, yaml, openingRange, limits);
}

/** The common mistakes in plain words (yaml-hints.ts); the parser's message, reworded, for the rest. */
function problemOf(yaml: string, lineStarts: readonly number[], error: YamlError): FrontmatterProblem {
  const known = error.code === 'DUPLICATE_KEY' || error.code === 'TAB_AS_INDENT';
  const plain: PlainError | undefined = known ? undefined : plainUnclosedQuote(yaml, error.message, error.pos[0]) ?? plainYamlError(yaml, error.pos[0]);
  if (plain === undefined) return { message: yamlErrorMessage(error.code, error.message), range: rangeOf(lineStarts, error.pos[0], error.pos[1], YAML_START_LINE - 1) };
  const lineEnd = yaml.indexOf('\n', plain.offset);
  return { message: plain.message, range: rangeOf(lineStarts, plain.offset, lineEnd === -1 ? yaml.length : lineEnd, YAML_START_LINE - 1) };
}

/** One mistake often trips the parser several times on one line (a list item in a mapping: three errors); one finding a line. */
function onePerLine(problems: FrontmatterProblem[]): FrontmatterProblem[] {
  const lines = new Set<number>();
  return problems.filter((problem) => !lines.has(problem.range.line) && lines.add(problem.range.line) !== undefined);
}

/** yaml's messages name the code's idea; say what the author should do. */
function yamlErrorMessage(code: string, message: string): string {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the frontmatter; keep one of them.';
    case 'TAB_AS_INDENT':
      return 'YAML does not allow tabs for indentation; indent with spaces.';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return `Invalid YAML alias: ${first}.`;
    default:
      return `The frontmatter is not valid YAML: ${first}.`;
  }
}

/** Escape one JSON pointer segment (RFC 6901). */
function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Where every key and value of the frontmatter stands, by JSON pointer
 * (`/entries/3/control`; `` is the whole mapping). Parses the YAML again with
 * positions: called only for documents that have something to report.
 */
export function frontmatterLocations(frontmatter: Frontmatter, limits: Pick<YamlLimits, 'maxDepth'> = { maxDepth: 64 }): Record<string, ValueLocation> {
  const locations: Record<string, ValueLocation> = Object.create(null) as Record<string, ValueLocation>;
  const { yaml } = frontmatter;
  // Beyond the careful parser's bound, findings stand at the frontmatter's start rather than at the key.
  if (frontmatter.data === null || yaml.length > MAX_CAREFUL_YAML_BYTES) return locations;
  const doc = parseYamlDocument(yaml);
  const lineStarts = lineStartsOf(yaml);
  const lineOffset = frontmatter.yamlStartLine - 1;
  const range = (r: readonly [number, number, number] | null | undefined): SourceRange => rangeOf(lineStarts, r?.[0] ?? 0, r?.[1] ?? 0, lineOffset);
  const visit = (node: YamlNode, pointer: string, key: SourceRange | undefined, depth: number): void => {
    if (depth > limits.maxDepth) return;
    const location: ValueLocation = { value: range(node.range) };
    if (key) location.key = key;
    if ((isScalar(node) || isAlias(node)) && node.range) location.source = yaml.slice(node.range[0], node.range[1]);
    locations[pointer] = location;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyRange = isScalar(keyNode) ? range(keyNode.range) : location.value;
        const child = `${pointer}/${pointerSegment(keyText)}`;
        if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) visit(pair.value as YamlNode, child, keyRange, depth + 1);
        else locations[child] = { key: keyRange, value: { ...keyRange, line: keyRange.endLine, column: keyRange.endColumn } };
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (item && typeof item === 'object' && 'range' in item) visit(item as YamlNode, `${pointer}/${index}`, undefined, depth + 1);
      });
    }
  };
  if (doc.contents) visit(doc.contents, '', undefined, 0);
  return locations;
}
