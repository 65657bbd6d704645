import {
  type JsonSchema,
  closedObject,
  controlIdList,
  date,
  documentId,
  documentSchema,
  field,
  roleId,
  severity,
  text,
} from '../definitions.js';

const score = { type: 'integer', minimum: 1, maximum: 5 } as const satisfies JsonSchema;

/**
 * Treatment and residual level are optional on purpose: a newly identified
 * risk is recorded before anyone has decided what to do about it.
 */
const risk = closedObject(
  {
    id: field(text, 'Risk id', 'A short label for the risk, unique in this document, such as R-01.'),
    title: field(text, 'Title', 'A few words naming the risk.'),
    description: field(text, 'Description', 'What could go wrong, for whom, and why.'),
    category: field(text, 'Category', 'A grouping of your choice, such as fairness, robustness or privacy.'),
    likelihood: field(score, 'Likelihood', 'How likely the risk is to happen, from 1 (rare) to 5 (almost certain).'),
    impact: field(score, 'Impact', 'How bad it would be if it happened, from 1 (negligible) to 5 (severe).'),
    treatment: field(
      { type: 'string', enum: ['mitigate', 'accept', 'transfer', 'avoid'] },
      'Treatment',
      'What the organisation decided to do: mitigate it, accept it, transfer it (for example by insurance or contract) or avoid it.',
    ),
    treatment_plan: field(text, 'Treatment plan', 'The concrete actions that carry out the treatment.'),
    controls: field(controlIdList, 'Annex A controls', 'The Annex A controls that address this risk.'),
    residual: field(severity, 'Residual risk', 'The risk that remains after treatment: low, medium or high.'),
    owner: field(roleId, 'Risk owner', 'The role (ROLE-...) accountable for this risk.'),
    due_on: field(date, 'Due on', 'The date (YYYY-MM-DD) by which the treatment should be in place.'),
  },
  ['id', 'description', 'likelihood', 'impact'],
);

export const riskAssessmentSchema = documentSchema({
  type: 'risk-assessment',
  title: 'AI risk assessment',
  description:
    'The risks one AI system poses to the organisation and to others, how likely and severe each is, and how each is treated.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document this assessment is about.'),
    risks: field(
      { type: 'array', items: risk },
      'Risks',
      'The risks identified, each scored for likelihood and impact with its treatment and residual level.',
    ),
    methodology: field(text, 'Methodology', 'How risks were identified and scored, or the id or link of the document that says so.'),
    assessed_on: field(date, 'Assessed on', 'The date (YYYY-MM-DD) the assessment was carried out.'),
  },
  required: ['system'],
  example: {
    id: 'RA-CREDIT-SCORE',
    type: 'risk-assessment',
    title: 'Risk assessment: credit scoring model',
    owner: 'ROLE-RISK-MANAGER',
    status: 'approved',
    version: '1.4',
    approved_by: 'ROLE-CRO',
    approved_on: '2026-02-20',
    last_reviewed: '2026-02-20',
    next_review: '2026-08-20',
    clauses: ['6.1.2', '8.2'],
    system: 'SYS-CREDIT-SCORE',
    assessed_on: '2026-02-18',
    risks: [
      {
        id: 'R-01',
        description: 'Scores are systematically lower for applicants from some postcodes, which can stand in for ethnicity.',
        category: 'fairness',
        likelihood: 3,
        impact: 4,
        treatment: 'mitigate',
        treatment_plan: 'Remove postcode features; run a quarterly disparity test across protected groups.',
        controls: ['A.5.4', 'A.6.2.4'],
        residual: 'low',
        owner: 'ROLE-ML-LEAD',
      },
      {
        id: 'R-02',
        description: 'Model drift after an interest-rate change degrades accuracy unnoticed.',
        likelihood: 2,
        impact: 3,
        treatment: 'mitigate',
        controls: ['A.6.2.6'],
        residual: 'medium',
      },
    ],
  },
});
