/**
 * The two questions document control asks of a document's history, answered
 * once here for the rules and the report.
 */
import type { DocumentHistory, GitHistory, PastVersion } from './gather.js';
import { sameContent } from './state.js';

/** The versions a run compares with: the merge base in changed-since mode, else the commits newest first. */
export function pastVersionsOf(history: GitHistory, document: DocumentHistory): readonly PastVersion[] {
  return history.mode === 'changed-since' ? (document.base ? [document.base] : []) : document.versions;
}

/**
 * The version in which the current `version` and `approved_on` were approved:
 * the merge base when it already had them (changed-since), else the oldest
 * commit of the newest unbroken run of commits that had them (full run).
 * Undefined while the current approval is new.
 */
export function approvalOf(history: GitHistory, document: DocumentHistory): PastVersion | undefined {
  const { current } = document;
  if (current.status !== 'approved' || current.version === undefined || current.approvedOn === undefined) return undefined;
  let approval: PastVersion | undefined;
  for (const past of pastVersionsOf(history, document)) {
    const { state } = past;
    if (state.status !== 'approved' || state.version !== current.version || state.approvedOn !== current.approvedOn) break;
    approval = past;
  }
  return approval;
}

/**
 * The newest approved past version that is not the document as it is now
 * (another version number, or other content): the one the current version
 * number must be above.
 */
export function previousApproved(history: GitHistory, document: DocumentHistory): PastVersion | undefined {
  const { current } = document;
  return pastVersionsOf(history, document).find(({ state }) => state.status === 'approved' && !(state.version === current.version && sameContent(state, current)));
}
