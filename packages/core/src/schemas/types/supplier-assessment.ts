import { date, documentIdList, documentSchema, field, text, textList } from '../definitions.js';

export const supplierAssessmentSchema = documentSchema({
  type: 'supplier-assessment',
  title: 'Supplier assessment',
  description:
    'How a third party that supplies AI models, data, tools or services was assessed, and how responsibilities are split between it and the organisation.',
  properties: {
    supplier: field(text, 'Supplier', 'The name of the supplier.'),
    responsibilities: field(
      textList,
      'Responsibilities',
      'Who does what: the duties agreed with the supplier, one per item.',
    ),
    attestations: field(
      textList,
      'Attestations',
      'Certificates, audit reports or contractual commitments the supplier provided, one per item.',
    ),
    systems: field(documentIdList, 'AI systems', 'Ids of the ai-system documents that depend on this supplier.'),
    services: field(textList, 'Services', 'What the supplier provides, such as model hosting or labelled data.'),
    assessed_on: field(date, 'Assessed on', 'The date (YYYY-MM-DD) the assessment was carried out.'),
    contract: field(text, 'Contract', 'A reference to the governing contract or agreement.'),
  },
  required: ['supplier'],
  example: {
    id: 'SUP-CLOUDML',
    type: 'supplier-assessment',
    title: 'Supplier assessment: CloudML hosting',
    owner: 'ROLE-PROCUREMENT-LEAD',
    status: 'approved',
    version: '1.0',
    approved_by: 'ROLE-AI-GOV-LEAD',
    approved_on: '2026-02-02',
    last_reviewed: '2026-02-02',
    next_review: '2027-02-02',
    controls: ['A.10.2', 'A.10.3'],
    supplier: 'CloudML Ltd',
    services: ['Model hosting', 'Inference logging'],
    responsibilities: [
      'CloudML keeps the serving infrastructure patched and available at 99.9%',
      'We own model updates, monitoring and every credit decision',
    ],
    attestations: ['ISO/IEC 27001 certificate, valid to 2027-05', 'SOC 2 Type II report 2025'],
    systems: ['SYS-CREDIT-SCORE'],
    assessed_on: '2026-01-30',
    contract: 'MSA-2024-117',
  },
});
