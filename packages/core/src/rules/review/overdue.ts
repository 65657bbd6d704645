import { overdueSince, valueRange } from '../../index/fields.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'review/overdue',
  defaultSeverity: 'error',
  description: 'A document whose `next_review` date has passed.',
  serves: ['7.5.2', '9.3'],
  perDocument: true,
  messages: {
    overdue: 'The review of this document was due on {{due}}; review it, then update `last_reviewed` and `next_review`.',
  },
  check(index, { now }) {
    return index.governed.flatMap((document) => {
      const due = overdueSince(document, now);
      if (due === undefined) return [];
      return [{ messageId: 'overdue', data: { due }, file: document.path, range: valueRange(document, '/next_review') }];
    });
  },
});
