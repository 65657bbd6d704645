import { date, documentSchema, field, textList } from '../definitions.js';

export const managementReviewSchema = documentSchema({
  type: 'management-review',
  title: 'Management review',
  description:
    "The results of top management's periodic review of the AI management system: what was considered, what was decided, and the actions that follow.",
  properties: {
    held_on: field(date, 'Held on', 'The date (YYYY-MM-DD) the review meeting took place.'),
    attendees: field(textList, 'Attendees', 'Who took part, by name or role.'),
    decisions: field(textList, 'Decisions', 'What was decided, one decision per item.'),
    actions: field(textList, 'Actions', 'The follow-up actions agreed, each with its owner and deadline if known.'),
  },
  example: {
    id: 'MR-2026-01',
    type: 'management-review',
    title: 'Management review, first half 2026',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-06-20',
    last_reviewed: '2026-06-20',
    next_review: '2026-12-20',
    clauses: ['9.3'],
    related: ['AUD-2026-01', 'OBJ-001'],
    held_on: '2026-06-18',
    attendees: ['Dana Okafor (CEO)', 'Sam Lindqvist (AI governance lead)', 'Chief risk officer'],
    decisions: ['Extend impact assessments to the internal HR screening pilot'],
    actions: ['AI governance lead to add the HR pilot to the inventory by 2026-07-31'],
  },
});
