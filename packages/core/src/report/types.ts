/**
 * The AIMS report: what an auditor reads. Plain data only (no Maps, no class
 * instances, no functions), so `JSON.stringify` is the JSON format and the
 * renderers never reach back into the index.
 */
import type { ChangeHistory } from './history.js';

import type { FrameworkCoverage } from './frameworks.js';

/** Where an Annex A control stands. */
export type ControlState =
  /** Applicable, with at least one current approved evidence document or evidence file. */
  | 'implemented'
  /** Applicable, but no evidence item counts: missing, broken, unapproved or stale. */
  | 'evidence-gap'
  /** Applicable, and the SoA says it is only partly implemented ("Partial", "In progress"). */
  | 'partial'
  /** Applicable, and the SoA says it is not implemented yet ("Planned"). */
  | 'planned'
  /** Excluded with a justification that says something. */
  | 'excluded'
  /** Excluded without a real justification. */
  | 'excluded-unjustified'
  /** Absent from the SoA, or its applicability is neither yes nor no. */
  | 'not-stated';

/** What one evidence item turned out to be. */
export type EvidenceState =
  /** An approved governance document within its review date. */
  | 'current'
  /** A draft, in-review or retired document. */
  | 'unapproved'
  /** An approved document overdue for review. */
  | 'stale'
  /** Resolves to no file, anchor or document. */
  | 'broken'
  /** An existing file that is not a governance document (a PDF, a README): it counts. */
  | 'file';

/** A governance document as the report names it. */
export interface DocumentRef {
  /** Repository-relative path. */
  path: string;
  id: string | undefined;
  title: string | undefined;
  type: string | undefined;
  status: string | undefined;
}

export interface EvidenceEntry {
  /** The evidence as the SoA writes it: a link or a document id. */
  text: string;
  state: EvidenceState;
  /** Repository-relative target (with `#anchor`), when the item points inside the repository. */
  target: string | undefined;
  /** The governance document it resolved to. */
  document: DocumentRef | undefined;
  /** Why a broken item is broken. */
  reason: string | undefined;
}

export interface ControlCoverage {
  id: string;
  title: string;
  /** Id of the control objective (`A.6`). */
  objective: string;
  state: ControlState;
  /** As the SoA states it; undefined when not stated or unclear. */
  applicable: boolean | undefined;
  justification: string;
  implementation: string;
  evidence: EvidenceEntry[];
  /** The SoA document that states the control. */
  soaPath: string | undefined;
}

export interface ObjectiveCoverage {
  id: string;
  title: string;
  controls: ControlCoverage[];
  /** Controls in state `implemented`. */
  implemented: number;
  /** Controls the SoA states as applicable (implemented, with an evidence gap, partial or planned). */
  applicable: number;
  excluded: number;
  /** Controls that are unjustified exclusions or not stated. */
  unresolved: number;
}

export interface ClauseCoverage {
  id: string;
  title: string;
  /** What the clause asks to be documented, in our own words. */
  documentedInformation: string;
  present: boolean;
  /** At least one providing document is approved: a draft alone is not yet the organisation's word. */
  approved: boolean;
  providers: DocumentRef[];
}

/** The state of a document an AI system needs (model card, risk and impact assessment). */
export type ArtefactState = 'current' | 'stale' | 'unapproved' | 'missing';

export interface SystemArtefact {
  type: string;
  state: ArtefactState;
  document: DocumentRef | undefined;
}

export interface SupplierCoverage {
  id: string;
  /** An approved `supplier-assessment` with this id exists. */
  assessed: boolean;
  assessment: DocumentRef | undefined;
}

export interface InventorySystem {
  document: DocumentRef;
  lifecycleStage: string | undefined;
  riskTier: string | undefined;
  artefacts: SystemArtefact[];
  suppliers: SupplierCoverage[];
  /** Only deployed systems must have all artefacts approved. */
  artefactsRequired: boolean;
  /** Nothing missing that the format requires of this system. */
  complete: boolean;
}

export interface ReportFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warn';
  message: string;
}

export interface FindingGroup {
  ruleId: string;
  description: string | undefined;
  errors: number;
  warnings: number;
  findings: ReportFinding[];
}

export type ReadinessCheck = 'soa-complete' | 'evidence-current' | 'inventory-complete' | 'required-documents' | 'no-errors';

export interface ReadinessVerdict {
  check: ReadinessCheck;
  label: string;
  ok: boolean;
  /** One sentence on why, so a "no" says what to fix. */
  detail: string;
}

export interface DocumentCount {
  type: string;
  total: number;
  /** Count per `status` (`approved`, `draft`, ...; `none` where the field is absent). */
  byStatus: Record<string, number>;
}

export interface ReportSummary {
  /** The root folder's name, shown as the report's subject (never a machine path: reports are shared). */
  name: string;
  /** The date review deadlines were judged against. */
  now: string;
  catalog: { id: string; name: string };
  tool: { name: string; version: string };
  soaDocuments: string[];
  documents: { total: number; byType: DocumentCount[]; byStatus: Record<string, number> };
  errors: number;
  warnings: number;
  /** Applicable + excluded + excludedUnjustified + notStated = total; partial and planned are among the applicable. */
  controls: { total: number; implemented: number; applicable: number; partial: number; planned: number; excluded: number; excludedUnjustified: number; notStated: number };
}

export interface AimsReport {
  /** Bumped when a field changes meaning; tools that read the JSON check it. 2: no `summary.root` (a machine path), control states `partial` and `planned`. */
  reportVersion: 2;
  summary: ReportSummary;
  readiness: ReadinessVerdict[];
  objectives: ObjectiveCoverage[];
  clauses: ClauseCoverage[];
  inventory: InventorySystem[];
  findings: FindingGroup[];
  /** Per governance document, its versions from git (report/history.ts). */
  history?: ChangeHistory;
  /** Coverage per framework: ISO/IEC 42001 Annex A, then those the config selects with `catalogs`. */
  frameworks: FrameworkCoverage[];
}
