/**
 * Root cause first: what the index cannot know because a document could not
 * be read, parsed or typed. That document's own finding (file/encoding,
 * frontmatter/syntax, schema/invalid, ...) is the one to fix; the rules that
 * would otherwise report every reference to it as missing, unapproved or
 * stale ask here first and stay quiet.
 */
import type { IndexedDocument } from '../model.js';
import { status } from '../schemas/definitions.js';
import { dataOf, stringField } from './fields.js';

export interface Unknowable {
  /** Ids that unreadable, unparsable or untyped documents appear to define. */
  ids: ReadonlySet<string>;
  /** Types that unparsable documents appear to have (the clauses they would provide). */
  types: ReadonlySet<string>;
  /** Documents whose body was never read: their headings are unknown. */
  unreadBodies: ReadonlySet<string>;
}

const STATUSES: ReadonlySet<string> = new Set(status.enum);

/** Ids an untyped document's frontmatter defines: its `id`, and the ids of a `roles` list. */
function idsOfUntyped(document: IndexedDocument): string[] {
  const data = dataOf(document);
  const roles = Array.isArray(data['roles']) ? data['roles'] : [];
  const roleIds = roles.flatMap((role: unknown) => (typeof role === 'object' && role !== null && typeof (role as { id?: unknown }).id === 'string' ? [(role as { id: string }).id] : []));
  const id = stringField(document, 'id');
  return id === undefined ? roleIds : [id, ...roleIds];
}

export function unknowableOf(documents: readonly IndexedDocument[]): Unknowable {
  const ids = new Set<string>();
  const types = new Set<string>();
  const unreadBodies = new Set<string>();
  for (const document of documents) {
    if (document.skipped) unreadBodies.add(document.path);
    for (const id of document.salvaged?.ids ?? []) ids.add(id);
    if (document.salvaged?.type !== undefined) types.add(document.salvaged.type);
    // Frontmatter that parsed but names no type: not indexed as a governance document, so its ids are unknown to the index.
    if (document.type === undefined && document.frontmatter?.data) for (const id of idsOfUntyped(document)) ids.add(id);
  }
  return { ids, types, unreadBodies };
}

/**
 * A `status` that is none of the known words (`aproved`): schema/invalid
 * reports it at the document. Whether the author meant approved is unknown,
 * so it is not also "not approved" wherever the document is cited.
 */
export function hasUnreadableStatus(document: IndexedDocument): boolean {
  const value = stringField(document, 'status');
  return value !== undefined && !STATUSES.has(value);
}
