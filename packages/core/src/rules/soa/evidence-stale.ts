import { stringField } from '../../index/fields.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { evidenceStatus } from '../../index/queries.js';
import { judgeEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-stale',
  defaultSeverity: 'error',
  description: 'SoA evidence whose review is overdue, so it no longer counts as current evidence.',
  serves: ['6.1.3', '7.5.2'],
  messages: {
    stale: 'The evidence `{{evidence}}` for {{control}} was due for review on {{due}} ({{path}}); review it so it counts as current evidence.',
  },
  check(index, { now }) {
    return judgeEvidence(index, ({ item, entry, soaPath, target }): Report[] => {
      if (target.kind !== 'document' || evidenceStatus(target.document, now) !== 'stale') return [];
      const due = stringField(target.document, 'next_review') ?? '';
      return [{ messageId: 'stale', data: { evidence: item.text, control: entry.control, due, path: target.document.path }, file: soaPath, range: item.range }];
    });
  },
});
