import { stringField } from '../../index/fields.js';
import type { IdDefinition, RepoIndex } from '../../index/repo-index.js';

/** Roles that own or approve at least one document, with how many. */
export function accountableRoles(index: RepoIndex): { role: IdDefinition; documents: number }[] {
  const counts = new Map<string, number>();
  for (const document of index.governed) {
    const accountable = new Set([stringField(document, 'owner'), stringField(document, 'approved_by')]);
    for (const id of accountable) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].flatMap(([id, documents]) => {
    const role = index.ids.get(id)?.[0];
    return role?.kind === 'role' ? [{ role, documents }] : [];
  });
}
