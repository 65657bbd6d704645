import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { IndexedDocument, SourceRange, TextEdit } from '../model.js';
import { parseYamlDocument } from '../parse/frontmatter.js';
import { lineStartsOf, positionAt } from '../parse/text.js';

/**
 * Edits to a document's frontmatter made on its YAML text, never by dumping
 * the data again: comments, key order and quoting stay as the author wrote them.
 */

/** Where new items of a top-level list go. */
type ListPlace =
  | { kind: 'flow'; at: number; empty: boolean; quote: string }
  | { kind: 'block'; at: number; prefix: string; quote: string }
  | { kind: 'absent'; at: number };

function quoteOf(source: string | undefined): string {
  return source?.startsWith('"') ? '"' : source?.startsWith("'") ? "'" : '';
}

function listPlace(yaml: string, key: string): ListPlace | undefined {
  const doc = parseYamlDocument(yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents) || !yaml.endsWith('\n')) return undefined;
  const pair = doc.contents.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
  if (!pair) return { kind: 'absent', at: yaml.length };
  const list = pair.value as YamlNode | null;
  if (!isSeq(list) || !list.range) return undefined;
  const items = list.items as YamlNode[];
  const first = items[0];
  const last = items[items.length - 1];
  const source = (node: YamlNode | undefined) => (node?.range ? yaml.slice(node.range[0], node.range[1]) : undefined);
  const quote = quoteOf(source(first));
  if (list.flow) {
    const close = list.range[1] - 1;
    if (yaml[close] !== ']') return undefined;
    return last?.range ? { kind: 'flow', at: last.range[1], empty: false, quote } : { kind: 'flow', at: close, empty: true, quote };
  }
  if (!first?.range || !last?.range) return undefined;
  const lineStart = yaml.lastIndexOf('\n', first.range[0] - 1) + 1;
  const prefix = yaml.slice(lineStart, first.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const lineEnd = yaml.indexOf('\n', last.range[1] - 1);
  return { kind: 'block', at: lineEnd === -1 ? yaml.length : lineEnd + 1, prefix, quote };
}

/** A file position of an offset into the frontmatter's YAML. */
function pointAt(document: IndexedDocument, yaml: string, offset: number): SourceRange {
  const { line, column } = positionAt(lineStartsOf(yaml), offset);
  const fileLine = line + (document.frontmatter?.yamlStartLine ?? 2) - 1;
  return { line: fileLine, column, endLine: fileLine, endColumn: column };
}

/**
 * Add plain scalars (control ids) to a top-level list, in the list's own
 * style; a list that is absent is added as a flow list at the frontmatter's
 * end. Undefined when the field is something else (a lone string, a mapping).
 */
export function appendToList(document: IndexedDocument, key: string, values: readonly string[]): TextEdit[] | undefined {
  const yaml = document.frontmatter?.yaml;
  if (yaml === undefined || document.frontmatter?.data === null || values.length === 0) return undefined;
  const place = listPlace(yaml, key);
  if (!place) return undefined;
  const range = pointAt(document, yaml, place.at);
  const file = document.path;
  switch (place.kind) {
    case 'absent':
      return [{ file, range, text: `${key}: [${values.join(', ')}]\n` }];
    case 'flow': {
      const quoted = values.map((value) => `${place.quote}${value}${place.quote}`).join(', ');
      return [{ file, range, text: place.empty ? quoted : `, ${quoted}` }];
    }
    case 'block':
      return [{ file, range, text: values.map((value) => `${place.prefix}${place.quote}${value}${place.quote}\n`).join('') }];
  }
}

/**
 * Add mappings to a top-level block list of mappings (`entries`), each
 * written as `key: value` lines at the indentation the list already uses.
 */
export function appendMappings(document: IndexedDocument, key: string, entries: readonly (readonly [string, string])[][]): TextEdit[] | undefined {
  const yaml = document.frontmatter?.yaml;
  if (yaml === undefined || document.frontmatter?.data === null || entries.length === 0) return undefined;
  const place = listPlace(yaml, key);
  if (place?.kind !== 'block') return undefined;
  const continuation = ' '.repeat(place.prefix.length);
  const text = entries
    .map((fields) => fields.map(([name, value], i) => `${i === 0 ? place.prefix : continuation}${name}: ${value}\n`).join(''))
    .join('');
  return [{ file: document.path, range: pointAt(document, yaml, place.at), text }];
}
