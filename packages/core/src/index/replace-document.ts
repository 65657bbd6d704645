import type { IndexedDocument } from '../model.js';
import { stringField } from './fields.js';
import { IdDefinition, rolesOf, type RepoIndex } from './repo-index.js';
import { soaStatementOf, type SoaStatement } from './soa.js';
import type { ColumnNames } from './soa-columns.js';

/** Put `after` where `before` stands in `list`, if it does. */
function swap(list: readonly IndexedDocument[] | undefined, before: IndexedDocument, after: IndexedDocument): void {
  const at = list ? list.indexOf(before) : -1;
  if (list && at !== -1) (list as IndexedDocument[])[at] = after;
}

/**
 * Replace `before` by `after`, a version of the same file that differs in
 * none of the parts `buildIndex` reads to place a document (its path, type,
 * frontmatter, tables, ...; the Workspace tracks which). The index is changed
 * in place, so it must be one `buildIndex` (or this) made for the caller
 * alone; it then equals what `buildIndex` returns for the new documents, at
 * the cost of a few look-ups instead of a walk over every document.
 */
export function replaceDocument(index: RepoIndex, before: IndexedDocument, after: IndexedDocument, soaColumns: ColumnNames | undefined): RepoIndex {
  const governed = index.governed.includes(before);
  swap(index.documents, before, after);
  (index.byPath as Map<string, IndexedDocument>).set(after.path, after);
  if (governed) {
    swap(index.governed, before, after);
    if (before.type !== undefined) swap(index.byType.get(before.type), before, after);
    const system = stringField(before, 'system');
    if (system !== undefined) swap(index.bySystem.get(system), before, after);
    const ids = index.ids as Map<string, readonly IdDefinition[]>;
    for (const id of [stringField(before, 'id'), ...(before.type === 'roles' ? rolesOf(before).map((role) => role.id) : [])]) {
      const definitions = id === undefined ? undefined : ids.get(id);
      if (id === undefined || !definitions) continue;
      ids.set(id, definitions.map((definition) => (definition.document === before ? new IdDefinition(definition.id, definition.kind, definition.type, after, definition.pointer, definition.holders) : definition)));
    }
  }
  const soa = index.soa as SoaStatement[];
  const statement = soa.findIndex((candidate) => candidate.document === before);
  if (statement !== -1) soa[statement] = soaStatementOf(after, soaColumns);
  return index;
}
