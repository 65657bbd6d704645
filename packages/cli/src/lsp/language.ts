import { CompletionItemKind, MarkupKind, type CompletionItem, type DocumentLink, type Hover, type Location, type Position } from 'vscode-languageserver';
import { controlsOf, lookupId, repositoryPathOf, resolveLink, type ParsedDocument, type RepoIndex, type Workspace } from '@aimslint/core';
import { toRange, uriOfPath } from './convert.js';

/**
 * What the editor features know of a place in a document: pure functions of
 * the workspace's index and the document's text, so the protocol layer only
 * translates.
 */

const CONTROL = /A\.\d+(?:\.\d+)+/g;
const DOCUMENT_ID = /[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/g;
const ROLE_FIELDS = new Set(['owner', 'approved_by']);
const DOCUMENT_FIELDS = new Set(['system', 'systems', 'related', 'suppliers', 'evidence', 'supplier']);
const CONTROL_FIELDS = new Set(['controls', 'control']);

interface JsonSchemaProperty {
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: JsonSchemaProperty;
}

/** Lines of the frontmatter block (0-based, the `---` lines excluded), when the text has one. */
function frontmatterLines(lines: readonly string[]): { first: number; last: number } | undefined {
  if (!/^---[ \t]*\w*[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line));
  return { first: 1, last: close === -1 ? lines.length - 1 : close - 1 };
}

/** The top-level key a frontmatter line belongs to: its own, or the one a list item sits under. */
function keyOfLine(lines: readonly string[], line: number, first: number): string | undefined {
  for (let at = line; at >= first; at--) {
    const match = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[at] ?? '');
    if (match) return match[1];
    if (at !== line && !/^\s/.test(lines[at] ?? '')) return undefined;
  }
  return undefined;
}

/** The word (id or control) under the cursor, if any. */
function wordAt(line: string, character: number, pattern: RegExp): string | undefined {
  for (const match of line.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (character >= start && character <= start + match[0].length) return match[0];
  }
  return undefined;
}

