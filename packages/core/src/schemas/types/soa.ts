import {
  closedObject,
  controlId,
  documentSchema,
  field,
  roleId,
  text,
  textList,
} from '../definitions.js';

/**
 * Only the control and the decision are required. Whether an excluded
 * control is justified, or an applicable one evidenced, is left to the soa/*
 * rules: they also see the body table and can explain the problem better
 * than a schema error could.
 */
const entry = closedObject(
  {
    control: field(controlId, 'Control', 'The Annex A control this entry is about, such as A.6.2.4.'),
    title: field(text, 'Control title', "The control's short title, to make the list easier to read."),
    applicable: field(
      { type: 'boolean' },
      'Applicable',
      'true when the control is applied, false when it is excluded. Write true or false, not yes or no.',
    ),
    // A plain string, not `text`: an empty justification is soa/exclusion-unjustified's to report, once, in words.
    justification: field(
      { type: 'string' },
      'Justification',
      'Why the control is included or, above all, why it is excluded. An excluded control needs a real reason, not N/A or TBD.',
    ),
    implementation: field(text, 'Implementation', 'How the control is put into practice.'),
    evidence: field(
      textList,
      'Evidence',
      'What shows the control is in place: document ids (POL-001) or links relative to this SoA file, as Markdown links are, optionally to a heading (../policies/ai-policy.md#policy-review). Applicable controls need at least one.',
    ),
    owner: field(roleId, 'Control owner', 'The role (ROLE-...) responsible for the control.'),
    notes: field(text, 'Notes', 'Anything else worth recording about this control.'),
  },
  ['control', 'applicable'],
);

export const soaSchema = documentSchema({
  type: 'soa',
  title: 'Statement of Applicability',
  description:
    'States, for every Annex A control, whether it applies, why, and what evidences it. Controls may be listed in entries, in a table in the body, or both (then they must agree).',
  properties: {
    entries: field(
      { type: 'array', items: entry },
      'Entries',
      'One entry per Annex A control. Optional when the body holds the table instead.',
    ),
  },
  example: {
    id: 'SOA-001',
    type: 'soa',
    title: 'Statement of Applicability',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-03-10',
    last_reviewed: '2026-03-10',
    next_review: '2027-03-10',
    clauses: ['6.1.3'],
    entries: [
      {
        control: 'A.2.2',
        title: 'AI policy',
        applicable: true,
        implementation: 'Board-approved AI policy, reviewed yearly.',
        evidence: ['../policies/ai-policy.md#policy-review', 'POL-001'],
      },
      {
        control: 'A.10.4',
        applicable: false,
        justification: 'We offer no AI system to customers.',
      },
    ],
  },
});
