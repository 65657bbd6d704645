import fileEncoding from './file/encoding.js';
import fileUnreadable from './file/unreadable.js';
import fileTooLarge from './file/too-large.js';
import fileTooManyFindings from './file/too-many-findings.js';
import frontmatterMissing from './frontmatter/missing.js';
import frontmatterSyntax from './frontmatter/syntax.js';
import schemaTypeUnknown from './schema/type-unknown.js';
import schemaInvalid from './schema/invalid.js';
import idDuplicate from './id/duplicate.js';
import refUnresolved from './ref/unresolved.js';
import linkBroken from './link/broken.js';
import reviewOverdue from './review/overdue.js';
import modelCardSectionMissing from './model-card/section-missing.js';
import contentPlaceholder from './content/placeholder.js';
import soaMissing from './soa/missing.js';
import soaControlMissing from './soa/control-missing.js';
import soaControlUnknown from './soa/control-unknown.js';
import soaControlDuplicate from './soa/control-duplicate.js';
import soaExclusionUnjustified from './soa/exclusion-unjustified.js';
import soaEvidenceMissing from './soa/evidence-missing.js';
import soaEvidenceBroken from './soa/evidence-broken.js';
import soaEvidenceUnapproved from './soa/evidence-unapproved.js';
import soaEvidenceStale from './soa/evidence-stale.js';
import soaEvidenceBacklink from './soa/evidence-backlink.js';
import soaExcludedButClaimed from './soa/excluded-but-claimed.js';
import inventoryIncomplete from './inventory/incomplete.js';
import aimsRequiredDocument from './aims/required-document.js';
import rolesUnstaffed from './roles/unstaffed.js';
import rolesUntrained from './roles/untrained.js';
import supplierUnassessed from './supplier/unassessed.js';
import docControlChangedAfterApproval from './doc-control/changed-after-approval.js';
import docControlVersionNotIncreased from './doc-control/version-not-increased.js';
import docControlApprovalDates from './doc-control/approval-dates.js';
import docControlOwnerNotCodeowner from './doc-control/owner-not-codeowner.js';
import euAiActProhibited from './eu-ai-act/prohibited.js';
import euAiActHighRiskDocuments from './eu-ai-act/high-risk-documents.js';
import euAiActTransparencyNotice from './eu-ai-act/transparency-notice.js';
import frameworkItemUnknown from './framework/item-unknown.js';
import soaTableUnmapped from './soa/table-unmapped.js';
import suppressionInvalid from './suppression/invalid.js';
import suppressionUnused from './suppression/unused.js';
// issue 10: honest verdicts
import soaApplicabilityUnknown from './soa/applicability-unknown.js';
import schemaTypeMissing from './schema/type-missing.js';
import markdownUnclosedFence from './markdown/unclosed-fence.js';
import soaTitleMismatch from './soa/title-mismatch.js';
import type { Rule } from './types.js';

/** Every rule, in the order `aimslint explain` lists them. */
export const RULES: readonly Rule[] = [
  fileEncoding,
  fileUnreadable,
  fileTooLarge,
  fileTooManyFindings,
  frontmatterMissing,
  frontmatterSyntax,
  schemaTypeUnknown,
  schemaInvalid,
  idDuplicate,
  refUnresolved,
  linkBroken,
  reviewOverdue,
  modelCardSectionMissing,
  contentPlaceholder,
  soaMissing,
  soaControlMissing,
  soaControlUnknown,
  soaControlDuplicate,
  soaExclusionUnjustified,
  soaEvidenceMissing,
  soaEvidenceBroken,
  soaEvidenceUnapproved,
  soaEvidenceStale,
  soaEvidenceBacklink,
  soaExcludedButClaimed,
  inventoryIncomplete,
  aimsRequiredDocument,
  rolesUnstaffed,
  rolesUntrained,
  supplierUnassessed,
  docControlChangedAfterApproval,
  docControlVersionNotIncreased,
  docControlApprovalDates,
  docControlOwnerNotCodeowner,
  euAiActProhibited,
  euAiActHighRiskDocuments,
  euAiActTransparencyNotice,
  frameworkItemUnknown,
  soaTableUnmapped,
  suppressionInvalid,
  suppressionUnused,
  // issue 10: honest verdicts
  soaApplicabilityUnknown,
  schemaTypeMissing,
  markdownUnclosedFence,
  soaTitleMismatch,
];

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** A rule by id; asked once per file and rule, so a map rather than a search. */
export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}
