import { stringField, valueRange } from '../../index/fields.js';
import { inventoryGaps } from '../../index/queries.js';
import { documentsOfType } from '../../index/repo-index.js';
import { defineRepositoryRule, type Report } from '../types.js';

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
