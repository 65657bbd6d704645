/**
 * Questions about the AIMS that rules and reports both ask: is this evidence
 * current, is this AI system's documentation complete, which documents
 * provide which clause. They read the index and decide nothing about
 * severity or wording; rules turn the answers into findings, the report into
 * tables.
 */
import type { Clause } from '../catalog/index.js';
import type { IndexedDocument } from '../model.js';
import { overdueSince, stringField, stringListField } from './fields.js';
import { resolveLink } from './links.js';
import { lookupId, type RepoIndex } from './repo-index.js';
import { hasUnreadableStatus } from './unknowable.js';
import type { EvidenceItem } from './soa.js';

/** What an evidence item turned out to be. */
export type EvidenceTarget =
  | { kind: 'document'; document: IndexedDocument }
  | { kind: 'file' }
  | { kind: 'broken'; reason: string };

/** Resolve an SoA evidence item: a link relative to the SoA, or a document id. */
export function resolveEvidence(index: RepoIndex, soaPath: string, item: EvidenceItem): EvidenceTarget {
  if (item.kind === 'id') {
    const definition = lookupId(index, item.text);
    if (!definition) return { kind: 'broken', reason: `no document has the id \`${item.text}\`` };
    return definition.kind === 'document' ? { kind: 'document', document: definition.document } : { kind: 'broken', reason: `\`${item.text}\` is a role, not a document` };
  }
  const target = resolveLink(index, soaPath, item.text);
  switch (target.kind) {
    case 'external':
      return { kind: 'broken', reason: 'it is a web address; evidence must be a document in the repository' };
    case 'outside':
      return { kind: 'broken', reason: target.reason };
    case 'missing-file':
      return { kind: 'broken', reason: `\`${target.path}\` does not exist` };
    case 'missing-anchor':
      return { kind: 'broken', reason: `\`${target.path}\` has no heading for \`#${target.anchor}\`${target.suggestion ? ` (did you mean \`#${target.suggestion}\`?)` : ''}` };
    case 'ok':
      return target.document?.frontmatter?.data && target.document.type !== undefined ? { kind: 'document', document: target.document } : { kind: 'file' };
  }
}

/** Why a document does not count as evidence: not approved, or overdue for review. */
export function evidenceStatus(document: IndexedDocument, now: string): 'current' | 'unapproved' | 'stale' {
  if (stringField(document, 'status') !== 'approved') return 'unapproved';
  return overdueSince(document, now) === undefined ? 'current' : 'stale';
}

export function claimsControl(document: IndexedDocument, control: string): boolean {
  return stringListField(document, 'controls').some((item) => item.value === control);
}

/** What a deployed AI system must have, approved, with `system` naming it. */
export const REQUIRED_FOR_DEPLOYED = ['model-card', 'risk-assessment', 'impact-assessment'] as const;

export type InventoryGap = { type: string; state: 'missing' | 'not approved'; document?: IndexedDocument };

/** For each required type: the approved document, or why there is none. */
export function inventoryGaps(index: RepoIndex, systemId: string): InventoryGap[] {
  return REQUIRED_FOR_DEPLOYED.flatMap((type): InventoryGap[] => {
    const candidates = (index.bySystem.get(systemId) ?? []).filter((document) => document.type === type);
    // A status typo (`aproved`) is schema/invalid's finding at the document; the system is not also reported.
    if (candidates.some((document) => stringField(document, 'status') === 'approved' || hasUnreadableStatus(document))) return [];
    const first = candidates[0];
    return [first ? { type, state: 'not approved', document: first } : { type, state: 'missing' }];
  });
}

/** The documents that provide each clause's documented information (retired ones do not), in one pass. */
export function providersByClause(index: RepoIndex): Map<string, IndexedDocument[]> {
  const providers = new Map<string, IndexedDocument[]>(index.catalog.clauses.map((clause) => [clause.id, []]));
  const clausesByType = new Map<string, Clause[]>();
  for (const clause of index.catalog.clauses) {
    for (const type of clause.providedBy) clausesByType.set(type, [...(clausesByType.get(type) ?? []), clause]);
  }
  for (const document of index.governed) {
    if (stringField(document, 'status') === 'retired') continue;
    const provided = new Set([...(clausesByType.get(document.type ?? '') ?? []).map((clause) => clause.id), ...stringListField(document, 'clauses').map((item) => item.value)]);
    for (const clause of provided) providers.get(clause)?.push(document);
  }
  return providers;
}

/** Words that fill the box without saying why. */
const EMPTY_JUSTIFICATIONS = new Set(['', '-', '--', '—', 'n/a', 'na', 'n.a.', 'none', 'tbd', 'tbc', 'todo', 'not applicable', 'not relevant', 'excluded', 'no', '?']);

export function isRealJustification(text: string): boolean {
  const normalised = text.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\.$/, '');
  return !EMPTY_JUSTIFICATIONS.has(normalised) && normalised.length >= 3;
}

