import { md, testRule } from '../../testing/rule-tester.js';
import rule from './overdue.js';

const doc = (status: string, nextReview: string) => md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  status: ${status}
  next_review: ${nextReview}
  ---
`;

testRule(rule, {
  valid: [
    { name: 'a review due in the future', now: '2026-11-28', files: { 'p.md': doc('approved', '2027-01-01') } },
    { name: 'a review due today is not yet overdue', now: '2026-11-28', files: { 'p.md': doc('approved', '2026-11-28') } },
    { name: 'a retired document is never overdue', now: '2026-11-28', files: { 'p.md': doc('retired', '2020-01-01') } },
  ],
  invalid: [
    {
      name: 'a review date in the past',
      now: '2026-11-28',
      files: { 'p.md': doc('approved', '2026-11-27') },
      errors: [{ file: 'p.md', line: 6, column: 14, endColumn: 24, message: 'The review of this document was due on 2026-11-27; review it, then update `last_reviewed` and `next_review`.' }],
    },
  ],
});
