import { documentSchema } from '../definitions.js';

export const aiPolicySchema = documentSchema({
  type: 'ai-policy',
  title: 'AI policy',
  description:
    "Top management's statement of intent for developing, providing and using AI: its principles and commitments. The policy text is the Markdown body.",
  example: {
    id: 'POL-001',
    type: 'ai-policy',
    title: 'AI policy',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.3',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-01-10',
    last_reviewed: '2026-01-10',
    next_review: '2027-01-10',
    effective_on: '2026-02-01',
    controls: ['A.2.2', 'A.2.3', 'A.2.4'],
    clauses: ['5.2'],
    related: ['SCOPE-001', 'OBJ-001'],
    summary: 'We use AI only where it serves customers fairly, under human oversight, and we review this policy every year.',
    classification: 'public',
  },
});
