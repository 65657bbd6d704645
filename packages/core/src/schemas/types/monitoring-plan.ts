import {
  closedObject,
  documentId,
  documentIdList,
  documentSchema,
  field,
  roleId,
  text,
} from '../definitions.js';

const metric = closedObject(
  {
    name: field(text, 'Name', 'What is measured, such as false-refusal rate.'),
    description: field(text, 'Description', 'How it is measured and why it matters.'),
    threshold: field(text, 'Threshold', 'The value that triggers action, such as "above 2% for a week".'),
    frequency: field(text, 'Frequency', 'How often it is measured, such as daily or per release.'),
    owner: field(roleId, 'Owner', 'The role (ROLE-...) that watches this metric and acts on it.'),
  },
  ['name'],
);

export const monitoringPlanSchema = documentSchema({
  type: 'monitoring-plan',
  title: 'Monitoring plan',
  description:
    'What is monitored and measured about AI systems and the management system, how often, by whom, and what triggers action.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document this plan monitors. Use systems when there are several.'),
    systems: field(documentIdList, 'AI systems', 'Ids of the ai-system documents this plan monitors, when there is more than one.'),
    metrics: field({ type: 'array', items: metric }, 'Metrics', 'The measures tracked, each with its threshold, frequency and owner.'),
  },
  example: {
    id: 'MON-CREDIT-SCORE',
    type: 'monitoring-plan',
    title: 'Monitoring plan: credit scoring model',
    owner: 'ROLE-ML-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-03-02',
    last_reviewed: '2026-03-02',
    next_review: '2026-09-02',
    controls: ['A.6.2.6'],
    clauses: ['9.1'],
    system: 'SYS-CREDIT-SCORE',
    metrics: [
      {
        name: 'Population stability index',
        description: 'Shift of the score distribution against the training baseline.',
        threshold: 'above 0.2 for two consecutive weeks',
        frequency: 'weekly',
        owner: 'ROLE-ML-LEAD',
      },
      {
        name: 'Approval-rate gap between protected groups',
        threshold: 'more than 5 percentage points',
        frequency: 'monthly',
        owner: 'ROLE-AI-GOV-LEAD',
      },
    ],
  },
});
