import type { IndexedDocument } from '../../model.js';
import { dataOf, stringField, stringListField, valueRange } from '../../index/fields.js';
import { documentsOfType, lookupId } from '../../index/repo-index.js';
import { hasUnreadableStatus } from '../../index/unknowable.js';
import { defineRepositoryRule, type Report } from '../types.js';

const isFilledList = (value: unknown): boolean => Array.isArray(value) && value.some((item) => typeof item === 'string' && item.trim() !== '');

function assessmentGaps(assessment: IndexedDocument): string[] {
  const data = dataOf(assessment);
  return [
    ...(isFilledList(data['responsibilities']) ? [] : ['no `responsibilities`']),
    ...(isFilledList(data['attestations']) ? [] : ['no `attestations`']),
    ...(stringField(assessment, 'status') === 'approved' || hasUnreadableStatus(assessment) ? [] : ['it is not approved']),
  ];
}

export default defineRepositoryRule({
  id: 'supplier/unassessed',
  defaultSeverity: 'error',
  description: 'A supplier named by an AI system without an approved supplier assessment that states responsibilities and attestations.',
  serves: ['A.10.2', 'A.10.3'],
  messages: {
    missing: '{{system}} names the supplier `{{supplier}}`, but no `supplier-assessment` has that id; assess the supplier and give the assessment this id.',
    incomplete: 'The assessment of supplier `{{supplier}}` ({{path}}) is incomplete: {{gaps}}.',
  },
  check(index) {
    return documentsOfType(index, 'ai-system').flatMap((system) =>
      stringListField(system, 'suppliers').flatMap(({ value, pointer }): Report[] => {
        const definition = lookupId(index, value);
        const systemId = stringField(system, 'id') ?? system.path;
        if (definition === undefined && index.unknowable.ids.has(value)) return [];
        if (definition?.type !== 'supplier-assessment') return [{ messageId: 'missing', data: { system: systemId, supplier: value }, file: system.path, range: valueRange(system, pointer) }];
        const gaps = assessmentGaps(definition.document);
        return gaps.length === 0 ? [] : [{ messageId: 'incomplete', data: { supplier: value, path: definition.document.path, gaps: gaps.join(', ') }, file: system.path, range: valueRange(system, pointer) }];
      }));
  },
});
