import type { ParsedDocument, SourceRange } from '../../model.js';
import { stringField } from '../../index/fields.js';
import { defineDocumentRule, type Report } from '../types.js';

/**
 * Words that mark unfinished text. Each pattern is linear (no nested
 * quantifiers), so crafted text cannot make it backtrack.
 */
const PLACEHOLDERS: readonly RegExp[] = [
  /\b(?:TODO|FIXME|TBD|TBC|XXX)\b/g,
  /\blorem ipsum\b/gi,
  /\[(?:insert|add|enter|your) [^\]\n]{0,80}\]/gi,
  /<(?:insert|add|enter|your) [^>\n]{0,80}>/gi,
];
const INLINE_CODE = /`[^`\n]*`/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function blankInlineCode(line: string): string {
  return line.includes('`') ? line.replace(INLINE_CODE, (code) => ' '.repeat(code.length)) : line;
}

function placeholdersInLine(line: string, lineNumber: number): { word: string; range: SourceRange }[] {
  const visible = blankInlineCode(line);
  return PLACEHOLDERS.flatMap((pattern) =>
    [...visible.matchAll(pattern)].map((match) => {
      const column = (match.index ?? 0) + 1;
      return { word: match[0], range: { line: lineNumber, column, endLine: lineNumber, endColumn: column + match[0].length } };
    }));
}

/** Placeholders anywhere in the file, except inside code (examples may show them on purpose). */
export function findPlaceholders(text: string): { word: string; range: SourceRange }[] {
  const found: { word: string; range: SourceRange }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence === undefined) found.push(...placeholdersInLine(line, index + 1));
  });
  return found;
}

function isApproved(document: ParsedDocument): boolean {
  return stringField(document, 'status') === 'approved';
}

export default defineDocumentRule({
  id: 'content/placeholder',
  defaultSeverity: 'error',
  description: 'Placeholder text (TODO, TBD, FIXME, lorem ipsum, [insert ...]) left in an approved document.',
  serves: ['7.5.2'],
  messages: {
    placeholder: 'This approved document still contains the placeholder `{{word}}`; write the real content, or set `status` back to `draft`.',
  },
  check(document, { text }) {
    if (!isApproved(document)) return [];
    return findPlaceholders(text).map(({ word, range }): Report => ({ messageId: 'placeholder', data: { word }, file: document.path, range }));
  },
});
