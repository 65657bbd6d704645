import {
  clauseIdList,
  closedObject,
  controlIdList,
  date,
  documentId,
  documentSchema,
  field,
  text,
  textList,
} from '../definitions.js';

/**
 * Audit findings are listed only loosely: grading schemes differ between
 * organisations (major/minor, observation, opportunity...), so the grade is
 * free text.
 */
const finding = closedObject(
  {
    id: field(text, 'Finding id', 'A short label for the finding, unique in this report, such as F-03.'),
    grade: field(text, 'Grade', 'How the finding is classed in your scheme, such as major nonconformity, minor nonconformity or observation.'),
    description: field(text, 'Description', 'What was found and where.'),
    clauses: field(clauseIdList, 'Clauses', 'The clauses the finding concerns.'),
    controls: field(controlIdList, 'Annex A controls', 'The Annex A controls the finding concerns.'),
    corrective_action: field(documentId, 'Corrective action', 'The id of the corrective-action document raised for this finding.'),
  },
  ['description'],
);

export const auditReportSchema = documentSchema({
  type: 'audit-report',
  title: 'Audit report',
  description:
    'An internal audit programme or the results of one audit of the AI management system: what was audited, by whom, and what was found.',
  properties: {
    audit_scope: field(text, 'Audit scope', 'What the audit covered: processes, sites, systems or clauses.'),
    auditors: field(textList, 'Auditors', 'Who carried out the audit. Auditors should not audit their own work.'),
    conducted_on: field(date, 'Conducted on', 'The date (YYYY-MM-DD) the audit took place, or started.'),
    findings: field({ type: 'array', items: finding }, 'Findings', 'What the audit found, one item per finding.'),
  },
  example: {
    id: 'AUD-2026-01',
    type: 'audit-report',
    title: 'Internal audit 2026-Q1: AI risk and impact assessment',
    owner: 'ROLE-INTERNAL-AUDIT',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-04-02',
    last_reviewed: '2026-04-02',
    next_review: '2027-04-02',
    clauses: ['9.2'],
    audit_scope: 'Clauses 6.1.2 and 6.1.4 for all deployed AI systems',
    auditors: ['Priya Raman (internal audit)'],
    conducted_on: '2026-03-23',
    findings: [
      {
        id: 'F-01',
        grade: 'minor nonconformity',
        description: 'The support chatbot impact assessment was not updated after the model change in January.',
        clauses: ['8.4'],
        corrective_action: 'CA-2026-003',
      },
    ],
  },
});
