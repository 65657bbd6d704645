import { documentIdList, documentSchema, field, textList } from '../definitions.js';

export const aimsScopeSchema = documentSchema({
  type: 'aims-scope',
  title: 'AIMS scope',
  description:
    'States what the AI management system covers: which parts of the organisation, which AI systems, and what is deliberately left out.',
  properties: {
    ai_systems: field(
      documentIdList,
      'AI systems in scope',
      'Ids of the ai-system documents the management system covers. An empty list is allowed while the inventory is being built.',
    ),
    boundaries: field(
      textList,
      'Boundaries',
      'The organisational units, sites, products or activities inside the scope, one per item.',
    ),
    exclusions: field(
      textList,
      'Exclusions',
      'What is deliberately outside the scope, each with its reason, so auditors see the choice was made on purpose.',
    ),
    interested_parties: field(
      textList,
      'Interested parties',
      'The people and organisations whose needs shaped the scope, such as customers, regulators or staff.',
    ),
  },
  required: ['ai_systems'],
  example: {
    id: 'SCOPE-001',
    type: 'aims-scope',
    title: 'Scope of the AI management system',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '2.0',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-01-15',
    last_reviewed: '2026-01-15',
    next_review: '2027-01-15',
    clauses: ['4.3'],
    ai_systems: ['SYS-CREDIT-SCORE', 'SYS-SUPPORT-BOT'],
    boundaries: ['Retail lending division, all EU sites', 'Customer support operations'],
    exclusions: ['Corporate treasury: uses no AI systems'],
    interested_parties: ['Loan applicants', 'Banking supervisor', 'Support staff'],
  },
});