function typeOf(text: string): string | undefined {
  return /^type:\s*["']?([\w-]+)/m.exec(text)?.[1];
}

function propertiesOf(workspace: Workspace, type: string | undefined): Record<string, JsonSchemaProperty> {
  const schema = type === undefined ? undefined : (workspace.schemaOf(type) as { properties?: Record<string, JsonSchemaProperty> } | undefined);
  return schema?.properties ?? {};
}

function controlItems(index: RepoIndex): CompletionItem[] {
  return controlsOf(index.catalog).map((control, i) => ({ label: control.id, detail: control.title, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0') }));
}

function idItems(index: RepoIndex, kind: 'document' | 'role'): CompletionItem[] {
  return [...index.ids].flatMap(([id, definitions]) => {
    const definition = definitions[0];
    if (!definition || definition.kind !== kind) return [];
    const title = kind === 'role' ? String((definition.document.frontmatter?.data?.['roles'] as { id?: string; name?: string }[] | undefined)?.find((role) => role.id === id)?.name ?? 'role') : String(definition.document.frontmatter?.data?.['title'] ?? '');
    return [{ label: id, detail: kind === 'role' ? title : `${definition.type} · ${title}`, kind: kind === 'role' ? CompletionItemKind.Constant : CompletionItemKind.Reference }];
  });
}

/** Completion at a position: field names, enum values, types, role and document ids, controls, anchors. */
export function complete(workspace: Workspace, path: string, text: string, position: Position): CompletionItem[] {
  const index = workspace.index;
  const lines = text.split(/\r\n|\r|\n/);
  const line = (lines[position.line] ?? '').slice(0, position.character);
  const block = frontmatterLines(lines);
  if (block && position.line >= block.first && position.line <= block.last) {
    const properties = propertiesOf(workspace, typeOf(text));
    if (/^[A-Za-z_][\w-]*$|^$/.test(line)) {
      return Object.entries(properties).map(([key, property]) => ({ label: key, kind: CompletionItemKind.Field, detail: property.title, documentation: property.description, insertText: `${key}: ` }));
    }
    const key = keyOfLine(lines, position.line, block.first);
    if (key === undefined) return [];
    if (key === 'type') return workspace.types().map((type) => ({ label: type, kind: CompletionItemKind.EnumMember }));
    if (ROLE_FIELDS.has(key)) return idItems(index, 'role');
    if (DOCUMENT_FIELDS.has(key)) return idItems(index, 'document');
    if (CONTROL_FIELDS.has(key)) return controlItems(index);
    const property = properties[key];
    const values = property?.enum ?? property?.items?.enum ?? [];
    return values.map((value) => ({ label: String(value), kind: CompletionItemKind.EnumMember }));
  }
  const anchor = /\]\(([^)\s#]*)#([^)\s]*)$/.exec(line);
  if (anchor) {
    const target = resolveLink(index, path, anchor[1] ?? '');
    const document = target.kind === 'ok' ? target.document : undefined;
    return (document?.anchors ?? []).map((slug) => ({ label: slug, kind: CompletionItemKind.Reference }));
  }
  // The first cell of an SoA table row: a control.
  if (/^\|\s*[A.\d]*$/.test(line)) return controlItems(index);
  return [];
}

/** A control's title, its SoA state and evidence; an id's title, type and status. */
export function hover(workspace: Workspace, text: string, position: Position): Hover | undefined {
  const index = workspace.index;
  const line = text.split(/\r\n|\r|\n/)[position.line] ?? '';
  const control = wordAt(line, position.character, CONTROL);
  if (control !== undefined) {
    const known = controlsOf(index.catalog).find((candidate) => candidate.id === control);
    if (!known) return undefined;
    const statements = index.soa.flatMap((statement) => [...statement.frontmatterEntries, ...statement.tableEntries].filter((entry) => entry.control === control).map((entry) => ({ entry, path: statement.document.path })));
    const states = statements.map(({ entry, path }) => {
      const state = entry.applicable === true ? 'applicable' : entry.applicable === false ? 'excluded' : `undecided (\`${entry.applicableText}\`)`;
      const evidence = entry.evidence.map((item) => `\`${item.text}\``).join(', ') || 'none';
      return `- ${path}: **${state}**${entry.justification ? `. ${entry.justification}` : ''}\n  Evidence: ${evidence}`;
    });
    const value = [`**${known.id}** ${known.title}`, '', states.length > 0 ? states.join('\n') : 'Not stated in the Statement of Applicability.'].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value } };
  }
  const id = wordAt(line, position.character, DOCUMENT_ID);
  const definition = id === undefined ? undefined : lookupId(index, id);
  if (!definition) return undefined;
  const data = definition.document.frontmatter?.data ?? {};
  if (definition.kind === 'role') {
    return { contents: { kind: MarkupKind.Markdown, value: `**${definition.id}** (role in ${definition.document.path})\n\nHolders: ${definition.holders.join(', ') || 'none'}` } };
  }
  const value = `**${definition.id}** ${String(data['title'] ?? '')}\n\nType \`${definition.type}\`, status \`${String(data['status'] ?? 'not stated')}\`, ${definition.document.path}`;
  return { contents: { kind: MarkupKind.Markdown, value } };
}

/** Where an id is defined, or where a relative link (with its anchor) points. */
export function definition(workspace: Workspace, path: string, text: string, position: Position): Location | undefined {
  const index = workspace.index;
  const line = text.split(/\r\n|\r|\n/)[position.line] ?? '';
  for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
    const start = match.index ?? 0;
    if (position.character < start || position.character > start + match[0].length) continue;
    const target = resolveLink(index, path, match[1] ?? '');
    if (target.kind !== 'ok') return undefined;
    const heading = target.anchor ? workspace.parsed(target.path)?.headings.find((candidate) => candidate.slug === target.anchor) : undefined;
    const range = heading ? toRange(heading.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: uriOfPath(workspace.root, target.path), range };
  }
  const id = wordAt(line, position.character, DOCUMENT_ID);
  const found = id === undefined ? undefined : lookupId(index, id);
  if (!found) return undefined;
  return { uri: uriOfPath(workspace.root, found.document.path), range: toRange(found.range) };
}

/** The link construct `[text](url)` under the cursor: its URL. */
function linkAt(line: string, character: number): string | undefined {
  for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
    const start = match.index ?? 0;
    if (character >= start && character <= start + match[0].length) return match[1];
  }
  return undefined;
}

/**
 * Find references: of a heading (the cursor on it: the links to its anchor),
 * of a link's target (the links to the same file and anchor), or of an id
 * (its definition and every place that names it).
 */
export function references(workspace: Workspace, path: string, text: string, position: Position, includeDeclaration: boolean): Location[] {
  const line = text.split(/\r\n|\r|\n/)[position.line] ?? '';
  const toLocation = (place: { path: string; range: Parameters<typeof toRange>[0] }): Location => ({ uri: uriOfPath(workspace.root, place.path), range: toRange(place.range) });
  if (/^ {0,3}#{1,6}(?:\s|$)/.test(line)) {
    const heading = workspace.parsed(path)?.headings.find((candidate) => candidate.range.line === position.line + 1);
    if (!heading) return [];
    const declaration = includeDeclaration ? [{ path, range: heading.range }] : [];
    return [...declaration, ...workspace.linksTo(path, heading.slug)].map(toLocation);
  }
  const url = linkAt(line, position.character);
  if (url !== undefined) {
    const target = repositoryPathOf(path, url);
    if (target === null || !('path' in target)) return [];
    return workspace.linksTo(target.path, target.anchor === '' ? undefined : target.anchor).map(toLocation);
  }
  const id = wordAt(line, position.character, DOCUMENT_ID);
  if (id === undefined) return [];
  return workspace.referencesOf(id).filter((reference) => includeDeclaration || !reference.definition).map(toLocation);
}

/**
 * The document's links to files of the repository, and its SoA evidence
 * paths: each opens the file, at the linked heading's line when there is one
 * (`#L12`, as editors read a file URI's fragment).
 */
export function documentLinks(workspace: Workspace, path: string): DocumentLink[] {
  const document = workspace.parsed(path);
  if (!document) return [];
  const index = workspace.index;
  const statement = index.soa.find((candidate) => candidate.document.path === path);
  const evidence = (statement ? [...statement.frontmatterEntries, ...statement.tableEntries] : []).flatMap((entry) => entry.evidence.filter((item) => item.kind === 'link').map((item) => ({ url: item.text, range: item.range })));
  const headings = new Map<string, ParsedDocument | undefined>();
  const places = new Map<string, DocumentLink>();
  for (const { url, range } of [...document.links, ...evidence]) {
    const key = `${range.line}:${range.column}`;
    const target = places.has(key) ? null : repositoryPathOf(path, url);
    if (target === null || !('path' in target)) continue;
    if (!index.byPath.has(target.path) && !index.pathExists(target.path)) continue;
    let line: number | undefined;
    if (target.anchor) {
      if (!headings.has(target.path)) headings.set(target.path, workspace.parsed(target.path));
      line = headings.get(target.path)?.headings.find((heading) => heading.slug === target.anchor)?.range.line;
    }
    places.set(key, { range: toRange(range), target: `${uriOfPath(workspace.root, target.path)}${line === undefined ? '' : `#L${line}`}` });
  }
  return [...places.values()];
}
