import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Frontmatter, SourceRange, ValueLocation } from '../model.js';
import { lineRange, lineStartsOf, rangeOf } from './text.js';

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
const LANGUAGE_MARKER = /^[ \t]*([A-Za-z][\w-]*)?[ \t]*$/;

/** Escape one JSON pointer segment (RFC 6901). */
function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

interface Block {
  language: string | undefined;
  yaml: string;
  /** 1-based line of the first YAML line. */
  yamlStartLine: number;
  /** Number of lines from the opening fence through the closing fence, or -1 when never closed. */
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
  let lineNumber = 2;
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, end === -1 ? text.length : end);
    if (CLOSING_LINE.test(line)) {
      return {
        language,
        yaml: text.slice(firstBreak + 1, lineStart),
        yamlStartLine: 2,
        closingLine: lineNumber,
        openingLength: opening.length,
      };
    }
    if (end === -1) break;
    lineStart = end + 1;
    lineNumber++;
  }
  return { language, yaml: '', yamlStartLine: 2, closingLine: -1, openingLength: opening.length };
}

function bodyAfter(text: string, closingLine: number): string {
  let at = 0;
  for (let line = 0; line < closingLine && at !== -1; line++) at = text.indexOf('\n', at) + 1 || -1;
  return at <= 0 ? '' : text.slice(at);
}

class DepthExceeded extends Error {}

/** Record where every key and value stands, by JSON pointer. */
function collectLocations(
  yaml: string,
  root: YamlNode,
  lineStarts: readonly number[],
  lineOffset: number,
  limits: YamlLimits,
): Record<string, ValueLocation> {
  const locations: Record<string, ValueLocation> = Object.create(null) as Record<string, ValueLocation>;
  const range = (r: readonly [number, number, number] | null | undefined): SourceRange =>
    rangeOf(lineStarts, r?.[0] ?? 0, r?.[1] ?? 0, lineOffset);
  const visit = (node: unknown, pointer: string, key: SourceRange | undefined, depth: number): void => {
    if (depth > limits.maxDepth) throw new DepthExceeded();
    if (!node || typeof node !== 'object' || !('range' in node)) return;
    const yamlNode = node as YamlNode;
    const location: ValueLocation = { value: range(yamlNode.range) };
    if (key) location.key = key;
    if ((isScalar(yamlNode) || isAlias(yamlNode)) && yamlNode.range) {
      location.source = yaml.slice(yamlNode.range[0], yamlNode.range[1]);
    }
    locations[pointer] = location;
    if (isMap(yamlNode)) {
      for (const pair of yamlNode.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keyText = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const keyRange = isScalar(keyNode) ? range(keyNode.range) : location.value;
        const child = `${pointer}/${pointerSegment(keyText)}`;
        if (pair.value) visit(pair.value, child, keyRange, depth + 1);
        else locations[child] = { key: keyRange, value: { ...keyRange, line: keyRange.endLine, column: keyRange.endColumn } };
      }
    } else if (isSeq(yamlNode)) {
      yamlNode.items.forEach((item, index) => visit(item, `${pointer}/${index}`, undefined, depth + 1));
    }
  };
  visit(root, '', undefined, 0);
  return locations;
}

/**
 * Split a document into frontmatter and body and parse the YAML, keeping a
 * location for every key and value. Nothing is evaluated: only YAML 1.2's
 * core schema, so dates and `1.10` stay as the author wrote them in strings
 * when quoted, and no custom tags run.
 */
export function splitFrontmatter(text: string, limits: YamlLimits): SplitResult {
  const block = findBlock(text);
  if (!block) return { frontmatter: null, problems: [], body: text, bodyStartLine: 1 };
  const openingRange = lineRange(1, block.openingLength);
  if (block.closingLine === -1) {
    return {
      frontmatter: { data: null, range: openingRange, locations: {} },
      problems: [{ message: 'The frontmatter that starts here is never closed: add a line with `---` after its last key.', range: openingRange }],
      body: '',
      bodyStartLine: 1,
    };
  }
  const body = bodyAfter(text, block.closingLine);
  const bodyStartLine = block.closingLine + 1;
  if (block.language && block.language.toLowerCase() !== 'yaml') {
    return {
      frontmatter: { data: null, range: openingRange, locations: {} },
      problems: [{
        message: `The frontmatter is marked as \`${block.language}\`; only YAML frontmatter is accepted and it is never run as code. Remove \`${block.language}\` after the opening \`---\` and write the fields as YAML.`,
        range: openingRange,
      }],
      body,
      bodyStartLine,
    };
  }
  return { ...parseYaml(block.yaml, block.yamlStartLine, openingRange, limits), body, bodyStartLine };
}

function parseYaml(
  yaml: string,
  startLine: number,
  openingRange: SourceRange,
  limits: YamlLimits,
): { frontmatter: Frontmatter; problems: FrontmatterProblem[] } {
  const lineStarts = lineStartsOf(yaml);
  const lineOffset = startLine - 1;
  const failed = (problems: FrontmatterProblem[]) => ({ frontmatter: { data: null, range: openingRange, locations: {} }, problems });
  const doc = parseDocument(yaml, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) {
    return failed(doc.errors.map((error) => ({
      message: yamlErrorMessage(error.code, error.message),
      range: rangeOf(lineStarts, error.pos[0], error.pos[1], lineOffset),
    })));
  }
  if (doc.contents === null) return failed([{ message: 'The frontmatter is empty: add at least `id`, `type`, `title`, `owner`, `status` and `version`.', range: openingRange }]);
  if (!isMap(doc.contents)) {
    return failed([{
      message: 'The frontmatter must be a list of `key: value` lines, not a single value or a list.',
      range: rangeOf(lineStarts, doc.contents.range?.[0] ?? 0, doc.contents.range?.[1] ?? 0, lineOffset),
    }]);
  }
  let locations: Record<string, ValueLocation>;
  try {
    locations = collectLocations(yaml, doc.contents, lineStarts, lineOffset, limits);
  } catch (error) {
    if (error instanceof DepthExceeded) {
      return failed([{ message: `The frontmatter nests deeper than ${limits.maxDepth} levels; flatten it.`, range: openingRange }]);
    }
    throw error;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch {
    return failed([{
      message: `The frontmatter expands YAML aliases (\`*name\`) more than ${limits.maxAliases} times; write the values out instead.`,
      range: openingRange,
    }]);
  }
  return { frontmatter: { data: data as Record<string, unknown>, range: openingRange, locations }, problems: [] };
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
