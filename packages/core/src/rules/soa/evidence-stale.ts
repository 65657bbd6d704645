import { stringField } from '../../index/fields.js';
import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { evidenceStatus, resolveEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-stale',
  defaultSeverity: 'error',
  description: 'SoA evidence whose review is overdue, so it no longer counts as current evidence.',
  serves: ['6.1.3', '7.5.2'],
  messages: {
    stale: 'The evidence `{{evidence}}` for {{control}} was due for review on {{due}} ({{path}}); review it so it counts as current evidence.',
  },
  check(index, { now }) {
    return index.soa.flatMap((statement) =>
      allEntries(statement).flatMap((entry) =>
        entry.evidence.flatMap((item): Report[] => {
          const target = resolveEvidence(index, statement.document.path, item);
          if (target.kind !== 'document' || evidenceStatus(target.document, now) !== 'stale') return [];
          const due = stringField(target.document, 'next_review') ?? '';
          return [{ messageId: 'stale', data: { evidence: item.text, control: entry.control, due, path: target.document.path }, file: statement.document.path, range: item.range }];
        })));
  },
});
