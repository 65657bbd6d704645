import { closedObject, date, documentSchema, field, roleId, text } from '../definitions.js';

/**
 * The format names no objective fields; these are the ones an objective is
 * usually judged by (what, measured how, by when, by whom). Only the
 * objective itself is required so that differently structured plans fit.
 */
const objective = closedObject(
  {
    id: field(text, 'Objective id', 'A short label for the objective, unique in this document, such as OBJ-1.'),
    objective: field(text, 'Objective', 'What the organisation wants to achieve, in one sentence.'),
    measure: field(text, 'Measure', 'How achievement is measured: the indicator or evidence that shows progress.'),
    target: field(
      { anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] },
      'Target',
      'The value or state that counts as achieved, such as 95 or "all deployed systems".',
    ),
    due_on: field(date, 'Due on', 'The date (YYYY-MM-DD) by which the objective should be met.'),
    owner: field(roleId, 'Owner', 'The role (ROLE-...) responsible for meeting the objective.'),
  },
  ['objective'],
);

export const aiObjectivesSchema = documentSchema({
  type: 'ai-objectives',
  title: 'AI objectives',
  description:
    'The measurable goals the organisation sets for its AI management system and how it plans to reach them.',
  properties: {
    objectives: field(
      { type: 'array', items: objective },
      'Objectives',
      'The objectives, each with how it is measured, its target, its deadline and who owns it. They may instead be written in the body.',
    ),
  },
  example: {
    id: 'OBJ-001',
    type: 'ai-objectives',
    title: 'AI objectives 2026',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-01-20',
    last_reviewed: '2026-01-20',
    next_review: '2026-07-20',
    clauses: ['6.2'],
    related: ['POL-001'],
    objectives: [
      {
        id: 'OBJ-1',
        objective: 'Every deployed AI system has an approved impact assessment.',
        measure: 'Share of deployed systems with a current, approved impact assessment',
        target: 100,
        due_on: '2026-06-30',
        owner: 'ROLE-AI-GOV-LEAD',
      },
    ],
  },
});
