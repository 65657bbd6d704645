import { date, documentIdList, documentSchema, field, text, textList } from '../definitions.js';

export const aiSystemSchema = documentSchema({
  type: 'ai-system',
  title: 'AI system',
  description:
    'One AI system in the inventory: what it is for, where it is in its life cycle and how risky it is. A deployed system needs an approved model card, risk assessment and impact assessment that name it.',
  properties: {
    purpose: field(text, 'Purpose', 'What the system is for and what decisions or outputs it produces, in plain words.'),
    lifecycle_stage: field(
      { type: 'string', enum: ['design', 'development', 'deployed', 'retired'] },
      'Life-cycle stage',
      'Where the system is now: design, development, deployed (in use) or retired. Deployed systems must have their model card and assessments approved.',
    ),
    risk_tier: field(
      { type: 'string', enum: ['minimal', 'limited', 'high', 'unacceptable'] },
      'Risk tier',
      'The risk class the organisation assigned to the system: minimal, limited, high or unacceptable.',
    ),
    suppliers: field(
      documentIdList,
      'Suppliers',
      'Ids of the supplier-assessment documents for third parties that provide models, data or services to this system.',
    ),
    intended_users: field(
      textList,
      'Intended users',
      'Who uses the system or its outputs, such as loan officers or customers.',
    ),
    deployed_on: field(date, 'Deployed on', 'The date (YYYY-MM-DD) the system first went into use.'),
  },
  required: ['purpose', 'lifecycle_stage'],
  example: {
    id: 'SYS-CREDIT-SCORE',
    type: 'ai-system',
    title: 'Credit scoring model service',
    owner: 'ROLE-ML-LEAD',
    status: 'approved',
    version: '3.1',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-03-02',
    last_reviewed: '2026-03-02',
    next_review: '2026-09-02',
    controls: ['A.4.2', 'A.6.2.2'],
    related: ['MC-CREDIT-SCORE', 'RA-CREDIT-SCORE', 'IA-CREDIT-SCORE'],
    purpose: 'Estimates the probability that a retail loan applicant repays, to support a human credit decision.',
    lifecycle_stage: 'deployed',
    risk_tier: 'high',
    suppliers: ['SUP-CLOUDML'],
    intended_users: ['Loan officers'],
    deployed_on: '2024-11-04',
    tags: ['retail-lending'],
  },
});
