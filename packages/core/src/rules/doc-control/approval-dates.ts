import { stringField, valueRange } from '../../index/fields.js';
import type { IndexedDocument } from '../../model.js';
import { ISO_DATE } from '../../util/words.js';
import type { Report } from '../types.js';
import { defineRepositoryRule } from '../types.js';

/** A frontmatter date as written, when it is one; malformed dates are the schema's to report. */
function dateField(document: IndexedDocument, key: string): string | undefined {
  const value = stringField(document, key);
  return value !== undefined && ISO_DATE.test(value) ? value : undefined;
}

export default defineRepositoryRule({
  id: 'doc-control/approval-dates',
  defaultSeverity: 'error',
  description: 'Approval and review dates out of order: `approved_on` in the future, `last_reviewed` before `approved_on`, `next_review` before `last_reviewed`.',
  serves: ['7.5.3'],
  messages: {
    future: '`approved_on` is {{approvedOn}}, after today ({{now}}): write the date the approval was actually given.',
    reviewedBeforeApproval: '`last_reviewed` ({{lastReviewed}}) is before `approved_on` ({{approvedOn}}): approving a version reviews it, so `last_reviewed` is {{approvedOn}} or later.',
    nextBeforeLast: '`next_review` ({{nextReview}}) is before `last_reviewed` ({{lastReviewed}}): the next review comes after the last one; write a later date.',
  },
  check(index, { now }) {
    return index.governed.flatMap((document) => {
      const approvedOn = dateField(document, 'approved_on');
      const lastReviewed = dateField(document, 'last_reviewed');
      const nextReview = dateField(document, 'next_review');
      const reports: Report[] = [];
      const at = (pointer: string) => ({ file: document.path, range: valueRange(document, pointer) });
      if (approvedOn !== undefined && approvedOn > now) reports.push({ messageId: 'future', data: { approvedOn, now }, ...at('/approved_on') });
      if (approvedOn !== undefined && lastReviewed !== undefined && lastReviewed < approvedOn) {
        reports.push({ messageId: 'reviewedBeforeApproval', data: { lastReviewed, approvedOn }, ...at('/last_reviewed') });
      }
      if (lastReviewed !== undefined && nextReview !== undefined && nextReview < lastReviewed) {
        reports.push({ messageId: 'nextBeforeLast', data: { nextReview, lastReviewed }, ...at('/next_review') });
      }
      return reports;
    });
  },
});
