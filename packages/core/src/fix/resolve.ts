import type { Finding, Fix, Suggestion, TextEdit } from '../model.js';
import { offsetAt, type SourceText } from './source.js';

interface Located {
  start: number;
  end: number;
  text: string;
}

function locate(edit: TextEdit, source: SourceText): Located | undefined {
  const start = offsetAt(source, edit.range.line, edit.range.column);
  const end = offsetAt(source, edit.range.endLine, edit.range.endColumn);
  if (start === undefined || end === undefined || end < start) return undefined;
  const text = edit.text.replace(/\n/g, source.eol);
  if (edit.find === undefined) return { start, end, text };
  const at = source.text.slice(start, end).lastIndexOf(edit.find);
  return at === -1 ? undefined : { start: start + at, end: start + at + edit.find.length, text };
}

/**
 * A rule's edits as one ESLint fix: edits of one file, not overlapping,
 * joined with the text between them. Undefined when any edit does not fit
 * the text (the file changed since it was parsed): no fix beats a wrong one.
 */
export function resolveEdits(edits: readonly TextEdit[], sourceOf: (file: string) => SourceText | undefined): Fix | undefined {
  const file = edits[0]?.file;
  if (file === undefined || edits.some((edit) => edit.file !== file)) return undefined;
  const source = sourceOf(file);
  if (!source) return undefined;
  const located: Located[] = [];
  for (const edit of edits) {
    const place = locate(edit, source);
    if (!place) return undefined;
    located.push(place);
  }
  located.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < located.length; i++) if ((located[i]?.start ?? 0) < (located[i - 1]?.end ?? 0)) return undefined;
  const first = located[0];
  const last = located[located.length - 1];
  if (!first || !last) return undefined;
  let text = '';
  let at = first.start;
  for (const place of located) {
    text += source.text.slice(at, place.start) + place.text;
    at = place.end;
  }
  return { file, range: [first.start, last.end], text };
}

/**
 * A finding with its proposed edits turned into `fix` and `suggestions`,
 * those that no longer fit dropped. A new object: cached findings stay as stored.
 */
export function resolveFinding(original: Finding, sourceOf: (file: string) => SourceText | undefined): Finding {
  const { proposed, ...finding } = original;
  if (!proposed) return original;
  const fix = proposed.fix ? resolveEdits(proposed.fix, sourceOf) : undefined;
  if (fix) finding.fix = fix;
  const suggestions = (proposed.suggestions ?? []).flatMap((suggestion): Suggestion[] => {
    const resolved = resolveEdits(suggestion.edits, sourceOf);
    return resolved ? [{ desc: suggestion.desc, fix: resolved }] : [];
  });
  if (suggestions.length > 0) finding.suggestions = suggestions;
  return finding;
}
