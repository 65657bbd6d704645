import type { ParsedDocument, SourceRange } from '../../model.js';
import { stringField } from '../../index/fields.js';
import { lineStartsOf, rangeOf } from '../../parse/text.js';
import { defineDocumentRule, type Report } from '../types.js';
import { bodyStartOf, ignoredSpans } from './code-spans.js';

/**
 * Words that mark unfinished text, and the markers templates leave behind:
 * the Hugging Face card template's `[More Information Needed]` and template
 * variables such as `{{ card_data }}`. One pattern, run over the text once;
 * it is linear (no nested quantifiers), so crafted text cannot make it backtrack.
 */
const BUILT_IN = String.raw`\b(?:TODO|FIXME|TBD|TBC|XXX)\b|\b[Ll]orem [Ii]psum\b|[[<](?:[Ii]nsert|[Aa]dd|[Ee]nter|[Yy]our) [^\]>\n]{0,80}[\]>]|\[[Mm]ore [Ii]nformation [Nn]eeded\]|\{\{[^{}\n]{0,80}\}\}|\{%[^%\n]{0,80}%\}`;
/** A cheap test that rules out most documents before the pattern runs. */
// Few alternatives, each opening with a rare character or word: `[Ii]nformation` on its own tried every `in` of the text.
const MAYBE = /TODO|FIXME|TB[DC]|XXX|[Ll]orem|[[<](?:[Ii]nsert |[Aa]dd |[Ee]nter |[Yy]our |[Mm]ore [Ii]nformation [Nn]eeded)|\{[{%]/;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rule's `markers` option: more placeholder texts of the organisation's own templates, matched as written. */
function markersOf(options: Record<string, unknown>): string[] {
  const markers = options['markers'];
  return Array.isArray(markers) ? markers.filter((marker): marker is string => typeof marker === 'string' && marker.trim() !== '').slice(0, 100).map((marker) => marker.slice(0, 200)) : [];
}

/** Placeholders anywhere in the file, except inside code and URLs (examples may show them on purpose). `bodyStart`: offset of the Markdown after the frontmatter. */
export function findPlaceholders(text: string, bodyStart = 0, markers: readonly string[] = []): { word: string; range: SourceRange }[] {
  if (!MAYBE.test(text) && !markers.some((marker) => text.includes(marker))) return [];
  const pattern = new RegExp(markers.length === 0 ? BUILT_IN : `${BUILT_IN}|${markers.map(escapeRegExp).join('|')}`, 'g');
  const ignored = ignoredSpans(text, bodyStart);
  const lineStarts = lineStartsOf(text);
  const found: { word: string; range: SourceRange }[] = [];
  // Spans and matches both come in text order: one moving index, not a scan of every span per match.
  let span = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    while (span < ignored.length && (ignored[span]?.[1] ?? 0) <= start) span++;
    const [from, to] = ignored[span] ?? [Infinity, Infinity];
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
  description: 'Placeholder text (TODO, TBD, FIXME, lorem ipsum, [insert ...], [More Information Needed], {{ template }} markers, and the `markers` option\'s own) left in an approved document, outside code and URLs.',
  serves: ['7.5.2'],
  messages: {
    placeholder: 'This approved document still contains the placeholder `{{word}}`; write the real content, or set `status` back to `draft`.',
  },
  check(document, { text, options }) {
    if (!isApproved(document)) return [];
    return findPlaceholders(text, bodyStartOf(document, text), markersOf(options)).map(({ word, range }): Report => ({ messageId: 'placeholder', data: { word }, file: document.path, range }));
  },
});
