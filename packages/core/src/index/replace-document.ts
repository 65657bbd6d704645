import type { IndexedDocument } from '../model.js';
import { stringField } from './fields.js';
import { IdDefinition, rolesOf, type RepoIndex } from './repo-index.js';
import { soaStatementOf } from './soa.js';
import type { ColumnNames } from './soa-columns.js';

/** `list` with `before` replaced by `after` where it stands (a copy), or `list` itself when it does not hold it. */
function swapped(list: readonly IndexedDocument[], before: IndexedDocument, after: IndexedDocument): readonly IndexedDocument[] {
  const at = list.indexOf(before);
  if (at === -1) return list;
  const copy = list.slice();
  copy[at] = after;
  return copy;
}

/** A copy of `map` with `before` replaced by `after` in the list under `key`. */
function swappedUnder<K>(map: ReadonlyMap<K, readonly IndexedDocument[]>, key: K | undefined, before: IndexedDocument, after: IndexedDocument): ReadonlyMap<K, readonly IndexedDocument[]> {
  const list = key === undefined ? undefined : map.get(key);
  if (key === undefined || !list) return map;
  return new Map(map).set(key, swapped(list, before, after));
}

/**
 * The index with `before` replaced by `after`, a version of the same file
 * that differs in none of the parts `buildIndex` reads to place a document
 * (its path, type, frontmatter, tables, ...; the Workspace tracks which):
 * equal to what `buildIndex` returns for the new documents, at the cost of a
 * few copies instead of a walk over every document's frontmatter.
 */
export function replaceDocument(index: RepoIndex, before: IndexedDocument, after: IndexedDocument, soaColumns: ColumnNames | undefined): RepoIndex {
  const governed = index.governed.includes(before);
  const ids = new Map(index.ids);
  const defined = governed ? [stringField(before, 'id'), ...(before.type === 'roles' ? rolesOf(before).map((role) => role.id) : [])] : [];
  for (const id of defined) {
    const definitions = id === undefined ? undefined : ids.get(id);
    if (id === undefined || !definitions) continue;
    ids.set(id, definitions.map((definition) => (definition.document === before ? new IdDefinition(definition.id, definition.kind, definition.type, after, definition.pointer, definition.holders) : definition)));
  }
  return {
    ...index,
    documents: swapped(index.documents, before, after),
    governed: governed ? swapped(index.governed, before, after) : index.governed,
    byPath: new Map(index.byPath).set(after.path, after),
    byType: governed ? swappedUnder(index.byType, before.type, before, after) : index.byType,
    ids,
    bySystem: governed ? swappedUnder(index.bySystem, stringField(before, 'system'), before, after) : index.bySystem,
    soa: index.soa.map((statement) => (statement.document === before ? soaStatementOf(after, soaColumns) : statement)),
  };
}
