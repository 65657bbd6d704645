/**
 * A reader for the plain frontmatter nearly every governance document has:
 * `key: value` lines, nested mappings, block lists, one-line `[a, b]` lists
 * and one-line quoted strings without escapes. js-yaml spent about 40 % of a
 * cold run's parse phase on such text (6 MB of it in a 10,000-document
 * corpus); this reads it in one pass over its lines.
 *
 * It returns exactly what js-yaml's `load(yaml, { schema: CORE_SCHEMA })`
 * returns, or `undefined` for anything outside that subset (multi-line
 * scalars, escapes, flow mappings, duplicate keys, tabs, CR, unusual
 * characters...), which then goes to js-yaml as before. Scalars are resolved
 * by js-yaml's own core-schema tags, in the schema's order, so `~`, `True`,
 * `0x1F` or `.inf` come out as js-yaml makes them. parse/yaml-plain.test.ts
 * compares the two on hand-written, generated and example documents.
 */
import { CORE_SCHEMA, NOT_RESOLVED, type ScalarTagDefinition } from 'js-yaml';

/** The core schema's implicit scalar tags (null, bool, int, float), in the order js-yaml tries them. */
const IMPLICIT_TAGS: readonly ScalarTagDefinition[] = CORE_SCHEMA.tags.filter(
  (tag): tag is ScalarTagDefinition => tag.nodeKind === 'scalar' && tag.implicit,
);
/** The tags that may match a scalar by its first character, as js-yaml picks them; other first characters mean text. */
const TAGS_BY_FIRST_CHAR = new Map<string, ScalarTagDefinition[]>();
for (const tag of IMPLICIT_TAGS) {
  for (const first of tag.implicitFirstChars ?? []) TAGS_BY_FIRST_CHAR.set(first, IMPLICIT_TAGS.filter((candidate) => candidate.implicitFirstChars?.includes(first) ?? true));
}
/** Tags that match any first character; the core schema has none. */
const TAGS_FOR_ANY_FIRST_CHAR = IMPLICIT_TAGS.filter((tag) => tag.implicitFirstChars === null);

/** What a plain scalar means under the core schema: null, a boolean, a number, or the text itself. */
function resolvePlain(source: string): unknown {
  for (const tag of TAGS_BY_FIRST_CHAR.get(source.charAt(0)) ?? TAGS_FOR_ANY_FIRST_CHAR) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
const OUTSIDE = Symbol('outside the plain subset');

interface Line {
  indent: number;
  /** The line without its indentation; blank and comment-only lines are dropped. */
  text: string;
}

/** A key the reader accepts, with the blanks after its colon. */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const DOUBLE_QUOTED = /^"([^"\\]*)"(?: +#.*)? *$/;
const SINGLE_QUOTED = /^'([^']*)'(?: +#.*)? *$/;
/** A one-line flow collection and an optional comment after it; its items are read below. */
const FLOW_SEQUENCE = /^\[([^[\]{}]*)\](?: +#.*)? *$/;
const FLOW_MAPPING = /^\{([^[\]{}]*)\}(?: +#.*)? *$/;
/** A flow item (quoted without escapes, or plain), then the comma after it or the end. */
const FLOW_ITEM = / *(?:"([^"\\]*)"|'([^']*)'|([^,"']*[^ ,"'])) *(,|$)/y;
/** A flow mapping's pair: a key as in block mappings, then an item. */
const FLOW_KEY = / *([A-Za-z_][A-Za-z0-9_-]*): +/y;
const COMMENT_AFTER_VALUE = / +#/;

/**
 * Characters YAML prints as they are; anything else (controls, tabs, CR,
 * DEL, C1, the no-break space, line and paragraph separators, the BOM,
 * lone surrogates, non-characters) is left to js-yaml.
 */
const NOT_PRINTABLE = /[^\n\x20-\x7e\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

/** Without the spaces at both ends: YAML's only blank here (tabs never reach the reader), unlike `trim`'s Unicode set. */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(start, end);
}

/** Can a plain scalar start with this? Letters, digits and a few signs; never an indicator (`-`, `?`, `:`, `[`, `&`, `|`, `%`, `@`, quotes...). */
function plainStart(text: string): boolean {
  const code = text.charCodeAt(0);
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xa0) return true;
  if (code === 0x2d) return text.length > 1 && text.charCodeAt(1) !== 0x20; // `-5`, `-x`: not a list item
  return '_./(+~$^='.includes(text.charAt(0));
}

/** A one-line plain scalar in block context, its comment removed. */
function blockPlain(raw: string): unknown {
  const comment = raw.search(COMMENT_AFTER_VALUE);
  const source = trimSpaces(comment === -1 ? raw : raw.slice(0, comment));
  // `a: b` inside a value, or a trailing colon, would be a mapping (or an error).
  if (!plainStart(source) || source.includes(': ') || source.endsWith(':')) throw OUTSIDE;
  return resolvePlain(source);
}

/**
 * The items of a one-line flow list or mapping: plain or quoted without
 * escapes, no comment, no nesting, no trailing comma. With `keyed`, each item
 * is `key: item` and the pairs come back flat (`[key, value, key, value...]`).
 */
