import { hash } from 'node:crypto';
import type { Finding, MarkdownStructure, ParsedDocument, SourceRange } from '../model.js';
import { decode } from './decode.js';
import { splitFrontmatter, type YamlLimits } from './frontmatter.js';
import { scanMarkdown } from './markdown.js';
import { salvageUtf16, salvageYaml } from './salvage.js';
import { lineStartsOf } from './text.js';

export interface ParseInput {
  /** Repository-relative path with `/` separators. */
  path: string;
  bytes: Uint8Array;
  /** The type the config assigns by glob, used when the frontmatter names none. */
  mappedType?: string | undefined;
  /** The file lies in a governance folder. */
  governance?: boolean;
  limits: YamlLimits;
}

const FIRST_LINE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const NO_STRUCTURE: MarkdownStructure = { headings: [], anchors: [], links: [], tables: [] };

function problem(ruleId: string, path: string, message: string, range: SourceRange = FIRST_LINE): Finding {
  return { ruleId, severity: 'error', message, file: path, range };
}

export function hashBytes(bytes: Uint8Array): string {
  // One call, no Hash object: a third of the cost per file.
  return hash('sha1', bytes);
}

/** A document that could not be read as text: it keeps only its problem. */
export function skippedDocument(path: string, hash: string, finding: Finding): ParsedDocument {
  return { path, hash, type: undefined, frontmatter: null, problems: [finding], governance: false, skipped: true, lineCount: 1, ...NO_STRUCTURE };
}

const UNDECODABLE: Record<'binary' | 'utf16', string> = {
  binary: 'This file contains NUL bytes, so it is binary, not Markdown; it was skipped. Rename it or exclude it in the config.',
  utf16: 'This file is encoded as UTF-16; save it as UTF-8 so it can be checked.',
};

/**
 * One file's bytes to one document. Pure: the same bytes and options always
 * give the same document, and nothing but the bytes is read.
 */
export function parseDocument(input: ParseInput): ParsedDocument {
  return parseDocumentWithText(input).document;
}

/** Parse, and keep the decoded text for the document rules that read prose. */
export function parseDocumentWithText(input: ParseInput): { document: ParsedDocument; text: string } {
  const { path, bytes } = input;
  const hash = hashBytes(bytes);
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const document = skippedDocument(path, hash, problem('file/encoding', path, UNDECODABLE[decoded.reason]));
    return { document: decoded.reason === 'utf16' ? { ...document, salvaged: salvageUtf16(bytes) } : document, text: '' };
  }
  const problems: Finding[] = [];
  if (decoded.invalidUtf8) {
    problems.push(problem('file/encoding', path, 'This file has bytes that are not valid UTF-8; they show as `\uFFFD`. Save it as UTF-8.'));
  }
  const split = splitFrontmatter(decoded.text, input.limits);
  for (const { message, range } of split.problems) problems.push(problem('frontmatter/syntax', path, message, range));
  const declaredType = split.frontmatter?.data?.['type'];
  const type = typeof declaredType === 'string' && declaredType !== '' ? declaredType : input.mappedType;
  const document: ParsedDocument = {
    path,
    hash,
    type,
    frontmatter: split.frontmatter,
    problems,
    governance: input.governance ?? false,
    skipped: false,
    lineCount: lineStartsOf(decoded.text).length,
    ...scanMarkdown(split.body, split.bodyStartLine),
    ...(split.frontmatter !== null && split.frontmatter.data === null ? { salvaged: salvageYaml(split.frontmatter.yaml) } : {}),
  };
  return { document, text: decoded.text };
}
