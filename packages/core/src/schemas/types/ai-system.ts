import { closedObject, date, documentIdList, documentSchema, field, text, textList } from '../definitions.js';
import { ANNEX_III_AREAS } from '../../catalog/eu-ai-act-profile.js';

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
    eu_ai_act: field(
      closedObject(
        {
          role: field(
            { type: 'string', enum: ['provider', 'deployer', 'both'] },
            'Role',
            'What the organisation is for this system under the EU AI Act: the provider (it develops the system or has it developed and places it on the market under its name), the deployer (it uses the system under its authority), or both.',
          ),
          risk: field(
            { type: 'string', enum: ['prohibited', 'high', 'limited', 'minimal'] },
            'Risk class',
            'The class the EU AI Act puts the system in: prohibited (Article 5), high (Article 6 with Annex I or Annex III), limited (the transparency duties of Article 50) or minimal.',
          ),
          annex_iii: field(
            { type: 'string', enum: [...ANNEX_III_AREAS] },
            'Annex III area',
            'For a high-risk system listed in Annex III, its area: biometrics (1), critical-infrastructure (2), education (3), employment (4), essential-services (5, such as credit scoring), law-enforcement (6), migration (7) or justice-democracy (8). Leave it out for a system that is high-risk as a product under Annex I.',
          ),
          gpai: field({ type: 'boolean' }, 'General-purpose AI model', 'true when the system is or builds on a general-purpose AI model (Chapter V).'),
        },
        ['role', 'risk'],
      ),
      'EU AI Act profile',
      'How the EU AI Act (Regulation (EU) 2024/1689) applies to the system. aimslint then checks that the documents the role and risk class require exist and are approved.',
    ),
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
    eu_ai_act: { role: 'provider', risk: 'high', annex_iii: 'essential-services', gpai: false },
    tags: ['retail-lending'],
  },
});
