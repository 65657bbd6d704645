import { stringField, valueRange } from '../../index/fields.js';
import { defineRepositoryRule } from '../types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export default defineRepositoryRule({
  id: 'review/overdue',
  defaultSeverity: 'error',
  description: 'A document whose `next_review` date has passed.',
  serves: ['7.5.2', '9.3'],
  messages: {
    overdue: 'The review of this document was due on {{due}}; review it, then update `last_reviewed` and `next_review`.',
  },
  check(index, { now }) {
    return index.governed.flatMap((document) => {
      const due = stringField(document, 'next_review');
      if (due === undefined || !ISO_DATE.test(due) || due >= now || stringField(document, 'status') === 'retired') return [];
      return [{ messageId: 'overdue', data: { due }, file: document.path, range: valueRange(document, '/next_review') }];
    });
  },
});
