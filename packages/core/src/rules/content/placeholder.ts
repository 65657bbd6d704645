import type { ParsedDocument, SourceRange } from '../../model.js';
import { stringField } from '../../index/fields.js';
import { lineStartsOf, rangeOf } from '../../parse/text.js';
import { defineDocumentRule, type Report } from '../types.js';

/**
 * Words that mark unfinished text. One pattern, run over the whole text once;
 * it is linear (no nested quantifiers), so crafted text cannot make it backtrack.
 */
const PLACEHOLDER = /\b(?:TODO|FIXME|TBD|TBC|XXX)\b|\b[Ll]orem [Ii]psum\b|[[<](?:[Ii]nsert|[Aa]dd|[Ee]nter|[Yy]our) [^\]>\n]{0,80}[\]>]/g;
/** A cheap test that rules out most documents before the pattern runs. */
const MAYBE = /TODO|FIXME|TB[DC]|XXX|[Ll]orem|[[<](?:[Ii]nsert|[Aa]dd|[Ee]nter|[Yy]our) /;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Offsets of code that may show placeholders on purpose: fenced blocks and inline code spans. */
function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let fence: { marker: string; start: number } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(lineStart, lineEnd);
    const marker = line.includes('`') || line.includes('~') ? FENCE.exec(line)?.[1] : undefined;
    if (marker && fence === undefined) fence = { marker, start: lineStart };
    else if (marker && fence && marker[0] === fence.marker[0] && marker.length >= fence.marker.length) {
      spans.push([fence.start, lineEnd]);
      fence = undefined;
    } else if (fence === undefined && line.includes('`')) {
      for (const code of line.matchAll(/`[^`\n]*`/g)) spans.push([lineStart + (code.index ?? 0), lineStart + (code.index ?? 0) + code[0].length]);
    }
    if (end === -1) break;
    lineStart = end + 1;
  }
  if (fence) spans.push([fence.start, text.length]);
  return spans;
}

/** Placeholders anywhere in the file, except inside code (examples may show them on purpose). */
export function findPlaceholders(text: string): { word: string; range: SourceRange }[] {
  if (!MAYBE.test(text)) return [];
  const code = codeSpans(text);
  const lineStarts = lineStartsOf(text);
  const found: { word: string; range: SourceRange }[] = [];
  // Spans and matches both come in text order: one moving index, not a scan of every span per match.
  let span = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const start = match.index ?? 0;
    while (span < code.length && (code[span]?.[1] ?? 0) <= start) span++;
    const [from, to] = code[span] ?? [Infinity, Infinity];
    if (start >= from && start < to) continue;
    found.push({ word: match[0], range: rangeOf(lineStarts, start, start + match[0].length) });
  }
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
