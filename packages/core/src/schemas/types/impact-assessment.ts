import {
  closedObject,
  controlIdList,
  date,
  documentId,
  documentSchema,
  field,
  severity,
  text,
  textList,
} from '../definitions.js';

const impact = closedObject(
  {
    area: field(
      { type: 'string', enum: ['individuals', 'groups', 'society'] },
      'Affected area',
      'Who feels the impact: individuals, groups of people, or society as a whole.',
    ),
    description: field(text, 'Description', 'What the impact is and how it comes about.'),
    severity: field(severity, 'Severity', 'How serious the impact is: low, medium or high.'),
    mitigation: field(text, 'Mitigation', 'What is done to prevent or reduce the impact.'),
    controls: field(controlIdList, 'Annex A controls', 'The Annex A controls that address this impact.'),
  },
  ['area', 'description'],
);

export const impactAssessmentSchema = documentSchema({
  type: 'impact-assessment',
  title: 'AI system impact assessment',
  description:
    'The consequences one AI system can have for the people it affects, for groups of people and for society, and what is done about them.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document this assessment is about.'),
    affected_groups: field(
      textList,
      'Affected groups',
      'The groups of people the system can affect, such as applicants, employees or people in a region.',
    ),
    impacts: field({ type: 'array', items: impact }, 'Impacts', 'The impacts identified, each with its area, severity and mitigation.'),
    assessed_on: field(date, 'Assessed on', 'The date (YYYY-MM-DD) the assessment was carried out.'),
  },
  required: ['system'],
  example: {
    id: 'IA-CREDIT-SCORE',
    type: 'impact-assessment',
    title: 'Impact assessment: credit scoring model',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.2',
    approved_by: 'ROLE-CRO',
    approved_on: '2026-02-25',
    last_reviewed: '2026-02-25',
    next_review: '2026-08-25',
    controls: ['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'],
    clauses: ['6.1.4', '8.4'],
    system: 'SYS-CREDIT-SCORE',
    affected_groups: ['Loan applicants', 'Applicants with thin credit files'],
    impacts: [
      {
        area: 'individuals',
        description: 'An applicant is refused credit on the basis of an inaccurate score.',
        severity: 'high',
        mitigation: 'A loan officer reviews every refusal; applicants can ask for a human reassessment.',
      },
      {
        area: 'society',
        description: 'Systematic exclusion of people with little credit history from affordable credit.',
        severity: 'medium',
        mitigation: 'Alternative data paths for thin-file applicants, monitored quarterly.',
      },
    ],
  },
});
