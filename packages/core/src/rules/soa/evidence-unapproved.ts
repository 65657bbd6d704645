import { stringField } from '../../index/fields.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { evidenceStatus } from '../../index/queries.js';
import { hasUnreadableStatus } from '../../index/unknowable.js';
import { judgeEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-unapproved',
  defaultSeverity: 'error',
  description: 'SoA evidence that is a draft, in review or retired, so it does not count as evidence.',
  serves: ['6.1.3', '7.5.2'],
  messages: {
    unapproved: 'The evidence `{{evidence}}` for {{control}} is `{{status}}` ({{path}}); only approved documents count as evidence. Approve it or cite an approved document.',
  },
  check(index, { now }) {
    return judgeEvidence(index, ({ item, entry, soaPath, target }): Report[] => {
      if (target.kind !== 'document' || evidenceStatus(target.document, now) !== 'unapproved') return [];
      // `status: aproved` is schema/invalid's finding at the document, not a second one at every row that cites it.
      if (hasUnreadableStatus(target.document)) return [];
      const status = stringField(target.document, 'status') ?? 'without a status';
      return [{ messageId: 'unapproved', data: { evidence: item.text, control: entry.control, status, path: target.document.path }, file: soaPath, range: item.range }];
    });
  },
});
