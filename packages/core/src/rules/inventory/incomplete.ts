import type { IndexedDocument } from '../../model.js';
import { stringField, valueRange } from '../../index/fields.js';
import { documentsOfType, type RepoIndex } from '../../index/repo-index.js';
import { defineRepositoryRule, type Report } from '../types.js';

/** What a deployed AI system must have, approved, with `system` naming it. */
export const REQUIRED_FOR_DEPLOYED = ['model-card', 'risk-assessment', 'impact-assessment'] as const;

export type InventoryGap = { type: string; state: 'missing' | 'not approved'; document?: IndexedDocument };

/** For each required type: the approved document, or why there is none. */
export function inventoryGaps(index: RepoIndex, systemId: string): InventoryGap[] {
  return REQUIRED_FOR_DEPLOYED.flatMap((type): InventoryGap[] => {
    const candidates = (index.bySystem.get(systemId) ?? []).filter((document) => document.type === type);
    if (candidates.some((document) => stringField(document, 'status') === 'approved')) return [];
    const first = candidates[0];
    return [first ? { type, state: 'not approved', document: first } : { type, state: 'missing' }];
  });
}

export default defineRepositoryRule({
  id: 'inventory/incomplete',
  defaultSeverity: 'error',
  description: 'A deployed AI system without an approved model card, risk assessment and impact assessment.',
  serves: ['6.1.2', '6.1.4', '8.2', '8.4', 'A.5.2', 'A.6.2.7'],
  messages: {
    incomplete: '{{system}} is deployed but {{gaps}}; every deployed AI system needs an approved model card, risk assessment and impact assessment whose `system` is {{system}}.',
  },
  check(index) {
    return documentsOfType(index, 'ai-system').flatMap((system): Report[] => {
      const id = stringField(system, 'id');
      if (id === undefined || stringField(system, 'lifecycle_stage') !== 'deployed') return [];
      const gaps = inventoryGaps(index, id);
      if (gaps.length === 0) return [];
      const words = gaps.map((gap) => (gap.state === 'missing' ? `has no ${gap.type}` : `its ${gap.type} (${gap.document?.path ?? ''}) is not approved`));
      return [{
        messageId: 'incomplete',
        data: { system: id, gaps: words.join(', ') },
        file: system.path,
        range: valueRange(system, '/lifecycle_stage'),
        related: gaps.flatMap((gap) => (gap.document ? [{ file: gap.document.path, range: valueRange(gap.document, '/status'), message: `${gap.type} status` }] : [])),
      }];
    });
  },
});
