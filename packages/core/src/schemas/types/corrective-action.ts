import { date, documentIdList, documentSchema, field, text, textList } from '../definitions.js';

export const correctiveActionSchema = documentSchema({
  type: 'corrective-action',
  title: 'Corrective action',
  description:
    'What is done about a nonconformity or incident: its cause, the actions taken so it does not recur, and whether they worked.',
  properties: {
    raised_from: field(
      documentIdList,
      'Raised from',
      'Ids of the incident, audit-report or management-review documents that led to this action.',
    ),
    nonconformity: field(text, 'Nonconformity', 'What went wrong, in a sentence or two.'),
    root_cause: field(text, 'Root cause', 'Why it went wrong.'),
    actions: field(textList, 'Actions', 'The steps taken or planned, one per item.'),
    due_on: field(date, 'Due on', 'The date (YYYY-MM-DD) by which the actions should be complete.'),
    closed_on: field(date, 'Closed on', 'The date (YYYY-MM-DD) the action was completed and closed.'),
    effectiveness: field(text, 'Effectiveness', 'How it was checked that the actions worked, and the result.'),
  },
  example: {
    id: 'CA-2026-002',
    type: 'corrective-action',
    title: 'Rebuild chatbot retrieval index on every rate change',
    owner: 'ROLE-ML-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-03-01',
    last_reviewed: '2026-03-01',
    next_review: '2026-09-01',
    clauses: ['10.2'],
    raised_from: ['INC-2026-007'],
    nonconformity: 'The chatbot answered from an outdated rate sheet for two days.',
    root_cause: 'Index rebuilds were manual and not part of the rate-change procedure.',
    actions: ['Trigger an index rebuild from the rate publication pipeline', 'Add a daily freshness check with an alert'],
    due_on: '2026-03-31',
    closed_on: '2026-03-20',
    effectiveness: 'Three rate changes since went live in the chatbot within one hour.',
  },
});
