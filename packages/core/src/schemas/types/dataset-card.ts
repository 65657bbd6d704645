import {
  documentId,
  documentIdList,
  documentSchema,
  field,
  requires,
  text,
} from '../definitions.js';

export const datasetCardSchema = documentSchema({
  type: 'dataset-card',
  title: 'Dataset card',
  description:
    'Documentation of data used to build, test or run an AI system: where it came from, what it contains and how it may be used.',
  properties: {
    system: field(documentId, 'AI system', 'The id of the ai-system document that uses this data. Use systems instead when several do.'),
    systems: field(documentIdList, 'AI systems', 'Ids of the ai-system documents that use this data, when there is more than one.'),
    provenance: field(
      text,
      'Provenance',
      'Where the data came from and how it was obtained: source, collection method, dates and any transformations before use.',
    ),
    license: field(text, 'Licence', 'The licence or agreement under which the data may be used.'),
    personal_data: field(
      { type: 'boolean' },
      'Contains personal data',
      'true when the data contains information about identifiable people, which brings data-protection duties.',
    ),
    size: field(text, 'Size', 'How much data there is, in whatever unit is meaningful, such as "1.2 million rows".'),
  },
  required: ['provenance'],
  constraints: [
    {
      $comment: 'The data must be tied to at least one AI system, by either field.',
      anyOf: [requires('system'), requires('systems')],
    },
  ],
  example: {
    id: 'DS-LOAN-HISTORY',
    type: 'dataset-card',
    title: 'Dataset card: historical loan outcomes',
    owner: 'ROLE-DATA-STEWARD',
    status: 'approved',
    version: '1.1',
    approved_by: 'ROLE-DPO',
    approved_on: '2026-02-12',
    last_reviewed: '2026-02-12',
    next_review: '2027-02-12',
    controls: ['A.7.2', 'A.7.5'],
    systems: ['SYS-CREDIT-SCORE'],
    provenance:
      'Exported from the core banking system on 2025-12-01: loans opened 2015-2024 with their repayment outcome; identifiers pseudonymised before export.',
    license: 'Internal use only',
    personal_data: true,
    size: '1.2 million loans',
  },
});
