import { basename } from 'node:path';
import { controlsOf, type Catalog, type Control } from '../catalog/index.js';
import type { LintResult } from '../engine/lint.js';
import { stringField, stringListField } from '../index/fields.js';
import { repositoryPathOf } from '../index/links.js';
import { documentsOfType, lookupId, type RepoIndex } from '../index/repo-index.js';
import { allEntries, type EvidenceItem, type SoaEntry } from '../index/soa.js';
import type { IndexedDocument } from '../model.js';
import { RULES } from '../rules/index.js';
import { evidenceStatus, inventoryGaps, isRealJustification, providersByClause, REQUIRED_FOR_DEPLOYED, resolveEvidence, type EvidenceTarget } from '../index/queries.js';
import { VERSION } from '../version.js';
import { changeHistory } from './history.js';
import { frameworkCoverage } from './frameworks.js';
import type {
  AimsReport, ClauseCoverage, ControlCoverage, ControlState, DocumentCount, DocumentRef, EvidenceEntry, EvidenceState,
  FindingGroup, InventorySystem, ObjectiveCoverage, ReadinessVerdict, ReportSummary, SupplierCoverage, SystemArtefact,
} from './types.js';

/** Evidence states that show a control is implemented. */
const COUNTING_EVIDENCE: ReadonlySet<EvidenceState> = new Set(['current', 'file']);

function documentRef(document: IndexedDocument): DocumentRef {
  return {
    path: document.path,
    id: stringField(document, 'id'),
    title: stringField(document, 'title'),
    type: document.type,
    status: stringField(document, 'status'),
  };
}

/** Where an evidence item points inside the repository, for a link in the report. */
function evidenceTarget(soaPath: string, item: EvidenceItem, target: EvidenceTarget): string | undefined {
  if (item.kind === 'id') return target.kind === 'document' ? target.document.path : undefined;
  const place = repositoryPathOf(soaPath, item.text);
  if (place === null || 'outside' in place) return undefined;
  return place.anchor ? `${place.path}#${place.anchor}` : place.path;
}

function evidenceEntry(index: RepoIndex, soaPath: string, item: EvidenceItem, now: string): EvidenceEntry {
  const target = resolveEvidence(index, soaPath, item);
  const common = { text: item.text, target: evidenceTarget(soaPath, item, target) };
  switch (target.kind) {
    case 'document':
      return { ...common, state: evidenceStatus(target.document, now), document: documentRef(target.document), reason: undefined };
    case 'file':
      return { ...common, state: 'file', document: undefined, reason: undefined };
    case 'broken':
      return { ...common, state: 'broken', document: undefined, reason: target.reason };
  }
}

function controlState(entry: SoaEntry | undefined, evidence: readonly EvidenceEntry[]): ControlState {
  if (entry === undefined || entry.applicable === undefined) return 'not-stated';
  if (!entry.applicable) return isRealJustification(entry.justification) ? 'excluded' : 'excluded-unjustified';
  // The SoA's own word that the work is unfinished wins over evidence: "Partial" with a current document is still a gap.
  if (entry.implementationState === 'partial' || entry.implementationState === 'planned') return entry.implementationState;
  return evidence.some((item) => COUNTING_EVIDENCE.has(item.state)) ? 'implemented' : 'evidence-gap';
}

type StatedControls = Map<string, { entry: SoaEntry; document: IndexedDocument }>;

/** The first statement of each control over all SoA documents; the frontmatter form comes first. */
function statedControls(index: RepoIndex): StatedControls {
  const stated: StatedControls = new Map();
  for (const statement of index.soa) {
    for (const entry of allEntries(statement)) {
      if (!stated.has(entry.control)) stated.set(entry.control, { entry, document: statement.document });
    }
  }
  return stated;
}

function controlCoverage(index: RepoIndex, control: Control, now: string, stated: StatedControls): ControlCoverage {
  const statement = stated.get(control.id);
  const evidence = statement ? statement.entry.evidence.map((item) => evidenceEntry(index, statement.document.path, item, now)) : [];
  return {
    id: control.id,
    title: control.title,
    objective: control.objective.id,
    state: controlState(statement?.entry, evidence),
    applicable: statement?.entry.applicable,
    justification: statement?.entry.justification.trim() ?? '',
    implementation: statement?.entry.implementation ?? '',
    evidence,
    soaPath: statement?.document.path,
  };
}

