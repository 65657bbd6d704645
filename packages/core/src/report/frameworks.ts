/**
 * Coverage per framework: for each item of ISO/IEC 42001 Annex A, the NIST AI
 * RMF and the EU AI Act, the evidence that reaches it, directly (a document
 * lists the id in `controls`, or the SoA cites it) or through a crosswalk from
 * the Annex A controls. One evidence base, read three ways.
 */
import { crosswalkOf, type Framework, type Source } from '../catalog/index.js';
import type { LintResult } from '../engine/lint.js';
import { stringField, stringListField } from '../index/fields.js';
import { evidenceStatus } from '../index/queries.js';
import type { IndexedDocument } from '../model.js';
import type { EvidenceState, ObjectiveCoverage } from './types.js';

/** The best evidence an item has: approved and current, approved but overdue, only drafts, or nothing. */
export type FrameworkState = 'current' | 'stale' | 'draft' | 'none';

export const FRAMEWORK_STATES: readonly FrameworkState[] = ['current', 'stale', 'draft', 'none'];

export interface FrameworkEvidence {
  /** Repository-relative path of the document or file. */
  path: string;
  id: string | undefined;
  title: string | undefined;
  state: Exclude<FrameworkState, 'none'>;
  /**
   * `controls`: the document lists the item in its `controls`; `soa`: the SoA
   * cites it for the control; `crosswalk`: it evidences Annex A controls the
   * crosswalk maps the item to.
   */
  via: 'controls' | 'soa' | 'crosswalk';
  /** For `crosswalk`, the Annex A controls it came through. */
  through: string[];
}

export interface FrameworkItemCoverage {
  /** The id as documents write it in `controls`. */
  id: string;
  /** The id as the framework writes it. */
  label: string;
  title: string;
  group: string;
  /** Whom the obligation binds (EU AI Act). */
  role: string | undefined;
  state: FrameworkState;
  /** Annex A controls the crosswalk maps the item to. */
  mappedControls: string[];
  /** As the SoA states it (Annex A controls only). */
  applicable: boolean | undefined;
  justification: string;
  implementation: string;
  evidence: FrameworkEvidence[];
}

export interface FrameworkGroupCoverage {
  id: string;
  title: string;
  parent: string | undefined;
  counts: Record<FrameworkState, number>;
}

export interface FrameworkCoverage {
  /** `catalog`: the ISO/IEC 42001 catalog the SoA states; `framework`: one read through it and through `controls`. */
  kind: 'catalog' | 'framework';
  id: string;
  name: string;
  source: Source | undefined;
  /** The crosswalk to the Annex A controls: its sources and what it leaves out. */
  crosswalk: { sources: Source[]; rows: number; note: string } | undefined;
  groups: FrameworkGroupCoverage[];
  items: FrameworkItemCoverage[];
  counts: Record<FrameworkState, number>;
}

const RANK: Readonly<Record<FrameworkState, number>> = { current: 3, stale: 2, draft: 1, none: 0 };

const SOA_STATES: Readonly<Partial<Record<EvidenceState, Exclude<FrameworkState, 'none'>>>> = { current: 'current', file: 'current', stale: 'stale', unapproved: 'draft' };

function documentState(document: IndexedDocument, now: string): Exclude<FrameworkState, 'none'> {
  const status = evidenceStatus(document, now);
  return status === 'unapproved' ? 'draft' : status;
}

function evidenceOf(document: IndexedDocument, now: string, via: FrameworkEvidence['via'], through: string[] = []): FrameworkEvidence {
  return { path: document.path, id: stringField(document, 'id'), title: stringField(document, 'title'), state: documentState(document, now), via, through };
}

/** Documents by each id they list in `controls`, in one pass; a retired document evidences nothing any more. */
function claimsById(documents: readonly IndexedDocument[]): Map<string, IndexedDocument[]> {
  const claims = new Map<string, IndexedDocument[]>();
  for (const document of documents) {
    if (stringField(document, 'status') === 'retired') continue;
    for (const { value } of stringListField(document, 'controls')) {
      const list = claims.get(value) ?? [];
      if (!list.includes(document)) list.push(document);
      claims.set(value, list);
    }
  }
  return claims;
}

function bestState(evidence: readonly FrameworkEvidence[]): FrameworkState {
  return evidence.reduce<FrameworkState>((best, item) => (RANK[item.state] > RANK[best] ? item.state : best), 'none');
}

function countStates(items: readonly { state: FrameworkState }[]): Record<FrameworkState, number> {
  const counts: Record<FrameworkState, number> = { current: 0, stale: 0, draft: 0, none: 0 };
  for (const item of items) counts[item.state] += 1;
  return counts;
}

