import { date, documentSchema, field, roleId, text } from '../definitions.js';

export const trainingRecordSchema = documentSchema({
  type: 'training-record',
  title: 'Training record',
  description:
    'Evidence that a person holding a role has the training or awareness that role needs. A record is current for 12 months after completion unless it says it expires earlier.',
  properties: {
    holder: field(text, 'Holder', 'The person who completed the training.'),
    role: field(roleId, 'Role', 'The role (ROLE-...) the training qualifies the holder for.'),
    course: field(text, 'Course', 'The name of the course, workshop or briefing.'),
    completed_on: field(date, 'Completed on', 'The date (YYYY-MM-DD) the training was completed.'),
    expires_on: field(
      date,
      'Expires on',
      'The date (YYYY-MM-DD) the training stops counting, when earlier than 12 months after completion.',
    ),
    provider: field(text, 'Provider', 'Who delivered the training: a team, a company or a platform.'),
    certificate: field(text, 'Certificate', 'A reference to the certificate or attendance record, such as a link or a file name.'),
  },
  required: ['holder', 'role', 'completed_on'],
  example: {
    id: 'TR-2026-014',
    type: 'training-record',
    title: 'AI risk training: Sam Lindqvist',
    owner: 'ROLE-HR-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-03-05',
    last_reviewed: '2026-03-05',
    next_review: '2027-03-05',
    controls: ['A.4.6'],
    clauses: ['7.2', '7.3'],
    holder: 'Sam Lindqvist',
    role: 'ROLE-AI-GOV-LEAD',
    course: 'AI risk management for governance leads',
    completed_on: '2026-03-04',
    expires_on: '2027-03-04',
    provider: 'Internal academy',
  },
});
