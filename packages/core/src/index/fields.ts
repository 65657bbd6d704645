import type { Frontmatter, IndexedDocument, SourceRange, ValueLocation } from '../model.js';
import { frontmatterLocations } from '../parse/frontmatter.js';
import { ISO_DATE } from '../util/words.js';

/** Frontmatter data of a document, or an empty object when it has none. */
export function dataOf(document: IndexedDocument): Record<string, unknown> {
  return document.frontmatter?.data ?? {};
}

export function stringField(document: IndexedDocument, key: string): string | undefined {
  const value = dataOf(document)[key];
  return typeof value === 'string' ? value : undefined;
}

/** One string of a list field; its JSON pointer is built only when a finding asks for it. */
export class ListItem {
  constructor(
    readonly value: string,
    private readonly key: string,
    private readonly index: number | undefined,
  ) {}

  get pointer(): string {
    return this.index === undefined ? `/${this.key}` : `/${this.key}/${this.index}`;
  }
}

/** A list field's string items (a lone string counts as a list of one); non-strings are the schema's business. */
export function stringListField(document: IndexedDocument, key: string): ListItem[] {
  const value = dataOf(document)[key];
  if (typeof value === 'string') return [new ListItem(value, key, undefined)];
  if (!Array.isArray(value)) return [];
  const items: ListItem[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string') items.push(new ListItem(item, key, index));
  });
  return items;
}

/** Positions are worked out once per frontmatter, on first need, and kept as long as the document lives. */
const locationMemo = new WeakMap<Frontmatter, Record<string, ValueLocation>>();

function locationsOf(frontmatter: Frontmatter): Record<string, ValueLocation> {
  // The text is read on every call, also when remembered: an editor's Workspace notes whose places a rule read.
  void frontmatter.yaml;
  let locations = locationMemo.get(frontmatter);
  if (!locations) {
    locations = frontmatterLocations(frontmatter);
    locationMemo.set(frontmatter, locations);
  }
  return locations;
}

/**
 * Where a value stands. Falls back to the nearest located ancestor, then to
 * the frontmatter's opening line, so a finding always has a real position.
 */
export function locate(document: IndexedDocument, pointer: string): ValueLocation {
  const locations = document.frontmatter ? locationsOf(document.frontmatter) : {};
  for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
    const found = locations[current];
    if (found) return found;
    if (current === '') break;
  }
  const range = document.frontmatter?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { value: range };
}

/** The range of a key (for "this key is wrong") or, for list items, of the value. */
export function keyRange(document: IndexedDocument, pointer: string): SourceRange {
  const location = locate(document, pointer);
  return location.key ?? location.value;
}

export function valueRange(document: IndexedDocument, pointer: string): SourceRange {
  return locate(document, pointer).value;
}

/** The frontmatter's opening line: where a missing required key is reported. */
export function frontmatterRange(document: IndexedDocument): SourceRange {
  return document.frontmatter?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * The date a document's review was due, when that is before `now`: the one
 * judgement behind review/overdue and stale SoA evidence. Retired documents
 * are never overdue; a `next_review` that is not a date is the schema's to report.
 */
export function overdueSince(document: IndexedDocument, now: string): string | undefined {
  const due = stringField(document, 'next_review');
  if (due === undefined || !ISO_DATE.test(due) || due >= now || stringField(document, 'status') === 'retired') return undefined;
  return due;
}
