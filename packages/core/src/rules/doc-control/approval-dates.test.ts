import { md, testRule } from '../../testing/rule-tester.js';
import rule from './approval-dates.js';

const doc = (approvedOn: string, lastReviewed: string, nextReview: string) => md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  owner: ROLE-AIMS-MANAGER
  status: approved
  version: "2.1"
  approved_by: ROLE-CRO
  approved_on: ${approvedOn}
  last_reviewed: ${lastReviewed}
  next_review: ${nextReview}
  ---
  # AI policy
`;

testRule(rule, {
  valid: [
    { name: 'approved, reviewed the same day, next review a year later', files: { 'aims/p.md': doc('2026-03-01', '2026-03-01', '2027-03-01') } },
    { name: 'approved today, reviewed since', now: '2026-11-28', files: { 'aims/p.md': doc('2026-11-28', '2026-11-28', '2026-11-28') } },
    { name: 'dates that are not dates are the schema’s to report', files: { 'aims/p.md': doc('soon', 'later', 'never') } },
  ],
  invalid: [
    {
      name: 'an approval dated tomorrow',
      now: '2026-11-28',
      files: { 'aims/p.md': doc('2026-11-29', '2026-11-29', '2027-11-29') },
      errors: [{ file: 'aims/p.md', line: 9, column: 14, endColumn: 24, message: '`approved_on` is 2026-11-29, after today (2026-11-28): write the date the approval was actually given.' }],
    },
    {
      name: 'reviewed before approval, next review before the last',
      files: { 'aims/p.md': doc('2026-03-01', '2026-02-01', '2026-01-01') },
      errors: [
        { file: 'aims/p.md', line: 10, column: 16, endColumn: 26, message: '`last_reviewed` (2026-02-01) is before `approved_on` (2026-03-01): approving a version reviews it, so `last_reviewed` is 2026-03-01 or later.' },
        { file: 'aims/p.md', line: 11, column: 14, endColumn: 24, message: '`next_review` (2026-01-01) is before `last_reviewed` (2026-02-01): the next review comes after the last one; write a later date.' },
      ],
    },
  ],
});
