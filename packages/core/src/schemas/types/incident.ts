import { date, documentId, documentIdList, documentSchema, field, text } from '../definitions.js';

export const incidentSchema = documentSchema({
  type: 'incident',
  title: 'Incident',
  description:
    'A record of something that went wrong with an AI system or with the management system (a nonconformity): what happened, its effect, and how it was handled.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document involved. Use systems when there are several.'),
    systems: field(documentIdList, 'AI systems', 'Ids of the ai-system documents involved, when there is more than one.'),
    severity: field(
      { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
      'Severity',
      'How serious the incident was: low, medium, high or critical.',
    ),
    occurred_on: field(date, 'Occurred on', 'The date (YYYY-MM-DD) the incident happened or began.'),
    detected_on: field(date, 'Detected on', 'The date (YYYY-MM-DD) the incident was noticed.'),
    resolved_on: field(date, 'Resolved on', 'The date (YYYY-MM-DD) the incident was brought under control.'),
    root_cause: field(text, 'Root cause', 'Why the incident happened, once known.'),
    corrective_actions: field(
      documentIdList,
      'Corrective actions',
      'Ids of the corrective-action documents raised to stop it happening again.',
    ),
  },
  example: {
    id: 'INC-2026-007',
    type: 'incident',
    title: 'Support chatbot quoted a withdrawn interest rate',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-CRO',
    approved_on: '2026-02-14',
    last_reviewed: '2026-02-14',
    next_review: '2026-08-14',
    clauses: ['10.2'],
    system: 'SYS-SUPPORT-BOT',
    severity: 'medium',
    occurred_on: '2026-02-03',
    detected_on: '2026-02-04',
    resolved_on: '2026-02-05',
    root_cause: 'The retrieval index was not rebuilt after the rate sheet changed.',
    corrective_actions: ['CA-2026-002'],
  },
});