function flowItems(inner: string, keyed: boolean): unknown[] {
  const items: unknown[] = [];
  // ` #` starts a comment even here; `#` elsewhere is text (`policy.md#scope`).
  if (inner.includes(' #')) throw OUTSIDE;
  if (trimSpaces(inner) === '') return items;
  let at = 0;
  while (at < inner.length) {
    if (keyed) {
      FLOW_KEY.lastIndex = at;
      const key = FLOW_KEY.exec(inner) ?? failed();
      items.push(String(resolvePlain(key[1] ?? '')));
      at = FLOW_KEY.lastIndex;
    }
    FLOW_ITEM.lastIndex = at;
    const item = FLOW_ITEM.exec(inner) ?? failed();
    at = FLOW_ITEM.lastIndex;
    if (item[4] === ',' && at === inner.length) throw OUTSIDE;
    const plain = item[3];
    if (plain === undefined) {
      items.push(item[1] ?? item[2]);
    } else {
      // `a: b` would be a mapping inside the list.
      if (!plainStart(plain) || plain.includes(': ') || plain.endsWith(':')) throw OUTSIDE;
      items.push(resolvePlain(plain));
    }
  }
  return items;
}

function flowMapping(inner: string): Record<string, unknown> {
  const pairs = flowItems(inner, true);
  const data: Record<string, unknown> = {};
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] as string;
    if (key === '__proto__' || Object.hasOwn(data, key)) throw OUTSIDE;
    data[key] = pairs[i + 1];
  }
  return data;
}

/** A value written on the key's (or the list item's) line. */
function inlineValue(raw: string): unknown {
  const first = raw.charAt(0);
  if (first === '"') return (DOUBLE_QUOTED.exec(raw) ?? failed())[1];
  if (first === "'") return (SINGLE_QUOTED.exec(raw) ?? failed())[1];
  if (first === '[') return flowItems((FLOW_SEQUENCE.exec(raw) ?? failed())[1] ?? '', false);
  if (first === '{') return flowMapping((FLOW_MAPPING.exec(raw) ?? failed())[1] ?? '');
  return blockPlain(raw);
}

function failed(): never {
  throw OUTSIDE;
}

function isListItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

class PlainReader {
  private at = 0;

  constructor(private readonly lines: Line[]) {}

  read(): Record<string, unknown> {
    const first = this.lines[0];
    if (first === undefined || first.indent !== 0) throw OUTSIDE;
    const data = this.mapping(0);
    if (this.at !== this.lines.length) throw OUTSIDE;
    return data;
  }

  private mapping(indent: number): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (let line = this.lines[this.at]; line !== undefined && line.indent === indent; line = this.lines[this.at]) {
      const key = KEY.exec(line.text) ?? failed();
      const name = String(resolvePlain(key[1] ?? ''));
      // js-yaml refuses duplicates and defines `__proto__` as an own property: both go to it.
      if (name === '__proto__' || Object.hasOwn(data, name)) throw OUTSIDE;
      this.at++;
      data[name] = this.valueAfter(line.text.slice(key[0].length), indent, true);
    }
    return data;
  }

  /**
   * The value of a key (`ofKey`) or list item whose line, after the
   * indicator, holds `rest`; `indent` is the key's or the dash's column.
   */
  private valueAfter(rest: string, indent: number, ofKey: boolean): unknown {
    const next = this.lines[this.at];
    if (rest === '' || rest.startsWith('#')) {
      if (next !== undefined && next.indent > indent) return this.block(next);
      // A key's list may stand at the key's indentation (`key:` then `- item`); an item's may not.
      if (ofKey && next !== undefined && next.indent === indent && isListItem(next.text)) return this.sequence(indent);
      return null;
    }
    // A deeper line after a value continues it (a multi-line scalar): left to js-yaml.
    if (next !== undefined && next.indent > indent) throw OUTSIDE;
    return inlineValue(rest);
  }

  private block(line: Line): unknown {
    return isListItem(line.text) ? this.sequence(line.indent) : this.mapping(line.indent);
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.lines[this.at]; line !== undefined && line.indent === indent && isListItem(line.text); line = this.lines[this.at]) {
      let gap = 1;
      while (line.text.charCodeAt(gap) === 0x20) gap++;
      const content = line.text.slice(gap);
      if (content.startsWith('#') || isListItem(content)) throw OUTSIDE;
      if (content === '') {
        this.at++;
        items.push(this.valueAfter('', indent, false));
      } else if (KEY.test(content)) {
        // `- key: value`: a mapping whose keys line up with this first one.
        const keyIndent = indent + gap;
        this.lines[this.at] = { indent: keyIndent, text: content };
        items.push(this.mapping(keyIndent));
      } else {
        this.at++;
        items.push(this.valueAfter(content, indent, false));
      }
    }
    return items;
  }
}

function significantLines(yaml: string): Line[] {
  const lines: Line[] = [];
  for (const raw of yaml.split('\n')) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 0x20) indent++;
    const text = raw.slice(indent);
    if (text === '' || text.startsWith('#')) continue;
    lines.push({ indent, text });
  }
  return lines;
}

/** The frontmatter's data when it is plain (see the top of this file), else `undefined`. */
export function readPlainYaml(yaml: string): Record<string, unknown> | undefined {
  if (NOT_PRINTABLE.test(yaml)) return undefined;
  try {
    return new PlainReader(significantLines(yaml)).read();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}
