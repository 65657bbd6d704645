import { documentIdList, documentSchema, field } from '../definitions.js';

export const procedureSchema = documentSchema({
  type: 'procedure',
  title: 'Procedure',
  description:
    'A process or standard operating procedure, such as human oversight, escalation or incident handling. The steps are the Markdown body.',
  properties: {
    systems: field(
      documentIdList,
      'AI systems',
      'Ids of the ai-system documents the procedure applies to, when it is specific to some systems.',
    ),
  },
  example: {
    id: 'PROC-INCIDENT',
    type: 'procedure',
    title: 'AI incident handling',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.1',
    approved_by: 'ROLE-CRO',
    approved_on: '2026-01-28',
    last_reviewed: '2026-01-28',
    next_review: '2027-01-28',
    controls: ['A.3.3', 'A.8.4'],
    clauses: ['10.2'],
    related: ['ROLES-001'],
    description: 'How staff report, triage and close incidents involving an AI system.',
  },
});
