import type { IndexedDocument } from '../../model.js';
import { overdueSince, stringField, stringListField } from '../../index/fields.js';
import { resolveLink } from '../../index/links.js';
import { lookupId, type RepoIndex } from '../../index/repo-index.js';
import { allEntries, type EvidenceItem, type SoaEntry } from '../../index/soa.js';
import type { Report } from '../types.js';

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

/** One evidence item in context, for the rules that judge evidence. */
export interface CitedEvidence {
  item: EvidenceItem;
  entry: SoaEntry;
  /** The SoA document, where findings about its evidence are reported. */
  soaPath: string;
  target: EvidenceTarget;
}

/** Run `judge` on every evidence item of every SoA, in both forms, with the item already resolved. */
export function judgeEvidence(index: RepoIndex, judge: (cited: CitedEvidence) => Report[]): Report[] {
  return index.soa.flatMap((statement) =>
    allEntries(statement).flatMap((entry) =>
      entry.evidence.flatMap((item) => judge({ item, entry, soaPath: statement.document.path, target: resolveEvidence(index, statement.document.path, item) }))));
}
