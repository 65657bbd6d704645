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

/** Run `judge` on every evidence item of every SoA, in both forms, with the item already resolved. */
export function judgeEvidence(index: RepoIndex, judge: (cited: CitedEvidence) => Report[]): Report[] {
  return index.soa.flatMap((statement) =>
    allEntries(statement).flatMap((entry) =>
      entry.evidence.flatMap((item) => judge({ item, entry, soaPath: statement.document.path, target: resolveEvidence(index, statement.document.path, item) }))));
}
