import { repositoryPathOf } from '../../index/links.js';
import { resolveEvidence, type EvidenceTarget } from '../../index/queries.js';
import type { RepoIndex } from '../../index/repo-index.js';
import { allEntries, type EvidenceItem, type SoaEntry } from '../../index/soa.js';
import type { Report } from '../types.js';

/** One evidence item in context, for the rules that judge evidence. */
export interface CitedEvidence {
  item: EvidenceItem;
  entry: SoaEntry;
  /** The SoA document, where findings about its evidence are reported. */
  soaPath: string;
  target: EvidenceTarget;
}

/** Whether the item cites a document that could not be read or parsed (its own finding is the root cause). */
export function citesUnknowable(index: RepoIndex, soaPath: string, item: EvidenceItem): boolean {
  if (item.kind === 'id') return index.unknowable.ids.has(item.text);
  const place = repositoryPathOf(soaPath, item.text);
  return place !== null && !('outside' in place) && index.unknowable.unreadBodies.has(place.path);
}

/** Run `judge` on every evidence item of every SoA, in both forms, with the item already resolved. */
export function judgeEvidence(index: RepoIndex, judge: (cited: CitedEvidence) => Report[]): Report[] {
  return index.soa.flatMap((statement) =>
    allEntries(statement).flatMap((entry) =>
      entry.evidence.flatMap((item) => judge({ item, entry, soaPath: statement.document.path, target: resolveEvidence(index, statement.document.path, item) }))));
}