/** The states of a control the SoA states as applicable. */
const APPLICABLE_STATES: readonly ControlState[] = ['implemented', 'evidence-gap', 'partial', 'planned'];

const countOf = (controls: readonly ControlCoverage[], states: readonly ControlState[]): number =>
  controls.filter((control) => states.includes(control.state)).length;

function objectiveCoverage(index: RepoIndex, now: string): ObjectiveCoverage[] {
  const stated = statedControls(index);
  const controls = controlsOf(index.catalog).map((control) => controlCoverage(index, control, now, stated));
  return index.catalog.objectives.map((objective) => {
    const own = controls.filter((control) => control.objective === objective.id);
    return {
      id: objective.id,
      title: objective.title,
      controls: own,
      implemented: countOf(own, ['implemented']),
      applicable: countOf(own, APPLICABLE_STATES),
      excluded: countOf(own, ['excluded']),
      unresolved: countOf(own, ['excluded-unjustified', 'not-stated']),
    };
  });
}

function clauseCoverage(index: RepoIndex, catalog: Catalog): ClauseCoverage[] {
  const byClause = providersByClause(index);
  return catalog.clauses.map((clause) => {
    const providers = (byClause.get(clause.id) ?? []).map(documentRef);
    return {
      id: clause.id,
      title: clause.title,
      documentedInformation: clause.documentedInformation,
      present: providers.length > 0,
      // A draft is not yet the organisation's word: present, but a gap until one provider is approved.
      approved: providers.some((document) => document.status === 'approved'),
      providers,
    };
  });
}

function artefactOf(index: RepoIndex, systemId: string, type: string, now: string): SystemArtefact {
  const gap = inventoryGaps(index, systemId).find((candidate) => candidate.type === type);
  if (gap) return { type, state: gap.state === 'missing' ? 'missing' : 'unapproved', document: gap.document && documentRef(gap.document) };
  // No gap means inventoryGaps found an approved document: name it, and say whether its review is overdue.
  const approved = documentsOfType(index, type).find((document) => stringField(document, 'system') === systemId && stringField(document, 'status') === 'approved');
  return approved ? { type, state: evidenceStatus(approved, now), document: documentRef(approved) } : { type, state: 'missing', document: undefined };
}

function supplierCoverage(index: RepoIndex, supplierId: string): SupplierCoverage {
  const definition = lookupId(index, supplierId);
  const assessment = definition?.kind === 'document' && definition.type === 'supplier-assessment' ? definition.document : undefined;
  return { id: supplierId, assessed: assessment !== undefined && stringField(assessment, 'status') === 'approved', assessment: assessment && documentRef(assessment) };
}

function inventory(index: RepoIndex, now: string): InventorySystem[] {
  return documentsOfType(index, 'ai-system').map((system) => {
    const id = stringField(system, 'id') ?? system.path;
    const lifecycleStage = stringField(system, 'lifecycle_stage');
    const artefactsRequired = lifecycleStage === 'deployed';
    const suppliers = stringListField(system, 'suppliers').map(({ value }) => supplierCoverage(index, value));
    return {
      document: documentRef(system),
      lifecycleStage,
      riskTier: stringField(system, 'risk_tier'),
      artefacts: REQUIRED_FOR_DEPLOYED.map((type) => artefactOf(index, id, type, now)),
      suppliers,
      artefactsRequired,
      complete: (!artefactsRequired || inventoryGaps(index, id).length === 0) && suppliers.every((supplier) => supplier.assessed),
    };
  });
}

function findingGroups(result: LintResult): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const file of result.files) {
    for (const finding of file.findings) {
      const group = groups.get(finding.ruleId) ?? { ruleId: finding.ruleId, description: RULES.find((rule) => rule.id === finding.ruleId)?.description, errors: 0, warnings: 0, findings: [] };
      groups.set(finding.ruleId, group);
      if (finding.severity === 'error') group.errors += 1;
      else group.warnings += 1;
      group.findings.push({ file: finding.file, line: finding.range.line, column: finding.range.column, severity: finding.severity, message: finding.message });
    }
  }
  // The order `aimslint explain` lists rules in: file problems first, then SoA, inventory and clauses.
  const order = (ruleId: string): number => {
    const at = RULES.findIndex((rule) => rule.id === ruleId);
    return at === -1 ? RULES.length : at;
  };
  return [...groups.values()].sort((a, b) => order(a.ruleId) - order(b.ruleId) || a.ruleId.localeCompare(b.ruleId));
}

