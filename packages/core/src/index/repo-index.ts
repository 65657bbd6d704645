import type { Catalog } from '../catalog/index.js';
import type { GitHistory } from '../history/gather.js';
import type { Codeowners } from './codeowners.js';
import type { IndexedDocument, SourceRange } from '../model.js';
import { dataOf, stringField, valueRange } from './fields.js';
import type { LinkUniverse } from './links.js';
import { soaStatementOf, type SoaStatement } from './soa.js';
import type { ColumnNames } from './soa-columns.js';
import { unknowableOf, type Unknowable } from './unknowable.js';

/** Something an id names: a document, or a role inside a `roles` document. */
export class IdDefinition {
  constructor(
    readonly id: string,
    readonly kind: 'document' | 'role',
    /** The document's type, or `role`. */
    readonly type: string,
    readonly document: IndexedDocument,
    /** JSON pointer of the id in the frontmatter. */
    readonly pointer: string,
    /** Role holders (people's names); empty for documents. */
    readonly holders: readonly string[] = [],
  ) {}

  /** Where the id itself is written; worked out only when a finding needs it. */
  get range(): SourceRange {
    return valueRange(this.document, this.pointer);
  }
}

export interface RepoIndex extends LinkUniverse {
  /** Absolute path of the repository root. */
  root: string;
  /** Every parsed Markdown file, sorted by path. */
  documents: readonly IndexedDocument[];
  /** Documents with a type and readable frontmatter: the governance documents. */
  governed: readonly IndexedDocument[];
  byType: ReadonlyMap<string, readonly IndexedDocument[]>;
  /** Every definition of each id, in path order: more than one is a duplicate. */
  ids: ReadonlyMap<string, readonly IdDefinition[]>;
  catalog: Catalog;
  /** Documents whose `system` names an AI system, by that system's id: the inventory's model cards, assessments, ... */
  bySystem: ReadonlyMap<string, readonly IndexedDocument[]>;
  /** One per `soa` document. */
  soa: readonly SoaStatement[];
  /** Past versions of the governance documents from git, when a document-control rule asked and there is a history to judge. */
  history: GitHistory | undefined;
  /** The repository's CODEOWNERS, read when doc-control/owner-not-codeowner asked and there is one. */
  codeowners: Codeowners | undefined;
  /** What documents that could not be read, parsed or typed leave unknown: rules do not report it as missing. */
  unknowable: Unknowable;
}

export function rolesOf(document: IndexedDocument): IdDefinition[] {
  const roles = dataOf(document)['roles'];
  if (!Array.isArray(roles)) return [];
  return roles.flatMap((role: unknown, index): IdDefinition[] => {
    if (typeof role !== 'object' || role === null) return [];
    const { id, holders } = role as { id?: unknown; holders?: unknown };
    if (typeof id !== 'string') return [];
    const names = Array.isArray(holders) ? holders.filter((h): h is string => typeof h === 'string') : [];
    return [new IdDefinition(id, 'role', 'role', document, `/roles/${index}/id`, names)];
  });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexInput {
  root: string;
  documents: readonly IndexedDocument[];
  pathExists(path: string): boolean;
  catalog: Catalog;
  history?: GitHistory | undefined;
  codeowners?: Codeowners | undefined;
  /** The config's names for SoA table columns (`soa.columns`). */
  soaColumns?: ColumnNames | undefined;
}

/** Build the index once; rules only read it. */
export function buildIndex(input: IndexInput): RepoIndex {
  const byPath = new Map<string, IndexedDocument>();
  const byType = new Map<string, IndexedDocument[]>();
  const ids = new Map<string, IdDefinition[]>();
  const governed: IndexedDocument[] = [];
  const bySystem = new Map<string, IndexedDocument[]>();
  for (const document of input.documents) {
    byPath.set(document.path, document);
    if (document.type === undefined || !document.frontmatter?.data) continue;
    governed.push(document);
    pushTo(byType, document.type, document);
    const system = stringField(document, 'system');
    if (system !== undefined) pushTo(bySystem, system, document);
    const id = stringField(document, 'id');
    if (id !== undefined) {
      pushTo(ids, id, new IdDefinition(id, 'document', document.type, document, '/id'));
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
    bySystem,
    soa: (byType.get('soa') ?? []).map((document) => soaStatementOf(document, input.soaColumns)),
    history: input.history,
    codeowners: input.codeowners,
    unknowable: unknowableOf(input.documents),
  };
}

/** The first definition of an id, if any. */
export function lookupId(index: RepoIndex, id: string): IdDefinition | undefined {
  return index.ids.get(id)?.[0];
}

export function documentsOfType(index: RepoIndex, type: string): readonly IndexedDocument[] {
  return index.byType.get(type) ?? [];
}