/** Evidence of each Annex A control: documents listing it, and what the SoA cites for it. */
function annexEvidence(objectives: readonly ObjectiveCoverage[], claims: ReadonlyMap<string, IndexedDocument[]>, now: string): Map<string, FrameworkEvidence[]> {
  const byControl = new Map<string, FrameworkEvidence[]>();
  for (const control of objectives.flatMap((objective) => objective.controls)) {
    const evidence = (claims.get(control.id) ?? []).map((document) => evidenceOf(document, now, 'controls'));
    for (const entry of control.evidence) {
      const state = SOA_STATES[entry.state];
      const path = entry.document?.path ?? entry.target;
      if (state === undefined || path === undefined || evidence.some((known) => known.path === path)) continue;
      evidence.push({ path, id: entry.document?.id, title: entry.document?.title, state, via: 'soa', through: [] });
    }
    byControl.set(control.id, evidence);
  }
  return byControl;
}

function isoCoverage(result: LintResult, objectives: readonly ObjectiveCoverage[], byControl: ReadonlyMap<string, FrameworkEvidence[]>): FrameworkCoverage {
  const items = objectives.flatMap((objective) => objective.controls.map((control): FrameworkItemCoverage => {
    const evidence = byControl.get(control.id) ?? [];
    return {
      id: control.id, label: control.id, title: control.title, group: objective.id, role: undefined, state: bestState(evidence), mappedControls: [],
      applicable: control.applicable, justification: control.justification, implementation: control.implementation, evidence,
    };
  }));
  const groups = objectives.map((objective) => ({ id: objective.id, title: objective.title, parent: undefined, counts: countStates(items.filter((item) => item.group === objective.id)) }));
  return { kind: 'catalog', id: result.index.catalog.id, name: result.index.catalog.name, source: undefined, crosswalk: undefined, groups, items, counts: countStates(items) };
}

/** Direct evidence first; then, per document, the Annex A controls it reaches the item through. */
function itemEvidence(direct: readonly IndexedDocument[], mapped: readonly string[], byControl: ReadonlyMap<string, FrameworkEvidence[]>, now: string): FrameworkEvidence[] {
  const evidence = direct.map((document) => evidenceOf(document, now, 'controls'));
  const crossed = new Map<string, FrameworkEvidence>();
  for (const control of mapped) {
    for (const item of byControl.get(control) ?? []) {
      if (evidence.some((known) => known.path === item.path)) continue;
      const known = crossed.get(item.path);
      if (known) known.through.push(control);
      else crossed.set(item.path, { ...item, via: 'crosswalk', through: [control] });
    }
  }
  return [...evidence, ...crossed.values()];
}

function frameworkOf(framework: Framework, result: LintResult, claims: ReadonlyMap<string, IndexedDocument[]>, byControl: ReadonlyMap<string, FrameworkEvidence[]>): FrameworkCoverage {
  const crosswalk = crosswalkOf(framework.id, result.index.catalog.id);
  const mappedByItem = new Map((crosswalk?.rows ?? []).map((row) => [row.item, [...row.controls]]));
  const items = framework.items.map((item): FrameworkItemCoverage => {
    const mappedControls = mappedByItem.get(item.id) ?? [];
    const evidence = itemEvidence(claims.get(item.id) ?? [], mappedControls, byControl, result.now);
    return {
      id: item.id, label: item.label, title: item.title, group: item.group, role: item.role, state: bestState(evidence), mappedControls,
      applicable: undefined, justification: '', implementation: '', evidence,
    };
  });
  // Functions (groups without a parent) hold categories, not items: count them over their categories' items.
  const groupOf = (id: string) => framework.groups.find((group) => group.id === id);
  const inGroup = (groupId: string) => items.filter((item) => item.group === groupId || groupOf(item.group)?.parent === groupId);
  const groups = framework.groups.map((group) => ({ id: group.id, title: group.title, parent: group.parent, counts: countStates(inGroup(group.id)) }));
  return {
    kind: 'framework',
    id: framework.id,
    name: framework.name,
    source: framework.source,
    crosswalk: crosswalk && { sources: Object.values(crosswalk.sources), rows: crosswalk.rows.length, note: crosswalk.note },
    groups,
    items,
    counts: countStates(items),
  };
}

/** ISO/IEC 42001 first, then each framework the config selects, in its order. */
export function frameworkCoverage(result: LintResult, objectives: readonly ObjectiveCoverage[]): FrameworkCoverage[] {
  const claims = claimsById(result.index.governed);
  const byControl = annexEvidence(objectives, claims, result.now);
  return [isoCoverage(result, objectives, byControl), ...result.frameworks.map((framework) => frameworkOf(framework, result, claims, byControl))];
}