/** Keys are users' values (a `status` of `__proto__` or `constructor`): own properties only, defined, never assigned. */
function increment(counts: Record<string, number>, key: string): void {
  const value = (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0) + 1;
  Object.defineProperty(counts, key, { value, enumerable: true, writable: true, configurable: true });
}

function documentCounts(index: RepoIndex): ReportSummary['documents'] {
  const byType = new Map<string, DocumentCount>();
  const byStatus: Record<string, number> = {};
  for (const document of index.governed) {
    const type = document.type ?? 'unknown';
    const status = stringField(document, 'status') ?? 'none';
    const count = byType.get(type) ?? { type, total: 0, byStatus: {} };
    byType.set(type, count);
    count.total += 1;
    increment(count.byStatus, status);
    increment(byStatus, status);
  }
  return { total: index.governed.length, byType: [...byType.values()].sort((a, b) => a.type.localeCompare(b.type)), byStatus };
}

/** "A.2.2, A.2.3 and 4 more": enough to act on without flooding a one-line verdict. */
function someOf(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function soaVerdict(controls: readonly ControlCoverage[], soaDocuments: readonly IndexedDocument[]): ReadinessVerdict {
  const label = 'SoA complete';
  if (soaDocuments.length === 0) return { check: 'soa-complete', label, ok: false, detail: 'There is no Statement of Applicability (a document of type `soa`).' };
  const unapproved = soaDocuments.filter((document) => stringField(document, 'status') !== 'approved');
  const problems = [
    { what: 'the Statement of Applicability is not approved', ids: unapproved.map((document) => `${document.path} (${stringField(document, 'status') ?? 'no status'})`) },
    { what: 'not stated', ids: controls.filter((control) => control.state === 'not-stated').map((control) => control.id) },
    { what: 'excluded without a justification', ids: controls.filter((control) => control.state === 'excluded-unjustified').map((control) => control.id) },
    { what: 'applicable but listing no evidence', ids: controls.filter((control) => control.applicable === true && control.evidence.length === 0).map((control) => control.id) },
    { what: 'only partly implemented', ids: controls.filter((control) => control.state === 'partial').map((control) => control.id) },
    { what: 'planned, not yet implemented', ids: controls.filter((control) => control.state === 'planned').map((control) => control.id) },
  ].filter((problem) => problem.ids.length > 0);
  if (problems.length === 0) return { check: 'soa-complete', label, ok: true, detail: `The approved SoA states all ${controls.length} controls; every exclusion is justified and every applicable control is implemented and lists evidence.` };
  const detail = problems.map((problem) => `${problem.what}: ${someOf(problem.ids)}`).join('; ');
  return { check: 'soa-complete', label, ok: false, detail: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` };
}

function evidenceVerdict(controls: readonly ControlCoverage[], hasSoa: boolean): ReadinessVerdict {
  const label = 'All evidence current';
  if (!hasSoa) return { check: 'evidence-current', label, ok: false, detail: 'There is no Statement of Applicability, so there is no evidence to judge.' };
  const items = controls.flatMap((control) => control.evidence.map((item) => ({ control: control.id, item })));
  const failing = items.filter(({ item }) => !COUNTING_EVIDENCE.has(item.state));
  // Nothing cited is nothing shown: an SoA without evidence must not read as "all evidence current".
  if (items.length === 0) return { check: 'evidence-current', label, ok: false, detail: 'The Statement of Applicability cites no evidence at all; every applicable control needs at least one approved document or file.' };
  if (failing.length === 0) return { check: 'evidence-current', label, ok: true, detail: `All ${items.length} evidence items are approved and within their review dates, or existing files.` };
  const byState = (['broken', 'unapproved', 'stale'] as const).flatMap((state) => {
    const inState = failing.filter(({ item }) => item.state === state);
    return inState.length > 0 ? [`${inState.length} ${state} (${someOf([...new Set(inState.map(({ control }) => control))])})`] : [];
  });
  return { check: 'evidence-current', label, ok: false, detail: `${failing.length} of ${items.length} evidence items do not count: ${byState.join(', ')}.` };
}

function inventoryVerdict(systems: readonly InventorySystem[]): ReadinessVerdict {
  const label = 'Inventory complete';
  if (systems.length === 0) return { check: 'inventory-complete', label, ok: false, detail: 'The inventory lists no AI system (no document of type `ai-system`).' };
  const incomplete = systems.filter((system) => !system.complete).map((system) => system.document.id ?? system.document.path);
  return incomplete.length === 0
    ? { check: 'inventory-complete', label, ok: true, detail: `All ${systems.length} AI systems have what their lifecycle stage requires, and every supplier is assessed.` }
    : { check: 'inventory-complete', label, ok: false, detail: `Incomplete: ${someOf(incomplete)} (a deployed system lacks an approved model card, risk or impact assessment, or a supplier is not assessed).` };
}

function requiredDocumentsVerdict(clauses: readonly ClauseCoverage[]): ReadinessVerdict {
  const label = 'Required documents present';
  const missing = clauses.filter((clause) => !clause.present).map((clause) => clause.id);
  const drafts = clauses.filter((clause) => clause.present && !clause.approved).map((clause) => clause.id);
  if (missing.length === 0 && drafts.length === 0) return { check: 'required-documents', label, ok: true, detail: `Approved documented information is present for all ${clauses.length} clauses that ask for it.` };
  const problems = [
    ...(missing.length > 0 ? [`Missing for clause${missing.length === 1 ? '' : 's'} ${someOf(missing)}`] : []),
    ...(drafts.length > 0 ? [`present, not approved for clause${drafts.length === 1 ? '' : 's'} ${someOf(drafts)} (only drafts or documents in review provide them)`] : []),
  ];
  const detail = problems.join('; ');
  return { check: 'required-documents', label, ok: false, detail: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` };
}

function errorsVerdict(errors: number, warnings: number): ReadinessVerdict {
  return errors === 0
    ? { check: 'no-errors', label: 'No errors', ok: true, detail: `The linter reports no errors${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.` }
    : { check: 'no-errors', label: 'No errors', ok: false, detail: `The linter reports ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}.` };
}

/** The auditor's view of one lint run: pure, and plain data. */
export function buildReport(result: LintResult): AimsReport {
  const { index, now } = result;
  const objectives = objectiveCoverage(index, now);
  const controls = objectives.flatMap((objective) => objective.controls);
  const clauses = clauseCoverage(index, index.catalog);
  const systems = inventory(index, now);
  const hasSoa = index.soa.length > 0;
  const summary: ReportSummary = {
    name: basename(result.root),
    now,
    catalog: { id: index.catalog.id, name: index.catalog.name },
    tool: { name: 'aimslint', version: VERSION },
    soaDocuments: index.soa.map((statement) => statement.document.path),
    documents: documentCounts(index),
    errors: result.errorCount,
    warnings: result.warningCount,
    controls: {
      total: controls.length,
      implemented: countOf(controls, ['implemented']),
      applicable: countOf(controls, APPLICABLE_STATES),
      partial: countOf(controls, ['partial']),
      planned: countOf(controls, ['planned']),
      excluded: countOf(controls, ['excluded']),
      excludedUnjustified: countOf(controls, ['excluded-unjustified']),
      notStated: countOf(controls, ['not-stated']),
    },
  };
  return {
    reportVersion: 2,
    summary,
    readiness: [
      soaVerdict(controls, index.soa.map((statement) => statement.document)),
      evidenceVerdict(controls, hasSoa),
      inventoryVerdict(systems),
      requiredDocumentsVerdict(clauses),
      errorsVerdict(result.errorCount, result.warningCount),
    ],
    objectives,
    clauses,
    inventory: systems,
    findings: findingGroups(result),
    history: changeHistory(index, documentRef),
    frameworks: frameworkCoverage(result, objectives),
  };
}
