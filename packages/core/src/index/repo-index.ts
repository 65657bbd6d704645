import type { Catalog } from '../catalog/index.js';
import type { ParsedDocument, SourceRange } from '../model.js';
import { dataOf, stringField, valueRange } from './fields.js';
import type { LinkUniverse } from './links.js';
import { soaStatementOf, type SoaStatement } from './soa.js';

/** Something an id names: a document, or a role inside a `roles` document. */
export interface IdDefinition {
  id: string;
  kind: 'document' | 'role';
  /** The document's type, or `role`. */
  type: string;
  document: ParsedDocument;
  /** Where the id itself is written. */
  range: SourceRange;
  /** Role holders (people's names); empty for documents. */
  holders: string[];
}

export interface RepoIndex extends LinkUniverse {
  /** Absolute path of the repository root. */
  root: string;
  /** Every parsed Markdown file, sorted by path. */
  documents: readonly ParsedDocument[];
  /** Documents with a type and readable frontmatter: the governance documents. */
  governed: readonly ParsedDocument[];
  byType: ReadonlyMap<string, readonly ParsedDocument[]>;
  /** Every definition of each id, in path order: more than one is a duplicate. */
  ids: ReadonlyMap<string, readonly IdDefinition[]>;
  catalog: Catalog;
  /** One per `soa` document. */
  soa: readonly SoaStatement[];
}

function rolesOf(document: ParsedDocument): IdDefinition[] {
  const roles = dataOf(document)['roles'];
  if (!Array.isArray(roles)) return [];
  return roles.flatMap((role: unknown, index): IdDefinition[] => {
    if (typeof role !== 'object' || role === null) return [];
    const { id, holders } = role as { id?: unknown; holders?: unknown };
    if (typeof id !== 'string') return [];
    return [{
      id,
      kind: 'role',
      type: 'role',
      document,
      range: valueRange(document, `/roles/${index}/id`),
      holders: Array.isArray(holders) ? holders.filter((h): h is string => typeof h === 'string') : [],
    }];
  });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexInput {
  root: string;
  documents: readonly ParsedDocument[];
  pathExists(path: string): boolean;
  catalog: Catalog;
}

/** Build the index once; rules only read it. */
export function buildIndex(input: IndexInput): RepoIndex {
  const byPath = new Map<string, ParsedDocument>();
  const byType = new Map<string, ParsedDocument[]>();
  const ids = new Map<string, IdDefinition[]>();
  const governed: ParsedDocument[] = [];
  for (const document of input.documents) {
    byPath.set(document.path, document);
    if (document.type === undefined || !document.frontmatter?.data) continue;
    governed.push(document);
    pushTo(byType, document.type, document);
    const id = stringField(document, 'id');
    if (id !== undefined) {
      pushTo(ids, id, { id, kind: 'document', type: document.type, document, range: valueRange(document, '/id'), holders: [] });
    }
    if (document.type === 'roles') for (const role of rolesOf(document)) pushTo(ids, role.id, role);
  }
  return {
    root: input.root,
    documents: input.documents,
    governed,
    byPath,
    byType,
    ids,
    pathExists: input.pathExists,
    catalog: input.catalog,
    soa: (byType.get('soa') ?? []).map(soaStatementOf),
  };
}

/** The first definition of an id, if any. */
export function lookupId(index: RepoIndex, id: string): IdDefinition | undefined {
  return index.ids.get(id)?.[0];
}

export function documentsOfType(index: RepoIndex, type: string): readonly ParsedDocument[] {
  return index.byType.get(type) ?? [];
}
