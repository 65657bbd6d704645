import type { EuAiActScope } from '../../catalog/eu-ai-act-dates.js';
import type { EuAiActRole, ProfileRequirement } from '../../catalog/eu-ai-act-profile.js';
import { dataOf, stringField, stringListField } from '../../index/fields.js';
import { claimsControl } from '../../index/queries.js';
import { documentsOfType, type RepoIndex } from '../../index/repo-index.js';
import type { IndexedDocument } from '../../model.js';

/** An `ai-system` with an EU AI Act profile: what the eu-ai-act/* rules judge. */
export interface ProfiledSystem {
  id: string;
  document: IndexedDocument;
  role: EuAiActRole;
  risk: string;
  annexIii: string | undefined;
}

const ROLES: readonly string[] = ['provider', 'deployer', 'both'];

/** Systems with a usable profile; a malformed one is schema/invalid's to report, and retired systems owe nothing. */
export function profiledSystems(index: RepoIndex): ProfiledSystem[] {
  return documentsOfType(index, 'ai-system').flatMap((document): ProfiledSystem[] => {
    const id = stringField(document, 'id');
    const profile = dataOf(document)['eu_ai_act'];
    if (id === undefined || typeof profile !== 'object' || profile === null || stringField(document, 'lifecycle_stage') === 'retired') return [];
    const { role, risk, annex_iii: annexIii } = profile as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.includes(role) || typeof risk !== 'string') return [];
    return [{ id, document, role: role as EuAiActRole, risk, annexIii: typeof annexIii === 'string' ? annexIii : undefined }];
  });
}

/** High-risk through Annex III (a use) or, without an area, through Annex I (a product): the dates differ. */
export function highRiskScope(system: ProfiledSystem): EuAiActScope {
  return system.annexIii === undefined ? 'high-risk-annex-i' : 'high-risk-annex-iii';
}

/**
 * Documents about each system, by its id: `system` names it or `systems`
 * lists it. Built once per run, so the rules stay linear in the documents.
 */
export function documentsBySystem(index: RepoIndex): ReadonlyMap<string, readonly IndexedDocument[]> {
  const about = new Map<string, IndexedDocument[]>();
  for (const document of index.governed) {
    const ids = new Set([stringField(document, 'system'), ...stringListField(document, 'systems').map((item) => item.value)]);
    for (const id of ids) {
      if (id === undefined) continue;
      const list = about.get(id) ?? [];
      list.push(document);
      about.set(id, list);
    }
  }
  return about;
}

/** What a system has for one requirement: the approved document, a document not yet approved, or nothing. */
export type RequirementMatch =
  | { state: 'approved'; document: IndexedDocument; missingHeadings: string[] }
  | { state: 'unapproved'; document: IndexedDocument }
  | { state: 'missing' };

export function matchRequirement(documents: readonly IndexedDocument[], requirement: Omit<ProfileRequirement, 'role'>): RequirementMatch {
  const candidates = documents.filter((document) => document.type !== undefined && requirement.types.includes(document.type) && claimsControl(document, requirement.obligation));
  const approved = candidates.filter((document) => stringField(document, 'status') === 'approved');
  if (approved.length === 0) {
    const first = candidates[0];
    return first ? { state: 'unapproved', document: first } : { state: 'missing' };
  }
  // The approved document with the fewest missing headings is the one to advise on.
  const judged = approved.map((document) => {
    const anchors = new Set(document.anchors);
    return { document, missingHeadings: requirement.headings.filter((wanted) => !anchors.has(wanted.anchor)).map((wanted) => wanted.heading) };
  });
  judged.sort((a, b) => a.missingHeadings.length - b.missingHeadings.length);
  const best = judged[0];
  return best ? { state: 'approved', ...best } : { state: 'missing' };
}

/** "a model-card or procedure": the types a requirement accepts, in words. */
export function typesInWords(types: readonly string[]): string {
  return types.length <= 1 ? (types[0] ?? 'document') : `${types.slice(0, -1).join(', ')} or ${types.at(-1) ?? ''}`;
}
